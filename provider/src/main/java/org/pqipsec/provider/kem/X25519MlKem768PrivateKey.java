package org.pqipsec.provider.kem;

import static org.pqipsec.provider.kem.X25519MlKem768Layout.ALGORITHM;
import static org.pqipsec.provider.kem.X25519MlKem768Layout.ML_KEM;
import static org.pqipsec.provider.kem.X25519MlKem768Layout.PRIVATE_KEY_LENGTH;
import static org.pqipsec.provider.kem.X25519MlKem768Layout.SEED_LENGTH;

import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.PrivateKey;
import java.util.Arrays;

import org.pqipsec.provider.spec.RawKeySpec;

/**
 * An X25519MLKEM768 private key, whose 96-byte {@code "RAW"} encoding is this provider's:
 * bytes [0, 32) are d and [32, 64) are z, the ML-KEM-768 seed of FIPS 203 Algorithm 16, and
 * bytes [64, 96) are the X25519 private key k (RFC 7748 §5 scalar, before clamping).
 *
 * <p>{@link #destroy()} zeroes the key, and the key cannot be serialized.
 */
final class X25519MlKem768PrivateKey implements PrivateKey {

    @Serial
    private static final long serialVersionUID = 1L;

    private final byte[] encoded;
    /**
     * The ML-KEM-768 decapsulation key expanded from d ‖ z, made on first use by
     * {@link #newMlKemDecapsulationKey}, or null. {@link #destroy()} zeroes it.
     */
    private MlKemEngine.DecapsulationKey mlKem;
    private boolean destroyed;

    /** Creates a key over a copy of a 96-byte encoding d ‖ z ‖ k. */
    X25519MlKem768PrivateKey(byte[] encoded) {
        if (encoded.length != PRIVATE_KEY_LENGTH) {
            throw new IllegalArgumentException(lengthMessage(encoded.length));
        }
        this.encoded = encoded.clone();
    }

    /**
     * Returns a key over a copy of {@code encoded} that takes ownership of {@code mlKem}, the
     * ML-KEM-768 decapsulation key that key generation made from the same d ‖ z (null when the
     * engine made none), so the first decapsulation does not expand the seed again.
     */
    static X25519MlKem768PrivateKey fromGenerated(byte[] encoded,
            MlKemEngine.DecapsulationKey mlKem) {
        X25519MlKem768PrivateKey key = new X25519MlKem768PrivateKey(encoded);
        key.mlKem = mlKem;
        return key;
    }

    /**
     * Returns {@code key} as an X25519MLKEM768 private key. Besides instances of this class, any
     * private key with algorithm {@code "X25519MLKEM768"} and format {@code "RAW"} is accepted.
     *
     * @throws InvalidKeyException naming the expected key type and length, or if the key is
     *     destroyed
     */
    static X25519MlKem768PrivateKey from(Key key, String usage) throws InvalidKeyException {
        if (key instanceof X25519MlKem768PrivateKey own) {
            if (own.isDestroyed()) {
                throw new InvalidKeyException(usage + ": the X25519MLKEM768 private key is"
                        + " destroyed");
            }
            return own;
        }
        if (!(key instanceof PrivateKey) || !ALGORITHM.equalsIgnoreCase(key.getAlgorithm())
                || !KemSupport.isRaw(key)) {
            throw new InvalidKeyException(usage + " requires an X25519MLKEM768 private key (RAW"
                    + " 96-byte d ‖ z ‖ k), got " + KemSupport.describe(key));
        }
        byte[] raw = key.getEncoded();
        try {
            if (raw == null || raw.length != PRIVATE_KEY_LENGTH) {
                throw new InvalidKeyException(lengthMessage(raw == null ? 0 : raw.length));
            }
            return new X25519MlKem768PrivateKey(raw);
        } finally {
            if (raw != null) {
                Arrays.fill(raw, (byte) 0);
            }
        }
    }

    static String lengthMessage(int actual) {
        return "X25519MLKEM768 private key must be 96 bytes (64-byte ML-KEM-768 seed d ‖ z ‖"
                + " 32-byte X25519 private key), got " + actual;
    }

    /**
     * Returns the ML-KEM-768 decapsulation key of d ‖ z, which the caller owns and which outlives
     * {@link #destroy()}. FIPS 203 Algorithm 16 expands the seed on the first call, and later
     * calls copy the result.
     *
     * @throws IllegalStateException if the key is destroyed
     */
    synchronized MlKemEngine.DecapsulationKey newMlKemDecapsulationKey() {
        checkNotDestroyed();
        if (mlKem == null) {
            byte[] seed = Arrays.copyOfRange(encoded, 0, SEED_LENGTH);
            try {
                mlKem = Engines.mlKem(ML_KEM).generateKey(seed);
            } finally {
                Arrays.fill(seed, (byte) 0);
            }
        }
        return mlKem.copy();
    }

    /** Returns the cached ML-KEM-768 decapsulation key itself, or null, for tests. */
    synchronized MlKemEngine.DecapsulationKey cachedMlKemKey() {
        return mlKem;
    }

    /** Returns a copy of the X25519 private key k, bytes [64, 96); the caller zeroes it. */
    synchronized byte[] x25519PrivateKey() {
        checkNotDestroyed();
        return Arrays.copyOfRange(encoded, SEED_LENGTH, PRIVATE_KEY_LENGTH);
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
     * Returns a copy of d ‖ z ‖ k, which the caller should zero after use.
     *
     * @throws IllegalStateException if the key is destroyed
     */
    @Override
    public synchronized byte[] getEncoded() {
        checkNotDestroyed();
        return encoded.clone();
    }

    /**
     * Zeroes the key and its expanded ML-KEM-768 key; later calls of {@link #getEncoded()} throw.
     * Decapsulators made before keep their own copies and still work.
     */
    @Override
    public synchronized void destroy() {
        Arrays.fill(encoded, (byte) 0);
        if (mlKem != null) {
            mlKem.destroy();
            mlKem = null;
        }
        destroyed = true;
    }

    @Override
    public synchronized boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return ALGORITHM + " private key";
    }

    private void checkNotDestroyed() {
        if (destroyed) {
            throw new IllegalStateException("X25519MLKEM768 private key is destroyed");
        }
    }

    @Serial
    private void writeObject(ObjectOutputStream out) throws NotSerializableException {
        throw new NotSerializableException("X25519MLKEM768 private keys are not serializable,"
                + " so store the RAW encoding instead");
    }

    @Serial
    private void readObject(ObjectInputStream in) throws NotSerializableException {
        throw new NotSerializableException("X25519MLKEM768 private keys are not serializable");
    }
}
