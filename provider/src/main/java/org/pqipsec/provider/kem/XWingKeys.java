package org.pqipsec.provider.kem;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;

import org.pqipsec.provider.spec.RawKeySpec;

/**
 * X-Wing keys (draft-connolly-cfrg-xwing-kem-10 §5.1) and their byte layout.
 *
 * <pre>
 * public key = encapsulation key pk, 1216 bytes:
 *   [0, 1184)     pk_M, the ML-KEM-768 encapsulation key
 *   [1184, 1216)  pk_X, the X25519 public key X25519(sk_X, 9)
 *
 * private key = decapsulation key sk, 32 bytes (the draft's own encoding):
 *   [0, 32)       seed, expanded by SHAKE256(sk, 96 bytes) (§5.2) to
 *                 d = [0, 32), z = [32, 64), the ML-KEM-768 seed, and sk_X = [64, 96)
 *
 * encapsulation = ciphertext ct, 1120 bytes:
 *   [0, 1088)     ct_M, the ML-KEM-768 ciphertext
 *   [1088, 1120)  ct_X, the ephemeral X25519 public key
 *
 * shared secret, 32 bytes (§5.3):
 *   SHA3-256(ss_M ‖ ss_X ‖ ct_X ‖ pk_X ‖ 5c2e2f2f5e5c)
 * </pre>
 */
final class XWingKeys {

    static final String ALGORITHM = "X-Wing";

    static final MlKemParameterSet ML_KEM = MlKemParameterSet.ML_KEM_768;
    static final int EK_LENGTH = ML_KEM.encapsulationKeyLength();
    static final int PUBLIC_KEY_LENGTH = EK_LENGTH + X25519Dh.LENGTH;
    static final int PRIVATE_KEY_LENGTH = 32;
    static final int CIPHERTEXT_LENGTH = ML_KEM.ciphertextLength();
    static final int ENCAPSULATION_LENGTH = CIPHERTEXT_LENGTH + X25519Dh.LENGTH;
    static final int SECRET_LENGTH = 32;

    private XWingKeys() {}

    static String publicLengthMessage(int actual) {
        return "X-Wing public key must be 1216 bytes (1184-byte ML-KEM-768 encapsulation key ‖"
                + " 32-byte X25519 public key), got " + actual;
    }

    static String privateLengthMessage(int actual) {
        return "X-Wing private key must be 32 bytes (the seed sk), got " + actual;
    }

    /** An X-Wing encapsulation key pk_M ‖ pk_X, in format {@code "RAW"}. */
    static final class XWingPublicKey implements PublicKey {

        @Serial
        private static final long serialVersionUID = 1L;

        private final byte[] encoded;

        /**
         * pk_M after the FIPS 203 §7.2 check, parsed and with Â expanded, supplied by key
         * generation or made on first use by {@link #mlKemEncapsulationKey}. It is not
         * serialized.
         */
        private transient volatile MlKemEngine.EncapsulationKey mlKem;

        XWingPublicKey(byte[] encoded) {
            this(encoded, null);
        }

        /**
         * Creates a key over a copy of pk_M ‖ pk_X with {@code mlKem}, pk_M already checked and
         * prepared (or null). Key generation passes the key it made, whose t̂ is below q by
         * construction.
         */
        XWingPublicKey(byte[] encoded, MlKemEngine.EncapsulationKey mlKem) {
            if (encoded.length != PUBLIC_KEY_LENGTH) {
                throw new IllegalArgumentException(publicLengthMessage(encoded.length));
            }
            this.encoded = encoded.clone();
            this.mlKem = mlKem;
        }

        /**
         * Returns {@code key} as an X-Wing public key: an instance of this class or any public
         * key with algorithm {@code "X-Wing"} and format {@code "RAW"}.
         *
         * @throws InvalidKeyException naming the expected key type and length
         */
        static XWingPublicKey from(Key key, String usage) throws InvalidKeyException {
            if (key instanceof XWingPublicKey own) {
                return own;
            }
            if (!(key instanceof PublicKey) || !ALGORITHM.equalsIgnoreCase(key.getAlgorithm())
                    || !KemSupport.isRaw(key)) {
                throw new InvalidKeyException(usage + " requires an X-Wing public key (RAW"
                        + " 1216-byte pk_M ‖ pk_X), got " + KemSupport.describe(key));
            }
            byte[] raw = key.getEncoded();
            if (raw == null || raw.length != PUBLIC_KEY_LENGTH) {
                throw new InvalidKeyException(publicLengthMessage(raw == null ? 0 : raw.length));
            }
            return new XWingPublicKey(raw);
        }

        /**
         * Returns pk_M checked (FIPS 203 §7.2) and prepared for encapsulation. The first call
         * does the work and later calls return the kept result. Two threads that call this
         * together may both do the work and get equal results.
         *
         * @throws InvalidKeyException if pk_M fails the check, with a message that names X-Wing
         */
        MlKemEngine.EncapsulationKey mlKemEncapsulationKey() throws InvalidKeyException {
            MlKemEngine.EncapsulationKey result = mlKem;
            if (result == null) {
                try {
                    result = Engines.mlKem(ML_KEM).newEncapsulationKey(encapsulationKey());
                } catch (InvalidKeyException e) {
                    throw new InvalidKeyException(ALGORITHM + " public key: " + e.getMessage(),
                            e);
                }
                mlKem = result;
            }
            return result;
        }

        /** Returns the checked ML-KEM encapsulation key this object keeps, or null, for tests. */
        MlKemEngine.EncapsulationKey cachedMlKemKey() {
            return mlKem;
        }

