package org.pqipsec.benchmarks;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;

import javax.crypto.KeyAgreement;

/**
 * ECDH on secp256r1 or secp384r1 used as a KEM through SunEC's {@code KeyPairGenerator "EC"},
 * {@code KeyFactory "EC"} and {@code KeyAgreement "ECDH"}, as the ECDH half of the
 * draft-ietf-tls-ecdhe-mlkem hybrids does it. The sender generates an ephemeral key pair,
 * encodes its point uncompressed (SEC 1 §2.3.3: 04 ‖ x ‖ y) as the encapsulation and agrees
 * with the recipient's public key. The recipient decodes that point into a public key and
 * agrees. The secret is the x-coordinate of the shared point, F bytes.
 *
 * <p>The recipient's public key stays a key object, so its encoding and decoding are left out.
 * Point validation is left to SunEC's {@code KeyAgreement}, while pqipsec also runs its own
 * on-curve check of each point.
 */
final class SunEcEcdh implements KemCandidate<KeyPair, SunEcEcdh.Ephemeral> {

    /** The sender's output: its uncompressed ephemeral point and the shared secret it computed. */
    record Ephemeral(byte[] point, byte[] secret) {}

    private final KeyPairGenerator generator;
    private final KeyFactory keyFactory;
    private final KeyAgreement agreement;
    private final ECParameterSpec domain;
    private final int fieldLength;

    /**
     * @param curve {@code secp256r1} or {@code secp384r1}
     */
    SunEcEcdh(String curve) throws GeneralSecurityException {
        generator = KeyPairGenerator.getInstance("EC", Providers.jdk("SunEC"));
        generator.initialize(new ECGenParameterSpec(curve));
        keyFactory = KeyFactory.getInstance("EC", Providers.jdk("SunEC"));
        agreement = KeyAgreement.getInstance("ECDH", Providers.jdk("SunEC"));
        domain = ((ECPublicKey) generator.generateKeyPair().getPublic()).getParams();
        fieldLength = (domain.getCurve().getField().getFieldSize() + 7) / 8;
    }

    @Override
    public KeyPair generateKeyPair() {
        return generator.generateKeyPair();
    }

    @Override
    public Ephemeral encapsulate(KeyPair recipient) throws GeneralSecurityException {
        KeyPair ephemeral = generator.generateKeyPair();
        byte[] point = encodePoint(((ECPublicKey) ephemeral.getPublic()).getW());
        agreement.init(ephemeral.getPrivate());
        agreement.doPhase(recipient.getPublic(), true);
        return new Ephemeral(point, agreement.generateSecret());
    }

    @Override
    public byte[] decapsulate(KeyPair recipient, Ephemeral encapsulated) throws GeneralSecurityException {
        ECPublicKey peer = (ECPublicKey) keyFactory.generatePublic(
                new ECPublicKeySpec(decodePoint(encapsulated.point()), domain));
        agreement.init(recipient.getPrivate());
        agreement.doPhase(peer, true);
        return agreement.generateSecret();
    }

    @Override
    public byte[] senderSecret(Ephemeral encapsulated) {
        return encapsulated.secret();
    }

    /** Encodes {@code point} as 04 ‖ x ‖ y with x and y big-endian in F bytes each. */
    byte[] encodePoint(ECPoint point) {
        byte[] encoded = new byte[1 + 2 * fieldLength];
        encoded[0] = 0x04;
        writeFieldElement(point.getAffineX(), encoded, 1);
        writeFieldElement(point.getAffineY(), encoded, 1 + fieldLength);
        return encoded;
    }

    /**
     * Decodes 04 ‖ x ‖ y. The encoding comes from {@link #encodePoint}, so only its length and
     * prefix are checked here.
     */
    private ECPoint decodePoint(byte[] encoded) {
        if (encoded.length != 1 + 2 * fieldLength || encoded[0] != 0x04) {
            throw new IllegalArgumentException("invalid uncompressed point: expected "
                    + (1 + 2 * fieldLength) + " bytes starting with 04, got " + encoded.length + " bytes");
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(encoded, 1, 1 + fieldLength));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(encoded, 1 + fieldLength, encoded.length));
        return new ECPoint(x, y);
    }

    private void writeFieldElement(BigInteger value, byte[] output, int offset) {
        byte[] bytes = value.toByteArray();
        // toByteArray() is minimal and may start with a sign byte, so copy the low F bytes
        // right-aligned.
        int length = Math.min(bytes.length, fieldLength);
        System.arraycopy(bytes, bytes.length - length, output, offset + fieldLength - length, length);
    }
}
