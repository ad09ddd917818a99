package org.pqipsec.provider.kem;

import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyFactorySpi;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.EncodedKeySpec;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.KeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;

import org.pqipsec.provider.spec.RawKeySpec;

/**
 * KeyFactory {@code X25519}, creating {@link X25519PublicKey} and {@link X25519PrivateKey}.
 *
 * <p>Public keys: {@link X509EncodedKeySpec} (SubjectPublicKeyInfo, RFC 8410 §4),
 * {@link XECPublicKeySpec} with {@link NamedParameterSpec#X25519} and u in [0, 2^255), or any
 * {@link EncodedKeySpec} whose format is {@code "RAW"} holding the 32-byte u-coordinate. The
 * bytes of u are kept as given ({@link X25519PublicKey} states the policy). Unlike SunEC, an
 * {@code XECPublicKeySpec} u is not reduced modulo p, and values of 2^255 or more are rejected.
 *
 * <p>Private keys: {@link PKCS8EncodedKeySpec} (OneAsymmetricKey v1, or v2 with the optional
 * public key, which must equal X25519(k, 9)), {@link XECPrivateKeySpec} with a 32-byte scalar,
 * or a {@code "RAW"} spec holding the 32-byte scalar.
 *
 * <p>{@code getKeySpec} takes a key of any provider that {@code translateKey} accepts and
 * returns {@link X509EncodedKeySpec}, {@link XECPublicKeySpec}, {@link PKCS8EncodedKeySpec}
 * (v1) or {@link XECPrivateKeySpec} when asked for exactly that class, and a {@link RawKeySpec}
 * for {@code RawKeySpec.class}, {@code EncodedKeySpec.class} and {@code KeySpec.class}.
 *
 * <p>{@code translateKey} accepts what {@link X25519Keys} describes: XEC keys of any provider
 * with the X25519 parameters, and X.509, PKCS#8 or RAW encoded X25519 keys.
 */
final class X25519KeyFactory extends KeyFactorySpi {

    private static final String USAGE = "X25519 KeyFactory";

    X25519KeyFactory() {}

    @Override
    protected PublicKey engineGeneratePublic(KeySpec keySpec) throws InvalidKeySpecException {
        if (keySpec instanceof X509EncodedKeySpec x509) {
            return new X25519PublicKey(X25519Der.decodePublicKey(x509.getEncoded()));
        }
        if (keySpec instanceof XECPublicKeySpec xec) {
            requireX25519(xec.getParams());
            try {
                return new X25519PublicKey(X25519Keys.encodeU(xec.getU(), "XECPublicKeySpec"));
            } catch (InvalidKeyException e) {
                throw new InvalidKeySpecException(e.getMessage(), e);
            }
        }
        if (KemSupport.isRaw(keySpec)) {
            byte[] u = ((EncodedKeySpec) keySpec).getEncoded();
            if (u.length != X25519Keys.LENGTH) {
                throw new InvalidKeySpecException("X25519 public key must be 32 bytes (RAW"
                        + " u-coordinate), got " + u.length);
            }
            return new X25519PublicKey(u);
        }
        throw new InvalidKeySpecException(USAGE + " accepts X509EncodedKeySpec, XECPublicKeySpec"
                + " or an EncodedKeySpec with format RAW for public keys, got "
                + describe(keySpec));
    }

    @Override
    protected PrivateKey engineGeneratePrivate(KeySpec keySpec) throws InvalidKeySpecException {
        if (keySpec instanceof PKCS8EncodedKeySpec pkcs8) {
            byte[] der = pkcs8.getEncoded();
            X25519Der.PrivateKeyInfo info = null;
            try {
                info = X25519Der.decodePrivateKey(der);
                if (info.publicKey() != null) {
                    checkPublicKey(info.k(), info.publicKey());
                }
                return new X25519PrivateKey(info.k());
            } finally {
                Arrays.fill(der, (byte) 0);
                if (info != null) {
                    Arrays.fill(info.k(), (byte) 0);
                }
            }
        }
        if (keySpec instanceof XECPrivateKeySpec xec) {
            requireX25519(xec.getParams());
            byte[] k = xec.getScalar();
            try {
                if (k.length != X25519Keys.LENGTH) {
                    throw new InvalidKeySpecException("X25519 XECPrivateKeySpec scalar must be 32"
                            + " bytes, got " + k.length);
                }
                return new X25519PrivateKey(k);
            } finally {
                Arrays.fill(k, (byte) 0);
            }
        }
        if (KemSupport.isRaw(keySpec)) {
            byte[] k = ((EncodedKeySpec) keySpec).getEncoded();
            try {
                if (k.length != X25519Keys.LENGTH) {
                    throw new InvalidKeySpecException("X25519 private key must be 32 bytes (RAW"
                            + " scalar), got " + k.length);
                }
                return new X25519PrivateKey(k);
            } finally {
                Arrays.fill(k, (byte) 0);
            }
        }
        throw new InvalidKeySpecException(USAGE + " accepts PKCS8EncodedKeySpec,"
                + " XECPrivateKeySpec or an EncodedKeySpec with format RAW for private keys, got "
                + describe(keySpec));
    }

