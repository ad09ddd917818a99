package org.pqipsec.cli.esp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pqipsec.cli.esp.EspCommands.assertSamePackets;
import static org.pqipsec.cli.esp.EspCommands.ipPackets;
import static org.pqipsec.cli.esp.EspCommands.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pqipsec.cli.capture.PcapWriter;
import org.pqipsec.cli.capture.SampleCaptures;

/** Drop counts and invalid input of {@code pqipsec esp open}. */
class EspOpenCommandTest {

    private static final String KEY = "00112233445566778899aabbccddeeff" + "0badc0de";

    @TempDir
    Path directory;

    private Path sealNtp() throws Exception {
        Path capture = SampleCaptures.copy(SampleCaptures.NTP, directory);
        Path sealed = directory.resolve("sealed");
        EspCommands.Run seal = run("esp", "seal", "--in", capture.toString(), "--out", sealed.toString(),
                "--spi", "0x00001000", "--key", KEY);
        assertEquals(0, seal.exitCode(), seal.err());
        return sealed;
    }

    @Test
    void esnMismatchPrintsIcvHint() throws Exception {
        Path capture = SampleCaptures.copy(SampleCaptures.NTP, directory);
        Path sealed = directory.resolve("sealed-esn");
        EspCommands.Run seal = run("esp", "seal", "--in", capture.toString(), "--out", sealed.toString(),
                "--spi", "0x00001000", "--key", KEY, "--esn");
        assertEquals(0, seal.exitCode(), seal.err());

        EspCommands.Run withoutEsn = run("esp", "open", "--in", sealed.resolve("esp.pcap").toString(),
                "--out", directory.resolve("opened").toString(), "--spi", "0x00001000", "--key", KEY);
        EspCommands.Run withEsn = run("esp", "open", "--in", sealed.resolve("esp.pcap").toString(),
                "--out", directory.resolve("opened").toString(), "--spi", "0x00001000", "--key", KEY, "--esn");

        assertEquals(0, withoutEsn.exitCode(), withoutEsn.err());
        assertTrue(withoutEsn.out().contains("21 ESP packets dropped\n  AUTHENTICATION_FAILED 21\n"),
                withoutEsn.out());
        assertTrue(withoutEsn.out().contains("  (every ESP packet failed the ICV check: check the key"
                + " (--key or --sa-file) and --esn, because ESN on one side and off on the other fails every"
                + " ICV)\n"), withoutEsn.out());
        assertEquals(0, withEsn.exitCode(), withEsn.err());
        assertTrue(withEsn.out().contains("0 ESP packets dropped\n"), withEsn.out());
        assertFalse(withEsn.out().contains("ICV check"), withEsn.out());
    }

    @Test
    void wrongKeyPrintsIcvHint() throws Exception {
        Path sealed = sealNtp();
        String wrongKey = "ffeeddccbbaa99887766554433221100" + "0badc0de";

        EspCommands.Run wrong = run("esp", "open", "--in", sealed.resolve("esp.pcap").toString(),
                "--out", directory.resolve("opened").toString(), "--spi", "0x00001000", "--key", wrongKey);
        EspCommands.Run right = run("esp", "open", "--in", sealed.resolve("esp.pcap").toString(),
                "--out", directory.resolve("opened").toString(), "--sa-file", sealed.resolve("esp_sa").toString());

        assertTrue(wrong.out().contains("every ESP packet failed the ICV check"), wrong.out());
        assertFalse(right.out().contains("ICV check"), right.out());
    }

    @Test
    void singlePacketCountsAreSingular() throws Exception {
        Path sealed = sealNtp();
        Path capture = directory.resolve("one.pcap");
        try (PcapWriter writer = PcapWriter.create(capture)) {
            writer.write(Instant.EPOCH, ipPackets(sealed.resolve("esp.pcap")).get(0));
        }

        EspCommands.Run open = run("esp", "open", "--in", capture.toString(), "--out",
                directory.resolve("opened").toString(), "--sa-file", sealed.resolve("esp_sa").toString());

        assertEquals(0, open.exitCode(), open.err());
        assertTrue(open.out().contains("1 frame: 1 ESP, 0 skipped\n"), open.out());
        assertTrue(open.out().contains("1 inner packet written to"), open.out());
        assertTrue(open.out().contains("0 dummy packets discarded\n"), open.out());
        assertTrue(open.out().contains("0 ESP packets dropped\n"), open.out());
    }

