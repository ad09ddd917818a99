package org.pqipsec.cli.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pqipsec.cli.Main;
import org.pqipsec.cli.capture.CaptureBytes;
import org.pqipsec.cli.capture.CaptureFileException;
import org.pqipsec.cli.capture.CaptureFrame;
import org.pqipsec.cli.capture.CaptureReader;
import org.pqipsec.cli.capture.SampleCaptures;
import org.pqipsec.cli.capture.Tshark;

import picocli.CommandLine;

/** The {@code pqipsec demo} command end to end, as a user runs it. */
class DemoCommandTest {

    @TempDir
    Path directory;

    /** Exit code, standard output and standard error of one command run. */
    record Run(int exitCode, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void bundledCaptureRoundTrips() throws Exception {
        Path out = directory.resolve("out");

        Run run = run("demo", "--out", out.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("601 frames: 601 carried (IPv4 601, IPv6 0), 0 not carried"), run.out());
        assertTrue(run.out().contains("601 decapsulated by the responder and equal to the original"), run.out());
        assertTrue(run.out().contains("KEi 32 bytes, KEr 32 bytes, shared secret 32 bytes"), run.out());
        assertTrue(run.out().contains("KEi 1184 bytes, KEr 1088 bytes, shared secret 32 bytes"), run.out());
        assertEquals(run.out(), Files.readString(out.resolve("summary.txt")));
        assertEquals(2, espSaRecords(out).size());
        try (CaptureReader reader = CaptureReader.open(out.resolve("esp.pcap"))) {
            assertEquals(601, count(reader));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {SampleCaptures.AFS, SampleCaptures.MPTCP, SampleCaptures.NTP, SampleCaptures.QUIC})
    void tsharkDecryptsEveryPacket(String sample) throws Exception {
        Path capture = SampleCaptures.copy(sample, directory);
        Path out = directory.resolve("out");

        Run run = run("demo", "--in", capture.toString(), "--out", out.toString(), "--strict");
        assertEquals(0, run.exitCode(), run.err() + run.out());

        List<CaptureFrame> originals = CaptureReader.readAll(capture);
        List<Tshark.EspFrame> decrypted = Tshark.decryptEsp(out.resolve("esp.pcap"), out.resolve("esp_sa"));
        assertEquals(originals.size(), decrypted.size(), "frames in esp.pcap");
        for (int i = 0; i < originals.size(); i++) {
            Tshark.EspFrame frame = decrypted.get(i);
            byte[] original = originals.get(i).ipPacket().orElseThrow().bytes();
            int expectedNextHeader = (original[0] >>> 4) == 4 ? 4 : 41;
            assertTrue(frame.icvGood(), "ICV of frame " + frame.frameNumber());
            assertFalse(frame.icvBad(), "ICV of frame " + frame.frameNumber());
            assertEquals(i + 1, frame.sequence(), "sequence number of frame " + frame.frameNumber());
            assertEquals(expectedNextHeader, frame.nextHeader(), "next header of frame " + frame.frameNumber());
            assertArrayEquals(original, frame.innerPacket(), "inner packet of frame " + frame.frameNumber());
        }
    }

    @Test
    void keysHiddenUnlessRequested() throws IOException {
        Path out = directory.resolve("out");

        Run hidden = run("demo", "--out", out.toString());
        List<String> keys = espSaKeys(out);
        assertEquals(0, hidden.exitCode(), hidden.err());
        for (String key : keys) {
            assertFalse(hidden.out().contains(key), "ESP key in the output without --show-keys");
            assertFalse(Files.readString(out.resolve("summary.txt")).contains(key), "ESP key in summary.txt");
        }

        Run shown = run("demo", "--out", out.toString(), "--show-keys");
        assertEquals(0, shown.exitCode(), shown.err());
        for (String key : espSaKeys(out)) {
            assertTrue(shown.out().contains(key), "ESP key missing from the --show-keys output");
        }
    }

    @Test
    void missingCaptureIsOneLineError() {
        Path missing = directory.resolve("no-such.pcap");

        Run run = run("demo", "--in", missing.toString(), "--out", directory.resolve("out").toString());

        assertEquals(1, run.exitCode());
        assertEquals("pqipsec demo: " + missing + ": file not found", run.err().strip());
    }

    @Test
    void truncatedCaptureNamesFrame() throws IOException {
        Path capture = SampleCaptures.copy(SampleCaptures.AFS, directory);
        byte[] bytes = Files.readAllBytes(capture);
        // Global header (24) + record header (16) + frame 1 + 10 bytes of the next record header.
        int firstLength = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(24 + 8);
        Files.write(capture, Arrays.copyOf(bytes, 24 + 16 + firstLength + 10));

        Run run = run("demo", "--in", capture.toString(), "--out", directory.resolve("out").toString());

        assertEquals(1, run.exitCode());
        String error = run.err().strip();
        assertEquals(1, error.lines().count(), error);
        assertTrue(error.startsWith("pqipsec demo: " + capture + ": frame 2: "), error);
    }

    @Test
    void unsupportedLinkTypeIsOneLineError() throws IOException {
        Path capture = directory.resolve("ieee802_11.pcap");
        byte[] frame = CaptureBytes.counting(40);
        Files.write(capture, CaptureBytes.concat(
                CaptureBytes.pcapHeader(ByteOrder.LITTLE_ENDIAN, false, 65535, 105),
                CaptureBytes.pcapRecord(ByteOrder.LITTLE_ENDIAN, 1, 0, frame)));

        Run run = run("demo", "--in", capture.toString(), "--out", directory.resolve("out").toString());

        assertEquals(1, run.exitCode());
        String error = run.err().strip();
        assertEquals(1, error.lines().count(), error);
        assertTrue(error.startsWith("pqipsec demo: " + capture + ": "), error);
        assertTrue(error.contains("105"), error);
    }

    @Test
    void nonIpFramesCountedAndSkipped() throws IOException {
        Path capture = directory.resolve("mixed.pcap");
        byte[] arp = CaptureBytes.ethernet(0x0806, CaptureBytes.counting(28));
        byte[] ip = CaptureBytes.ethernet(0x0800, CaptureBytes.ipv4Udp(7, CaptureBytes.counting(100)));
        Files.write(capture, CaptureBytes.concat(
                CaptureBytes.pcapHeader(ByteOrder.LITTLE_ENDIAN, false, 65535, 1),
                CaptureBytes.pcapRecord(ByteOrder.LITTLE_ENDIAN, 1, 0, arp),
                CaptureBytes.pcapRecord(ByteOrder.LITTLE_ENDIAN, 2, 0, ip)));

        Run lenient = run("demo", "--in", capture.toString(), "--out", directory.resolve("a").toString());
        Run strict = run("demo", "--in", capture.toString(), "--out", directory.resolve("b").toString(), "--strict");

        assertEquals(0, lenient.exitCode(), lenient.err());
        assertTrue(lenient.out().contains("2 frames: 1 carried (IPv4 1, IPv6 0), 1 not carried"), lenient.out());
        assertTrue(lenient.out().contains("skipped, not IP: 1 (ARP)"), lenient.out());
        assertEquals(DemoCommand.EXIT_NOT_CARRIED, strict.exitCode());
        assertEquals("pqipsec demo: --strict: 1 of 2 frames was not carried; see the summary", strict.err().strip());
    }

    @Test
    void packetTooLargeForOuterHeaderReported() throws IOException {
        Path capture = directory.resolve("large.pcap");
        byte[] large = CaptureBytes.ipv4Udp(1, CaptureBytes.counting(65_480));
        byte[] small = CaptureBytes.ipv4Udp(2, CaptureBytes.counting(64));
        Files.write(capture, CaptureBytes.concat(
                CaptureBytes.pcapHeader(ByteOrder.LITTLE_ENDIAN, false, 262_144, 101),
                CaptureBytes.pcapRecord(ByteOrder.LITTLE_ENDIAN, 1, 0, small),
                CaptureBytes.pcapRecord(ByteOrder.LITTLE_ENDIAN, 2, 0, large)));

        Run lenient = run("demo", "--in", capture.toString(), "--out", directory.resolve("a").toString());
        Run strict = run("demo", "--in", capture.toString(), "--out", directory.resolve("b").toString(), "--strict");

        assertEquals(0, lenient.exitCode(), lenient.err());
        assertTrue(lenient.out().contains("too large for the outer IPv4 header (65535 bytes): 1, frame 2"),
                lenient.out());
        assertTrue(lenient.out().contains("1 packet written"), lenient.out());
        assertEquals(DemoCommand.EXIT_NOT_CARRIED, strict.exitCode());
    }

    /** ECP P-384 (group 20) with ML-KEM-1024, and MODP 2048 with ML-KEM-512. */
    @ParameterizedTest
    @ValueSource(strings = {"20:37:96:96:48:1568:1568", "14:35:256:256:256:800:768",
            "32:36:56:56:56:1184:1088"})
    void chosenGroupAndKemRoundTrip(String caseText) throws IOException {
        String[] f = caseText.split(":");
        Path out = directory.resolve("out-" + f[0] + "-" + f[1]);

        Run run = run("demo", "--dh", f[0], "--kem", f[1], "--out", out.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("(method " + f[0] + ")"), run.out());
        assertTrue(run.out().contains("(method " + f[1] + ")"), run.out());
        assertTrue(run.out().contains("KEi " + f[2] + " bytes, KEr " + f[3]
                + " bytes, shared secret " + f[4] + " bytes"), run.out());
        assertTrue(run.out().contains("KEi " + f[5] + " bytes, KEr " + f[6]
                + " bytes, shared secret 32 bytes"), run.out());
        assertTrue(run.out().contains("601 decapsulated by the responder and equal to the original"),
                run.out());
        assertEquals(2, espSaRecords(out).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--dh=36", "--dh=99", "--kem=31", "--kem=38"})
    void wrongKeyExchangeIdIsUsageError(String option) {
        Run run = run("demo", option, "--out", directory.resolve("out").toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains(option.replace("=", " ")), run.err());
        assertTrue(run.err().contains("is not a supported"), run.err());
    }

    @Test
    void unknownOptionIsUsageError() {
        Run run = run("demo", "--no-such-option");

        assertEquals(2, run.exitCode());
        List<String> lines = run.err().lines().toList();
        assertEquals(2, lines.size(), run.err());
        assertTrue(lines.get(0).startsWith("pqipsec demo: "), lines.get(0));
        assertTrue(lines.get(0).contains("--no-such-option"), lines.get(0));
        assertEquals("Run 'pqipsec help demo' for the options.", lines.get(1));
    }

    @Test
    void emptyPathsAreUsageErrors() {
        Run emptyIn = run("demo", "--in=", "--out", directory.resolve("out").toString());
        Run emptyOut = run("demo", "--out=");

        assertEquals(2, emptyIn.exitCode());
        assertTrue(emptyIn.err().contains("--in must name a capture file"), emptyIn.err());
        assertEquals(2, emptyOut.exitCode());
        assertTrue(emptyOut.err().contains("--out must name a directory"), emptyOut.err());
    }

    @Test
    void outputThatIsFileIsRejected() throws IOException {
        Path file = Files.writeString(directory.resolve("a-file"), "x");

        Run run = run("demo", "--out", file.toString());

        assertEquals(1, run.exitCode());
        assertEquals("pqipsec demo: --out " + file + " exists and is not a directory; name a directory",
                run.err().strip());
    }

    @Test
    void outputUnderRegularFileNamesReason() throws IOException {
        Path file = Files.writeString(directory.resolve("a-file"), "x");
        Path out = file.resolve("out");

        Run run = run("demo", "--out", out.toString());

        assertEquals(1, run.exitCode());
        assertEquals("pqipsec demo: cannot write to --out " + out + ": not a directory", run.err().strip());
    }

    @Test
    void singleFrameCountIsSingular() throws IOException {
        Path capture = directory.resolve("one.pcap");
        Files.write(capture, CaptureBytes.concat(
                CaptureBytes.pcapHeader(ByteOrder.LITTLE_ENDIAN, false, 65535, 101),
                CaptureBytes.pcapRecord(ByteOrder.LITTLE_ENDIAN, 1, 0,
                        CaptureBytes.ipv4Udp(1, CaptureBytes.counting(64)))));

        Run run = run("demo", "--in", capture.toString(), "--out", directory.resolve("out").toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Capture  1 frame: 1 carried"), run.out());
        assertTrue(run.out().contains("ESP      1 packet written to"), run.out());
    }

    @Test
    void failedRunKeepsPreviousOutputs() throws Exception {
        Path out = directory.resolve("out");
        assertEquals(0, run("demo", "--out", out.toString()).exitCode());
        byte[] espCapture = Files.readAllBytes(out.resolve("esp.pcap"));
        String espSa = Files.readString(out.resolve("esp_sa"));
        String summary = Files.readString(out.resolve("summary.txt"));

        Path capture = SampleCaptures.copy(SampleCaptures.AFS, directory);
        byte[] bytes = Files.readAllBytes(capture);
        Files.write(capture, Arrays.copyOf(bytes, 100_000));
        Run failed = run("demo", "--in", capture.toString(), "--out", out.toString());

        assertEquals(1, failed.exitCode());
        assertArrayEquals(espCapture, Files.readAllBytes(out.resolve("esp.pcap")));
        assertEquals(espSa, Files.readString(out.resolve("esp_sa")));
        assertEquals(summary, Files.readString(out.resolve("summary.txt")));
        try (var listing = Files.list(out)) {
            assertEquals(List.of("esp.pcap", "esp_sa", "summary.txt"),
                    listing.map(path -> path.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void emptyCaptureFailsOnlyWhenStrict() throws IOException {
        Path capture = directory.resolve("empty.pcap");
        Files.write(capture, CaptureBytes.pcapHeader(ByteOrder.LITTLE_ENDIAN, false, 65535, 1));

        Run lenient = run("demo", "--in", capture.toString(), "--out", directory.resolve("a").toString());
        Run strict = run("demo", "--in", capture.toString(), "--out", directory.resolve("b").toString(), "--strict");

        assertEquals(0, lenient.exitCode(), lenient.err());
        assertTrue(lenient.out().contains("the capture has no frames"), lenient.out());
        assertEquals(DemoCommand.EXIT_NOT_CARRIED, strict.exitCode());
        assertEquals("pqipsec demo: --strict: the capture has no frame that could be carried", strict.err().strip());
    }

    private static int count(CaptureReader reader) throws CaptureFileException {
        int frames = 0;
        while (reader.next() != null) {
            frames++;
        }
        return frames;
    }

    private static List<String> espSaRecords(Path out) throws IOException {
        return Files.readAllLines(out.resolve("esp_sa")).stream().filter(line -> !line.startsWith("#")).toList();
    }

    /** Returns the key ‖ salt hex strings of the esp_sa file, without the 0x prefix. */
    private static List<String> espSaKeys(Path out) throws IOException {
        Pattern key = Pattern.compile("\"0x([0-9a-f]{72})\"");
        return espSaRecords(out).stream().map(record -> {
            Matcher matcher = key.matcher(record);
            assertTrue(matcher.find(), record);
            return matcher.group(1);
        }).toList();
    }
}
