package org.pqipsec.provider.kem;

import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyFactorySpi;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.XECPrivateKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.EncodedKeySpec;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.KeySpec;
import java.util.Arrays;

import org.pqipsec.provider.spec.RawKeySpec;

/**
 * KeyFactory {@code X25519}.
 *
 * <p>Raw keys travel in any {@link EncodedKeySpec} whose format is {@code "RAW"} (such as
 * {@link RawKeySpec}): a public key is the 32-byte u-coordinate and a private key the 32-byte
 * scalar, both little-endian as in RFC 7748 §5. {@code getKeySpec} returns a {@link RawKeySpec}
 * for {@code RawKeySpec.class}, {@code EncodedKeySpec.class} and {@code KeySpec.class}. Every other
 * spec (X.509, PKCS#8, {@code XECPublicKeySpec}, {@code XECPrivateKeySpec}) and key translation
 * go to SunEC's X25519 KeyFactory unchanged.
 */
final class X25519KeyFactory extends KeyFactorySpi {

    X25519KeyFactory() {}

    @Override
    protected PublicKey engineGeneratePublic(KeySpec keySpec) throws InvalidKeySpecException {
        if (!KemSupport.isRaw(keySpec)) {
            return X25519Keys.sunEcKeyFactory().generatePublic(keySpec);
        }
        byte[] u = ((EncodedKeySpec) keySpec).getEncoded();
        if (u.length != X25519Keys.LENGTH) {
            throw new InvalidKeySpecException("X25519 public key must be 32 bytes (RAW"
                    + " u-coordinate), got " + u.length);
        }
        return X25519Keys.publicKey(u);
    }

    @Override
    protected PrivateKey engineGeneratePrivate(KeySpec keySpec) throws InvalidKeySpecException {
        if (!KemSupport.isRaw(keySpec)) {
            return X25519Keys.sunEcKeyFactory().generatePrivate(keySpec);
        }
        byte[] k = ((EncodedKeySpec) keySpec).getEncoded();
        try {
            if (k.length != X25519Keys.LENGTH) {
                throw new InvalidKeySpecException("X25519 private key must be 32 bytes (RAW"
                        + " scalar), got " + k.length);
            }
            return X25519Keys.privateKey(k);
        } finally {
            Arrays.fill(k, (byte) 0);
        }
    }

    @Override
    protected <T extends KeySpec> T engineGetKeySpec(Key key, Class<T> keySpec)
            throws InvalidKeySpecException {
        if (!keySpec.isAssignableFrom(RawKeySpec.class)) {
            return X25519Keys.sunEcKeyFactory().getKeySpec(key, keySpec);
        }
        try {
            if (key instanceof XECPublicKey) {
                return keySpec.cast(new RawKeySpec(X25519Keys.encodePublicKey(key,
                        "X25519 KeyFactory")));
            }
            if (key instanceof XECPrivateKey) {
                byte[] k = X25519Keys.encodePrivateKey(key, "X25519 KeyFactory");
                try {
                    return keySpec.cast(new RawKeySpec(k));
                } finally {
                    Arrays.fill(k, (byte) 0);
                }
            }
        } catch (InvalidKeyException e) {
            throw new InvalidKeySpecException(e.getMessage(), e);
        }
        throw new InvalidKeySpecException("X25519 KeyFactory returns RAW specs only for X25519"
                + " XECPublicKey and XECPrivateKey, got " + KemSupport.describe(key));
    }

    @Override
    protected Key engineTranslateKey(Key key) throws InvalidKeyException {
        return X25519Keys.sunEcKeyFactory().translateKey(key);
    }
}
