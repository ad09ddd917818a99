package org.pqipsec.provider.ike;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.ProviderException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EllipticCurve;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;
import java.util.Objects;

import javax.crypto.DecapsulateException;
import javax.crypto.KEM;
import javax.crypto.KeyAgreement;
import javax.crypto.SecretKey;
import javax.crypto.interfaces.DHPublicKey;
import javax.crypto.spec.DHPublicKeySpec;
import javax.security.auth.DestroyFailedException;

import org.pqipsec.provider.PQIPsecProvider;
import org.pqipsec.provider.key.DestroyableSecretKey;
import org.pqipsec.provider.spec.KeyExchangeMethod;
import org.pqipsec.provider.spec.RawKeySpec;

/**
 * One IKEv2 key exchange (RFC 7296 §1.2, §3.4; RFC 9370) for an IANA Transform Type 4 id: the
 * initiator's side and the responder's side, with the exact Key Exchange Data of the KE payload
 * and the checks each method needs. The shared secret is the input of SKEYSEED or KEYMAT.
 *
 * <ul>
 *   <li>14 (MODP 2048): g^x mod p, big-endian and zero-padded to 256 bytes; a peer value must
 *       be in [2, p-2]. The shared secret is g^ir padded to 256 bytes (RFC 7296 §2.14).
 *   <li>19, 20, 21 (ECP 256, 384, 521): x ‖ y, each padded to the field size (RFC 5903 §7); a
 *       peer point must have coordinates below p and lie on the curve. The shared secret is the
 *       x-coordinate.
 *   <li>31, 32 (Curve25519, Curve448): the little-endian u-coordinate (RFC 8031 §2); an all-zero
 *       shared secret is rejected (RFC 8031 §2.1).
 *   <li>35, 36, 37 (ML-KEM-512, -768, -1024): the initiator sends the encapsulation key ek, the
 *       responder the ciphertext. ek must pass the FIPS 203 §7.2 type and modulus checks and the
 *       ciphertext the §7.3 length check. The shared secret is the 32-byte K.
 * </ul>
 *
 * <p>Use: the initiator calls {@link #initiate}, sends {@link Initiator#keyExchangeData()}, and
 * calls {@link Initiator#complete} with the responder's data. The responder calls
 * {@link #respond} with the initiator's data and sends {@link Responder#keyExchangeData()}.
 */
public final class IkeKeyExchange {

    /** The provider whose ML-KEM services run the KEM methods. */
    private static final PQIPsecProvider PROVIDER = new PQIPsecProvider();

    private IkeKeyExchange() {}

    /**
     * Returns the method for a Transform Type 4 id.
     *
     * @throws InvalidAlgorithmParameterException if the id is not supported
     */
    public static KeyExchangeMethod method(int transformId)
            throws InvalidAlgorithmParameterException {
        return KeyExchangeMethod.fromIanaId(transformId).orElseThrow(() ->
                new InvalidAlgorithmParameterException("transformId " + transformId
                        + " is not a supported key exchange method; expected 14, 19, 20, 21, 31,"
                        + " 32, 35, 36 or 37"));
    }

    /**
     * Starts the initiator's side: generates an ephemeral key pair (for ML-KEM, the
     * decapsulation and encapsulation keys).
     *
     * @throws InvalidAlgorithmParameterException if the transform id is not supported
     */
    public static Initiator initiate(int transformId, SecureRandom random)
            throws InvalidAlgorithmParameterException {
        KeyExchangeMethod method = method(transformId);
        Objects.requireNonNull(random, "random");
        KeyPair keyPair = generateKeyPair(method, random);
        return new Initiator(method, keyPair);
    }

