package org.pqipsec.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ReportTest {

    @Test
    void readsJmhFields() {
        List<Measurement> measurements = Measurement.readAll(JmhResults.sample().json());

        assertEquals(9, measurements.size());
        Measurement first = measurements.getFirst();
        assertEquals("EspBenchmark", first.className());
        assertEquals("seal", first.method());
        assertEquals(Map.of("packetSize", "64", "implementation", "pqipsec"), first.params());
        assertEquals(1_000_000, first.score());
        assertEquals(10_000, first.error());
        assertEquals(List.of("--add-modules", "jdk.incubator.vector"), first.settings().jvmArgs());
        assertEquals(3, first.settings().measurementIterations());
        assertTrue(Double.isNaN(measurements.getLast().error()));
    }

    @Test
    void rejectsResultWithoutScore() {
        String json = JmhResults.sample().json().replaceFirst("\"score\" :", "\"points\" :");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Measurement.readAll(json));

        assertEquals("result 0.primaryMetric has no field score", e.getMessage());
    }

    @Test
    void convertsUnitsToOperationsPerSecond() {
        assertEquals(2_000, withUnit(2, "ops/ms").operationsPerSecond(), 1e-9);
        assertEquals(250_000, withUnit(4, "us/op").operationsPerSecond(), 1e-6);
        assertEquals(0.5, withUnit(2, "s/op").operationsPerSecond(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> withUnit(1, "B/op").operationsPerSecond());
    }

    @Test
    void groupsByClassWithPqipsecFirst() {
        List<BenchmarkGroup> groups = BenchmarkGroup.of(Measurement.readAll(JmhResults.sample().json()));

        assertEquals(2, groups.size());
        assertEquals(Optional.of("packetSize"), groups.get(0).sizeParam());
        assertEquals(2, groups.get(0).rows().size());
        assertEquals(Optional.empty(), groups.get(1).sizeParam());
        assertEquals(List.of("pqipsec", "SunJCE", "BouncyCastle"), groups.get(1).implementations());
        assertEquals(List.of("parameterSet"), groups.get(1).otherParams());
    }

    @Test
    void comparesAgainstFastestPeer() {
        List<BenchmarkGroup> groups = BenchmarkGroup.of(Measurement.readAll(JmhResults.sample().json()));
        BenchmarkGroup.Row seal64 = groups.get(0).rows().get(0);
        BenchmarkGroup.Row decapsulation = groups.get(1).rows().get(0);

        assertEquals("BouncyCastle", seal64.bestPeer().orElseThrow().getKey());
        assertEquals(1.25, seal64.speedRatio().orElseThrow(), 1e-12);
        assertFalse(seal64.withinError());
        assertEquals("SunJCE", decapsulation.bestPeer().orElseThrow().getKey());
        assertEquals(0.95, decapsulation.speedRatio().orElseThrow(), 1e-12);
        assertTrue(decapsulation.withinError());
    }

    @Test
    void markdownHasTablesRunFactsAndCharts() {
        Report report = new Report(Measurement.readAll(JmhResults.sample().json()),
                Map.of("cpu", "Example CPU", "cores", "2", "command", "benchmarks/run -f 1"));

        String markdown = report.markdown("charts");

        assertTrue(markdown.contains("| CPU | Example CPU |"), markdown);
        assertTrue(markdown.contains("| JVM flags | `--add-modules jdk.incubator.vector` |"), markdown);
        assertTrue(markdown.contains("```sh\nbenchmarks/run -f 1\n```"), markdown);
        assertTrue(markdown.contains("| seal | 64 | 1,000,000 ± 10,000 (64 MB/s) | 500,000 ± 10,000 (32 MB/s) |"
                + " 800,000 ± 10,000 (51.2 MB/s) | 1.25× vs BouncyCastle |"), markdown);
        assertTrue(markdown.contains("| decapsulation | ML-KEM-768 | 3,800 ± 500 | 4,000 ± 500 | 2,000 |"
                + " 0.95× vs SunJCE *(within error)* |"), markdown);
        assertTrue(markdown.contains("![EspBenchmark-seal.svg](charts/EspBenchmark-seal.svg)"), markdown);
        assertTrue(markdown.contains("![MlKemBenchmark.svg](charts/MlKemBenchmark.svg)"), markdown);
    }

    @Test
    void chartsAreWellFormedSvg() throws Exception {
        Report report = new Report(Measurement.readAll(JmhResults.sample().json()), Map.of());

        Map<String, String> charts = report.charts();

        assertEquals(List.of("EspBenchmark-seal.svg", "MlKemBenchmark.svg"), List.copyOf(charts.keySet()));
        Document line = parseXml(charts.get("EspBenchmark-seal.svg"));
        assertEquals("svg", line.getDocumentElement().getTagName());
        assertEquals(3, line.getElementsByTagName("polyline").getLength());
        Document bars = parseXml(charts.get("MlKemBenchmark.svg"));
        // A white background, three legend swatches and three bars.
        assertEquals(7, bars.getElementsByTagName("rect").getLength());
    }

    @Test
    void formatsNumbersToThreeDigits() {
        assertEquals("1,230,000", Report.formatNumber(1_234_567));
        assertEquals("0.0123", Report.formatNumber(0.012345));
        assertEquals("64", Report.formatNumber(64));
        assertEquals("0", Report.formatNumber(0));
        assertEquals("1.25×", Report.formatRatio(1.25));
    }

    @Test
    void renderWritesPageAndCharts(@TempDir Path directory) throws IOException {
        Path results = directory.resolve("results/jmh-result.json");
        Files.createDirectories(results.getParent());
        Files.writeString(results, JmhResults.sample().json());
        Files.writeString(directory.resolve("results/environment.txt"), "# run facts\ncpu=Example CPU\ncommand=a=b\n");
        Path markdown = directory.resolve("BENCHMARKS.md");

        Render.run(new String[] {results.toString(), "--markdown", markdown.toString()});

        String page = Files.readString(markdown);
        assertTrue(page.contains("| CPU | Example CPU |"), page);
        assertTrue(page.contains("```sh\na=b\n```"), page);
        assertTrue(page.contains("](results/charts/EspBenchmark-seal.svg)"), page);
        assertTrue(Files.exists(directory.resolve("results/charts/MlKemBenchmark.svg")));
    }

    @Test
    void renderRejectsUnknownOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Render.run(new String[] {"r.json", "--colour"}));

        assertTrue(e.getMessage().startsWith("unexpected argument --colour"), e.getMessage());
    }

    @Test
    void environmentLineNeedsEquals() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Render.readEnvironment(List.of("cpu=x", "cores 2")));

        assertEquals("environment line 2 is not key=value: cores 2", e.getMessage());
    }

    private static Measurement withUnit(double score, String unit) {
        return new Measurement("org.example.ExampleBenchmark.run", "thrpt", Map.of(), score, Double.NaN, unit,
                null);
    }

    private static Document parseXml(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
