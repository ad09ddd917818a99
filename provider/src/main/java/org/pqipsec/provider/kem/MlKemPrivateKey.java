package org.pqipsec.provider.kem;

import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;

/**
 * An ML-KEM private key: the expanded decapsulation key dk of FIPS 203 Algorithm 16 (1632, 2400
 * or 3168 bytes), with the 64-byte seed d ‖ z it came from when that is known.
 *
 * <p>{@code getEncoded()} returns PKCS#8 ({@link MlKemKeyEncoding}) in the seed form when the
 * seed is known and in the expandedKey form otherwise. {@code KeyFactory.getKeySpec(key,
 * EncodedKeySpec.class)} returns the {@code "RAW"} seed d ‖ z, or dk when there is no seed.
 * {@code getAlgorithm()} returns {@code "ML-KEM"} and {@code getParams()} the parameter set.
 * {@link #destroy()} zeroes the seed and dk, and the key cannot be serialized.
 */
final class MlKemPrivateKey implements PrivateKey {

    @Serial
    private static final long serialVersionUID = 2L;

    /** The value that {@link #getFormat()} returns. */
    static final String FORMAT = "PKCS#8";

    private final MlKemParameterSet parameterSet;
    /** d ‖ z, or null for a key imported in expanded form only. */
    private final byte[] seed;
    private final byte[] dk;
    /**
     * dk parsed for decapsulation, or null. Key generation supplies it, and otherwise
     * {@link #newDecapsulationKey} makes it on first use after the FIPS 203 §7.3 check.
     * {@link #destroy()} zeroes it.
     */
    private MlKemEngine.DecapsulationKey prepared;
    private boolean destroyed;

    /**
     * Creates a key over copies of {@code seed} (null when unknown) and {@code dk}, which must
     * match each other and have passed the FIPS 203 §7.3 checks.
     */
    private MlKemPrivateKey(MlKemParameterSet parameterSet, byte[] seed, byte[] dk) {
        this.parameterSet = parameterSet;
        this.seed = seed == null ? null : seed.clone();
        this.dk = dk.clone();
    }

    /**
     * Returns a key that keeps {@code seed} and the dk that key generation expanded from it, and
     * takes ownership of {@code prepared}, the decapsulation key that key generation made from
     * the same values (null when the engine made none). A key generated here passes the FIPS 203
     * §7.3 hash check by construction, so the first decapsulation does not run it.
     */
    static MlKemPrivateKey fromGenerated(MlKemParameterSet set, byte[] seed, byte[] dk,
            MlKemEngine.DecapsulationKey prepared) {
        MlKemPrivateKey key = new MlKemPrivateKey(set, seed, dk);
        key.prepared = prepared;
        return key;
    }

    /**
     * Returns the key of a 64-byte seed d ‖ z, expanding it with FIPS 203 Algorithm 16.
     *
     * @throws InvalidKeyException if the seed is not 64 bytes
     */
    static MlKemPrivateKey fromSeed(MlKemParameterSet set, byte[] seed) throws InvalidKeyException {
        if (seed.length != MlKemParameterSet.SEED_LENGTH) {
            throw new InvalidKeyException(set + " private key seed d ‖ z must be 64 bytes, got "
                    + seed.length);
        }
        MlKemEngine.GeneratedKeyPair keys = Engines.mlKem(set).generatePreparedKeyPair(seed);
        byte[] dk = keys.decapsulationKey();
        try {
            return fromGenerated(set, seed, dk, keys.preparedDecapsulationKey());
        } finally {
            Arrays.fill(dk, (byte) 0);
        }
    }

    /**
     * Returns the key of an expanded dk after the FIPS 203 §7.3 length and hash checks.
     *
     * @throws InvalidKeyException naming the failed check
     */
    static MlKemPrivateKey fromExpanded(MlKemParameterSet set, byte[] dk) throws InvalidKeyException {
        MlKemInternal.checkDecapsulationKey(set, dk);
        return new MlKemPrivateKey(set, null, dk);
    }

