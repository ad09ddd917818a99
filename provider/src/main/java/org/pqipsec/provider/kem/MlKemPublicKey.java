package org.pqipsec.provider.kem;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.PublicKey;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;

/**
 * An ML-KEM public key: the encapsulation key ek of FIPS 203 Algorithm 19 (800, 1184 or 1568
 * bytes). {@code getEncoded()} returns the X.509 SubjectPublicKeyInfo of
 * {@link MlKemKeyEncoding}; {@code KeyFactory.getKeySpec(key, EncodedKeySpec.class)} returns
 * the {@code "RAW"} ek.
 *
 * <p>As with SunJCE's ML-KEM keys, {@code getAlgorithm()} returns {@code "ML-KEM"} and
 * {@code getParams()} the {@link NamedParameterSpec} of the parameter set.
 */
final class MlKemPublicKey implements PublicKey {

    @Serial
    private static final long serialVersionUID = 2L;

    /** The value that {@link #getFormat()} returns. */
    static final String FORMAT = "X.509";

    private final MlKemParameterSet parameterSet;
    private final byte[] ek;

    /**
     * ek after the FIPS 203 §7.2 check, parsed and with Â expanded, supplied by key generation
     * or made on first use by {@link #prepared}. It contains only public values, and it is not
     * serialized.
     */
    private transient volatile MlKemEngine.EncapsulationKey prepared;

    /**
     * Creates a key over a copy of {@code ek}, which must have the parameter set's length and
     * have passed the modulus check ({@link #checked}).
     */
    private MlKemPublicKey(MlKemParameterSet parameterSet, byte[] ek) {
        this(parameterSet, ek, null);
    }

    /**
     * Creates a key over a copy of {@code ek} with {@code prepared}, the same ek already checked
     * and parsed (or null), which {@link #prepared()} then returns without further work. Key
     * generation passes the key it made, whose t̂ is below q by construction.
     */
    MlKemPublicKey(MlKemParameterSet parameterSet, byte[] ek,
            MlKemEngine.EncapsulationKey prepared) {
        if (ek.length != parameterSet.encapsulationKeyLength()) {
            throw new IllegalArgumentException(parameterSet + " encapsulation key must be "
                    + parameterSet.encapsulationKeyLength() + " bytes, got " + ek.length);
        }
        this.parameterSet = parameterSet;
        this.ek = ek.clone();
        this.prepared = prepared;
    }

    /**
     * Returns a key over {@code ek} after the FIPS 203 §7.2 length and modulus checks.
     *
     * @throws InvalidKeyException naming the failed check
     */
    static MlKemPublicKey checked(MlKemParameterSet set, byte[] ek) throws InvalidKeyException {
        MlKemInternal.checkEncapsulationKey(set, ek);
        return new MlKemPublicKey(set, ek);
    }

    /**
     * Returns {@code key} as an ML-KEM public key of {@code required} (any parameter set when
     * null). Besides instances of this class it accepts any public key with format
     * {@code "X.509"} and an ML-KEM algorithm identifier, and any with format {@code "RAW"} whose
     * algorithm or parameters name the parameter set, or whose algorithm is {@code "ML-KEM"} and
     * whose encoding has the length of one. Imported keys pass the FIPS 203 §7.2 checks.
     *
     * @throws InvalidKeyException naming the expected key type and length, or the failed check
     */
    static MlKemPublicKey from(Key key, MlKemParameterSet required, String usage)
            throws InvalidKeyException {
        if (key instanceof MlKemPublicKey own) {
            requireSet(own.parameterSet, required, usage);
            return own;
        }
        if (key instanceof PublicKey && FORMAT.equalsIgnoreCase(key.getFormat())
                && key.getEncoded() != null) {
            MlKemKeyEncoding.PublicKeyParts parts =
                    MlKemKeyEncoding.decodePublicKey(key.getEncoded());
            requireSet(parts.set(), required, usage);
            return checked(parts.set(), parts.ek());
        }

        if (!(key instanceof PublicKey) || !KemSupport.isRaw(key)) {
            throw new InvalidKeyException(usage + " requires " + expected(required) + ", got "
                    + KemSupport.describe(key));
        }
        byte[] encoded = key.getEncoded();
        MlKemParameterSet set = MlKemParameterSet.of(key);
        if (set == null && encoded != null
                && MlKemParameterSet.FAMILY.equalsIgnoreCase(key.getAlgorithm())) {
            set = MlKemParameterSet.forEncapsulationKeyLength(encoded.length);
        }
        if (set == null || (required != null && set != required)) {
            throw new InvalidKeyException(usage + " requires " + expected(required) + ", got "
                    + KemSupport.describe(key));
        }
        if (encoded == null) {
            throw new InvalidKeyException(set + " public key has no encoding");
        }
        return checked(set, encoded);
    }

    private static void requireSet(MlKemParameterSet actual, MlKemParameterSet required,
            String usage) throws InvalidKeyException {
        if (required != null && actual != required) {
            throw new InvalidKeyException(usage + " requires an " + required
                    + " public key, got an " + actual + " key");
        }
    }

    private static String expected(MlKemParameterSet required) {
        if (required == null) {
            return "an ML-KEM public key (X.509, or RAW encapsulation key of 800, 1184 or 1568"
                    + " bytes)";
        }
        return "an " + required + " public key (X.509, or RAW encapsulation key of "
                + required.encapsulationKeyLength() + " bytes)";
    }

    MlKemParameterSet parameterSet() {
        return parameterSet;
    }

    /**
     * Returns ek prepared for encapsulation. The work runs on the first call and its result is
     * kept, so later encapsulators for this key object skip it. Two threads that call this
     * together may both do the work and get equal results.
     *
     * <p>It does not repeat the FIPS 203 §7.2 modulus check, because every instance contains a
     * checked ek: {@link #checked} and deserialization run the check, and key generation writes
     * coefficients below q.
     *
     * @throws InvalidKeyException if the engine checks ek again and it fails
     */
    MlKemEngine.EncapsulationKey prepared() throws InvalidKeyException {
        MlKemEngine.EncapsulationKey result = prepared;
        if (result == null) {
            result = Engines.mlKem(parameterSet).newCheckedEncapsulationKey(ek);
            prepared = result;
        }
        return result;
    }

    /** Returns a copy of the raw encapsulation key ek. */
    byte[] encapsulationKey() {
        return ek.clone();
    }

    @Override
    public String getAlgorithm() {
        return MlKemParameterSet.FAMILY;
    }

    @Override
    public String getFormat() {
        return FORMAT;
    }

    /** Returns the X.509 SubjectPublicKeyInfo DER of ek. */
    @Override
    public byte[] getEncoded() {
        return MlKemKeyEncoding.encodePublicKey(parameterSet, ek);
    }

    @Override
    public NamedParameterSpec getParams() {
        return parameterSet.spec();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MlKemPublicKey that
                && parameterSet == that.parameterSet
                && Arrays.equals(ek, that.ek);
    }

    @Override
    public int hashCode() {
        return 31 * parameterSet.hashCode() + Arrays.hashCode(ek);
    }

    @Override
    public String toString() {
        return parameterSet + " public key";
    }

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        if (parameterSet == null || ek == null) {
            throw new InvalidObjectException("ML-KEM public key has a missing ek");
        }
        try {
            MlKemInternal.checkEncapsulationKey(parameterSet, ek);
        } catch (InvalidKeyException e) {
            throw new InvalidObjectException(e.getMessage());
        }
    }
}
