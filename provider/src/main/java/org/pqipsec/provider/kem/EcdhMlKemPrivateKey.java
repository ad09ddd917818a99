package org.pqipsec.provider.kem;

import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.util.Arrays;

import org.pqipsec.provider.spec.RawKeySpec;

/**
 * A SecP256r1MLKEM768 or SecP384r1MLKEM1024 private key, whose {@code "RAW"} encoding is this
 * provider's: bytes [0, 32) are d and [32, 64) are z, the ML-KEM seed of FIPS 203 Algorithm 16,
 * and bytes [64, 64 + F) the ECDH private scalar, big-endian (F = 32 for P-256, 48 for P-384).
 *
 * <p>The key keeps the parts that decapsulation needs once it has made them: the SunEC private
 * key of the checked scalar and the ML-KEM decapsulation key expanded from d ‖ z. Key generation
 * hands both over, and otherwise the first {@link #decapsulationParts} makes them.
 * {@link #destroy()} zeroes the key and destroys the ML-KEM key, and the key cannot be
 * serialized.
 */
final class EcdhMlKemPrivateKey implements PrivateKey {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient EcdhMlKemParameters parameters;
    private final byte[] encoded;
    /** The SunEC private key of the scalar after the [1, n - 1] check, or null until made. */
    private transient ECPrivateKey ecdhKey;
    /** The ML-KEM decapsulation key expanded from d ‖ z, or null until made. */
    private transient MlKemEngine.DecapsulationKey mlKem;
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
     * Returns a key over a copy of {@code encoded} that keeps {@code ecdhKey}, the SunEC key that
     * generated the scalar, and takes ownership of {@code mlKem}, the decapsulation key that
     * ML-KEM key generation made from d ‖ z (null when the engine made none).
     */
    static EcdhMlKemPrivateKey fromGenerated(EcdhMlKemParameters parameters, byte[] encoded,
            ECPrivateKey ecdhKey, MlKemEngine.DecapsulationKey mlKem) {
        EcdhMlKemPrivateKey key = new EcdhMlKemPrivateKey(parameters, encoded);
        key.ecdhKey = ecdhKey;
        key.mlKem = mlKem;
        return key;
    }

    /**
     * The parts of a decapsulator: the SunEC private key, which the key object shares, and a
     * copy of the ML-KEM decapsulation key, which the caller owns.
     */
    record DecapsulationParts(ECPrivateKey ecdhKey, MlKemEngine.DecapsulationKey mlKem) {}

    /**
     * Returns the parts that a decapsulator needs. The first call checks the scalar, makes its
     * SunEC key and runs FIPS 203 Algorithm 16 on d ‖ z, and later calls reuse the results.
     *
     * @throws InvalidKeyException if the scalar is not in [1, n - 1]
     * @throws IllegalStateException if the key is destroyed
     */
    synchronized DecapsulationParts decapsulationParts(EcdhSunEc ecdh)
            throws InvalidKeyException {
        checkNotDestroyed();

        // ECDH part: the scalar must be in [1, n - 1].
        if (ecdhKey == null) {
            byte[] scalar = scalar();
            try {
                if (!ecdh.isValidScalar(scalar, 0)) {
                    throw new InvalidKeyException(parameters.algorithm() + " private key: the "
                            + parameters.curve() + " scalar is not in [1, n - 1]");
                }
                ecdhKey = ecdh.privateKey(scalar, 0);
            } finally {
                Arrays.fill(scalar, (byte) 0);
            }
        }

        // ML-KEM part: expand d ‖ z once.
        if (mlKem == null) {
            byte[] seed = mlKemSeed();
            try {
                mlKem = Engines.mlKem(parameters.mlKem()).generateKey(seed);
            } finally {
                Arrays.fill(seed, (byte) 0);
            }
        }
        return new DecapsulationParts(ecdhKey, mlKem.copy());
    }

    /** Returns the cached ML-KEM decapsulation key itself, or null, for tests. */
    synchronized MlKemEngine.DecapsulationKey cachedMlKemKey() {
        return mlKem;
    }

    /** Returns whether the SunEC private key is cached, for tests. */
    synchronized boolean hasCachedEcdhKey() {
        return ecdhKey != null;
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

    /**
     * Zeroes the key, destroys its ML-KEM decapsulation key and drops its SunEC key. Later calls
     * of {@link #getEncoded()} throw. Decapsulators made before keep their own ML-KEM key and
     * still work.
     *
     * <p>NOTE: SunEC's EC private keys (JDK 25) cannot be destroyed, so the dropped SunEC key and
     * the one that decapsulators share stay in memory until they are collected.
     */
    @Override
    public synchronized void destroy() {
        Arrays.fill(encoded, (byte) 0);
        if (mlKem != null) {
            mlKem.destroy();
            mlKem = null;
        }
        ecdhKey = null;
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