    /**
     * Returns the key of a RAW encoding: the 64-byte seed or the expanded dk.
     *
     * @throws InvalidKeyException naming the expected lengths, or the failed check
     */
    static MlKemPrivateKey fromRaw(MlKemParameterSet set, byte[] encoded)
            throws InvalidKeyException {
        if (encoded.length == MlKemParameterSet.SEED_LENGTH) {
            return fromSeed(set, encoded);
        }
        if (encoded.length == set.decapsulationKeyLength()) {
            return fromExpanded(set, encoded);
        }
        throw new InvalidKeyException(set + " private key must be 64 bytes (RAW seed d ‖ z) or "
                + set.decapsulationKeyLength() + " bytes (RAW expanded dk), got "
                + encoded.length);
    }

    /**
     * Returns the key of a PKCS#8 encoding in any ML-KEM-PrivateKey form. In the both form the
     * seed must expand to the given expandedKey, and an optional publicKey must equal the ek
     * inside dk.
     *
     * @throws InvalidKeyException if the DER is malformed, names another parameter set, or fails
     *     a check
     */
    static MlKemPrivateKey fromPkcs8(byte[] der, MlKemParameterSet required, String usage)
            throws InvalidKeyException {
        MlKemKeyEncoding.PrivateKeyParts parts = MlKemKeyEncoding.decodePrivateKey(der);
        MlKemParameterSet set = parts.set();
        try {
            if (required != null && set != required) {
                throw new InvalidKeyException(usage + " requires an " + required
                        + " private key, got an " + set + " key");
            }
            MlKemPrivateKey key;
            if (parts.expandedKey() == null) {
                key = fromSeed(set, parts.seed());
            } else if (parts.seed() == null) {
                key = fromExpanded(set, parts.expandedKey());
            } else {
                key = fromSeed(set, parts.seed());
                if (!MessageDigest.isEqual(key.dk, parts.expandedKey())) {
                    key.destroy();
                    throw new InvalidKeyException(set + " PKCS#8 private key is inconsistent:"
                            + " the expandedKey is not the expansion of the seed");
                }
            }
            if (parts.publicKey() != null
                    && !Arrays.equals(key.encapsulationKey(), parts.publicKey())) {
                key.destroy();
                throw new InvalidKeyException(set + " PKCS#8 private key is inconsistent: the"
                        + " publicKey field is not the ek inside the private key");
            }
            return key;
        } finally {
            if (parts.seed() != null) {
                Arrays.fill(parts.seed(), (byte) 0);
            }
            if (parts.expandedKey() != null) {
                Arrays.fill(parts.expandedKey(), (byte) 0);
            }
        }
    }

    /**
     * Returns {@code key} as an ML-KEM private key of {@code required} (any parameter set when
     * null). Besides instances of this class it accepts any private key with format
     * {@code "PKCS#8"} and an ML-KEM algorithm identifier, and any with format {@code "RAW"}
     * (64-byte seed or expanded dk) whose algorithm or parameters name the parameter set.
     *
     * @throws InvalidKeyException naming the expected key type and length, a failed check, or a
     *     destroyed key
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
        if (!(key instanceof PrivateKey)) {
            throw new InvalidKeyException(usage + " requires " + expected(required) + ", got "
                    + KemSupport.describe(key));
        }

        byte[] encoded = key.getEncoded();
        try {
            if (encoded != null && FORMAT.equalsIgnoreCase(key.getFormat())) {
                return fromPkcs8(encoded, required, usage);
            }
            MlKemParameterSet set = KemSupport.isRaw(key) ? MlKemParameterSet.of(key) : null;
            if (set == null && KemSupport.isRaw(key) && encoded != null
                    && MlKemParameterSet.FAMILY.equalsIgnoreCase(key.getAlgorithm())) {
                set = MlKemParameterSet.forDecapsulationKeyLength(encoded.length);
            }
            if (set == null || (required != null && set != required) || encoded == null) {
                throw new InvalidKeyException(usage + " requires " + expected(required)
                        + ", got " + KemSupport.describe(key));
            }
            return fromRaw(set, encoded);
        } finally {
            if (encoded != null) {
                Arrays.fill(encoded, (byte) 0);
            }
        }
    }

    private static String expected(MlKemParameterSet required) {
        String name = required == null ? "an ML-KEM" : "an " + required;
        return name + " private key (PKCS#8, or RAW 64-byte seed d ‖ z or expanded dk)";
    }

    MlKemParameterSet parameterSet() {
        return parameterSet;
    }

    /** Returns a copy of the expanded decapsulation key dk, which the caller zeroes. */
    synchronized byte[] expandedKey() {
        requireLive();
        return dk.clone();
    }

