package org.pqipsec.benchmarks.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One benchmark result of a JMH JSON file: one method with one parameter combination.
 *
 * @param benchmark the fully qualified method name, such as
 *     {@code org.pqipsec.benchmarks.EspBenchmark.seal}
 * @param mode JMH's short mode name: {@code thrpt}, {@code avgt}, {@code sample} or {@code ss}
 * @param params the {@code @Param} values, in JMH's order
 * @param score the primary score in {@code unit}
 * @param error the half-width of JMH's 99.9% confidence interval, NaN when JMH had too few
 *     iterations to compute one
 * @param unit JMH's score unit, such as {@code ops/s} or {@code us/op}
 * @param settings how the JVM and JMH ran this benchmark
 */
public record Measurement(String benchmark, String mode, Map<String, String> params, double score,
        double error, String unit, RunSettings settings) {

    /**
     * JVM and JMH settings of one benchmark run.
     *
     * @param jvmArgs the JVM flags of the forked JVM, without the benchmark's own
     */
    public record RunSettings(String jmhVersion, String jdkVersion, String vmName, String vmVersion,
            List<String> jvmArgs, int forks, int threads, int warmupIterations, String warmupTime,
            int measurementIterations, String measurementTime) {}

    public Measurement {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** Returns the simple name of the benchmark class, such as {@code EspBenchmark}. */
    public String className() {
        String qualifiedClass = benchmark.substring(0, benchmark.lastIndexOf('.'));
        return qualifiedClass.substring(qualifiedClass.lastIndexOf('.') + 1);
    }

    /** Returns the benchmark method name, such as {@code seal}. */
    public String method() {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    /** Returns true when a higher score is better, as for a throughput unit such as ops/s. */
    public boolean higherIsBetter() {
        return unit.startsWith("ops/");
    }

    /**
     * Returns the score as operations per second, converting from the unit JMH used.
     *
     * @throws IllegalArgumentException if the unit is not ops per time or time per op
     */
    public double operationsPerSecond() {
        String[] parts = unit.split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("unsupported score unit: " + unit);
        }
        if (parts[0].equals("ops")) {
            return score / secondsIn(parts[1]);
        }
        if (parts[1].equals("op")) {
            return 1 / (score * secondsIn(parts[0]));
        }
        throw new IllegalArgumentException("unsupported score unit: " + unit);
    }

    private static double secondsIn(String timeUnit) {
        return switch (timeUnit) {
            case "s" -> 1;
            case "ms" -> 1e-3;
            case "us" -> 1e-6;
            case "ns" -> 1e-9;
            case "min" -> 60;
            default -> throw new IllegalArgumentException("unsupported time unit: " + timeUnit);
        };
    }

    /**
     * Reads every result of a JMH JSON result file ({@code -rf json}).
     *
     * @throws IllegalArgumentException if the text is not JSON or lacks a field JMH always writes
     */
    public static List<Measurement> readAll(String jmhJson) {
        if (!(Json.parse(jmhJson) instanceof List<?> results)) {
            throw new IllegalArgumentException("JMH result file must hold a JSON array");
        }
        List<Measurement> measurements = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            if (!(results.get(i) instanceof Map<?, ?> result)) {
                throw new IllegalArgumentException("result " + i + " is not a JSON object");
            }
            measurements.add(read(new Fields(result, "result " + i)));
        }
        return measurements;
    }

    private static Measurement read(Fields result) {
        Fields metric = result.object("primaryMetric");
        Map<String, String> params = new LinkedHashMap<>();
        if (result.has("params")) {
            Fields paramFields = result.object("params");
            for (String name : paramFields.names()) {
                params.put(name, paramFields.string(name));
            }
        }
        List<String> jvmArgs = new ArrayList<>();
        for (Object arg : result.list("jvmArgs")) {
            jvmArgs.add(String.valueOf(arg));
        }
        RunSettings settings = new RunSettings(result.string("jmhVersion"), result.string("jdkVersion"),
                result.string("vmName"), result.string("vmVersion"), List.copyOf(jvmArgs),
                result.integer("forks"), result.integer("threads"),
                result.integer("warmupIterations"), result.string("warmupTime"),
                result.integer("measurementIterations"), result.string("measurementTime"));
        return new Measurement(result.string("benchmark"), result.string("mode"), params,
                metric.number("score"), metric.number("scoreError"), metric.string("scoreUnit"), settings);
    }

    /** Typed access to the members of one JSON object, with the object's path in every error. */
    private record Fields(Map<?, ?> members, String path) {

        boolean has(String name) {
            return members.containsKey(name);
        }

        Object required(String name) {
            if (!members.containsKey(name)) {
                throw new IllegalArgumentException(path + " has no field " + name);
            }
            return members.get(name);
        }

        List<String> names() {
            return members.keySet().stream().map(String::valueOf).toList();
        }

        String string(String name) {
            if (!(required(name) instanceof String value)) {
                throw new IllegalArgumentException(path + "." + name + " is not a string");
            }
            return value;
        }

        /** Reads a number, which JMH writes as a string ("NaN") when it has none. */
        double number(String name) {
            Object value = required(name);
            if (value instanceof Double number) {
                return number;
            }
            if (value instanceof String text) {
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(path + "." + name + " is not a number: " + text, e);
                }
            }
            throw new IllegalArgumentException(path + "." + name + " is not a number");
        }

        int integer(String name) {
            double value = number(name);
            if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(path + "." + name + " is not an integer: " + value);
            }
            return (int) value;
        }

        List<?> list(String name) {
            if (!(required(name) instanceof List<?> value)) {
                throw new IllegalArgumentException(path + "." + name + " is not an array");
            }
            return value;
        }

        Fields object(String name) {
            if (!(required(name) instanceof Map<?, ?> value)) {
                throw new IllegalArgumentException(path + "." + name + " is not an object");
            }
            return new Fields(value, path + "." + name);
        }
    }
}
