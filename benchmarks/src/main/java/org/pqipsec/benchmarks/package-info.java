/**
 * JMH benchmarks of pqipsec against SunJCE/SunEC and BouncyCastle, measured in the same run.
 *
 * <p>A new benchmark class in this package needs no change elsewhere. JMH's annotation processor
 * lists it, {@code BenchmarkSmokeTest} runs each of its methods once per parameter combination,
 * and {@link org.pqipsec.benchmarks.report.Render} gives it its own section, keyed by class name.
 * The report relies on these conventions:
 * <ul>
 *   <li>a {@code @Param} named {@code implementation} selects the implementation, and its value
 *       {@code pqipsec} is compared with the fastest of the other values in the same row;
 *   <li>an integer {@code @Param} whose name ends in {@code Size}, such as {@code packetSize},
 *       gets a chart of MB/s against that size per method, and other classes get one bar chart;
 *   <li>setup builds keys and packets before measurement and checks the output of the
 *       implementation it measures, so the smoke test fails when an implementation breaks.
 * </ul>
 */
package org.pqipsec.benchmarks;
