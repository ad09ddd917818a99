package org.pqipsec.cli.capture;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs Wireshark's command-line tools (tshark, editcap) from PATH for tests, as an independent
 * reader of the files this package writes and reads.
 *
 * <p>Every run sets {@code WIRESHARK_CONFIG_DIR} to a fresh temporary directory, so the
 * user's Wireshark profile is neither read nor changed. A test that calls this class fails,
 * rather than being skipped, when the tool is missing.
 *
 * <p>ESP decryption runs:
 * <pre>
 * WIRESHARK_CONFIG_DIR=TMP tshark -n -r ESP.pcap
 *     -o esp.enable_encryption_decode:TRUE -o esp.enable_authentication_check:TRUE
 *     -d ip.proto==4,data -d ip.proto==41,data
 *     -T fields -E header=n -E separator=/t -E occurrence=f
 *     -e frame.number -e esp.spi -e esp.sequence -e esp.icv_good -e esp.icv_bad
 *     -e esp.pad_len -e esp.protocol -e esp.decrypted_data -e esp.contained_data
 * </pre>
 * with the {@code esp_sa} file copied into TMP. {@code esp.decrypted_data} spans tshark's
 * whole "Decrypted Data" data source (inner packet, padding, pad length, next header) and
 * {@code esp.contained_data} the inner packet alone.
 *
 * <p>The two {@code -d} options make tshark show the inner IPv4 (next header 4) and IPv6
 * (41) packets as plain data. tshark 4.0 adds the ICV verdict only after dissecting the
 * inner packet, so an exception in an inner dissector drops the verdict: frame 98 of
 * afs.pcap, a reply that tshark's AFS dissector reports as malformed, lost it that way.
 */
public final class Tshark {

    /** The warning tshark prints on every run as root, which is no problem with the input. */
    private static final String ROOT_WARNING = "Running as user \"root\" and group \"root\". This could be dangerous.";

    private static final String INSTALL_HINT =
            "install Debian's tshark package (apt-get install tshark), which brings editcap with its"
                    + " wireshark-common dependency";

    /** The limit that guards against a hung process, not a performance bound. */
    private static final long PROCESS_LIMIT_MINUTES = 5;

    private static final String[] ESP_FIELDS = {
        "frame.number", "esp.spi", "esp.sequence", "esp.icv_good", "esp.icv_bad",
        "esp.pad_len", "esp.protocol", "esp.decrypted_data", "esp.contained_data",
    };

    private Tshark() {
    }

    /**
     * One frame of an ESP capture as tshark decrypted it.
     *
     * @param frameNumber   tshark's 1-based frame number
     * @param spi           the SPI, or -1 when the frame contains no ESP
     * @param sequence      the ESP sequence number, or -1 when the frame contains no ESP
     * @param icvGood       whether tshark checked the ICV and it matched
     * @param icvBad        whether tshark checked the ICV and it did not match
     * @param padLength     the pad length byte of the trailer, or -1 when not decrypted
     * @param nextHeader    the next header byte of the trailer, or -1 when not decrypted
     * @param decryptedData the whole "Decrypted Data" data source, empty when tshark found no
     *                      SA. With a wrong key tshark still shows it, as garbage, and sets icvBad
     * @param innerPacket   the packet inside ESP, without the trailer, empty when tshark found
     *                      no SA or could not parse a trailer
     */
    public record EspFrame(
            long frameNumber,
            long spi,
            long sequence,
            boolean icvGood,
            boolean icvBad,
            int padLength,
            int nextHeader,
            byte[] decryptedData,
            byte[] innerPacket) {
    }

    /**
     * Decrypts an ESP capture with the SAs of an {@code esp_sa} file, copied into the temporary
     * configuration directory, and returns every frame.
     */
    public static List<EspFrame> decryptEsp(Path capture, Path espSaFile) throws IOException, InterruptedException {
        return decryptEsp(capture, espSaFile, List.of());
    }

    /**
     * Decrypts an ESP capture with SAs given as tshark options ({@code uat:esp_sa:RECORD},
     * each passed after {@code -o}) and an empty configuration directory.
     */
    static List<EspFrame> decryptEspWithOptions(Path capture, List<String> uatOptions)
            throws IOException, InterruptedException {
        return decryptEsp(capture, null, uatOptions);
    }

    private static List<EspFrame> decryptEsp(Path capture, Path espSaFile, List<String> uatOptions)
            throws IOException, InterruptedException {
        Path configDirectory = Files.createTempDirectory("pqipsec-wireshark-");
        try {
            if (espSaFile != null) {
                Files.copy(espSaFile, configDirectory.resolve(EspSaFile.TABLE_NAME));
            }

            List<String> command = new ArrayList<>(List.of(
                    executable("tshark").toString(), "-n", "-r", capture.toString(),
                    "-o", "esp.enable_encryption_decode:TRUE",
                    "-o", "esp.enable_authentication_check:TRUE",
                    "-d", "ip.proto==4,data",
                    "-d", "ip.proto==41,data"));
            for (String option : uatOptions) {
                command.add("-o");
                command.add(option);
            }
            command.addAll(List.of("-T", "fields", "-E", "header=n", "-E", "separator=/t", "-E", "occurrence=f"));
            for (String field : ESP_FIELDS) {
                command.add("-e");
                command.add(field);
            }
            String output = run(command, configDirectory);

            List<EspFrame> frames = new ArrayList<>();
            for (String line : output.lines().toList()) {
                frames.add(parseEspLine(line));
            }
            return frames;
        } finally {
            deleteTree(configDirectory);
        }
    }

