package org.pqipsec.provider.curve25519;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * {@link X25519#scalarMult} on all 518 Wycheproof XdhComp cases for curve25519: twist points,
 * non-canonical and low-order public keys, and edge cases of the multiplication. Every case,
 * valid or acceptable, has one correct output, which the raw function must compute.
 */
class WycheproofX25519Test {

    private static final String RESOURCE = "/wycheproof/x25519_test.json";

    /** One test object; the file lists its fields in this order. */
    private static final Pattern CASE = Pattern.compile("\"tcId\"\\s*:\\s*(\\d+).*?"
            + "\"public\"\\s*:\\s*\"([0-9a-f]*)\".*?\"private\"\\s*:\\s*\"([0-9a-f]*)\".*?"
            + "\"shared\"\\s*:\\s*\"([0-9a-f]*)\".*?\"result\"\\s*:\\s*\"(\\w+)\"", Pattern.DOTALL);

    private static final Pattern NUMBER_OF_TESTS = Pattern.compile("\"numberOfTests\"\\s*:\\s*(\\d+)");

    @Test
    void allCasesMatch() throws IOException {
        String json = read();
        Matcher count = NUMBER_OF_TESTS.matcher(json);
        assertEquals(true, count.find(), "numberOfTests missing");

        HexFormat hex = HexFormat.of();
        List<String> failures = new ArrayList<>();
        int cases = 0;
        Matcher matcher = CASE.matcher(json);
        while (matcher.find()) {
            cases++;
            String id = matcher.group(1);
            byte[] publicKey = hex.parseHex(matcher.group(2));
            byte[] privateKey = hex.parseHex(matcher.group(3));
            String expected = matcher.group(4);
            String actual = hex.formatHex(X25519.scalarMult(privateKey, publicKey));
            if (!expected.equals(actual)) {
                failures.add("tcId " + id + " (" + matcher.group(5) + "): expected " + expected
                        + ", got " + actual);
            }
        }

        assertEquals(Integer.parseInt(count.group(1)), cases, "cases parsed");
        assertEquals(List.of(), failures);
    }

    private static String read() throws IOException {
        try (InputStream in = WycheproofX25519Test.class.getResourceAsStream(RESOURCE)) {
            assertNotNull(in, RESOURCE);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