        /** Returns a copy of pk_M, bytes [0, 1184). */
        byte[] encapsulationKey() {
            return Arrays.copyOfRange(encoded, 0, EK_LENGTH);
        }

        /** Returns a copy of pk_X, bytes [1184, 1216). */
        byte[] x25519PublicKey() {
            return Arrays.copyOfRange(encoded, EK_LENGTH, PUBLIC_KEY_LENGTH);
        }

        @Override
        public String getAlgorithm() {
            return ALGORITHM;
        }

        @Override
        public String getFormat() {
            return RawKeySpec.FORMAT;
        }

        @Override
        public byte[] getEncoded() {
            return encoded.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof XWingPublicKey that && Arrays.equals(encoded, that.encoded);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(encoded);
        }

        @Override
        public String toString() {
            return "X-Wing public key";
        }

        @Serial
        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            if (encoded == null || encoded.length != PUBLIC_KEY_LENGTH) {
                throw new InvalidObjectException("X-Wing public key has a missing or"
                        + " wrong-length encoding");
            }
        }
    }

    /**
     * An X-Wing decapsulation key: the 32-byte seed sk, in format {@code "RAW"}. It keeps the
     * expanded key of §5.2 (sk_M, sk_X and pk_X) once key generation or the first
     * {@link #expandedCopy} has made it. {@link #destroy()} zeroes the seed and the expanded key,
     * and the key cannot be serialized.
     */
    static final class XWingPrivateKey implements PrivateKey {

        @Serial
        private static final long serialVersionUID = 1L;

        private final byte[] seed;
        /** The expanded key of §5.2, or null until made. */
        private transient XWingKem.Expanded expanded;
        private boolean destroyed;

        XWingPrivateKey(byte[] seed) {
            if (seed.length != PRIVATE_KEY_LENGTH) {
                throw new IllegalArgumentException(privateLengthMessage(seed.length));
            }
            this.seed = seed.clone();
        }

        /**
         * Returns a key over a copy of {@code seed} that takes ownership of {@code expanded},
         * the expanded key that key generation made from it (or null).
         */
        static XWingPrivateKey fromGenerated(byte[] seed, XWingKem.Expanded expanded) {
            XWingPrivateKey key = new XWingPrivateKey(seed);
            key.expanded = expanded;
            return key;
        }

        /**
         * Returns a copy of the expanded key of §5.2, which the caller owns and which outlives
         * {@link #destroy()}. The first call expands the seed, and later calls copy the result.
         *
         * @throws IllegalStateException if the key is destroyed
         */
        synchronized XWingKem.Expanded expandedCopy() {
            checkNotDestroyed();
            if (expanded == null) {
                expanded = XWingKem.expand(seed);
            }
            return expanded.copy();
        }

        /** Returns the cached expanded key itself, or null, for tests. */
        synchronized XWingKem.Expanded cachedExpanded() {
            return expanded;
        }

        private void checkNotDestroyed() {
            if (destroyed) {
                throw new IllegalStateException("X-Wing private key is destroyed");
            }
        }

        /**
         * Returns {@code key} as an X-Wing private key: an instance of this class or any private
         * key with algorithm {@code "X-Wing"} and format {@code "RAW"}.
         *
         * @throws InvalidKeyException naming the expected key type and length, or if the key is
         *     destroyed
         */
        static XWingPrivateKey from(Key key, String usage) throws InvalidKeyException {
            if (key instanceof XWingPrivateKey own) {
                if (own.isDestroyed()) {
                    throw new InvalidKeyException(usage + ": the X-Wing private key is destroyed");
                }
                return own;
            }
            if (!(key instanceof PrivateKey) || !ALGORITHM.equalsIgnoreCase(key.getAlgorithm())
                    || !KemSupport.isRaw(key)) {
                throw new InvalidKeyException(usage + " requires an X-Wing private key (RAW"
                        + " 32-byte seed), got " + KemSupport.describe(key));
            }
            byte[] raw = key.getEncoded();
            try {
                if (raw == null || raw.length != PRIVATE_KEY_LENGTH) {
                    throw new InvalidKeyException(
                            privateLengthMessage(raw == null ? 0 : raw.length));
                }
                return new XWingPrivateKey(raw);
            } finally {
                if (raw != null) {
                    Arrays.fill(raw, (byte) 0);
                }
            }
        }

        @Override
        public String getAlgorithm() {
            return ALGORITHM;
        }

        @Override
        public String getFormat() {
            return RawKeySpec.FORMAT;
        }

        /**
         * Returns a copy of the seed sk, which the caller should zero after use.
         *
         * @throws IllegalStateException if the key is destroyed
         */
        @Override
        public synchronized byte[] getEncoded() {
            checkNotDestroyed();
            return seed.clone();
        }

        /**
         * Zeroes the seed and the expanded key, after which calls of {@link #getEncoded()} throw.
         * Decapsulators made before keep their own copies and still work.
         */
        @Override
        public synchronized void destroy() {
            Arrays.fill(seed, (byte) 0);
            if (expanded != null) {
                expanded.destroy();
                expanded = null;
            }
            destroyed = true;
        }

        @Override
        public synchronized boolean isDestroyed() {
            return destroyed;
        }

        @Override
        public String toString() {
            return "X-Wing private key";
        }

        @Serial
        private void writeObject(ObjectOutputStream out) throws NotSerializableException {
            throw new NotSerializableException("X-Wing private keys are not serializable,"
                    + " so store the RAW encoding instead");
        }

        @Serial
        private void readObject(ObjectInputStream in) throws NotSerializableException {
            throw new NotSerializableException("X-Wing private keys are not serializable");
        }
    }
}
