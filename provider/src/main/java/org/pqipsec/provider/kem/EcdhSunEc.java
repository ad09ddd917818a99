package org.pqipsec.provider.kem;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.ProviderException;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EllipticCurve;
import java.util.Arrays;

import javax.crypto.KeyAgreement;

/**
 * ECDH on a NIST prime curve for the ECDHE-MLKEM hybrids, with the arithmetic of the JDK's
 * SunEC provider ({@code KeyPairGenerator}, {@code KeyFactory} and {@code KeyAgreement} named
 * {@code "EC"} and {@code "ECDH"}) and the point checks of SEC 1 §3.2.3.1 done here, so that
 * every rejected share gets a message naming the failed check.
 *
 * <p>Points are public, so their checks use {@link BigInteger}.
 * NOTE: the JCA key specs carry the private scalar as a {@link BigInteger}, whose conversions
 * and the range check of {@link #isValidScalar} take time that depends on the scalar's value.
 * SunEC's EC private keys (JDK 25) throw {@code DestroyFailedException} on {@code destroy()}, so
 * the ephemeral keys and the decapsulator's key stay in memory until they are collected.
 */
final class EcdhSunEc {

    private final EcdhMlKemParameters parameters;
    private final ECParameterSpec spec;
    private final BigInteger p;

    EcdhSunEc(EcdhMlKemParameters parameters) {
        this.parameters = parameters;
        try {
            AlgorithmParameters algorithmParameters = AlgorithmParameters.getInstance("EC");
            algorithmParameters.init(new ECGenParameterSpec(parameters.curve()));
            this.spec = algorithmParameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new ProviderException("the JDK offers no EC parameters for "
                    + parameters.curve(), e);
        }
        this.p = ((ECFieldFp) spec.getCurve().getField()).getP();
    }

    /**
     * Decodes and checks an uncompressed point 04 ‖ x ‖ y at {@code offset} (SEC 1 §2.3.4 and
     * the partial public key validation of SEC 1 §3.2.3.1): the prefix is 04, x and y are below
     * p, and (x, y) is on the curve. On a prime-order curve like P-256 and P-384 that makes it a
     * point of the group other than the point at infinity, which has no uncompressed encoding.
     *
     * @return null if the point is valid, or else the reason it is not
     */
    String checkPoint(byte[] encoded, int offset) {
        int f = parameters.fieldLength();
        byte prefix = encoded[offset];
        if (prefix == 0x00) {
            return "is the point at infinity (prefix 00)";
        }
        if (prefix == 0x02 || prefix == 0x03) {
            return "is in compressed form (prefix 0" + prefix + "), but the uncompressed form"
                    + " 04 ‖ x ‖ y is required";
        }
        if (prefix != 0x04) {
            return "has the invalid prefix " + String.format("%02x", prefix & 0xff)
                    + ", but the uncompressed form 04 ‖ x ‖ y is required";
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(encoded, offset + 1, offset + 1 + f));
        BigInteger y = new BigInteger(1,
                Arrays.copyOfRange(encoded, offset + 1 + f, offset + 1 + 2 * f));
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return "has a coordinate that is not below the field prime p";
        }
        EllipticCurve curve = spec.getCurve();
        BigInteger left = y.multiply(y).mod(p);
        BigInteger right = x.multiply(x).add(curve.getA()).multiply(x).add(curve.getB()).mod(p);
        if (!left.equals(right)) {
            return "is not on the curve " + parameters.curve();
        }
        return null;
    }

    /**
     * Returns the public key of a point that passed {@link #checkPoint}.
     *
     * @throws InvalidKeyException if SunEC rejects the point
     */
    ECPublicKey publicKey(byte[] encoded, int offset) throws InvalidKeyException {
        int f = parameters.fieldLength();
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(encoded, offset + 1, offset + 1 + f));
        BigInteger y = new BigInteger(1,
                Arrays.copyOfRange(encoded, offset + 1 + f, offset + 1 + 2 * f));
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC")
                    .generatePublic(new ECPublicKeySpec(new ECPoint(x, y), spec));
        } catch (GeneralSecurityException e) {
            throw new InvalidKeyException(parameters.algorithm() + " ECDH public point was"
                    + " rejected by SunEC: " + e.getMessage(), e);
        }
    }

    /** Returns whether a big-endian scalar of F bytes is in [1, n - 1]. */
    boolean isValidScalar(byte[] encoded, int offset) {
        BigInteger s = new BigInteger(1,
                Arrays.copyOfRange(encoded, offset, offset + parameters.fieldLength()));
        return s.signum() > 0 && s.compareTo(spec.getOrder()) < 0;
    }

    /** Returns the private key of the F-byte big-endian scalar at {@code offset}, in [1, n - 1]. */
    ECPrivateKey privateKey(byte[] encoded, int offset) {
        byte[] scalar = Arrays.copyOfRange(encoded, offset, offset + parameters.fieldLength());
        try {
            return (ECPrivateKey) KeyFactory.getInstance("EC")
                    .generatePrivate(new ECPrivateKeySpec(new BigInteger(1, scalar), spec));
        } catch (GeneralSecurityException e) {
            throw new ProviderException("SunEC rejected a " + parameters.curve() + " scalar", e);
        } finally {
            Arrays.fill(scalar, (byte) 0);
        }
    }

    /** Generates an ECDH key pair with SunEC, which draws the scalar from {@code random}. */
    KeyPair generateKeyPair(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(parameters.curve()), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new ProviderException("SunEC cannot generate " + parameters.curve() + " keys", e);
        }
    }

    /** Writes the scalar of {@code key} big-endian to F bytes at {@code offset}. */
    void writeScalar(ECPrivateKey key, byte[] output, int offset) {
        writeFieldElement(key.getS(), output, offset);
    }

    /** Writes {@code key}'s point as 04 ‖ x ‖ y to P bytes at {@code offset}. */
    void writePoint(ECPublicKey key, byte[] output, int offset) {
        int f = parameters.fieldLength();
        output[offset] = 0x04;
        writeFieldElement(key.getW().getAffineX(), output, offset + 1);
        writeFieldElement(key.getW().getAffineY(), output, offset + 1 + f);
    }

    /** Computes the ECDH shared secret (the x-coordinate, F bytes) into {@code output}. */
    void agree(ECPrivateKey privateKey, ECPublicKey publicKey, byte[] output, int offset)
            throws InvalidKeyException {
        byte[] shared = null;
        try {
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
            agreement.init(privateKey);
            agreement.doPhase(publicKey, true);
            shared = agreement.generateSecret();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new ProviderException("the JDK offers no ECDH KeyAgreement", e);
        }
        try {
            if (shared.length != parameters.fieldLength()) {
                throw new ProviderException("SunEC ECDH returned " + shared.length
                        + " bytes, expected " + parameters.fieldLength());
            }
            System.arraycopy(shared, 0, output, offset, shared.length);
        } finally {
            Arrays.fill(shared, (byte) 0);
        }
    }

    private void writeFieldElement(BigInteger value, byte[] output, int offset) {
        int f = parameters.fieldLength();
        byte[] bytes = value.toByteArray();
        try {
            // toByteArray() is minimal and may carry one leading sign byte, so copy the low F
            // bytes right-aligned.
            int length = Math.min(bytes.length, f);
            Arrays.fill(output, offset, offset + f, (byte) 0);
            System.arraycopy(bytes, bytes.length - length, output, offset + f - length, length);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