    /**
     * Runs the responder's side on the initiator's Key Exchange Data: checks it, generates the
     * responder's ephemeral key pair or encapsulates, and computes the shared secret.
     *
     * @throws InvalidAlgorithmParameterException if the transform id is not supported
     * @throws InvalidKeyException if the initiator's data has the wrong length or fails the
     *     method's checks
     */
    public static Responder respond(int transformId, byte[] initiatorData, SecureRandom random)
            throws InvalidAlgorithmParameterException, InvalidKeyException {
        KeyExchangeMethod method = method(transformId);
        Objects.requireNonNull(random, "random");
        requireLength(initiatorData, method.initiatorDataLength(), "initiatorData", method);

        if (method.isKem()) {
            PublicKey encapsulationKey = PeerValues.mlKemEncapsulationKey(method, initiatorData);
            try {
                KEM.Encapsulator encapsulator = KEM.getInstance(method.ianaName(), PROVIDER)
                        .newEncapsulator(encapsulationKey, random);
                KEM.Encapsulated encapsulated = encapsulator.encapsulate();
                byte[] secret = takeBytes(encapsulated.key());
                return new Responder(encapsulated.encapsulation(),
                        sharedSecret(secret, method.ianaId()));
            } catch (InvalidKeyException e) {
                // The provider's encapsulator runs the FIPS 203 §7.2 modulus check.
                throw new InvalidKeyException("initiatorData is not a valid " + method.ianaName()
                        + " encapsulation key (FIPS 203 §7.2): " + e.getMessage(), e);
            } catch (GeneralSecurityException e) {
                throw new ProviderException(method.ianaName() + " KEM is not available", e);
            }
        }

        PublicKey peer = PeerValues.dhPublicKey(method, initiatorData);
        KeyPair keyPair = generateKeyPair(method, random);
        SecretKey secret = agree(method, keyPair.getPrivate(), peer);
        return new Responder(encodePublic(method, keyPair.getPublic()), secret);
    }

    /** The initiator's side of one key exchange. */
    public static final class Initiator {

        private final KeyExchangeMethod method;
        private final KeyPair keyPair;

        private Initiator(KeyExchangeMethod method, KeyPair keyPair) {
            this.method = method;
            this.keyPair = keyPair;
        }

        /** Returns the method. */
        public KeyExchangeMethod method() {
            return method;
        }

        /** Returns the initiator's Key Exchange Data: a public value or an ML-KEM ek. */
        public byte[] keyExchangeData() {
            return method.isKem()
                    ? PeerValues.rawEncapsulationKey(method, keyPair.getPublic())
                    : encodePublic(method, keyPair.getPublic());
        }

        /**
         * Completes the exchange with the responder's Key Exchange Data and returns the shared
         * secret.
         *
         * @throws InvalidKeyException if a Diffie-Hellman value has the wrong length or fails
         *     the method's checks
         * @throws DecapsulateException if an ML-KEM ciphertext has the wrong length (FIPS 203
         *     §7.3)
         */
        public SecretKey complete(byte[] responderData)
                throws InvalidKeyException, DecapsulateException {
            if (method.isKem()) {
                if (responderData == null || responderData.length != method.responderDataLength()) {
                    throw new DecapsulateException("responderData must be "
                            + method.responderDataLength() + " bytes, the " + method.ianaName()
                            + " ciphertext length, got "
                            + (responderData == null ? "none" : responderData.length));
                }
                try {
                    SecretKey key = KEM.getInstance(method.ianaName(), PROVIDER)
                            .newDecapsulator(keyPair.getPrivate()).decapsulate(responderData);
                    byte[] secret = takeBytes(key);
                    return sharedSecret(secret, method.ianaId());
                } catch (DecapsulateException e) {
                    throw e;
                } catch (GeneralSecurityException e) {
                    throw new ProviderException(method.ianaName() + " KEM is not available", e);
                }
            }
            requireLength(responderData, method.responderDataLength(), "responderData", method);
            PublicKey peer = PeerValues.dhPublicKey(method, responderData);
            return agree(method, keyPair.getPrivate(), peer);
        }
    }

    /** The responder's side of one key exchange, complete once created. */
    public static final class Responder {

        private final byte[] keyExchangeData;
        private final SecretKey sharedSecret;

        private Responder(byte[] keyExchangeData, SecretKey sharedSecret) {
            this.keyExchangeData = keyExchangeData;
            this.sharedSecret = sharedSecret;
        }

