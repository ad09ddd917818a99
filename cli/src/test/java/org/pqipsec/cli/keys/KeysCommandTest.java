package org.pqipsec.cli.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pqipsec.cli.Main;

import picocli.CommandLine;

/**
 * {@code pqipsec keys} on the HMAC-SHA1 IKE SA of the AOSP IKEv2 library tests (a real exchange:
 * MODP 1024, ENCR_AES_CBC-128, AUTH_HMAC_SHA1_96, PRF_HMAC_SHA1), whose SK_* and first Child SA
 * keys that library's tests give.
 */
class KeysCommandTest {

    private static final String NI =
            "c39b7f368f4681b89fa9b7be6465abd7c5f68b6ed5d3b4c72cb4240eb5c46412";
    private static final String NR =
            "9756112ca539f5c25abacc7ee92b73091942a9c06950f98848f1af1694c4ddff";
    private static final String GIR = "c14155dea40056bd9c76fb4819687b7a397582f4cd5aff4b8f441c56"
            + "e0c08c84234147a0ba249a555835a048e3ca29807d057a61dd26eefad9af9c01497005e52858e29f"
            + "b42eb8496731df96a11cce1f51137a9a1b900fa81aee7898e373d4e48b899bbeca091314ecd4b6e4"
            + "12ef4b0fef798f54735f31807424a318287f20e8";

    @TempDir
    Path directory;

    private record Run(int exitCode, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return new Run(commandLine.execute(args), out.toString(), err.toString());
    }

    @Test
    void aospExchangeKeysFromOptions() throws IOException {
        Run run = run("keys", "--ni", NI, "--nr", NR, "--spi-i", "5f54bf6d8b48e6e1",
                "--spi-r", "909232b3d1edcb5c", "--shared-secret", GIR, "--prf", "2",
                "--encr", "12", "--encr-bits", "128", "--integ", "2", "--esp-encr", "12",
                "--esp-bits", "128", "--esp-integ", "2", "--out", directory.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("SK_d       c86b56efcf684dcc2877578aef3137167fe0ebf6"),
                run.out());
        assertTrue(run.out().contains("SK_ai      554fbf5a05b7f511e05a30ce23d874db9ef55e51"));
        assertTrue(run.out().contains("SK_ei      5cbfd33f75796c0188c4a3a546aec4a1"));
        assertTrue(run.out().contains("SK_pr      a30e6b08be56c0e6bff4744143c75219299e1beb"));
        assertTrue(run.out().contains("ENCR i->r  1b865cea6e2c23973e8c5452adc5cd7d"));
        assertTrue(run.out().contains("INTEG r->i cde612189fd46de870faec04f92b40b0bfdbd9e1"));

        String table = Files.readString(directory.resolve("ikev2_decryption_table"));
        assertEquals("5f54bf6d8b48e6e1,909232b3d1edcb5c,"
                + "5cbfd33f75796c0188c4a3a546aec4a1,c33b35fcf29514cd9d8b4a695e1a816e,"
                + "\"AES-CBC-128 [RFC3602]\",554fbf5a05b7f511e05a30ce23d874db9ef55e51,"
                + "36d83420788337ca32ecaa46892c48808dcd58b1,\"HMAC_SHA1_96 [RFC2404]\"\n",
                table);
        assertTrue(run.out().contains("esp_sa not written: esp_sa has records only for"), run.out());
    }

    @Test
    void jsonFileGivesSameKeys() throws IOException {
        Path json = directory.resolve("in.json");
        Files.writeString(json, "{\"ni\": \"" + NI + "\", \"nr\": \"" + NR + "\", \"spiI\":"
                + " \"5f54bf6d8b48e6e1\", \"spiR\": \"909232b3d1edcb5c\", \"sharedSecret\": \""
                + GIR + "\", \"prf\": 2, \"encr\": 12, \"encrBits\": 128, \"integ\": 2,"
                + " \"espEncr\": 20, \"espBits\": 128}");

        Run run = run("keys", "--json", json.toString(), "--out", directory.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("SK_d       c86b56efcf684dcc2877578aef3137167fe0ebf6"),
                run.out());
        assertEquals(2, Files.readAllLines(directory.resolve("esp_sa")).stream()
                .filter(line -> !line.startsWith("#")).count());
    }

    @Test
    void missingNonceIsUsageError() {
        Run run = run("keys", "--nr", NR, "--spi-i", "5f54bf6d8b48e6e1", "--spi-r",
                "909232b3d1edcb5c", "--shared-secret", GIR);

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("missing --ni"), run.err());
    }

    @Test
    void wrongSpiLengthIsUsageError() {
        Run run = run("keys", "--ni", NI, "--nr", NR, "--spi-i", "5f54", "--spi-r",
                "909232b3d1edcb5c", "--shared-secret", GIR);

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--spi-i must be 8 bytes, got 2 bytes\n"), run.err());
    }

    @Test
    void oneByteSpiSaysByte() {
        Run run = run("keys", "--ni", NI, "--nr", NR, "--spi-i", "5f54d3c4e1a2b3c4", "--spi-r",
                "90", "--shared-secret", GIR);

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--spi-r must be 8 bytes, got 1 byte\n"), run.err());
    }
}
