package org.pqipsec.benchmarks.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The results of one benchmark class, arranged for comparison: one {@link Row} per method and
 * parameter combination, with one measurement per implementation.
 *
 * <p>The implementation is the value of the {@code @Param} named {@value #IMPLEMENTATION_PARAM}.
 * The one named {@value #OURS} is compared against the best of the others (its peers). A class
 * without that parameter gets rows with a single measurement and no comparison. A class with an
 * integer parameter whose name ends in {@code Size} gets throughput charts against that size.
 */
public record BenchmarkGroup(String className, List<String> implementations, Optional<String> sizeParam,
        List<Row> rows) {

    /** The {@code @Param} name that selects the implementation. */
    public static final String IMPLEMENTATION_PARAM = "implementation";

    /** The implementation compared against the others. */
    public static final String OURS = "pqipsec";

    /** Name used in rows of a class without an implementation parameter. */
    static final String SINGLE = "score";

    /**
     * One operation with fixed parameters, as measured for each implementation.
     *
     * @param params every parameter except the implementation
     * @param byImplementation the measurement of each implementation that ran
     */
    public record Row(String method, Map<String, String> params, Map<String, Measurement> byImplementation) {

        /** Returns pqipsec's measurement, if it ran. */
        public Optional<Measurement> ours() {
            return Optional.ofNullable(byImplementation.get(OURS));
        }

        /** Returns the fastest measurement among the implementations other than pqipsec. */
        public Optional<Map.Entry<String, Measurement>> bestPeer() {
            Map.Entry<String, Measurement> best = null;
            for (Map.Entry<String, Measurement> entry : byImplementation.entrySet()) {
                if (entry.getKey().equals(OURS)) {
                    continue;
                }
                if (best == null || entry.getValue().operationsPerSecond() > best.getValue().operationsPerSecond()) {
                    best = entry;
                }
            }
            return Optional.ofNullable(best);
        }

        /**
         * Returns pqipsec's speed divided by the best peer's: above 1 pqipsec is faster, below 1
         * slower. Empty when either side is missing.
         */
        public Optional<Double> speedRatio() {
            Optional<Measurement> ours = ours();
            Optional<Map.Entry<String, Measurement>> peer = bestPeer();
            if (ours.isEmpty() || peer.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(ours.get().operationsPerSecond() / peer.get().getValue().operationsPerSecond());
        }

        /**
         * Returns true when pqipsec's and the best peer's confidence intervals overlap, so the
         * ratio does not show a difference JMH could tell apart from noise. False when an error
         * is unknown (NaN) or a side is missing.
         */
        public boolean withinError() {
            Optional<Measurement> ours = ours();
            Optional<Map.Entry<String, Measurement>> peer = bestPeer();
            if (ours.isEmpty() || peer.isEmpty()) {
                return false;
            }
            Measurement a = ours.get();
            Measurement b = peer.get().getValue();
            if (Double.isNaN(a.error()) || Double.isNaN(b.error()) || !a.unit().equals(b.unit())) {
                return false;
            }
            return Math.abs(a.score() - b.score()) <= a.error() + b.error();
        }
    }

    /** Splits {@code measurements} into one group per benchmark class, in order of appearance. */
    public static List<BenchmarkGroup> of(List<Measurement> measurements) {
        Map<String, List<Measurement>> byClass = new LinkedHashMap<>();
        for (Measurement measurement : measurements) {
            byClass.computeIfAbsent(measurement.className(), name -> new ArrayList<>()).add(measurement);
        }
        List<BenchmarkGroup> groups = new ArrayList<>();
        byClass.forEach((className, members) -> groups.add(group(className, members)));
        return List.copyOf(groups);
    }

    private static BenchmarkGroup group(String className, List<Measurement> members) {
        LinkedHashSet<String> implementations = new LinkedHashSet<>();
        Map<String, Row> rows = new LinkedHashMap<>();
        for (Measurement measurement : members) {
            Map<String, String> params = new LinkedHashMap<>(measurement.params());
            String implementation = params.remove(IMPLEMENTATION_PARAM);
            if (implementation == null) {
                implementation = SINGLE;
            }
            implementations.add(implementation);
            String key = measurement.method() + " " + params;
            Row row = rows.computeIfAbsent(key,
                    unused -> new Row(measurement.method(), Collections.unmodifiableMap(params), new LinkedHashMap<>()));
            row.byImplementation().put(implementation, measurement);
        }

        List<String> ordered = new ArrayList<>();
        if (implementations.remove(OURS)) {
            ordered.add(OURS);
        }
        ordered.addAll(implementations);
        return new BenchmarkGroup(className, List.copyOf(ordered), sizeParam(members),
                List.copyOf(rows.values()));
    }

    /** Finds a parameter named ...Size whose values are all integers, with at least two values. */
    private static Optional<String> sizeParam(List<Measurement> members) {
        Map<String, LinkedHashSet<String>> values = new LinkedHashMap<>();
        for (Measurement measurement : members) {
            measurement.params().forEach(
                    (name, value) -> values.computeIfAbsent(name, unused -> new LinkedHashSet<>()).add(value));
        }
        for (Map.Entry<String, LinkedHashSet<String>> entry : values.entrySet()) {
            boolean integers = entry.getValue().stream().allMatch(value -> value.matches("\\d{1,9}"));
            if (entry.getKey().endsWith("Size") && integers && entry.getValue().size() > 1) {
                return Optional.of(entry.getKey());
            }
        }
        return Optional.empty();
    }

    /** Returns the parameter names of the rows other than the size parameter, in row order. */
    public List<String> otherParams() {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (Row row : rows) {
            names.addAll(row.params().keySet());
        }
        sizeParam.ifPresent(names::remove);
        return List.copyOf(names);
    }
}