    @Override
    protected <T extends KeySpec> T engineGetKeySpec(Key key, Class<T> keySpec)
            throws InvalidKeySpecException {
        if (keySpec == null) {
            throw new InvalidKeySpecException(USAGE + " requires a KeySpec class, got null");
        }
        Key translated;
        try {
            translated = engineTranslateKey(key);
        } catch (InvalidKeyException e) {
            throw new InvalidKeySpecException(e.getMessage(), e);
        }

        if (translated instanceof X25519PublicKey publicKey) {
            if (keySpec == X509EncodedKeySpec.class) {
                return keySpec.cast(new X509EncodedKeySpec(publicKey.getEncoded()));
            }
            if (keySpec == XECPublicKeySpec.class) {
                return keySpec.cast(new XECPublicKeySpec(NamedParameterSpec.X25519,
                        publicKey.getU()));
            }
            if (keySpec.isAssignableFrom(RawKeySpec.class)) {
                return keySpec.cast(new RawKeySpec(publicKey.rawU()));
            }
            throw new InvalidKeySpecException(USAGE + " returns X509EncodedKeySpec,"
                    + " XECPublicKeySpec or a RAW EncodedKeySpec for a public key, not "
                    + keySpec.getName());
        }

        X25519PrivateKey privateKey = (X25519PrivateKey) translated;
        byte[] secret = null;
        try {
            if (keySpec == PKCS8EncodedKeySpec.class) {
                secret = privateKey.getEncoded();
                return keySpec.cast(new PKCS8EncodedKeySpec(secret));
            }
            if (keySpec == XECPrivateKeySpec.class) {
                secret = privateKey.scalar();
                return keySpec.cast(new XECPrivateKeySpec(NamedParameterSpec.X25519, secret));
            }
            if (keySpec.isAssignableFrom(RawKeySpec.class)) {
                secret = privateKey.scalar();
                return keySpec.cast(new RawKeySpec(secret));
            }
            throw new InvalidKeySpecException(USAGE + " returns PKCS8EncodedKeySpec,"
                    + " XECPrivateKeySpec or a RAW EncodedKeySpec for a private key, not "
                    + keySpec.getName());
        } catch (IllegalStateException destroyed) {
            throw new InvalidKeySpecException(USAGE + ": the X25519 private key is destroyed",
                    destroyed);
        } finally {
            if (secret != null) {
                Arrays.fill(secret, (byte) 0);
            }
            if (privateKey != key) {
                privateKey.destroy();
            }
        }
    }

    @Override
    protected Key engineTranslateKey(Key key) throws InvalidKeyException {
        if (key instanceof PrivateKey) {
            return X25519Keys.toPrivateKey(key, USAGE);
        }
        return X25519Keys.toPublicKey(key, USAGE);
    }

    /** Checks that the public key of a v2 OneAsymmetricKey is X25519(k, 9) (RFC 7748 §6.1). */
    private static void checkPublicKey(byte[] k, byte[] u) throws InvalidKeySpecException {
        byte[] computed = Engines.x25519().x25519Base(k);
        if (!Arrays.equals(computed, u)) {
            throw new InvalidKeySpecException("X25519 PKCS#8 OneAsymmetricKey publicKey does not"
                    + " match the private key: it must be X25519(k, 9)");
        }
    }

    private static void requireX25519(AlgorithmParameterSpec params)
            throws InvalidKeySpecException {
        if (!X25519Keys.isX25519(params)) {
            throw new InvalidKeySpecException(USAGE + " requires NamedParameterSpec X25519, got "
                    + X25519Keys.describe(params));
        }
    }

    private static String describe(KeySpec keySpec) {
        return keySpec == null ? "null" : keySpec.getClass().getName();
    }
}
