package org.pqipsec.provider.kem;

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
 * A SecP256r1MLKEM768 or SecP384r1MLKEM1024 private key, whose {@code "RAW"} encoding is this
 * provider's: bytes [0, 32) are d and [32, 64) are z, the ML-KEM seed of FIPS 203 Algorithm 16,
 * and bytes [64, 64 + F) the ECDH private scalar, big-endian (F = 32 for P-256, 48 for P-384).
 *
 * <p>{@link #destroy()} zeroes the key, and the key cannot be serialized.
 */
final class EcdhMlKemPrivateKey implements PrivateKey {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient EcdhMlKemParameters parameters;
    private final byte[] encoded;
    private boolean destroyed;

    /** Creates a key over a copy of d ‖ z ‖ scalar of the exact length. */
    EcdhMlKemPrivateKey(EcdhMlKemParameters parameters, byte[] encoded) {
        if (encoded.length != parameters.privateKeyLength()) {
            throw new IllegalArgumentException(lengthMessage(parameters, encoded.length));
        }
        this.parameters = parameters;
        this.encoded = encoded.clone();
    }

    /**
     * Returns {@code key} as a private key of {@code parameters}. Besides instances of this
     * class, any private key with the algorithm name and format {@code "RAW"} is accepted. Only
     * the length is checked here, because the KeyFactory and the KEM check the scalar.
     *
     * @throws InvalidKeyException naming the expected key type and length, or if the key is
     *     destroyed
     */
    static EcdhMlKemPrivateKey from(EcdhMlKemParameters parameters, Key key, String usage)
            throws InvalidKeyException {
        if (key instanceof EcdhMlKemPrivateKey own && own.parameters == parameters) {
            if (own.isDestroyed()) {
                throw new InvalidKeyException(usage + ": the " + parameters.algorithm()
                        + " private key is destroyed");
            }
            return own;
        }
        if (!(key instanceof PrivateKey)
                || !parameters.algorithm().equalsIgnoreCase(key.getAlgorithm())
                || !KemSupport.isRaw(key)) {
            throw new InvalidKeyException(usage + " requires a " + parameters.algorithm()
                    + " private key (RAW " + parameters.privateKeyLength() + "-byte d ‖ z ‖"
                    + " scalar), got " + KemSupport.describe(key));
        }
        byte[] raw = key.getEncoded();
        try {
            if (raw == null || raw.length != parameters.privateKeyLength()) {
                throw new InvalidKeyException(
                        lengthMessage(parameters, raw == null ? 0 : raw.length));
            }
            return new EcdhMlKemPrivateKey(parameters, raw);
        } finally {
            if (raw != null) {
                Arrays.fill(raw, (byte) 0);
            }
        }
    }

    static String lengthMessage(EcdhMlKemParameters parameters, int actual) {
        return parameters.algorithm() + " private key must be " + parameters.privateKeyLength()
                + " bytes (64-byte " + parameters.mlKem().algorithm() + " seed d ‖ z ‖ "
                + parameters.fieldLength() + "-byte " + parameters.curve() + " scalar), got "
                + actual;
    }

    EcdhMlKemParameters parameters() {
        return parameters;
    }

    /** Returns a copy of the ML-KEM seed d ‖ z, bytes [0, 64); the caller zeroes it. */
    synchronized byte[] mlKemSeed() {
        checkNotDestroyed();
        return Arrays.copyOfRange(encoded, 0, MlKemParameterSet.SEED_LENGTH);
    }

    /** Returns a copy of the ECDH scalar, bytes [64, 64 + F); the caller zeroes it. */
    synchronized byte[] scalar() {
        checkNotDestroyed();
        return Arrays.copyOfRange(encoded, MlKemParameterSet.SEED_LENGTH, encoded.length);
    }

    @Override
    public String getAlgorithm() {
        return parameters.algorithm();
    }

    @Override
    public String getFormat() {
        return RawKeySpec.FORMAT;
    }

    /**
     * Returns a copy of d ‖ z ‖ scalar, which the caller should zero after use.
     *
     * @throws IllegalStateException if the key is destroyed
     */
    @Override
    public synchronized byte[] getEncoded() {
        checkNotDestroyed();
        return encoded.clone();
    }

    /** Zeroes the key; later calls of {@link #getEncoded()} throw. */
    @Override
    public synchronized void destroy() {
        Arrays.fill(encoded, (byte) 0);
        destroyed = true;
    }

    @Override
    public synchronized boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return parameters.algorithm() + " private key";
    }

    private void checkNotDestroyed() {
        if (destroyed) {
            throw new IllegalStateException(parameters.algorithm() + " private key is destroyed");
        }
    }

    @Serial
    private void writeObject(ObjectOutputStream out) throws NotSerializableException {
        throw new NotSerializableException("ECDHE-MLKEM private keys are not serializable,"
                + " so store the RAW encoding instead");
    }

    @Serial
    private void readObject(ObjectInputStream in) throws NotSerializableException {
        throw new NotSerializableException("ECDHE-MLKEM private keys are not serializable");
    }
}
