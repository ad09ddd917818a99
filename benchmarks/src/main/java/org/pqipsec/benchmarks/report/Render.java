package org.pqipsec.benchmarks.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a JMH JSON result file into a Markdown page with tables and SVG charts.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.pqipsec.benchmarks.report.Render RESULT.json
 *     [--environment FILE] [--markdown FILE] [--charts DIR]
 * </pre>
 *
 * <p>By default the environment file is {@code environment.txt}, the page {@code BENCHMARKS.md}
 * and the charts folder {@code charts}, all beside the result file. The environment file has
 * one {@code key=value} line per fact about the machine and the run ({@code cpu}, {@code cores},
 * {@code command}, ...), as {@code benchmarks/run} writes it. A missing environment file leaves
 * those facts out of the page.
 */
public final class Render {

    private Render() {}

    public static void main(String[] args) {
        try {
            run(args);
        } catch (IllegalArgumentException | IOException | UncheckedIOException e) {
            System.err.println("render: " + e.getMessage());
            System.exit(e instanceof IllegalArgumentException ? 2 : 1);
        }
    }

    /**
     * Parses {@code args}, reads the result and environment files, and writes the page and charts.
     *
     * @throws IllegalArgumentException if an argument or the result file is invalid
     * @throws IOException if a file cannot be read or written
     */
    static void run(String[] args) throws IOException {
        Path results = null;
        Path environmentFile = null;
        Path markdown = null;
        Path chartDirectory = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--environment" -> environmentFile = Path.of(value(args, ++i, arg));
                case "--markdown" -> markdown = Path.of(value(args, ++i, arg));
                case "--charts" -> chartDirectory = Path.of(value(args, ++i, arg));
                default -> {
                    if (arg.startsWith("--") || results != null) {
                        throw new IllegalArgumentException("unexpected argument " + arg + "; usage: Render RESULT.json"
                                + " [--environment FILE] [--markdown FILE] [--charts DIR]");
                    }
                    results = Path.of(arg);
                }
            }
        }
        if (results == null) {
            throw new IllegalArgumentException("missing the JMH result file; usage: Render RESULT.json"
                    + " [--environment FILE] [--markdown FILE] [--charts DIR]");
        }
        Path base = results.toAbsolutePath().getParent();
        environmentFile = environmentFile != null ? environmentFile : base.resolve("environment.txt");
        markdown = markdown != null ? markdown : base.resolve("BENCHMARKS.md");
        chartDirectory = chartDirectory != null ? chartDirectory : base.resolve("charts");

        List<Measurement> measurements = Measurement.readAll(Files.readString(results, StandardCharsets.UTF_8));
        Map<String, String> environment = Files.exists(environmentFile)
                ? readEnvironment(Files.readAllLines(environmentFile, StandardCharsets.UTF_8))
                : Map.of();
        Report report = new Report(measurements, environment);

        Files.createDirectories(chartDirectory);
        for (Map.Entry<String, String> chart : report.charts().entrySet()) {
            Files.writeString(chartDirectory.resolve(chart.getKey()), chart.getValue(), StandardCharsets.UTF_8);
        }
        Path markdownDirectory = markdown.toAbsolutePath().getParent();
        String chartLink = markdownDirectory.relativize(chartDirectory.toAbsolutePath()).toString().replace('\\', '/');
        Files.createDirectories(markdownDirectory);
        Files.writeString(markdown, report.markdown(chartLink.isEmpty() ? "." : chartLink), StandardCharsets.UTF_8);
        System.out.println("render: wrote " + markdown + " and " + report.charts().size() + " charts in " + chartDirectory);
    }

    /**
     * Reads {@code key=value} lines. Blank lines and lines starting with '#' are skipped, and the
     * value runs from the first '=' to the end of the line.
     *
     * @throws IllegalArgumentException if a line has no '='
     */
    static Map<String, String> readEnvironment(List<String> lines) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("environment line " + (i + 1) + " is not key=value: " + line);
            }
            environment.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
        }
        return environment;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
