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
 * KeyFactory {@code X-Wing}: keys travel in any {@link EncodedKeySpec} whose format is
 * {@code "RAW"}, such as {@link RawKeySpec}. A public key is the 1216-byte pk_M ‖ pk_X and a
 * private key the 32-byte seed sk, as {@link XWingKeys} lays out.
 *
 * <p>{@code generatePublic} and {@code translateKey} run the FIPS 203 §7.2 modulus check on pk_M
 * and keep the checked key in the key object, so encapsulation does not repeat it.
 */
final class XWingKeyFactory extends KeyFactorySpi {

    private static final String USAGE = XWingKeys.ALGORITHM + " KeyFactory";

    XWingKeyFactory() {}

    @Override
    protected PublicKey engineGeneratePublic(KeySpec keySpec) throws InvalidKeySpecException {
        byte[] encoded = requireRaw(keySpec).getEncoded();
        if (encoded.length != XWingKeys.PUBLIC_KEY_LENGTH) {
            throw new InvalidKeySpecException(XWingKeys.publicLengthMessage(encoded.length));
        }
        return KemSupport.checkedAtImport(new XWingKeys.XWingPublicKey(encoded),
                XWingKeys.XWingPublicKey::mlKemEncapsulationKey);
    }

    @Override
    protected PrivateKey engineGeneratePrivate(KeySpec keySpec) throws InvalidKeySpecException {
        byte[] encoded = requireRaw(keySpec).getEncoded();
        try {
            if (encoded.length != XWingKeys.PRIVATE_KEY_LENGTH) {
                throw new InvalidKeySpecException(XWingKeys.privateLengthMessage(encoded.length));
            }
            return new XWingKeys.XWingPrivateKey(encoded);
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
            return XWingKeys.XWingPrivateKey.from(key, USAGE);
        }
        XWingKeys.XWingPublicKey publicKey = XWingKeys.XWingPublicKey.from(key, USAGE);
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
