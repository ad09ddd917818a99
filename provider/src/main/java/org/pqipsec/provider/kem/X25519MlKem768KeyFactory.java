package org.pqipsec.provider.kem;

import static org.pqipsec.provider.kem.X25519MlKem768Layout.PRIVATE_KEY_LENGTH;
import static org.pqipsec.provider.kem.X25519MlKem768Layout.PUBLIC_KEY_LENGTH;

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
 * KeyFactory {@code X25519MLKEM768}: keys travel in any {@link EncodedKeySpec} whose format is
 * {@code "RAW"}, such as {@link RawKeySpec}. A public key is the 1216-byte client share and a
 * private key the 96 bytes d ‖ z ‖ k that {@link X25519MlKem768Layout} lays out.
 * {@code getKeySpec} returns a {@link RawKeySpec} for {@code RawKeySpec.class},
 * {@code EncodedKeySpec.class} and {@code KeySpec.class}.
 *
 * <p>{@code generatePublic} and {@code translateKey} run the FIPS 203 §7.2 modulus check on the
 * ML-KEM-768 encapsulation key and keep the checked key in the key object, so encapsulation does
 * not repeat it.
 */
final class X25519MlKem768KeyFactory extends KeyFactorySpi {

    private static final String USAGE = X25519MlKem768Layout.ALGORITHM + " KeyFactory";

    X25519MlKem768KeyFactory() {}

    @Override
    protected PublicKey engineGeneratePublic(KeySpec keySpec) throws InvalidKeySpecException {
        byte[] encoded = requireRaw(keySpec).getEncoded();
        if (encoded.length != PUBLIC_KEY_LENGTH) {
            throw new InvalidKeySpecException(
                    X25519MlKem768PublicKey.lengthMessage(encoded.length));
        }
        return KemSupport.checkedAtImport(new X25519MlKem768PublicKey(encoded),
                X25519MlKem768PublicKey::mlKemEncapsulationKey);
    }

    @Override
    protected PrivateKey engineGeneratePrivate(KeySpec keySpec) throws InvalidKeySpecException {
        byte[] encoded = requireRaw(keySpec).getEncoded();
        try {
            if (encoded.length != PRIVATE_KEY_LENGTH) {
                throw new InvalidKeySpecException(
                        X25519MlKem768PrivateKey.lengthMessage(encoded.length));
            }
            return new X25519MlKem768PrivateKey(encoded);
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    @Override
    protected <T extends KeySpec> T engineGetKeySpec(Key key, Class<T> keySpec)
            throws InvalidKeySpecException {
        if (!keySpec.isAssignableFrom(RawKeySpec.class)) {
            throw new InvalidKeySpecException(USAGE + " returns only RAW key specs (RawKeySpec or"
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
            return X25519MlKem768PrivateKey.from(key, USAGE);
        }
        X25519MlKem768PublicKey publicKey = X25519MlKem768PublicKey.from(key, USAGE);
        publicKey.mlKemEncapsulationKey();
        return publicKey;
    }

    private static EncodedKeySpec requireRaw(KeySpec keySpec) throws InvalidKeySpecException {
        if (!KemSupport.isRaw(keySpec)) {
            throw new InvalidKeySpecException(USAGE + " accepts only an EncodedKeySpec with format"
                    + " RAW, got " + (keySpec == null ? "null" : keySpec.getClass().getName()));
        }
        return (EncodedKeySpec) keySpec;
    }
}
