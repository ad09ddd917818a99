package org.pqipsec.provider.kem;

import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;

import org.pqipsec.provider.spec.RawKeySpec;

/**
 * An ML-KEM private key, kept as the 64-byte seed d ‖ z from which FIPS 203 Algorithm 16
 * ML-KEM.KeyGen_internal expands the decapsulation key. {@code getEncoded()} returns that seed
 * with format {@code "RAW"}: bytes [0, 32) are d and bytes [32, 64) are z.
 *
 * <p>{@code getAlgorithm()} returns {@code "ML-KEM"} and {@code getParams()} the parameter set.
 * {@link #destroy()} zeroes the seed, and the key cannot be serialized.
 */
final class MlKemPrivateKey implements PrivateKey {

    @Serial
    private static final long serialVersionUID = 1L;

    private final MlKemParameterSet parameterSet;
    private final byte[] seed;
    private boolean destroyed;

    /** Creates a key over a copy of {@code seed}, which must be 64 bytes. */
    MlKemPrivateKey(MlKemParameterSet parameterSet, byte[] seed) {
        if (seed.length != MlKemParameterSet.SEED_LENGTH) {
            throw new IllegalArgumentException("ML-KEM private key seed d ‖ z must be 64"
                    + " bytes, got " + seed.length);
        }
        this.parameterSet = parameterSet;
        this.seed = seed.clone();
    }

    /**
     * Returns {@code key} as an ML-KEM private key of {@code required} (any parameter set when
     * null). Besides instances of this class, any private key with format {@code "RAW"}, a 64-byte
     * encoding and an algorithm or parameters naming the parameter set is accepted.
     *
     * @throws InvalidKeyException naming the expected key type and length, or if the key is
     *     destroyed
     */
    static MlKemPrivateKey from(Key key, MlKemParameterSet required, String usage)
            throws InvalidKeyException {
        if (key instanceof MlKemPrivateKey own) {
            if (required != null && own.parameterSet != required) {
                throw new InvalidKeyException(usage + " requires an " + required
                        + " private key, got an " + own.parameterSet + " key");
            }
            if (own.isDestroyed()) {
                throw new InvalidKeyException(usage + ": the " + own.parameterSet
                        + " private key is destroyed");
            }
            return own;
        }

        MlKemParameterSet set = key instanceof PrivateKey && KemSupport.isRaw(key)
                ? MlKemParameterSet.of(key)
                : null;
        if (set == null || (required != null && set != required)) {
            String expected = required == null ? "an ML-KEM" : "an " + required;
            throw new InvalidKeyException(usage + " requires " + expected
                    + " private key (RAW 64-byte seed d ‖ z), got " + KemSupport.describe(key));
        }
        byte[] encoded = key.getEncoded();
        try {
            if (encoded == null || encoded.length != MlKemParameterSet.SEED_LENGTH) {
                throw new InvalidKeyException(set + " private key must be 64 bytes (RAW seed"
                        + " d ‖ z), got " + (encoded == null ? "no encoding" : encoded.length));
            }
            return new MlKemPrivateKey(set, encoded);
        } finally {
            if (encoded != null) {
                Arrays.fill(encoded, (byte) 0);
            }
        }
    }

    MlKemParameterSet parameterSet() {
        return parameterSet;
    }

    @Override
    public String getAlgorithm() {
        return MlKemParameterSet.FAMILY;
    }

    @Override
    public String getFormat() {
        return RawKeySpec.FORMAT;
    }

    /**
     * Returns a copy of the seed d ‖ z, which the caller should zero after use.
     *
     * @throws IllegalStateException if the key is destroyed
     */
    @Override
    public synchronized byte[] getEncoded() {
        if (destroyed) {
            throw new IllegalStateException(parameterSet + " private key is destroyed");
        }
        return seed.clone();
    }

    @Override
    public NamedParameterSpec getParams() {
        return parameterSet.spec();
    }

    /** Zeroes the seed; later calls of {@link #getEncoded()} throw. */
    @Override
    public synchronized void destroy() {
        Arrays.fill(seed, (byte) 0);
        destroyed = true;
    }

    @Override
    public synchronized boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return parameterSet + " private key";
    }

    @Serial
    private void writeObject(ObjectOutputStream out) throws NotSerializableException {
        throw new NotSerializableException("ML-KEM private keys are not serializable, so store"
                + " the RAW encoding instead");
    }

    @Serial
    private void readObject(ObjectInputStream in) throws NotSerializableException {
        throw new NotSerializableException("ML-KEM private keys are not serializable");
    }
}
