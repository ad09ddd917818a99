package org.pqipsec.kat.ikev2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.pqipsec.kat.ikev2.Vectors.PROVIDER;
import static org.pqipsec.kat.ikev2.Vectors.hex;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PRF known answers: RFC 2202 (HMAC-SHA-1), RFC 4231 cases 1, 3, 4, 6 and 7 as RFC 4868 §2.7.1
 * quotes them (HMAC-SHA-2), RFC 3566 and RFC 4434 (AES-XCBC), RFC 4493 and RFC 4615 (AES-CMAC),
 * and two prf(SK_p, ID') values from real exchanges. The AES entries run through every
 * {@code Mac} service that accepts their key: the full tag, the 96-bit truncation and the PRF.
 */
class PrfKnownAnswerTest {

    static Stream<Arguments> entries() {
        return Vectors.kdfVectors("prf").stream()
                .map(entry -> Arguments.of(Vectors.label(entry), entry));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void prfMatches(String label, Map<String, Object> entry) throws GeneralSecurityException {
        String prf = (String) entry.get("prf");
        assumeTrue(!prf.equals("HMAC-MD5"), "PRF_HMAC_MD5 is deprecated and not supported");

        byte[] key = hex(entry, "key");
        byte[] data = hex(entry, "data");
        byte[] expected = hex(entry, "out");

        for (String algorithm : macAlgorithms(prf, key.length)) {
            Mac mac = algorithm.startsWith("Hmac")
                    ? Mac.getInstance(algorithm)
                    : Mac.getInstance(algorithm, PROVIDER);
            mac.init(new SecretKeySpec(key, algorithm));
            byte[] tag = mac.doFinal(data);

            assertEquals(hex(Arrays.copyOf(expected, tag.length)), hex(tag), algorithm);
        }
    }

    /** The Mac services that compute (a prefix of) this PRF's output for a key of this length. */
    private static List<String> macAlgorithms(String prf, int keyLength) {
        return switch (prf) {
            case "HMAC-SHA1" -> List.of("HmacSHA1");
            case "HMAC-SHA2-256" -> List.of("HmacSHA256");
            case "HMAC-SHA2-384" -> List.of("HmacSHA384");
            case "HMAC-SHA2-512" -> List.of("HmacSHA512");
            case "AES128-XCBC" -> keyLength == 16
                    ? List.of("AES-XCBC-PRF-128", "AES-XCBC-MAC", "AES-XCBC-MAC-96",
                            "PRF_AES128_XCBC", "AUTH_AES_XCBC_96")
                    : List.of("AES-XCBC-PRF-128");
            case "AES128-CMAC" -> keyLength == 16
                    ? List.of("AES-CMAC-PRF-128", "AES-CMAC", "AES-CMAC-96", "PRF_AES128_CMAC",
                            "AUTH_AES_CMAC_96")
                    : List.of("AES-CMAC-PRF-128");
            default -> throw new IllegalArgumentException("unknown PRF " + prf);
        };
    }

    @Test
    void vectorFileCoversEveryPrfRfc() {
        List<Map<String, Object>> entries = Vectors.kdfVectors("prf");
        long xcbcShortKey = entries.stream().filter(e -> e.get("prf").equals("AES128-XCBC")
                && hex(e, "key").length < 16).count();
        long xcbcLongKey = entries.stream().filter(e -> e.get("prf").equals("AES128-XCBC")
                && hex(e, "key").length > 16).count();
        long cmacShortKey = entries.stream().filter(e -> e.get("prf").equals("AES128-CMAC")
                && hex(e, "key").length < 16).count();
        long cmacLongKey = entries.stream().filter(e -> e.get("prf").equals("AES128-CMAC")
                && hex(e, "key").length > 16).count();

        assertEquals(45, entries.size());
        assertEquals(1, xcbcShortKey, "RFC 4434 10-byte key case");
        assertEquals(1, xcbcLongKey, "RFC 4434 18-byte key case");
        assertEquals(1, cmacShortKey, "RFC 4615 10-byte key case");
        assertEquals(1, cmacLongKey, "RFC 4615 18-byte key case");
    }

    /**
     * RFC 4615 §3 maps a short key through AES-CMAC, while RFC 4434 pads it with zeros, so the
     * two PRFs differ on a 10-byte key even where the underlying MACs would agree.
     */
    @Test
    void shortKeyRulesDiffer() throws GeneralSecurityException {
        byte[] key = new byte[10];
        Mac cmacPrf = Mac.getInstance("AES-CMAC-PRF-128", PROVIDER);
        Mac cmacPadded = Mac.getInstance("AES-CMAC", PROVIDER);
        cmacPrf.init(new SecretKeySpec(key, "RAW"));
        cmacPadded.init(new SecretKeySpec(Arrays.copyOf(key, 16), "AES"));
        byte[] data = "data".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        assertEquals(false, Arrays.equals(cmacPrf.doFinal(data), cmacPadded.doFinal(data)));
    }

    @Test
    void integrityVariantsRejectOtherKeyLengths() throws GeneralSecurityException {
        for (String algorithm : List.of("AES-XCBC-MAC-96", "AES-XCBC-MAC", "AES-CMAC-96")) {
            Mac mac = Mac.getInstance(algorithm, PROVIDER);
            InvalidKeyException e = assertThrows(InvalidKeyException.class,
                    () -> mac.init(new SecretKeySpec(new byte[20], "RAW")));
            assertEquals(algorithm + " key must be 16 bytes, got 20", e.getMessage());
        }
        Mac cmac = Mac.getInstance("AES-CMAC", PROVIDER);
        InvalidKeyException e = assertThrows(InvalidKeyException.class,
                () -> cmac.init(new SecretKeySpec(new byte[20], "RAW")));
        assertEquals("AES-CMAC key must be 16, 24 or 32 bytes, got 20", e.getMessage());
    }

    /** Feeding a message in pieces of every size gives the one-shot tag. */
    @Test
    void incrementalUpdatesMatchOneShot() throws GeneralSecurityException {
        byte[] key = new byte[16];
        byte[] data = new byte[67];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7);
        }
        for (String algorithm : List.of("AES-XCBC-MAC", "AES-CMAC")) {
            Mac mac = Mac.getInstance(algorithm, PROVIDER);
            mac.init(new SecretKeySpec(key, "AES"));
            byte[] oneShot = mac.doFinal(data);
            for (int step = 1; step <= 33; step++) {
                for (int offset = 0; offset < data.length; offset += step) {
                    mac.update(data, offset, Math.min(step, data.length - offset));
                }
                assertEquals(hex(oneShot), hex(mac.doFinal()), algorithm + " step " + step);
            }
            for (byte b : data) {
                mac.update(b);
            }
            assertEquals(hex(oneShot), hex(mac.doFinal()), algorithm + " byte by byte");
        }
    }
}
