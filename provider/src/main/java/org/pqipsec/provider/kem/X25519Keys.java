package org.pqipsec.provider.kem;

import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.Provider;
import java.security.ProviderException;
import java.security.PublicKey;
import java.security.PrivateKey;
import java.security.Security;
import java.security.interfaces.XECKey;
import java.security.interfaces.XECPrivateKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Optional;

/**
 * Conversions of X25519 keys from any provider into {@link X25519PublicKey} and
 * {@link X25519PrivateKey}, the key classes of this package.
 *
 * <p>Accepted keys are this package's own, any {@link XECPublicKey} or {@link XECPrivateKey}
 * whose parameters are {@link NamedParameterSpec#X25519} (SunEC's, BouncyCastle's), and keys of
 * algorithm {@code "X25519"} or {@code "XDH"} that offer an X.509, PKCS#8 or {@code "RAW"}
 * encoding. XEC keys with other parameters, such as X448, are rejected with a message that
 * names the expected parameters.
 */
final class X25519Keys {

    /** Length in bytes of a raw public key (u-coordinate) and of a raw private key (scalar). */
    static final int LENGTH = X25519Engine.LENGTH;

    static final String ALGORITHM = "X25519";

    private static final BigInteger TWO_TO_255 = BigInteger.ONE.shiftLeft(255);

    private X25519Keys() {}

    /** Returns the SunEC provider, which {@link JdkX25519Engine} computes X25519 with. */
    static Provider sunEc() {
        Provider provider = Security.getProvider("SunEC");
        if (provider == null) {
            throw new ProviderException("the SunEC provider, which the X25519 services need, is not"
                    + " installed");
        }
        return provider;
    }

    /** Wraps a raw u-coordinate in an X.509 SubjectPublicKeyInfo (RFC 8410 §4). */
    static X509EncodedKeySpec x509Spec(byte[] u) {
        return new X509EncodedKeySpec(X25519Der.encodePublicKey(u));
    }

    /** Returns whether {@code params} are the X25519 parameters. */
    static boolean isX25519(AlgorithmParameterSpec params) {
        return params instanceof NamedParameterSpec named
                && ALGORITHM.equalsIgnoreCase(named.getName());
    }

    /** Describes parameters for messages: the name of a {@link NamedParameterSpec}, or the class. */
    static String describe(AlgorithmParameterSpec params) {
        if (params instanceof NamedParameterSpec named) {
            return named.getName();
        }
        return params == null ? "null" : params.getClass().getName();
    }