    /**
     * Returns a decapsulation key for dk that the caller owns and that outlives
     * {@link #destroy()}. For a key that key generation did not prepare, the FIPS 203 §7.3 check
     * and the parsing of dk run on the first call, and later calls copy their result.
     *
     * @throws InvalidKeyException if dk fails the check
     * @throws IllegalStateException if this key is destroyed
     */
    synchronized MlKemEngine.DecapsulationKey newDecapsulationKey() throws InvalidKeyException {
        requireLive();
        if (prepared == null) {
            prepared = Engines.mlKem(parameterSet).newDecapsulationKey(dk);
        }
        return prepared.copy();
    }

    /** Returns a copy of the encapsulation key ek inside dk. */
    synchronized byte[] encapsulationKey() {
        requireLive();
        int start = MlKemEncoding.POLYNOMIAL_BYTES * parameterSet.k();
        return Arrays.copyOfRange(dk, start, start + parameterSet.encapsulationKeyLength());
    }

    /** Returns a copy of the RAW encoding: the seed d ‖ z when known, else dk. */
    synchronized byte[] rawEncoding() {
        requireLive();
        return seed != null ? seed.clone() : dk.clone();
    }

    @Override
    public String getAlgorithm() {
        return MlKemParameterSet.FAMILY;
    }

    @Override
    public String getFormat() {
        return FORMAT;
    }

    /**
     * Returns the PKCS#8 DER (seed form when the seed is known, else expandedKey form), which
     * the caller should zero after use.
     *
     * @throws IllegalStateException if the key is destroyed
     */
    @Override
    public synchronized byte[] getEncoded() {
        requireLive();
        return seed != null
                ? MlKemKeyEncoding.encodeSeedPrivateKey(parameterSet, seed)
                : MlKemKeyEncoding.encodeExpandedPrivateKey(parameterSet, dk);
    }

    private void requireLive() {
        if (destroyed) {
            throw new IllegalStateException(parameterSet + " private key is destroyed");
        }
    }

    @Override
    public NamedParameterSpec getParams() {
        return parameterSet.spec();
    }

    /** Compares the parameter set and dk, in time that does not depend on the bytes of dk. */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof MlKemPrivateKey that) || parameterSet != that.parameterSet) {
            return false;
        }
        // Copies are taken one lock at a time, so two threads comparing in opposite directions
        // cannot deadlock.
        byte[] mine = expandedKeyOrNull();
        byte[] theirs = that.expandedKeyOrNull();
        try {
            return mine != null && theirs != null && MessageDigest.isEqual(mine, theirs);
        } finally {
            if (mine != null) {
                Arrays.fill(mine, (byte) 0);
            }
            if (theirs != null) {
                Arrays.fill(theirs, (byte) 0);
            }
        }
    }

    private synchronized byte[] expandedKeyOrNull() {
        return destroyed ? null : dk.clone();
    }

    /** Depends only on the parameter set, so that it reveals nothing about the key. */
    @Override
    public int hashCode() {
        return parameterSet.hashCode();
    }

    /**
     * Zeroes the seed, dk and its parsed form; later calls of {@link #getEncoded()} throw.
     * Decapsulators made before keep their own copies and still work.
     */
    @Override
    public synchronized void destroy() {
        if (seed != null) {
            Arrays.fill(seed, (byte) 0);
        }
        Arrays.fill(dk, (byte) 0);
        if (prepared != null) {
            prepared.destroy();
            prepared = null;
        }
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
                + " the PKCS#8 encoding instead");
    }

    @Serial
    private void readObject(ObjectInputStream in) throws NotSerializableException {
        throw new NotSerializableException("ML-KEM private keys are not serializable");
    }
}
