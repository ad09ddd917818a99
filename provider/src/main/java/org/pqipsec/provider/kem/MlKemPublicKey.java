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

import org.pqipsec.provider.spec.RawKeySpec;

/**
 * An ML-KEM public key: the encapsulation key ek of FIPS 203 Algorithm 19, whose
 * {@code getEncoded()} returns the {@code "RAW"} ek bytes (800, 1184 or 1568 bytes).
 *
 * <p>As with SunJCE's ML-KEM keys, {@code getAlgorithm()} returns {@code "ML-KEM"} and
 * {@code getParams()} the {@link NamedParameterSpec} of the parameter set.
 */
final class MlKemPublicKey implements PublicKey {

    @Serial
    private static final long serialVersionUID = 1L;

    private final MlKemParameterSet parameterSet;
    private final byte[] ek;

    /** Creates a key over a copy of {@code ek}, which must have the parameter set's length. */
    MlKemPublicKey(MlKemParameterSet parameterSet, byte[] ek) {
        if (ek.length != parameterSet.encapsulationKeyLength()) {
            throw new IllegalArgumentException(parameterSet + " encapsulation key must be "
                    + parameterSet.encapsulationKeyLength() + " bytes, got " + ek.length);
        }
        this.parameterSet = parameterSet;
        this.ek = ek.clone();
    }

    /**
     * Returns {@code key} as an ML-KEM public key of {@code required} (any parameter set when
     * null). Besides instances of this class, any public key with format {@code "RAW"} is accepted
     * whose algorithm or parameters name the parameter set, or whose algorithm is {@code "ML-KEM"}
     * and whose encoding has the length of one.
     *
     * @throws InvalidKeyException naming the expected key type and length
     */
    static MlKemPublicKey from(Key key, MlKemParameterSet required, String usage)
            throws InvalidKeyException {
        if (key instanceof MlKemPublicKey own) {
            if (required != null && own.parameterSet != required) {
                throw new InvalidKeyException(usage + " requires an " + required
                        + " public key, got an " + own.parameterSet + " key");
            }
            return own;
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
        if (encoded == null || encoded.length != set.encapsulationKeyLength()) {
            throw new InvalidKeyException(set + " public key must be "
                    + set.encapsulationKeyLength() + " bytes (RAW encapsulation key), got "
                    + (encoded == null ? "no encoding" : encoded.length));
        }
        return new MlKemPublicKey(set, encoded);
    }

    private static String expected(MlKemParameterSet required) {
        if (required == null) {
            return "an ML-KEM public key (RAW encapsulation key of 800, 1184 or 1568 bytes)";
        }
        return "an " + required + " public key (RAW encapsulation key of "
                + required.encapsulationKeyLength() + " bytes)";
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

    /** Returns a copy of ek. */
    @Override
    public byte[] getEncoded() {
        return ek.clone();
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
        if (parameterSet == null || ek == null
                || ek.length != parameterSet.encapsulationKeyLength()) {
            throw new InvalidObjectException("ML-KEM public key has a missing or wrong-length ek");
        }
    }
}