    /**
     * Returns RFC 7748 §5 encodeUCoordinate of {@code u}: 32 bytes, least significant first.
     * Non-canonical values in [p, 2^255) are kept as they are.
     *
     * @throws InvalidKeyException if u is negative or not below 2^255
     */
    static byte[] encodeU(BigInteger u, String usage) throws InvalidKeyException {
        if (u == null || u.signum() < 0 || u.compareTo(TWO_TO_255) >= 0) {
            throw new InvalidKeyException(usage + ": X25519 u-coordinate must be in [0, 2^255)"
                    + " to fit in 32 bytes");
        }
        byte[] bigEndian = u.toByteArray();
        byte[] raw = new byte[LENGTH];
        for (int i = 0; i < LENGTH && i < bigEndian.length; i++) {
            raw[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return raw;
    }

    /**
     * Returns {@code key} as this package's X25519 public key.
     *
     * @throws InvalidKeyException if {@code key} is not an X25519 public key, naming the
     *     expected type and parameters
     */
    static X25519PublicKey toPublicKey(Key key, String usage) throws InvalidKeyException {
        if (key instanceof X25519PublicKey own) {
            return own;
        }
        if (key instanceof XECPublicKey xec) {
            requireX25519(xec, usage, "public");
            // The X.509 bytes keep a set top bit and a non-canonical u as the peer sent them.
            byte[] encoded = "X.509".equalsIgnoreCase(key.getFormat()) ? key.getEncoded() : null;
            if (encoded != null) {
                try {
                    return new X25519PublicKey(X25519Der.decodePublicKey(encoded));
                } catch (InvalidKeySpecException ignored) {
                    // An encoding this package does not read: fall back to getU().
                }
            }
            return new X25519PublicKey(encodeU(xec.getU(), usage));
        }
        if (key instanceof PublicKey && hasX25519Name(key)) {
            byte[] encoded = key.getEncoded();
            try {
                if ("X.509".equalsIgnoreCase(key.getFormat()) && encoded != null) {
                    return new X25519PublicKey(X25519Der.decodePublicKey(encoded));
                }
                if (KemSupport.isRaw(key) && encoded != null) {
                    if (encoded.length != LENGTH) {
                        throw new InvalidKeyException(usage + ": X25519 public key must be 32"
                                + " bytes (RAW u-coordinate), got " + encoded.length);
                    }
                    return new X25519PublicKey(encoded);
                }
            } catch (InvalidKeySpecException e) {
                throw new InvalidKeyException(usage + ": " + e.getMessage(), e);
            }
        }
        throw new InvalidKeyException(usage + " requires an X25519 public key (XECPublicKey with"
                + " NamedParameterSpec X25519), got " + KemSupport.describe(key));
    }

    /**
     * Returns {@code key} as this package's X25519 private key. A key of another provider is
     * copied, and the copy is the caller's to destroy.
     *
     * @throws InvalidKeyException if {@code key} is not an X25519 private key, is destroyed or
     *     does not expose its scalar, naming the expected type and parameters
     */
    static X25519PrivateKey toPrivateKey(Key key, String usage) throws InvalidKeyException {
        if (key instanceof X25519PrivateKey own) {
            if (own.isDestroyed()) {
                throw new InvalidKeyException(usage + ": the X25519 private key is destroyed");
            }
            return own;
        }
        if (key instanceof XECPrivateKey xec) {
            requireX25519(xec, usage, "private");
            Optional<byte[]> scalar;
            try {
                scalar = xec.getScalar();
            } catch (IllegalStateException destroyed) {
                throw new InvalidKeyException(usage + ": the X25519 private key is destroyed",
                        destroyed);
            }
            if (scalar.isPresent()) {
                return fromScalar(scalar.get(), usage);
            }
            if (!"PKCS#8".equalsIgnoreCase(key.getFormat())) {
                throw new InvalidKeyException(usage + ": X25519 private key exposes neither its"
                        + " scalar nor a PKCS#8 encoding");
            }
        } else if (!(key instanceof PrivateKey) || !hasX25519Name(key)) {
            throw new InvalidKeyException(usage + " requires an X25519 private key"
                    + " (XECPrivateKey with NamedParameterSpec X25519), got "
                    + KemSupport.describe(key));
        }

        byte[] encoded = key.getEncoded();
        if (encoded == null) {
            throw new InvalidKeyException(usage + ": X25519 private key has no encoding");
        }
        try {
            if ("PKCS#8".equalsIgnoreCase(key.getFormat())) {
                X25519Der.PrivateKeyInfo info = X25519Der.decodePrivateKey(encoded);
                return fromScalar(info.k(), usage);
            }
            if (KemSupport.isRaw(key)) {
                return fromScalar(encoded.clone(), usage);
            }
            throw new InvalidKeyException(usage + " requires an X25519 private key in format"
                    + " PKCS#8 or RAW, got " + KemSupport.describe(key));
        } catch (InvalidKeySpecException e) {
            throw new InvalidKeyException(usage + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    /** Wraps a scalar and zeroes {@code k}, whatever the outcome. */
    private static X25519PrivateKey fromScalar(byte[] k, String usage) throws InvalidKeyException {
        try {
            if (k.length != LENGTH) {
                throw new InvalidKeyException(usage + ": X25519 private key scalar must be 32"
                        + " bytes, got " + k.length);
            }
            return new X25519PrivateKey(k);
        } finally {
            Arrays.fill(k, (byte) 0);
        }
    }

    private static void requireX25519(XECKey key, String usage, String kind)
            throws InvalidKeyException {
        AlgorithmParameterSpec params = key.getParams();
        if (!isX25519(params)) {
            throw new InvalidKeyException(usage + " requires an X25519 " + kind + " key"
                    + " (NamedParameterSpec X25519), got parameters " + describe(params));
        }
    }

    private static boolean hasX25519Name(Key key) {
        String algorithm = key.getAlgorithm();
        return ALGORITHM.equalsIgnoreCase(algorithm) || "XDH".equalsIgnoreCase(algorithm);
    }
}
