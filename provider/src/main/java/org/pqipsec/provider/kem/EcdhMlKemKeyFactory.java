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
 * KeyFactory {@code SecP256r1MLKEM768} and {@code SecP384r1MLKEM1024}: keys travel in any
 * {@link EncodedKeySpec} whose format is {@code "RAW"}, such as {@link RawKeySpec}, laid out as
 * {@link EcdhMlKemParameters} shows. A public key is the client share, whose ECDH point must be an
 * uncompressed point on the curve and whose ML-KEM encapsulation key must pass the FIPS 203 §7.2
 * modulus check. {@code generatePublic} and {@code translateKey} run both checks and keep the
 * checked parts in the key object, so encapsulation does not repeat them. A private key is
 * d ‖ z ‖ scalar, whose scalar must be in [1, n - 1]. {@code getKeySpec} returns a
 * {@link RawKeySpec} for {@code RawKeySpec.class}, {@code EncodedKeySpec.class} and
 * {@code KeySpec.class}.
 */
final class EcdhMlKemKeyFactory extends KeyFactorySpi {

    private final EcdhMlKemParameters parameters;
    private final EcdhSunEc ecdh;
    private final String usage;

    EcdhMlKemKeyFactory(EcdhMlKemParameters parameters) {
        this.parameters = parameters;
        this.ecdh = new EcdhSunEc(parameters);
        this.usage = parameters.algorithm() + " KeyFactory";
    }

    @Override
    protected PublicKey engineGeneratePublic(KeySpec keySpec) throws InvalidKeySpecException {
        byte[] encoded = requireRaw(keySpec).getEncoded();
        if (encoded.length != parameters.publicKeyLength()) {
            throw new InvalidKeySpecException(
                    EcdhMlKemPublicKey.lengthMessage(parameters, encoded.length));
        }
        EcdhMlKemPublicKey publicKey = new EcdhMlKemPublicKey(parameters, encoded);
        KemSupport.checkedAtImport(publicKey, key -> key.ecdhPublicKey(ecdh));
        return KemSupport.checkedAtImport(publicKey, EcdhMlKemPublicKey::mlKemEncapsulationKey);
    }

    @Override
    protected PrivateKey engineGeneratePrivate(KeySpec keySpec) throws InvalidKeySpecException {
        byte[] encoded = requireRaw(keySpec).getEncoded();
        try {
            if (encoded.length != parameters.privateKeyLength()) {
                throw new InvalidKeySpecException(
                        EcdhMlKemPrivateKey.lengthMessage(parameters, encoded.length));
            }
            if (!ecdh.isValidScalar(encoded, MlKemParameterSet.SEED_LENGTH)) {
                throw new InvalidKeySpecException(parameters.algorithm() + " private key: the "
                        + parameters.curve() + " scalar is not in [1, n - 1]");
            }
            return new EcdhMlKemPrivateKey(parameters, encoded);
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    @Override
    protected <T extends KeySpec> T engineGetKeySpec(Key key, Class<T> keySpec)
            throws InvalidKeySpecException {
        if (!keySpec.isAssignableFrom(RawKeySpec.class)) {
            throw new InvalidKeySpecException(usage + " returns only RAW key specs (RawKeySpec or"
                    + " EncodedKeySpec), not " + keySpec.getName());
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
        if (key instanceof PrivateKey) {
            return EcdhMlKemPrivateKey.from(parameters, key, usage);
        }
        EcdhMlKemPublicKey publicKey = EcdhMlKemPublicKey.from(parameters, key, usage);
        publicKey.ecdhPublicKey(ecdh);
        publicKey.mlKemEncapsulationKey();
        return publicKey;
    }

    private EncodedKeySpec requireRaw(KeySpec keySpec) throws InvalidKeySpecException {
        if (!KemSupport.isRaw(keySpec)) {
            throw new InvalidKeySpecException(usage + " accepts only an EncodedKeySpec with format"
                    + " RAW, got " + (keySpec == null ? "null" : keySpec.getClass().getName()));
        }
        return (EncodedKeySpec) keySpec;
    }
}