    @Test
    void outUnderRegularFileNamesReason() throws Exception {
        Path sealed = sealNtp();
        Path file = Files.writeString(directory.resolve("a-file"), "x");
        Path out = file.resolve("out");

        EspCommands.Run open = run("esp", "open", "--in", sealed.resolve("esp.pcap").toString(),
                "--out", out.toString(), "--sa-file", sealed.resolve("esp_sa").toString());
        EspCommands.Run seal = run("esp", "seal", "--in", directory.resolve(SampleCaptures.NTP).toString(),
                "--out", out.toString());

        assertEquals(EspOpenCommand.EXIT_FAILURE, open.exitCode());
        assertEquals("pqipsec esp open: cannot write to --out " + out + ": not a directory\n", open.err());
        assertEquals(EspSealCommand.EXIT_FAILURE, seal.exitCode());
        assertEquals("pqipsec esp seal: cannot write to --out " + out + ": not a directory\n", seal.err());
    }

    @Test
    void countsReplayedCorruptedAndUnknownSpi() throws Exception {
        Path sealed = sealNtp();
        List<byte[]> esp = ipPackets(sealed.resolve("esp.pcap"));
        List<byte[]> originals = ipPackets(directory.resolve(SampleCaptures.NTP));

        // Frames 1-21 as sealed, but the last ciphertext byte of frame 3 flipped; then frame 2
        // again (a replay), then frame 4 with SPI 0x00002000, which no SA has.
        List<byte[]> edited = new ArrayList<>(esp);
        byte[] corrupted = esp.get(2).clone();
        corrupted[corrupted.length - 1] ^= 0x01;
        edited.set(2, corrupted);
        edited.add(esp.get(1).clone());
        byte[] unknownSpi = esp.get(3).clone();
        unknownSpi[20 + 2] = 0x20;
        edited.add(unknownSpi);
        Path capture = directory.resolve("edited.pcap");
        try (PcapWriter writer = PcapWriter.create(capture)) {
            for (byte[] packet : edited) {
                writer.write(Instant.EPOCH, packet);
            }
        }
        Path opened = directory.resolve("opened");

        EspCommands.Run open = run("esp", "open", "--in", capture.toString(), "--out", opened.toString(),
                "--sa-file", sealed.resolve("esp_sa").toString());
        EspCommands.Run strict = run("esp", "open", "--in", capture.toString(), "--out", opened.toString(),
                "--sa-file", sealed.resolve("esp_sa").toString(), "--strict");

        assertEquals(0, open.exitCode(), open.err());
        assertTrue(open.out().contains("23 frames: 23 ESP, 0 skipped\n"), open.out());
        assertTrue(open.out().contains("20 inner packets written"), open.out());
        assertTrue(open.out().contains("3 ESP packets dropped\n"), open.out());
        assertTrue(open.out().contains("  REPLAYED 1\n"), open.out());
        assertTrue(open.out().contains("  AUTHENTICATION_FAILED 1\n"), open.out());
        assertTrue(open.out().contains("  UNKNOWN_SPI 1\n"), open.out());
        assertTrue(open.out().contains("  frame 3: AUTHENTICATION_FAILED"), open.out());
        assertTrue(open.out().contains("  frame 22: REPLAYED"), open.out());
        assertTrue(open.out().contains("  frame 23: UNKNOWN_SPI: no SA has SPI 0x00002000"), open.out());
        assertFalse(open.out().contains("ICV check"), open.out());

        List<byte[]> expected = new ArrayList<>(originals);
        expected.remove(2);
        assertSamePackets(expected, ipPackets(opened.resolve("inner.pcap")), "inner packets");

        assertEquals(EspOpenCommand.EXIT_DROPPED, strict.exitCode());
        assertEquals("pqipsec esp open: --strict: 3 of 23 ESP packets were dropped\n", strict.err());
    }

