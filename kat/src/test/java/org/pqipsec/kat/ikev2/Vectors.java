package org.pqipsec.kat.ikev2;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.KDF;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.pqipsec.kat.Json;
import org.pqipsec.provider.PQIPsecProvider;
import org.pqipsec.provider.spec.IkePrf;

/** Loads the vector files of this package and converts their fields. */
final class Vectors {

    static final PQIPsecProvider PROVIDER = new PQIPsecProvider();

    private static final HexFormat HEX = HexFormat.of();

    private Vectors() {}

    /** Parses a JSON resource under {@code /ikev2/}. */
    static Object load(String name) {
        try (InputStream in = Vectors.class.getResourceAsStream("/ikev2/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource /ikev2/" + name + " is missing");
            }
            return Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the array {@code key} of the main vector file. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> kdfVectors(String key) {
        Map<String, Object> root = (Map<String, Object>) load("ikev2-kdf-vectors.json");
        return (List<Map<String, Object>>) root.get(key);
    }

    /** Maps the vector files' PRF names to {@link IkePrf}; HMAC-MD5 has no IKEv2 KDF here. */
    static Optional<IkePrf> prf(String name) {
        return switch (name) {
            case "HMAC-SHA1", "SHA-1", "SHA1" -> Optional.of(IkePrf.HMAC_SHA1);
            case "AES128-XCBC" -> Optional.of(IkePrf.AES128_XCBC);
            case "HMAC-SHA2-256", "SHA2-256", "SHA-256" -> Optional.of(IkePrf.HMAC_SHA2_256);
            case "HMAC-SHA2-384", "SHA2-384", "SHA-384" -> Optional.of(IkePrf.HMAC_SHA2_384);
            case "HMAC-SHA2-512", "SHA2-512", "SHA-512" -> Optional.of(IkePrf.HMAC_SHA2_512);
            case "AES128-CMAC" -> Optional.of(IkePrf.AES128_CMAC);
            default -> Optional.empty();
        };
    }

    static KDF kdf(IkePrf prf) throws GeneralSecurityException {
        return KDF.getInstance(prf.kdfAlgorithm(), PROVIDER);
    }

    static byte[] hex(Map<String, Object> entry, String field) {
        Object value = entry.get(field);
        if (!(value instanceof String text)) {
            throw new IllegalStateException("vector field " + field + " is not a hex string: "
                    + value);
        }
        return HEX.parseHex(text.toLowerCase());
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    static int integer(Map<String, Object> entry, String field) {
        return Math.toIntExact((Long) entry.get(field));
    }

    static SecretKey key(byte[] bytes) {
        return new SecretKeySpec(bytes, "RAW");
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, offset, part.length);
            offset += part.length;
        }
        return out;
    }

    /** A short label of an entry for failure messages: its source test or origin. */
    @SuppressWarnings("unchecked")
    static String label(Map<String, Object> entry) {
        Object source = entry.get("source");
        if (source instanceof Map<?, ?> map && map.get("test") instanceof String test
                && !test.isEmpty()) {
            return entry.get("prf") + " " + test;
        }
        Object origin = entry.getOrDefault("origin", entry.get("note"));
        return entry.get("prf") + " " + origin;
    }
}
