package org.pqipsec.cli.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pqipsec.cli.Main;

import picocli.CommandLine;

/**
 * Invalid input to {@code pqipsec keys}: each run must end with one error line (and the usage
 * hint for invalid usage), print no keys, write no file and never repeat a secret.
 */
class KeysCommandErrorTest {

    private static final String NI = "8f3d2b7c61a04e9d5b2c1f0e7d6c5b4a39281706f5e4d3c2b1a0998877665544";
    private static final String NR = "0a1b2c3d4e5f60718293a4b5c6d7e8f90123456789abcdeffedcba9876543210";
    private static final String SPI_I = "a1b2c3d4e5f60718";
    private static final String SPI_R = "1827364554637281";
    private static final String SHARED_SECRET =
            "5d2e7b9c0a4f1836e2d95c7ab0418f6e3c2d1b0a99887766554433221100ffee";
    private static final String HINT = "Run 'pqipsec help keys' for the options.";

    @TempDir
    Path directory;

    private record Run(int exitCode, String out, String err) {

        List<String> errLines() {
            return err.lines().toList();
        }
    }

    /** Runs {@code pqipsec} as {@code Main} does, with its handler for invalid usage. */
    private static Run run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args.toArray(String[]::new));
        return new Run(exitCode, out.toString(), err.toString());
    }

    /** Returns {@code keys} with valid values for every required input, then {@code extra}. */
    private static List<String> keys(String... extra) {
        List<String> args = new ArrayList<>(List.of("keys", "--ni", NI, "--nr", NR,
                "--spi-i", SPI_I, "--spi-r", SPI_R, "--shared-secret", SHARED_SECRET));
        args.addAll(Arrays.asList(extra));
        return args;
    }

    /** Checks an invalid-usage run: exit 2, the message line, the hint and nothing else. */
    private static void assertUsageError(Run run, String message) {
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(2, run.errLines().size(), run.err());
        assertEquals("pqipsec keys: " + message, run.errLines().get(0));
        assertEquals(HINT, run.errLines().get(1));
        assertNothingPrintedOrLeaked(run);
    }

    /** Checks an error run: exit 1 and one line with the message. */
    private static void assertFailure(Run run, String message) {
        assertEquals(1, run.exitCode(), run.err());
        assertEquals(List.of("pqipsec keys: " + message), run.errLines());
        assertNothingPrintedOrLeaked(run);
    }

    private static void assertNothingPrintedOrLeaked(Run run) {
        assertEquals("", run.out(), "keys printed before the error");
        for (String secret : List.of(SHARED_SECRET, NI, NR)) {
            assertFalse(run.err().contains(secret), "the error repeats an input: " + run.err());
        }
    }

    @Test
    void missingJsonFileIsOneLine() {
        Path missing = directory.resolve("missing.json");

        assertFailure(run(List.of("keys", "--json", missing.toString())),
                "--json " + missing + ": file not found");
    }

    @Test
    void cbcWithoutIntegNamesInteg() {
        assertUsageError(run(keys("--encr", "12")), "missing --integ: ENCR_AES_CBC needs an"
                + " integrity transform; expected 2, 5, 8, 12, 13 or 14");
    }

    @Test
    void aeadWithIntegNamesInteg() {
        assertUsageError(run(keys("--integ", "12")), "--integ must be left out for"
                + " ENCR_AES_GCM_16, an AEAD cipher that carries its own ICV");
    }

    @Test
    void espCbcWithoutEspIntegPrintsNoKeys() {
        Path out = directory.resolve("out");

        assertUsageError(run(keys("--esp-encr", "12", "--out", out.toString())),
                "missing --esp-integ: ENCR_AES_CBC needs an integrity transform; expected 2, 5,"
                        + " 8, 12, 13 or 14");
        assertFalse(Files.exists(out), "the failed run created --out");
    }

    @Test
    void gmacIsRejectedForIke() {
        Run run = run(keys("--encr", "21"));

        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.errLines().get(0).startsWith("pqipsec keys: --encr 21"
                + " (ENCR_NULL_AUTH_AES_GMAC) does not encrypt"), run.err());
    }

    @Test
    void outUnderRegularFileIsOneLine() throws IOException {
        Path file = Files.writeString(directory.resolve("file"), "not a directory");
        Path out = file.resolve("keys");

        assertFailure(run(keys("--out", out.toString())),
                "cannot write to --out " + out + ": not a directory");
    }

    @Test
    void outNamingRegularFileIsOneLine() throws IOException {
        Path file = Files.writeString(directory.resolve("file"), "not a directory");

        Run run = run(keys("--out", file.toString()));

        assertFailure(run, "cannot write to --out " + file + ": " + file
                + " exists and is not a directory");
        assertEquals("not a directory", Files.readString(file));
    }

    @Test
    void evenLengthNonHexSaysNotHexadecimal() {
        List<String> args = keys();
        args.set(args.indexOf("--shared-secret") + 1, "zzqy");

        Run run = run(args);

        assertUsageError(run, "--shared-secret is not hexadecimal; expected only the digits 0-9"
                + " and a-f, with an optional 0x");
        assertFalse(run.err().contains("zzqy"), "the error repeats the value");
    }

    @Test
    void oddLengthHexSaysOdd() {
        List<String> args = keys();
        args.set(args.indexOf("--shared-secret") + 1, "abcde");

        Run run = run(args);

        assertUsageError(run, "--shared-secret has an odd number of hex digits (5); expected"
                + " whole bytes");
        assertFalse(run.err().contains("abcde"), "the error repeats the value");
    }

    @Test
    void nonHexAdditionalSecretNamesOption() {
        assertUsageError(run(keys("--additional-secret", "0xgg")),
                "--additional-secret is not hexadecimal; expected only the digits 0-9 and a-f,"
                        + " with an optional 0x");
    }

    static Stream<Arguments> wrongJsonTypes() {
        return Stream.of(
                Arguments.of("\"prf\": \"six\"", "key \"prf\" must be an integer, got a string"),
                Arguments.of("\"prf\": true", "key \"prf\" must be an integer, got a boolean"),
                Arguments.of("\"prf\": 5.5", "key \"prf\" must be an integer, got 5.5"),
                Arguments.of("\"integ\": 1e12", "key \"integ\" must be an integer, got 1E+12"),
                Arguments.of("\"encrBits\": \"lots\"",
                        "key \"encrBits\" must be an integer, got a string"),
                Arguments.of("\"espBits\": [256]",
                        "key \"espBits\" must be an integer, got an array"),
                Arguments.of("\"espSpiI\": 256", "key \"espSpiI\" must be a string, got a number"),
                Arguments.of("\"initiator\": {}",
                        "key \"initiator\" must be a string, got an object"),
                Arguments.of("\"additionalSecrets\": \"00ff\"",
                        "key \"additionalSecrets\" must be an array of strings, got a string"),
                Arguments.of("\"additionalSecrets\": [\"00ff\", 7]",
                        "key \"additionalSecrets\" item 2 must be a string, got a number"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongJsonTypes")
    void jsonWrongTypeNamesKey(String member, String message) throws IOException {
        Path json = Files.writeString(directory.resolve("in.json"), "{" + member + "}");

        assertUsageError(run(keys("--json", json.toString())), json + ": " + message);
    }

    @Test
    void jsonSyntaxErrorIsOneLine() throws IOException {
        Path json = Files.writeString(directory.resolve("in.json"), "{\"prf\": 5,}");

        assertUsageError(run(keys("--json", json.toString())),
                json + ": invalid JSON at offset 10: expected a string key");
    }

    @Test
    void jsonNotUtf8IsOneLine() throws IOException {
        Path json = Files.write(directory.resolve("in.json"), new byte[] {'{', (byte) 0xff, '}'});

        assertUsageError(run(keys("--json", json.toString())), json + ": is not UTF-8 text");
    }

    @Test
    void jsonTopLevelArrayIsRejected() throws IOException {
        Path json = Files.writeString(directory.resolve("in.json"), "[]");

        assertUsageError(run(keys("--json", json.toString())),
                json + ": expected a JSON object, got an array");
    }

    @Test
    void jsonUnknownKeyIsRejected() throws IOException {
        Path json = Files.writeString(directory.resolve("in.json"),
                "{\"additionalSecret\": [\"00ff\"]}");

        Run run = run(keys("--json", json.toString()));

        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.errLines().get(0).startsWith("pqipsec keys: " + json
                + ": unknown key \"additionalSecret\"; expected ni, nr, spiI,"), run.err());
        assertTrue(run.errLines().get(0).contains("additionalSecrets"), run.err());
        assertEquals(HINT, run.errLines().get(1));
    }

    @Test
    void jsonNonHexNamesKey() throws IOException {
        Path json = Files.writeString(directory.resolve("in.json"),
                "{\"ni\": \"" + NI + "\", \"nr\": \"" + NR + "\", \"spiI\": \"" + SPI_I
                        + "\", \"spiR\": \"" + SPI_R + "\", \"sharedSecret\": \"secretzz\"}");

        Run run = run(List.of("keys", "--json", json.toString()));

        assertUsageError(run, json + ": key \"sharedSecret\" is not hexadecimal; expected only"
                + " the digits 0-9 and a-f, with an optional 0x");
        assertFalse(run.err().contains("secretzz"), "the error repeats the value");
    }

    @Test
    void missingValueNamesOptionAndKey() throws IOException {
        Path json = Files.writeString(directory.resolve("in.json"), "{\"ni\": \"" + NI + "\"}");

        assertUsageError(run(List.of("keys", "--json", json.toString())),
                "missing --nr (or key \"nr\" in " + json + ")");
    }

    @Test
    void encrBitsErrorNamesOption() {
        assertUsageError(run(keys("--encr-bits", "100")), "--encr-bits 100 is not a key length"
                + " of ENCR_AES_GCM_16; expected 128, 192 or 256");
    }

    @Test
    void espBitsErrorNamesOption() {
        assertUsageError(run(keys("--esp-encr", "28", "--esp-bits", "128")), "--esp-bits 128 is"
                + " not a key length of ENCR_CHACHA20_POLY1305; expected 256");
    }

    @Test
    void encrBitsErrorFromJsonNamesKey() throws IOException {
        Path json = Files.writeString(directory.resolve("in.json"), "{\"encrBits\": 100}");

        assertUsageError(run(keys("--json", json.toString())), json + ": key \"encrBits\" 100"
                + " is not a key length of ENCR_AES_GCM_16; expected 128, 192 or 256");
    }

    @Test
    void invalidInitiatorWritesNothing() throws IOException {
        Path out = directory.resolve("out");
        Run first = run(keys("--out", out.toString()));
        assertEquals(0, first.exitCode(), first.err());
        String table = Files.readString(out.resolve(WiresharkTables.IKEV2_TABLE_NAME));
        String espSa = Files.readString(out.resolve("esp_sa"));

        List<String> args = keys("--out", out.toString(), "--initiator", "not-an-ip");
        args.set(args.indexOf("--shared-secret") + 1, "00112233");
        Run failed = run(args);

        assertUsageError(failed, "--initiator not-an-ip is not an IPv4 or IPv6 address");
        assertEquals(table, Files.readString(out.resolve(WiresharkTables.IKEV2_TABLE_NAME)));
        assertEquals(espSa, Files.readString(out.resolve("esp_sa")));
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(2, files.count(), "files other than the two tables in --out");
        }
    }

    @Test
    void mixedAddressVersionsAreRejected() {
        assertUsageError(run(keys("--responder", "2001:db8::1")), "--initiator 192.0.2.1 and"
                + " --responder 2001:db8::1 must both be IPv4 or both be IPv6");
    }

    @Test
    void reservedEspSpiIsRejected() {
        assertUsageError(run(keys("--esp-spi-r", "000000ff")), "--esp-spi-r must not be"
                + " 00000000 to 000000ff, which RFC 4303 §2.1 reserves");
    }

    @Test
    void shortAndLongNoncesAreRejected() {
        for (int length : new int[] {15, 257}) {
            List<String> args = keys();
            args.set(args.indexOf("--ni") + 1, "ab".repeat(length));

            assertUsageError(run(args), "--ni must be 16 to 256 bytes for HMAC_SHA2_256 (RFC 7296"
                    + " §2.10, §3.9), got " + length + " bytes");
        }
    }

    @Test
    void nonceShorterThanHalfPrfKeyIsRejected() {
        List<String> args = keys("--prf", "7");
        args.set(args.indexOf("--nr") + 1, "cd".repeat(16));

        assertUsageError(run(args), "--nr must be 32 to 256 bytes for HMAC_SHA2_512 (RFC 7296"
                + " §2.10, §3.9), got 16 bytes");
    }

    @Test
    void nonceLengthLimitsAreAccepted() {
        for (int length : new int[] {16, 256}) {
            List<String> args = keys();
            args.set(args.indexOf("--ni") + 1, "ab".repeat(length));
            args.set(args.indexOf("--nr") + 1, "cd".repeat(length));

            Run run = run(args);

            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().contains("SK_d"), run.out());
        }
    }

    @Test
    void helpListsExitCodes() {
        Run run = run(List.of("help", "keys"));

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Exit codes:"), run.out());
        assertTrue(run.out().contains("  0   the keys were derived and printed"), run.out());
        assertTrue(run.out().contains("  1   an error"), run.out());
        assertTrue(run.out().contains("  2   invalid usage"), run.out());
    }
}