        /** Returns the responder's Key Exchange Data: a public value or an ML-KEM ciphertext. */
        public byte[] keyExchangeData() {
            return keyExchangeData.clone();
        }

        /** Returns the shared secret. */
        public SecretKey sharedSecret() {
            return sharedSecret;
        }
    }

    private static void requireLength(byte[] data, int expected, String field,
            KeyExchangeMethod method) throws InvalidKeyException {
        if (data == null) {
            throw new InvalidKeyException(field + " is missing; expected " + expected
                    + " bytes of " + method.ianaName() + " Key Exchange Data");
        }
        if (data.length != expected) {
            throw new InvalidKeyException(field + " must be " + expected + " bytes for "
                    + method.ianaName() + ", got " + data.length);
        }
    }

    private static KeyPair generateKeyPair(KeyExchangeMethod method, SecureRandom random) {
        try {
            KeyPairGenerator generator;
            switch (method) {
                case MODP_2048 -> {
                    generator = KeyPairGenerator.getInstance("DH");
                    generator.initialize(Modp2048.PARAMETERS, random);
                }
                case ECP_256, ECP_384, ECP_521 -> {
                    generator = KeyPairGenerator.getInstance("EC");
                    generator.initialize(new ECGenParameterSpec(PeerValues.curveName(method)),
                            random);
                }
                case CURVE25519 -> {
                    generator = KeyPairGenerator.getInstance("X25519");
                    generator.initialize(NamedParameterSpec.X25519, random);
                }
                case CURVE448 -> {
                    generator = KeyPairGenerator.getInstance("X448");
                    generator.initialize(NamedParameterSpec.X448, random);
                }
                default -> {
                    generator = KeyPairGenerator.getInstance(method.ianaName(), PROVIDER);
                    generator.initialize(new NamedParameterSpec(method.ianaName()), random);
                }
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new ProviderException(method.ianaName() + " key generation is not available",
                    e);
        }
    }

    /** Encodes a Diffie-Hellman public key as Key Exchange Data. */
    private static byte[] encodePublic(KeyExchangeMethod method, PublicKey key) {
        return switch (method) {
            case MODP_2048 -> PeerValues.bigEndian(((DHPublicKey) key).getY(), 256);
            case ECP_256, ECP_384, ECP_521 -> {
                // x ‖ y, each coordinate padded to the field size (RFC 5903 §7)
                ECPoint w = ((ECPublicKey) key).getW();
                int size = method.sharedSecretLength();
                byte[] out = new byte[2 * size];
                System.arraycopy(PeerValues.bigEndian(w.getAffineX(), size), 0, out, 0, size);
                System.arraycopy(PeerValues.bigEndian(w.getAffineY(), size), 0, out, size, size);
                yield out;
            }
            default -> PeerValues.littleEndian(((XECPublicKey) key).getU(),
                    method.initiatorDataLength());
        };
    }

    /** Runs the JDK key agreement and checks the result. */
    private static SecretKey agree(KeyExchangeMethod method, PrivateKey own, PublicKey peer)
            throws InvalidKeyException {
        String algorithm = switch (method) {
            case MODP_2048 -> "DH";
            case ECP_256, ECP_384, ECP_521 -> "ECDH";
            case CURVE25519 -> "X25519";
            default -> "X448";
        };
        byte[] raw;
        try {
            KeyAgreement agreement = KeyAgreement.getInstance(algorithm);
            agreement.init(own);
            agreement.doPhase(peer, true);
            raw = agreement.generateSecret();
        } catch (InvalidKeyException e) {
            throw new InvalidKeyException("peer " + method.ianaName()
                    + " value rejected by the key agreement: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new ProviderException(algorithm + " key agreement is not available", e);
        }

        // RFC 7296 §2.14 pads g^ir with zeros to the length of the modulus. The JDK already
        // returns the full length, so this padding is a safeguard.
        byte[] secret = raw.length == method.sharedSecretLength()
                ? raw
                : PeerValues.leftPad(raw, method.sharedSecretLength());
        if (secret != raw) {
            Arrays.fill(raw, (byte) 0);
        }

        if (method == KeyExchangeMethod.CURVE25519 || method == KeyExchangeMethod.CURVE448) {
            // RFC 8031 §2.1: reject an all-zero result. The OR runs over every byte so the time
            // does not depend on where a non-zero byte is.
            int any = 0;
            for (byte b : secret) {
                any |= b;
            }
            if (any == 0) {
                throw new InvalidKeyException("peer " + method.ianaName()
                        + " value gives an all-zero shared secret (RFC 8031 §2.1)");
            }
        }
        return sharedSecret(secret, method.ianaId());
    }

    /**
     * Returns the bytes of a KEM shared secret and destroys the key, which this provider's KEMs
     * return as a {@link DestroyableSecretKey}.
     */
    private static byte[] takeBytes(SecretKey key) {
        byte[] bytes = key.getEncoded();
        try {
            key.destroy();
        } catch (DestroyFailedException e) {
            // The KEMs of this provider return DestroyableSecretKey, whose destroy() declares no
            // exception, so this branch is not reached.
            throw new ProviderException("the KEM shared secret could not be destroyed", e);
        }
        return bytes;
    }

    /**
     * Returns {@code secret} as a destroyable key named {@code IKEv2-KE-}<i>id</i>, in the
     * encoding that SKEYSEED and KEYMAT take, and zeroes {@code secret}.
     */
    private static SecretKey sharedSecret(byte[] secret, int transformId) {
        try {
            return new DestroyableSecretKey(secret, "IKEv2-KE-" + transformId);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** Parsing and validation of the peer's public values. */
    static final class PeerValues {

        private PeerValues() {}

        static String curveName(KeyExchangeMethod method) {
            return switch (method) {
                case ECP_256 -> "secp256r1";
                case ECP_384 -> "secp384r1";
                default -> "secp521r1";
            };
        }

        /** Parses and checks a MODP, ECP or XDH public value. */
        static PublicKey dhPublicKey(KeyExchangeMethod method, byte[] data)
                throws InvalidKeyException {
            try {
                return switch (method) {
                    case MODP_2048 -> modpPublicKey(data);
                    case ECP_256, ECP_384, ECP_521 -> ecPublicKey(method, data);
                    case CURVE25519 -> KeyFactory.getInstance("XDH").generatePublic(
                            new XECPublicKeySpec(NamedParameterSpec.X25519, x25519U(data)));
                    default -> KeyFactory.getInstance("XDH").generatePublic(
                            new XECPublicKeySpec(NamedParameterSpec.X448,
                                    new BigInteger(1, reverse(data))));
                };
            } catch (java.security.spec.InvalidKeySpecException e) {
                throw new InvalidKeyException("peer " + method.ianaName() + " value is invalid: "
                        + e.getMessage(), e);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new ProviderException(method.ianaName() + " is not available", e);
            }
        }

        private static PublicKey modpPublicKey(byte[] data)
                throws java.security.spec.InvalidKeySpecException,
                java.security.NoSuchAlgorithmException, InvalidKeyException {
            BigInteger y = new BigInteger(1, data);
            // 1 < y < p - 1 rules out the values of order 1 and 2 of the safe-prime group.
            if (y.compareTo(BigInteger.ONE) <= 0
                    || y.compareTo(Modp2048.P.subtract(BigInteger.ONE)) >= 0) {
                throw new InvalidKeyException(
                        "peer 2048-bit MODP Group value must be in [2, p-2]");
            }
            return KeyFactory.getInstance("DH").generatePublic(
                    new DHPublicKeySpec(y, Modp2048.P, Modp2048.G));
        }

        private static PublicKey ecPublicKey(KeyExchangeMethod method, byte[] data)
                throws java.security.spec.InvalidKeySpecException,
                java.security.NoSuchAlgorithmException, InvalidKeyException {
            ECParameterSpec params = ecParameters(method);
            int size = method.sharedSecretLength();
            BigInteger x = new BigInteger(1, Arrays.copyOfRange(data, 0, size));
            BigInteger y = new BigInteger(1, Arrays.copyOfRange(data, size, 2 * size));

            // RFC 5903 §7 and SP 800-56A §5.6.2.3.4: both coordinates in [0, p-1] and
            // y^2 = x^3 + a*x + b (mod p). The NIST curves have cofactor 1, so a point on the
            // curve other than the point at infinity (which x ‖ y cannot encode) is in the group.
            EllipticCurve curve = params.getCurve();
            BigInteger p = ((java.security.spec.ECFieldFp) curve.getField()).getP();
            if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
                throw new InvalidKeyException("peer " + method.ianaName()
                        + " point has a coordinate not below the field prime");
            }
            BigInteger left = y.multiply(y).mod(p);
            BigInteger right = x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(p);
            if (!left.equals(right)) {
                throw new InvalidKeyException("peer " + method.ianaName()
                        + " point is not on the curve");
            }
            return KeyFactory.getInstance("EC").generatePublic(
                    new ECPublicKeySpec(new ECPoint(x, y), params));
        }

        private static ECParameterSpec ecParameters(KeyExchangeMethod method) {
            try {
                java.security.AlgorithmParameters parameters =
                        java.security.AlgorithmParameters.getInstance("EC");
                parameters.init(new ECGenParameterSpec(curveName(method)));
                return parameters.getParameterSpec(ECParameterSpec.class);
            } catch (GeneralSecurityException e) {
                throw new ProviderException(curveName(method) + " is not available", e);
            }
        }

        /**
         * Decodes an X25519 u-coordinate: little-endian, with the most significant bit of the
         * last byte masked (RFC 7748 §5).
         */
        private static BigInteger x25519U(byte[] data) {
            byte[] copy = data.clone();
            copy[31] &= 0x7f;
            return new BigInteger(1, reverse(copy));
        }

        /** Returns the raw ML-KEM ek (FIPS 203 ByteEncode of t̂ ‖ ρ), not its X.509 encoding. */
        static byte[] rawEncapsulationKey(KeyExchangeMethod method, PublicKey key) {
            try {
                return KeyFactory.getInstance(method.ianaName(), PROVIDER)
                        .getKeySpec(key, java.security.spec.EncodedKeySpec.class).getEncoded();
            } catch (java.security.GeneralSecurityException e) {
                throw new ProviderException("cannot encode the " + method.ianaName() + " encapsulation key", e);
            }
        }

        /** Parses an ML-KEM ek; the provider applies the FIPS 203 §7.2 modulus check. */
        static PublicKey mlKemEncapsulationKey(KeyExchangeMethod method, byte[] data)
                throws InvalidKeyException {
            try {
                return KeyFactory.getInstance(method.ianaName(), PROVIDER)
                        .generatePublic(new RawKeySpec(data));
            } catch (java.security.spec.InvalidKeySpecException e) {
                throw new InvalidKeyException("initiatorData is not a valid " + method.ianaName()
                        + " encapsulation key (FIPS 203 §7.2): " + e.getMessage(), e);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new ProviderException(method.ianaName() + " is not available", e);
            }
        }

        static byte[] bigEndian(BigInteger value, int length) {
            byte[] raw = value.toByteArray();
            if (raw.length == length) {
                return raw;
            }
            if (raw.length == length + 1 && raw[0] == 0) {
                return Arrays.copyOfRange(raw, 1, raw.length);
            }
            return leftPad(raw, length);
        }

        static byte[] littleEndian(BigInteger value, int length) {
            return reverse(bigEndian(value, length));
        }

        static byte[] leftPad(byte[] raw, int length) {
            if (raw.length > length) {
                throw new ProviderException("value of " + raw.length
                        + " bytes does not fit in " + length);
            }
            byte[] out = new byte[length];
            System.arraycopy(raw, 0, out, length - raw.length, raw.length);
            return out;
        }

        private static byte[] reverse(byte[] data) {
            byte[] out = new byte[data.length];
            for (int i = 0; i < data.length; i++) {
                out[i] = data[data.length - 1 - i];
            }
            return out;
        }
    }
}
