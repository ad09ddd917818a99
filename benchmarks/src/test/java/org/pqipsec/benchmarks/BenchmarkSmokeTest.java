package org.pqipsec.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every benchmark of the module once, with every parameter combination, so that a benchmark
 * that throws (its setup checks each implementation's output) or is left out fails the build.
 * Single-shot mode, no warmup and no fork keep the whole pass to seconds. It asserts nothing
 * about speed.
 */
class BenchmarkSmokeTest {

    @Test
    void everyBenchmarkRunsOnce() throws RunnerException, IOException {
        Set<String> expected = expectedRuns();
        assertFalse(expected.isEmpty(), "no benchmarks in " + BenchmarkList.BENCHMARK_LIST);

        Options options = new OptionsBuilder()
                .include("org\\.pqipsec\\.benchmarks\\..*")
                .mode(Mode.SingleShotTime)
                .warmupIterations(0)
                .measurementIterations(1)
                .forks(0)
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build();
        Collection<RunResult> results = new Runner(options).run();

        Set<String> actual = new TreeSet<>();
        for (RunResult result : results) {
            var params = result.getParams();
            Map<String, String> values = new TreeMap<>();
            for (String key : params.getParamsKeys()) {
                values.put(key, params.getParam(key));
            }
            actual.add(params.getBenchmark() + " " + values);
            double score = result.getPrimaryResult().getScore();
            assertTrue(Double.isFinite(score), params.getBenchmark() + " " + values + " scored " + score);
            assertTrue(score > 0, params.getBenchmark() + " " + values + " scored " + score);
        }
        assertEquals(expected, actual);
    }

    /** Returns "benchmark {param=value, ...}" for every parameter combination JMH generated. */
    private static Set<String> expectedRuns() throws IOException {
        Set<String> runs = new TreeSet<>();
        for (BenchmarkListEntry entry : readBenchmarkList()) {
            Map<String, String[]> params = entry.getParams().orElse(Map.of());
            for (Map<String, String> combination : combinations(new TreeMap<>(params))) {
                runs.add(entry.getUsername() + " " + combination);
            }
        }
        return runs;
    }

    private static List<BenchmarkListEntry> readBenchmarkList() throws IOException {
        List<BenchmarkListEntry> entries = new ArrayList<>();
        String resource = BenchmarkList.BENCHMARK_LIST;
        try (InputStream in = Objects.requireNonNull(
                        BenchmarkSmokeTest.class.getResourceAsStream(resource), resource + " not found");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    entries.add(new BenchmarkListEntry(line));
                }
            }
        }
        return entries;
    }

    private static List<Map<String, String>> combinations(TreeMap<String, String[]> params) {
        List<Map<String, String>> combinations = new ArrayList<>();
        combinations.add(new TreeMap<>());
        for (var param : params.entrySet()) {
            List<Map<String, String>> extended = new ArrayList<>();
            for (Map<String, String> partial : combinations) {
                for (String value : param.getValue()) {
                    Map<String, String> next = new TreeMap<>(partial);
                    next.put(param.getKey(), value);
                    extended.add(next);
                }
            }
            combinations = extended;
        }
        return combinations;
    }
}