    /**
     * Returns tshark's value of each field for every frame of a capture, one list per frame,
     * with the first occurrence of a field repeated in a frame.
     */
    static List<List<String>> fields(Path capture, String... fieldNames) throws IOException, InterruptedException {
        return fields(capture, List.of(), fieldNames);
    }

    /**
     * Returns tshark's value of each field for every frame of a capture, as
     * {@link #fields(Path, String...)} does, with {@code configFiles} (such as an
     * {@code ikev2_decryption_table}) copied by name into the temporary configuration directory.
     */
    public static List<List<String>> fields(Path capture, List<Path> configFiles, String... fieldNames)
            throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(List.of(
                "-T", "fields", "-E", "header=n", "-E", "separator=/t", "-E", "occurrence=f"));
        for (String field : fieldNames) {
            options.add("-e");
            options.add(field);
        }
        return dissect(capture, configFiles, options).lines()
                .map(line -> Arrays.asList(line.split("\t", -1)))
                .toList();
    }

    /**
     * Runs {@code tshark -n -r CAPTURE OPTIONS} with {@code configFiles} copied by name into the
     * temporary configuration directory, and returns its standard output.
     */
    public static String dissect(Path capture, List<Path> configFiles, List<String> options)
            throws IOException, InterruptedException {
        Path configDirectory = Files.createTempDirectory("pqipsec-wireshark-");
        try {
            for (Path file : configFiles) {
                Files.copy(file, configDirectory.resolve(file.getFileName()));
            }
            List<String> command = new ArrayList<>(List.of(
                    executable("tshark").toString(), "-n", "-r", capture.toString()));
            command.addAll(options);
            return run(command, configDirectory);
        } finally {
            deleteTree(configDirectory);
        }
    }

    /** Converts a capture to another file type with {@code editcap -F TYPE}, such as "pcapng". */
    static void editcap(String fileType, Path input, Path output) throws IOException, InterruptedException {
        Path configDirectory = Files.createTempDirectory("pqipsec-wireshark-");
        try {
            run(List.of(executable("editcap").toString(), "-F", fileType, input.toString(), output.toString()),
                    configDirectory);
        } finally {
            deleteTree(configDirectory);
        }
    }

    /** Finds a tool on PATH, or fails the calling test with the package to install. */
    static Path executable(String tool) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String directory : path.split(File.pathSeparator)) {
                if (directory.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(directory, tool);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return fail(tool + " not found on PATH; " + INSTALL_HINT);
    }

    private static EspFrame parseEspLine(String line) {
        String[] values = line.split("\t", -1);
        if (values.length != ESP_FIELDS.length) {
            return fail("tshark printed " + values.length + " fields, expected " + ESP_FIELDS.length + ": " + line);
        }
        byte[] decrypted = hex(values[7]);
        return new EspFrame(
                Long.parseLong(values[0]),
                values[1].isEmpty() ? -1 : Long.decode(values[1]),
                values[2].isEmpty() ? -1 : Long.parseLong(values[2]),
                isTrue(values[3]),
                isTrue(values[4]),
                values[5].isEmpty() ? -1 : Integer.decode(values[5]),
                values[6].isEmpty() ? -1 : Integer.decode(values[6]),
                decrypted,
                hex(values[8]));
    }

    /** Parses a boolean: tshark 4.0 prints 1 and 0, and True and False are accepted too. */
    private static boolean isTrue(String value) {
        return value.equals("1") || value.equalsIgnoreCase("true");
    }

    /** Parses tshark's hex bytes, with or without colon separators. */
    private static byte[] hex(String value) {
        return HexFormat.of().parseHex(value.replace(":", ""));
    }

    /**
     * Runs a command and returns its standard output. Fails when it exits non-zero or prints
     * anything on standard error apart from the root warning, because tshark reports table
     * and preference errors there while still exiting 0.
     */
    private static String run(List<String> command, Path configDirectory) throws IOException, InterruptedException {
        Path stdout = Files.createTempFile("pqipsec-tool-", ".out");
        Path stderr = Files.createTempFile("pqipsec-tool-", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            if (configDirectory != null) {
                builder.environment().put("WIRESHARK_CONFIG_DIR", configDirectory.toString());
            }
            Process process = builder.start();
            if (!process.waitFor(PROCESS_LIMIT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish within " + PROCESS_LIMIT_MINUTES + " minutes");
            }

            String errors = Files.readString(stderr, StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.equals(ROOT_WARNING))
                    .reduce((a, b) -> a + "\n" + b)
                    .orElse("");
            if (process.exitValue() != 0 || !errors.isEmpty()) {
                fail(String.join(" ", command) + " exited with " + process.exitValue() + ":\n" + errors);
            }
            return Files.readString(stdout, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
