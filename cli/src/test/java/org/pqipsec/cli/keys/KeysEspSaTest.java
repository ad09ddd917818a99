package org.pqipsec.cli.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pqipsec.cli.Main;
import org.pqipsec.cli.capture.EspSaFile;
import org.pqipsec.cli.capture.SampleCaptures;
import org.pqipsec.esp.EspTransform;

import picocli.CommandLine;

/**
 * The {@code esp_sa} file of {@code pqipsec keys} for every ESP transform that the file has
 * records for, read back with {@link EspSaFile} and used by {@code pqipsec esp open}.
 */
class KeysEspSaTest {

    private static final HexFormat HEX = HexFormat.of();

    private static final String NI = "8f3d2b7c61a04e9d5b2c1f0e7d6c5b4a39281706f5e4d3c2b1a0998877665544";
    private static final String NR = "0a1b2c3d4e5f60718293a4b5c6d7e8f90123456789abcdeffedcba9876543210";
    private static final String SHARED_SECRET =
            "5d2e7b9c0a4f1836e2d95c7ab0418f6e3c2d1b0a99887766554433221100ffee";

    @TempDir
    Path directory;

    private record Run(int exitCode, String out, String err) {}

    private static Run run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args.toArray(String[]::new));
        return new Run(exitCode, out.toString(), err.toString());
    }

    private Run keys(EspTransform transform, String... extra) {
        List<String> args = new ArrayList<>(List.of("keys", "--ni", NI, "--nr", NR,
                "--spi-i", "a1b2c3d4e5f60718", "--spi-r", "1827364554637281",
                "--shared-secret", SHARED_SECRET, "--esp-encr", String.valueOf(transform.ianaId()),
                "--esp-spi-i", "c0ffee01", "--esp-spi-r", "c0ffee02",
                "--out", directory.resolve("keys").toString()));
        args.addAll(Arrays.asList(extra));
        return run(args);
    }

    /** Returns the key on the output line {@code "  NAME  HEX"}. */
    private static byte[] printedKey(String output, String name) {
        String prefix = String.format("  %-10s ", name);
        return output.lines().filter(line -> line.startsWith(prefix)).findFirst()
                .map(line -> HEX.parseHex(line.substring(prefix.length())))
                .orElseThrow(() -> new AssertionError("no " + name + " line in " + output));
    }

    @ParameterizedTest
    @EnumSource(EspTransform.class)
    void espSaHoldsPrintedKeys(EspTransform transform) throws Exception {
        Run run = keys(transform);

        assertEquals(0, run.exitCode(), run.err());
        Path file = directory.resolve("keys").resolve(EspSaFile.TABLE_NAME);
        assertTrue(run.out().contains("wrote " + file), run.out());
        assertTrue(run.out().contains("Child SA KEYMAT (" + transform.name() + "-256,"), run.out());
        assertTrue(Files.readString(file).contains("\"" + EspSaFile.algorithmName(transform)
                + "\""), Files.readString(file));

        List<EspSaFile.Entry> entries = EspSaFile.read(file).entries();
        assertEquals(2, entries.size());
        EspSaFile.Entry out = entries.get(0);
        assertEquals(InetAddress.ofLiteral("192.0.2.1"), out.source());
        assertEquals(InetAddress.ofLiteral("198.51.100.1"), out.destination());
        assertEquals(0xc0ffee01, out.spi());
        assertEquals(transform, out.transform());
        assertArrayEquals(printedKey(run.out(), "ENCR i->r"), out.keyMaterial());
        EspSaFile.Entry back = entries.get(1);
        assertEquals(InetAddress.ofLiteral("198.51.100.1"), back.source());
        assertEquals(0xc0ffee02, back.spi());
        assertEquals(transform, back.transform());
        assertArrayEquals(printedKey(run.out(), "ENCR r->i"), back.keyMaterial());

        String note = "note: Wireshark 4.0 cannot decrypt " + transform;
        assertEquals(!EspSaFile.wiresharkSupports(transform), run.out().contains(note), run.out());
    }

    @Test
    void implicitIvSharesKeysOfBaseTransform() {
        Run base = keys(EspTransform.ENCR_CHACHA20_POLY1305);
        Run implicit = keys(EspTransform.ENCR_CHACHA20_POLY1305_IIV);

        assertEquals(0, base.exitCode(), base.err());
        assertEquals(0, implicit.exitCode(), implicit.err());
        assertArrayEquals(printedKey(base.out(), "ENCR i->r"),
                printedKey(implicit.out(), "ENCR i->r"));
    }

    @Test
    void keysEspSaOpensSealedCapture() throws Exception {
        EspTransform transform = EspTransform.ENCR_AES_GCM_12;
        Run keys = keys(transform, "--esp-bits", "128");
        assertEquals(0, keys.exitCode(), keys.err());
        Path capture = SampleCaptures.copy(SampleCaptures.NTP, directory);
        Path sealed = directory.resolve("sealed");
        Path opened = directory.resolve("opened");

        Run seal = run(List.of("esp", "seal", "--in", capture.toString(), "--out",
                sealed.toString(), "--transform", transform.name(), "--spi", "0xc0ffee01",
                "--key", HEX.formatHex(printedKey(keys.out(), "ENCR i->r")), "--strict"));
        assertEquals(0, seal.exitCode(), seal.err() + seal.out());
        Run open = run(List.of("esp", "open", "--in", sealed.resolve("esp.pcap").toString(),
                "--sa-file", directory.resolve("keys").resolve(EspSaFile.TABLE_NAME).toString(),
                "--out", opened.toString(), "--strict"));

        assertEquals(0, open.exitCode(), open.err() + open.out());
        assertTrue(open.out().contains("0 ESP packets dropped"), open.out());
    }

    @Test
    void cbcEspSaNotWritten() {
        Run run = run(List.of("keys", "--ni", NI, "--nr", NR, "--spi-i", "a1b2c3d4e5f60718",
                "--spi-r", "1827364554637281", "--shared-secret", SHARED_SECRET,
                "--esp-encr", "12", "--esp-integ", "12", "--out", directory.toString()));

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("esp_sa not written: esp_sa has records only for"
                + " ENCR_AES_GCM_8,"), run.out());
        assertFalse(Files.exists(directory.resolve(EspSaFile.TABLE_NAME)));
    }
}
