package org.pqipsec.provider.kem;

import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyFactorySpi;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.EncodedKeySpec;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.KeySpec;
import java.util.Arrays;

import org.pqipsec.provider.spec.RawKeySpec;

/**
 * KeyFactory {@code ML-KEM-512}, {@code ML-KEM-768}, {@code ML-KEM-1024}, and {@code ML-KEM}.
 *
 * <p>Keys travel in any {@link EncodedKeySpec} whose format is {@code "RAW"}, such as
 * {@link RawKeySpec}: a public key is the encapsulation key ek (800, 1184 or 1568 bytes) and a
 * private key the 64-byte seed d ‖ z. The {@code ML-KEM} service infers the parameter set of a
 * public key from its length. A private key has the same length for every set, so that service
 * needs a spec whose {@code getAlgorithm()} names the set. {@code getKeySpec} returns a
 * {@link RawKeySpec} for {@code RawKeySpec.class}, {@code EncodedKeySpec.class} and
 * {@code KeySpec.class}.
 *
 * <p>NOTE: X.509 and PKCS#8 encodings are not supported yet.
 */
final class MlKemKeyFactory extends KeyFactorySpi {

    /** The parameter set fixed by the service name, or null for {@code ML-KEM}. */
    private final MlKemParameterSet fixed;

    MlKemKeyFactory(MlKemParameterSet fixed) {
        this.fixed = fixed;
    }

    private String name() {
        return fixed == null ? MlKemParameterSet.FAMILY : fixed.algorithm();
    }

    @Override
    protected PublicKey engineGeneratePublic(KeySpec keySpec) throws InvalidKeySpecException {
        EncodedKeySpec raw = requireRaw(keySpec);
        byte[] ek = raw.getEncoded();

        MlKemParameterSet set = specParameterSet(raw);
        if (set == null) {
            set = MlKemParameterSet.forEncapsulationKeyLength(ek.length);
            if (set == null) {
                throw new InvalidKeySpecException("ML-KEM public key must be 800, 1184 or"
                        + " 1568 bytes (RAW encapsulation key), got " + ek.length);
            }
        }
        if (ek.length != set.encapsulationKeyLength()) {
            throw new InvalidKeySpecException(set + " public key must be "
                    + set.encapsulationKeyLength() + " bytes (RAW encapsulation key), got "
                    + ek.length);
        }
        return new MlKemPublicKey(set, ek);
    }

    @Override
    protected PrivateKey engineGeneratePrivate(KeySpec keySpec) throws InvalidKeySpecException {
        EncodedKeySpec raw = requireRaw(keySpec);
        byte[] seed = raw.getEncoded();
        try {
            MlKemParameterSet set = specParameterSet(raw);
            if (set == null) {
                throw new InvalidKeySpecException("ML-KEM private key parameter set is missing: the"
                        + " 64-byte seed is the same length for every set. Use KeyFactory"
                        + " ML-KEM-512, ML-KEM-768 or ML-KEM-1024, or an EncodedKeySpec whose"
                        + " getAlgorithm() names the set");
            }
            if (seed.length != MlKemParameterSet.SEED_LENGTH) {
                throw new InvalidKeySpecException(set + " private key must be 64 bytes (RAW seed"
                        + " d ‖ z), got " + seed.length);
            }
            return new MlKemPrivateKey(set, seed);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    @Override
    protected <T extends KeySpec> T engineGetKeySpec(Key key, Class<T> keySpec)
            throws InvalidKeySpecException {
        if (!keySpec.isAssignableFrom(RawKeySpec.class)) {
            throw new InvalidKeySpecException(name() + " KeyFactory returns only RAW key specs"
                    + " (RawKeySpec or EncodedKeySpec), not " + keySpec.getName());
        }
        Key translated;
        try {
            translated = engineTranslateKey(key);
        } catch (InvalidKeyException e) {
            throw new InvalidKeySpecException(e.getMessage(), e);
        }
        byte[] encoded = translated.getEncoded();
        try {
            return keySpec.cast(new RawKeySpec(encoded));
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    @Override
    protected Key engineTranslateKey(Key key) throws InvalidKeyException {
        String usage = name() + " KeyFactory";
        if (key instanceof PrivateKey) {
            return MlKemPrivateKey.from(key, fixed, usage);
        }
        return MlKemPublicKey.from(key, fixed, usage);
    }

    private EncodedKeySpec requireRaw(KeySpec keySpec) throws InvalidKeySpecException {
        if (!KemSupport.isRaw(keySpec)) {
            String actual = keySpec == null ? "null" : keySpec.getClass().getName();
            throw new InvalidKeySpecException(name() + " KeyFactory accepts only an"
                    + " EncodedKeySpec with format RAW, got " + actual);
        }
        return (EncodedKeySpec) keySpec;
    }

    /**
     * Returns the parameter set of this service, checked against the one that the spec's
     * {@code getAlgorithm()} names, or the spec's set for the {@code ML-KEM} service, or null.
     */
    private MlKemParameterSet specParameterSet(EncodedKeySpec spec) throws InvalidKeySpecException {
        MlKemParameterSet named = MlKemParameterSet.forName(spec.getAlgorithm());
        if (fixed != null && named != null && named != fixed) {
            throw new InvalidKeySpecException(fixed + " KeyFactory got a key spec for " + named);
        }
        return fixed != null ? fixed : named;
    }
}
