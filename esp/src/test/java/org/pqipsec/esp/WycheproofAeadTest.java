package org.pqipsec.esp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Wycheproof {@code aes_gcm}, {@code aes_gmac} and {@code chacha20_poly1305} vectors through
 * every {@link EspEngine} and every transform built on the primitive. Each case seals and opens,
 * once on heap and once on direct buffers; failures are collected and asserted once per file.
 */
class WycheproofAeadTest {

    private static final HexFormat HEX = HexFormat.of();

    static Stream<Arguments> enginesAndTransforms() {
        List<Arguments> cases = new ArrayList<>();
        for (EspEngine engine : EspEngine.values()) {
            for (EspTransform transform : EspTransform.values()) {
                String file = switch (transform.cipher()) {
                    case AES_GCM -> "aes_gcm_test.json";
                    case AES_GMAC -> "aes_gmac_test.json";
                    case CHACHA20_POLY1305 -> "chacha20_poly1305_test.json";
                };
                cases.add(Arguments.of(engine, transform, file));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("enginesAndTransforms")
    void vectorsPassThroughEngine(EspEngine engine, EspTransform transform, String file) throws Exception {
        Map<?, ?> root = load(file);
        List<String> failures = new ArrayList<>();
        int run = 0;
        int skipped = 0;

        for (Object groupObject : (List<?>) root.get("testGroups")) {
            Map<?, ?> group = (Map<?, ?>) groupObject;
            long ivBits = (Long) group.get("ivSize");
            for (Object testObject : (List<?>) group.get("tests")) {
                Map<?, ?> test = (Map<?, ?>) testObject;
                byte[] key = hex(test, "key");
                if (ivBits != 96 || !transform.isValidKeyLength(key.length)) {
                    skipped++;
                    continue;
                }
                String failure = runCase(engine, transform, test, key);
                if (failure != null) {
                    failures.add("tcId " + test.get("tcId") + ": " + failure);
                }
                run++;
            }
        }

        assertTrue(run > 0, "no case of " + file + " applies to " + transform);
        assertEquals(List.of(), failures.subList(0, Math.min(10, failures.size())), run + " cases run, " + skipped + " skipped (IV not 96 bits or key length)");
    }

    /** Runs one vector and returns a description of the mismatch, or null when it passed. */
    private static String runCase(EspEngine factory, EspTransform transform, Map<?, ?> test, byte[] key)
            throws GeneralSecurityException {
        byte[] nonce = hex(test, "iv");
        byte[] msg = hex(test, "msg");
        boolean gmac = transform.authenticationOnly();
        byte[] aad = gmac ? new byte[0] : hex(test, "aad");
        byte[] data = gmac ? msg : hex(test, "ct");
        byte[] tag = hex(test, "tag");
        String result = (String) test.get("result");
        int tagLength = transform.icvLength();

        Boolean expectValid = switch (result) {
            case "valid" -> Boolean.TRUE;
            case "invalid" -> Boolean.FALSE;
            default -> null;
        };
        if (tagLength < 16 && Boolean.FALSE.equals(expectValid)) {
            // A truncated tag is only the first bytes of the full tag, so a vector whose damage
            // lies in the rest must pass. The JDK's full-tag GCM decides what the prefix is.
            expectValid = truncatedTagMatches(key, nonce, aad, msg, data, tag, tagLength);
            if (expectValid == null) {
                return null;
            }
        }

        byte[] input = concat(data, Arrays.copyOf(tag, tagLength));
        for (boolean direct : new boolean[] {false, true}) {
            // A fresh engine per pass, because the JDK rejects a second encryption under the
            // same key and nonce, which is what a second pass over one vector would be.
            AeadEngine engine = factory.create(transform, key);
            try {
                String where = direct ? "direct buffers: " : "heap buffers: ";
                if (Boolean.TRUE.equals(expectValid) || tag.length == tagLength) {
                    ByteBuffer sealed = buffer(concat(msg, new byte[tagLength]), direct);
                    try {
                        engine.seal(nonce, aad, aad.length, sealed, 0, msg.length);
                        boolean equal = Arrays.equals(bytes(sealed), input);
                        if (Boolean.TRUE.equals(expectValid) && !equal) {
                            return where + "seal output differs";
                        }
                        if (Boolean.FALSE.equals(expectValid) && equal) {
                            return where + "seal reproduced an invalid tag";
                        }
                    } catch (RuntimeException e) {
                        if (Boolean.TRUE.equals(expectValid)) {
                            return where + "seal threw " + e;
                        }
                    }
                }
                ByteBuffer output = buffer(new byte[data.length], direct);
                try {
                    engine.open(nonce, aad, aad.length, buffer(input, direct), 0, input.length, output, 0);
                    if (Boolean.FALSE.equals(expectValid)) {
                        return where + "open accepted an invalid case";
                    }
                    if (!Arrays.equals(bytes(output), msg)) {
                        return where + "open returned the wrong plaintext";
                    }
                } catch (AEADBadTagException e) {
                    if (Boolean.TRUE.equals(expectValid)) {
                        return where + "open rejected a valid case";
                    }
                    if (!Arrays.equals(bytes(output), new byte[data.length])) {
                        return where + "open left plaintext after a failure";
                    }
                }
            } finally {
                engine.destroy();
            }
        }
        return null;
    }

    /**
     * Returns whether the first {@code tagLength} bytes of an invalid vector's tag equal those of
     * the true tag, or null when that cannot be decided because the ciphertext was altered too.
     */
    private static Boolean truncatedTagMatches(byte[] key, byte[] nonce, byte[] aad, byte[] msg,
            byte[] ct, byte[] tag, int tagLength) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(aad);
        byte[] sealed = cipher.doFinal(msg);
        if (!Arrays.equals(Arrays.copyOf(sealed, msg.length), ct) || tag.length < tagLength) {
            return null;
        }
        return Arrays.equals(Arrays.copyOfRange(sealed, msg.length, msg.length + tagLength),
                Arrays.copyOf(tag, tagLength));
    }

    private static ByteBuffer buffer(byte[] content, boolean direct) {
        ByteBuffer buffer = direct ? ByteBuffer.allocateDirect(content.length) : ByteBuffer.allocate(content.length);
        buffer.put(content).clear();
        return buffer;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.limit()];
        buffer.get(0, out);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] hex(Map<?, ?> test, String field) {
        return HEX.parseHex((String) test.get(field));
    }

    static Map<?, ?> load(String file) throws IOException {
        try (InputStream in = WycheproofAeadTest.class.getResourceAsStream("/wycheproof/" + file)) {
            if (in == null) {
                throw new IOException("test resource /wycheproof/" + file + " is missing");
            }
            return (Map<?, ?>) JsonReader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
