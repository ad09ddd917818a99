package org.pqipsec.cli.esp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.pqipsec.cli.esp.EspCommands.assertSamePackets;
import static org.pqipsec.cli.esp.EspCommands.ipPackets;
import static org.pqipsec.cli.esp.EspCommands.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.pqipsec.cli.capture.SampleCaptures;
import org.pqipsec.cli.capture.Tshark;
import org.pqipsec.esp.EspTransform;

/**
 * {@code esp seal} output decrypted by tshark, and {@code esp open} on packets that Scapy
 * built. Needs Debian's tshark and python3-scapy packages and fails without them.
 */
class EspInteropTest {

    /** Debian's interpreter; a {@code python3} earlier on PATH may lack the Debian packages. */
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    private static final Path SCAPY_SCRIPT = Path.of("src/test/python/scapy_esp_capture.py");

    @TempDir
    Path directory;

    /** tshark 4.0.17 accepts these three and rejects esp_sa names for GMAC and ChaCha20-Poly1305. */
    @ParameterizedTest
    @EnumSource(value = EspTransform.class, names = {"ENCR_AES_GCM_8", "ENCR_AES_GCM_12", "ENCR_AES_GCM_16"})
    void tsharkDecryptsSealedCapture(EspTransform transform) throws Exception {
        for (String sample : List.of(SampleCaptures.NTP, SampleCaptures.QUIC)) {
            Path capture = SampleCaptures.copy(sample, Files.createTempDirectory(directory, "in"));
            Path sealed = directory.resolve(sample + "-sealed");
            EspCommands.Run seal = run("esp", "seal", "--in", capture.toString(), "--out", sealed.toString(),
                    "--transform", transform.name());
            assertEquals(0, seal.exitCode(), seal.err());
            assertFalse(seal.out().contains("note: Wireshark"), seal.out());

            List<Tshark.EspFrame> frames = Tshark.decryptEsp(sealed.resolve("esp.pcap"), sealed.resolve("esp_sa"));
            List<byte[]> originals = ipPackets(capture);
            assertEquals(originals.size(), frames.size(), sample + " frame count");
            for (int i = 0; i < frames.size(); i++) {
                Tshark.EspFrame frame = frames.get(i);
                String where = transform + " " + sample + " frame " + frame.frameNumber();
                assertEquals(i + 1, frame.sequence(), where + " sequence");
                assertTrue(frame.icvGood(), where + " ICV good");
                assertFalse(frame.icvBad(), where + " ICV bad");
                assertArrayEquals(originals.get(i), frame.innerPacket(), where + " inner packet");
            }
        }
    }

    /** Scapy 2.5 appends the whole 16-byte GCM tag, so only 16-byte ICVs are built with it. */
    @ParameterizedTest(name = "{0} {1} udp={2} esn={3}")
    @CsvSource({
        "AES-GCM, tunnel, false, false",
        "AES-GCM, tunnel, true, true",
        "AES-GCM, transport, false, true",
        "AES-GCM, transport, true, false",
        "CHACHA20-POLY1305, tunnel, true, false",
        "CHACHA20-POLY1305, transport, false, true",
    })
    void opensPacketsBuiltByScapy(String algorithm, String mode, boolean udp, boolean esn) throws Exception {
        String key = "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4" + "c0ffee01";
        String transform = algorithm.equals("AES-GCM") ? "ENCR_AES_GCM_16" : "ENCR_CHACHA20_POLY1305";
        Path espCapture = directory.resolve("scapy-esp.pcap");
        Path innerCapture = directory.resolve("scapy-inner.pcap");
        runScapy("{\"algo\":\"" + algorithm + "\",\"key\":\"" + key + "\",\"spi\":3735928559,\"mode\":\"" + mode
                + "\",\"udp\":" + udp + ",\"esn\":" + esn + ",\"esn_high\":0,\"count\":12}", espCapture, innerCapture);

        List<String> args = new ArrayList<>(List.of("esp", "open", "--in", espCapture.toString(),
                "--out", directory.resolve("opened").toString(), "--spi", "0xdeadbeef", "--transform", transform,
                "--key", key, "--mode", mode, "--strict"));
        if (esn) {
            args.add("--esn");
        }
        EspCommands.Run open = run(args.toArray(String[]::new));

        assertEquals(0, open.exitCode(), open.err() + open.out());
        assertTrue(open.out().contains("12 frames: 12 ESP, 0 skipped"), open.out());
        assertSamePackets(ipPackets(innerCapture), ipPackets(directory.resolve("opened").resolve("inner.pcap")),
                algorithm + " " + mode);
    }

    private static void runScapy(String request, Path espCapture, Path innerCapture) throws Exception {
        if (!Files.isExecutable(PYTHON)) {
            fail(PYTHON + " is missing: install Debian's python3 and python3-scapy (apt-get install python3-scapy)");
        }
        Process process = new ProcessBuilder(PYTHON.toString(), SCAPY_SCRIPT.toString(), request,
                espCapture.toString(), innerCapture.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("scapy_esp_capture.py did not finish within 2 minutes");
        }
        assertEquals(0, process.exitValue(), "scapy_esp_capture.py: " + output);
    }
}