    @Test
    void rejectsInvalidKeyWithoutEchoingIt() throws Exception {
        Path capture = SampleCaptures.copy(SampleCaptures.NTP, directory);
        String shortKey = "deadbeefcafef00d1234567890abcdef0badc0";
        String notHex = "deadbeefcafef00d1234567890abcdefzzbadc0de";

        EspCommands.Run tooShort = run("esp", "open", "--in", capture.toString(), "--spi", "4096", "--key", shortKey);
        EspCommands.Run invalid = run("esp", "open", "--in", capture.toString(), "--spi", "4096", "--key", notHex);

        assertEquals(2, tooShort.exitCode());
        assertEquals("pqipsec esp open: --key must be 40, 56 or 72 hex digits (16-, 24- or 32-byte AES key and"
                + " 4-byte salt) for ENCR_AES_GCM_16, got 38 hex digits", tooShort.err().lines().findFirst().orElseThrow());
        assertFalse(tooShort.err().contains("deadbeef"), tooShort.err());
        assertEquals(2, invalid.exitCode());
        assertFalse(invalid.err().contains("deadbeef"), invalid.err());
        assertTrue(invalid.err().contains("Run 'pqipsec esp help open' for the options."), invalid.err());
    }

    @Test
    void rejectsInvalidSaFileByLineAndField() throws Exception {
        Path capture = SampleCaptures.copy(SampleCaptures.NTP, directory);
        Path saFile = directory.resolve("esp_sa");
        Files.writeString(saFile, "# comment\n"
                + "\"IPv4\",\"192.0.2.1\",\"198.51.100.1\",\"0x00001000\",\"AES-GCM with 16 octet ICV [RFC4106]\","
                + "\"0xdeadbeefcafef00d\",\"NULL\",\"\"\n", StandardCharsets.US_ASCII);

        EspCommands.Run open = run("esp", "open", "--in", capture.toString(), "--sa-file", saFile.toString(),
                "--out", directory.resolve("out").toString());

        assertEquals(1, open.exitCode());
        assertEquals("pqipsec esp open: " + saFile + ": line 2: field 6 (encryption key): expected 0x and 40, 56 or 72"
                + " hex digits (16-, 24- or 32-byte AES key and 4-byte salt) for ENCR_AES_GCM_16, got 16 hex digits\n",
                open.err());
        assertFalse(Files.exists(directory.resolve("out").resolve("inner.pcap")), "nothing written on error");
    }

    @Test
    void usageErrors() throws Exception {
        Path capture = SampleCaptures.copy(SampleCaptures.NTP, directory);

        EspCommands.Run noSa = run("esp", "open", "--in", capture.toString());
        EspCommands.Run both = run("esp", "open", "--in", capture.toString(), "--sa-file", "esp_sa", "--spi", "4096");
        EspCommands.Run reserved = run("esp", "open", "--in", capture.toString(), "--spi", "255", "--key", KEY);
        EspCommands.Run noSubcommand = run("esp");
        EspCommands.Run missingFile = run("esp", "open", "--in", capture.toString(),
                "--sa-file", directory.resolve("missing").toString(), "--out", directory.resolve("out").toString());

        assertEquals(2, noSa.exitCode());
        assertTrue(noSa.err().startsWith("pqipsec esp open: give --sa-file, or --spi and --key\n"), noSa.err());
        assertEquals(2, both.exitCode());
        assertTrue(both.err().contains("--sa-file cannot be combined with --spi, --transform or --key"), both.err());
        assertEquals(2, reserved.exitCode());
        assertTrue(reserved.err().contains("--spi must be 256 to 4294967295"), reserved.err());
        assertEquals(2, noSubcommand.exitCode());
        assertTrue(noSubcommand.err().startsWith("pqipsec esp: missing subcommand: open or seal"), noSubcommand.err());
        assertEquals(1, missingFile.exitCode());
        assertEquals("pqipsec esp open: " + directory.resolve("missing") + ": file not found\n", missingFile.err());
    }
}
