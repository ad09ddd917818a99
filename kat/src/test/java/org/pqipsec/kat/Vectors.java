package org.pqipsec.kat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.pqipsec.provider.PQIPsecProvider;

/** Loading of bundled vector files and helpers shared by the ML-KEM suites. */
final class Vectors {

    static final Provider PQIPSEC = new PQIPsecProvider();

    private Vectors() {}

    /** Returns the bytes of a test resource under {@code /}, failing when it is missing. */
    static byte[] resource(String path) {
        try (InputStream in = Vectors.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalStateException("test resource not found: " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a JSON test resource into a map. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> json(String path) {
        return (Map<String, Object>) Json.parse(new String(resource(path), StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> object, String key) {
        return (List<Map<String, Object>>) object.get(key);
    }

    static byte[] hex(Map<String, Object> object, String key) {
        Object value = object.get(key);
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException("missing hex field " + key);
        }
        return HexFormat.of().parseHex(text);
    }

    static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = new byte[first.length + second.length];
        System.arraycopy(first, 0, joined, 0, first.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }

    /**
     * Returns a {@link SecureRandom} that returns the given bytes in order and throws once they
     * run out, so a test sees exactly what the provider draws.
     */
    static FixedRandom fixedRandom(byte[] bytes) {
        return new FixedRandom(new FixedSpi(bytes.clone()));
    }

    static final class FixedRandom extends SecureRandom {

        private static final long serialVersionUID = 1L;

        private final transient FixedSpi spi;

        private FixedRandom(FixedSpi spi) {
            super(spi, null);
            this.spi = spi;
        }

        /** Returns how many bytes were not drawn. */
        int remaining() {
            return spi.bytes.length - spi.position;
        }
    }

    private static final class FixedSpi extends SecureRandomSpi {

        private static final long serialVersionUID = 1L;

        private final transient byte[] bytes;
        private transient int position;

        FixedSpi(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        protected synchronized void engineNextBytes(byte[] out) {
            if (out.length > bytes.length - position) {
                throw new IllegalStateException("fixed random source exhausted: "
                        + out.length + " bytes requested, " + (bytes.length - position) + " left");
            }
            System.arraycopy(bytes, position, out, 0, out.length);
            position += out.length;
        }

        @Override
        protected void engineSetSeed(byte[] seed) {
            throw new UnsupportedOperationException("fixed random source takes no seed");
        }

        @Override
        protected byte[] engineGenerateSeed(int length) {
            throw new UnsupportedOperationException("fixed random source generates no seed");
        }
    }
}
