package org.pqipsec.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds JMH JSON result files for the report tests, in the shape that JMH 1.37 writes. */
final class JmhResults {

    private final List<String> results = new ArrayList<>();

    /**
     * Adds one result. {@code params} alternates names and values, and an error of NaN is
     * written as JMH writes it, the string "NaN".
     */
    JmhResults add(String benchmark, double score, double error, String unit, String... params) {
        StringBuilder paramJson = new StringBuilder();
        for (int i = 0; i < params.length; i += 2) {
            paramJson.append(i == 0 ? "" : ", ").append('"').append(params[i]).append("\": \"")
                    .append(params[i + 1]).append('"');
        }
        String errorJson = Double.isNaN(error) ? "\"NaN\"" : String.format(Locale.ROOT, "%s", error);
        results.add("""
                {
                    "jmhVersion" : "1.37",
                    "benchmark" : "org.pqipsec.benchmarks.%s",
                    "mode" : "thrpt",
                    "threads" : 1,
                    "forks" : 1,
                    "jvm" : "/opt/jdk/bin/java",
                    "jvmArgs" : [ "--add-modules", "jdk.incubator.vector" ],
                    "jdkVersion" : "25.0.3",
                    "vmName" : "OpenJDK 64-Bit Server VM",
                    "vmVersion" : "25.0.3+9-LTS",
                    "warmupIterations" : 2,
                    "warmupTime" : "1 s",
                    "warmupBatchSize" : 1,
                    "measurementIterations" : 3,
                    "measurementTime" : "2 s",
                    "measurementBatchSize" : 1,
                    "params" : { %s },
                    "primaryMetric" : {
                        "score" : %s,
                        "scoreError" : %s,
                        "scoreConfidence" : [ 0, 0 ],
                        "scoreUnit" : "%s",
                        "rawData" : [ [ 1, 2, 3 ] ]
                    },
                    "secondaryMetrics" : { }
                }""".formatted(benchmark, paramJson, String.format(Locale.ROOT, "%s", score), errorJson, unit));
        return this;
    }

    String json() {
        return "[\n" + String.join(",\n", results) + "\n]\n";
    }

    /**
     * Returns a run of two classes: a packet benchmark with a size parameter and a KEM benchmark with a
     * parameter set, each with pqipsec and two peers.
     */
    static JmhResults sample() {
        JmhResults results = new JmhResults();
        for (String size : new String[] {"64", "1500"}) {
            double scale = size.equals("64") ? 1 : 0.5;
            results.add("EspBenchmark.seal", 1_000_000 * scale, 10_000, "ops/s", "packetSize", size,
                    "implementation", "pqipsec");
            results.add("EspBenchmark.seal", 500_000 * scale, 10_000, "ops/s", "packetSize", size,
                    "implementation", "JCA-naive");
            results.add("EspBenchmark.seal", 800_000 * scale, 10_000, "ops/s", "packetSize", size,
                    "implementation", "BouncyCastle");
        }
        results.add("MlKemBenchmark.decapsulation", 4_000, 500, "ops/s", "parameterSet", "ML-KEM-768",
                "implementation", "SunJCE");
        results.add("MlKemBenchmark.decapsulation", 3_800, 500, "ops/s", "parameterSet", "ML-KEM-768",
                "implementation", "pqipsec");
        results.add("MlKemBenchmark.decapsulation", 2_000, Double.NaN, "ops/s", "parameterSet", "ML-KEM-768",
                "implementation", "BouncyCastle");
        return results;
    }
}
