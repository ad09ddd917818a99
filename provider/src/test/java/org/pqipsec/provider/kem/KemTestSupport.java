package org.pqipsec.provider.kem;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import java.util.Arrays;
import java.util.HexFormat;

import org.pqipsec.provider.PQIPsecProvider;

/** Shared fixtures of the KEM tests: the provider, fixed randomness and foreign RAW keys. */
final class KemTestSupport {

    static final PQIPsecProvider PROVIDER = new PQIPsecProvider();

    private KemTestSupport() {}

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] result = new byte[length];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, result, offset, part.length);
            offset += part.length;
        }
        return result;
    }

    static byte[] randomBytes(SecureRandom random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /**
     * Returns a SecureRandom that hands out {@code bytes} in order and throws once they are used
     * up, so a test fails when an implementation draws more than it documents.
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

        /** Number of bytes not handed out yet. */
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
                throw new IllegalStateException("fixed test randomness used up: requested "
                        + out.length + " bytes, " + (bytes.length - position) + " left");
            }
            System.arraycopy(bytes, position, out, 0, out.length);
            position += out.length;
        }

        @Override
        protected void engineSetSeed(byte[] seed) {
            throw new UnsupportedOperationException("fixed test randomness takes no seed");
        }

        @Override
        protected byte[] engineGenerateSeed(int length) {
            throw new UnsupportedOperationException("fixed test randomness generates no seed");
        }
    }

    /** A public key from another provider: only an algorithm name and a RAW encoding. */
    record ForeignPublicKey(String algorithm, byte[] encoded) implements PublicKey {

        @Override
        public String getAlgorithm() {
            return algorithm;
        }

        @Override
        public String getFormat() {
            return "RAW";
        }

        @Override
        public byte[] getEncoded() {
            return encoded.clone();
        }
    }

    /** A private key from another provider: only an algorithm name and a RAW encoding. */
    record ForeignPrivateKey(String algorithm, byte[] encoded) implements PrivateKey {

        @Override
        public String getAlgorithm() {
            return algorithm;
        }

        @Override
        public String getFormat() {
            return "RAW";
        }

        @Override
        public byte[] getEncoded() {
            return encoded.clone();
        }
    }

    /** Returns a copy of {@code bytes} with a different length, for wrong-length inputs. */
    static byte[] resized(byte[] bytes, int length) {
        return Arrays.copyOf(bytes, length);
    }
}
