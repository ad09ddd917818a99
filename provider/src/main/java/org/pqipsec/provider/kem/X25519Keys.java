package org.pqipsec.provider.kem;

import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.security.interfaces.XECKey;
import java.security.interfaces.XECPrivateKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.security.spec.XECPrivateKeySpec;
import java.util.Arrays;

/**
 * Conversions between raw X25519 keys (RFC 7748 §5 strings of 32 bytes) and the JDK's
 * {@link XECPublicKey} and {@link XECPrivateKey}, whose instances the SunEC provider creates.
 */
final class X25519Keys {

    /** Length in bytes of a raw public key (u-coordinate) and of a raw private key (scalar). */
    static final int LENGTH = X25519Engine.LENGTH;

    static final String ALGORITHM = "X25519";

    // DER prefix of an X25519 SubjectPublicKeyInfo (RFC 8410 §4), followed by the 32-byte u:
    //   30 2a              SEQUENCE, 42 bytes
    //     30 05            SEQUENCE (AlgorithmIdentifier), 5 bytes
    //       06 03 2b 65 6e OBJECT IDENTIFIER 1.3.101.110 (id-X25519)
    //     03 21 00         BIT STRING, 33 bytes, 0 unused bits
    private static final byte[] SPKI_PREFIX = {
        0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x03, 0x21, 0x00
    };

    private X25519Keys() {}

    /** Returns the SunEC provider, which creates the JDK's X25519 key objects. */
    static Provider sunEc() {
        Provider provider = Security.getProvider("SunEC");
        if (provider == null) {
            throw new ProviderException("the SunEC provider, which the X25519 services need, is not"
                    + " installed");
        }
        return provider;
    }

    /** Returns SunEC's X25519 {@link KeyFactory}. */
    static KeyFactory sunEcKeyFactory() {
        try {
            return KeyFactory.getInstance(ALGORITHM, sunEc());
        } catch (NoSuchAlgorithmException e) {
            throw new ProviderException("SunEC has no X25519 KeyFactory", e);
        }
    }

    /**
     * Wraps a raw u-coordinate in an X.509 SubjectPublicKeyInfo. SunEC keeps these bytes as they
     * are (a set top bit included), whereas an {@code XECPublicKeySpec} would reduce u modulo p.
     */
    static X509EncodedKeySpec x509Spec(byte[] u) {
        byte[] encoded = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + LENGTH);
        System.arraycopy(u, 0, encoded, SPKI_PREFIX.length, LENGTH);
        return new X509EncodedKeySpec(encoded);
    }

    /** Creates a SunEC public key from a 32-byte raw u-coordinate. */
    static XECPublicKey publicKey(byte[] u) {
        checkLength(u);
        try {
            return (XECPublicKey) sunEcKeyFactory().generatePublic(x509Spec(u));
        } catch (InvalidKeySpecException e) {
            throw new ProviderException("SunEC rejected a 32-byte X25519 public key", e);
        }
    }

    /** Creates a SunEC private key from a 32-byte raw scalar, which SunEC copies. */
    static XECPrivateKey privateKey(byte[] k) {
        checkLength(k);
        try {
            return (XECPrivateKey) sunEcKeyFactory().generatePrivate(
                    new XECPrivateKeySpec(NamedParameterSpec.X25519, k));
        } catch (InvalidKeySpecException e) {
            throw new ProviderException("SunEC rejected a 32-byte X25519 private key", e);
        }
    }

    /** Returns whether {@code key} is an {@link XECKey} with the X25519 parameters. */
    static boolean isX25519(Key key) {
        return key instanceof XECKey xec
                && xec.getParams() instanceof NamedParameterSpec named
                && ALGORITHM.equalsIgnoreCase(named.getName());
    }

    /**
     * Returns the raw 32-byte u-coordinate of an X25519 public key. The bytes of an X.509 encoding
     * are taken as they are, so a raw key keeps its top bit through a round trip.
     *
     * @throws InvalidKeyException if {@code key} is not an X25519 {@link XECPublicKey}
     */
    static byte[] encodePublicKey(Key key, String usage) throws InvalidKeyException {
        if (!(key instanceof XECPublicKey xec) || !isX25519(key)) {
            throw new InvalidKeyException(usage + " requires an X25519 public key"
                    + " (XECPublicKey with NamedParameterSpec X25519), got "
                    + KemSupport.describe(key));
        }

        byte[] encoded = "X.509".equals(key.getFormat()) ? key.getEncoded() : null;
        if (encoded != null && encoded.length == SPKI_PREFIX.length + LENGTH
                && Arrays.equals(encoded, 0, SPKI_PREFIX.length,
                        SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
            return Arrays.copyOfRange(encoded, SPKI_PREFIX.length, encoded.length);
        }

        // RFC 7748 §5 encodeUCoordinate: u as 32 bytes, least significant byte first.
        BigInteger u = xec.getU();
        if (u.signum() < 0 || u.bitLength() > 8 * LENGTH) {
            throw new InvalidKeyException("X25519 public key u-coordinate does not fit in 32"
                    + " bytes");
        }
        byte[] bigEndian = u.toByteArray();
        byte[] raw = new byte[LENGTH];
        for (int i = 0; i < LENGTH && i < bigEndian.length; i++) {
            raw[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return raw;
    }

    /**
     * Returns a copy of the raw 32-byte scalar of an X25519 private key, which the caller zeroes.
     *
     * @throws InvalidKeyException if {@code key} is not an X25519 {@link XECPrivateKey} or does
     *     not expose its scalar
     */
    static byte[] encodePrivateKey(Key key, String usage) throws InvalidKeyException {
        if (!(key instanceof XECPrivateKey xec) || !isX25519(key)) {
            throw new InvalidKeyException(usage + " requires an X25519 private key (XECPrivateKey"
                    + " with NamedParameterSpec X25519), got " + KemSupport.describe(key));
        }
        byte[] k = xec.getScalar().orElseThrow(() -> new InvalidKeyException(
                "X25519 private key does not expose its scalar, so it cannot be used here"));
        if (k.length != LENGTH) {
            Arrays.fill(k, (byte) 0);
            throw new InvalidKeyException("X25519 private key scalar must be 32 bytes, got "
                    + k.length);
        }
        return k;
    }

    private static void checkLength(byte[] value) {
        if (value.length != LENGTH) {
            throw new IllegalArgumentException("raw X25519 key must be 32 bytes, got "
                    + value.length);
        }
    }
}
