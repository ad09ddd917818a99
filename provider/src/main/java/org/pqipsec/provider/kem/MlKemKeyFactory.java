package org.pqipsec.provider.kem;

import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyFactorySpi;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.EncodedKeySpec;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.KeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

import org.pqipsec.provider.spec.RawKeySpec;

/**
 * KeyFactory {@code ML-KEM-512}, {@code ML-KEM-768}, {@code ML-KEM-1024}, and {@code ML-KEM}.
 *
 * <p>Public keys: {@link X509EncodedKeySpec} (SubjectPublicKeyInfo with the NIST ML-KEM object
 * identifier), or any {@link EncodedKeySpec} whose format is {@code "RAW"} holding ek (800, 1184
 * or 1568 bytes). Every imported ek passes the FIPS 203 §7.2 length and modulus checks.
 *
 * <p>Private keys: {@link PKCS8EncodedKeySpec} in any of the seed, expandedKey and both forms of
 * ML-KEM-PrivateKey, or a {@code "RAW"} spec holding the 64-byte seed d ‖ z or the expanded dk
 * (1632, 2400 or 3168 bytes). An expanded dk passes the FIPS 203 §7.3 length and hash checks.
 * A RAW seed has the same length for every set, so the {@code ML-KEM} service needs a spec whose
 * {@code getAlgorithm()} names the set; it infers the set of everything else from the encoding.
 *
 * <p>{@code getKeySpec} returns {@link X509EncodedKeySpec} or {@link PKCS8EncodedKeySpec} when
 * asked for exactly that class, and a {@link RawKeySpec} for {@code RawKeySpec.class},
 * {@code EncodedKeySpec.class} and {@code KeySpec.class}: ek, or the seed d ‖ z (dk for a key
 * imported without its seed).
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
        try {
            if (keySpec instanceof X509EncodedKeySpec x509) {
                MlKemKeyEncoding.PublicKeyParts parts =
                        MlKemKeyEncoding.decodePublicKey(x509.getEncoded());
                requireFixed(parts.set());
                return MlKemPublicKey.checked(parts.set(), parts.ek());
            }
            EncodedKeySpec raw = requireRaw(keySpec, "X509EncodedKeySpec");
            byte[] ek = raw.getEncoded();
            MlKemParameterSet set = specParameterSet(raw);
            if (set == null) {
                set = MlKemParameterSet.forEncapsulationKeyLength(ek.length);
                if (set == null) {
                    throw new InvalidKeySpecException("ML-KEM public key must be 800, 1184 or"
                            + " 1568 bytes (RAW encapsulation key), got " + ek.length);
                }
            }
            return MlKemPublicKey.checked(set, ek);
        } catch (InvalidKeyException e) {
            throw new InvalidKeySpecException(e.getMessage(), e);
        }
    }

    @Override
    protected PrivateKey engineGeneratePrivate(KeySpec keySpec) throws InvalidKeySpecException {
        if (keySpec instanceof PKCS8EncodedKeySpec pkcs8) {
            byte[] der = pkcs8.getEncoded();
            try {
                return MlKemPrivateKey.fromPkcs8(der, fixed, name() + " KeyFactory");
            } catch (InvalidKeyException e) {
                throw new InvalidKeySpecException(e.getMessage(), e);
            } finally {
                Arrays.fill(der, (byte) 0);
            }
        }
        EncodedKeySpec raw = requireRaw(keySpec, "PKCS8EncodedKeySpec");
        byte[] encoded = raw.getEncoded();
        try {
            MlKemParameterSet set = specParameterSet(raw);
            if (set == null) {
                set = MlKemParameterSet.forDecapsulationKeyLength(encoded.length);
            }
            if (set == null) {
                throw new InvalidKeySpecException("ML-KEM private key parameter set is missing:"
                        + " the 64-byte seed d ‖ z is the same length for every set, and "
                        + encoded.length + " bytes is no expanded dk length (1632, 2400 or"
                        + " 3168). Use KeyFactory ML-KEM-512, ML-KEM-768 or ML-KEM-1024, or an"
                        + " EncodedKeySpec whose getAlgorithm() names the set");
            }
            return MlKemPrivateKey.fromRaw(set, encoded);
        } catch (InvalidKeyException e) {
            throw new InvalidKeySpecException(e.getMessage(), e);
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    @Override
    protected <T extends KeySpec> T engineGetKeySpec(Key key, Class<T> keySpec)
            throws InvalidKeySpecException {
        Key translated;
        try {
            translated = engineTranslateKey(key);
        } catch (InvalidKeyException e) {
            throw new InvalidKeySpecException(e.getMessage(), e);
        }

        if (translated instanceof MlKemPublicKey publicKey) {
            if (keySpec == X509EncodedKeySpec.class) {
                return keySpec.cast(new X509EncodedKeySpec(publicKey.getEncoded()));
            }
            if (keySpec.isAssignableFrom(RawKeySpec.class)) {
                return keySpec.cast(new RawKeySpec(publicKey.encapsulationKey()));
            }
        } else {
            MlKemPrivateKey privateKey = (MlKemPrivateKey) translated;
            byte[] encoded = null;
            try {
                if (keySpec == PKCS8EncodedKeySpec.class) {
                    encoded = privateKey.getEncoded();
                    return keySpec.cast(new PKCS8EncodedKeySpec(encoded));
                }
                if (keySpec.isAssignableFrom(RawKeySpec.class)) {
                    encoded = privateKey.rawEncoding();
                    return keySpec.cast(new RawKeySpec(encoded));
                }
            } finally {
                if (encoded != null) {
                    Arrays.fill(encoded, (byte) 0);
                }
            }
        }
        throw new InvalidKeySpecException(name() + " KeyFactory returns "
                + (translated instanceof PublicKey ? "X509EncodedKeySpec" : "PKCS8EncodedKeySpec")
                + " or a RAW EncodedKeySpec for this key, not " + keySpec.getName());
    }

    @Override
    protected Key engineTranslateKey(Key key) throws InvalidKeyException {
        String usage = name() + " KeyFactory";
        if (key instanceof PrivateKey) {
            return MlKemPrivateKey.from(key, fixed, usage);
        }
        return MlKemPublicKey.from(key, fixed, usage);
    }

    private EncodedKeySpec requireRaw(KeySpec keySpec, String standard)
            throws InvalidKeySpecException {
        if (!KemSupport.isRaw(keySpec)) {
            String actual = keySpec == null ? "null" : keySpec.getClass().getName();
            throw new InvalidKeySpecException(name() + " KeyFactory accepts " + standard
                    + " or an EncodedKeySpec with format RAW, got " + actual);
        }
        return (EncodedKeySpec) keySpec;
    }

    private void requireFixed(MlKemParameterSet set) throws InvalidKeySpecException {
        if (fixed != null && set != fixed) {
            throw new InvalidKeySpecException(fixed + " KeyFactory got a key for " + set);
        }
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
