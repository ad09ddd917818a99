package org.pqipsec.benchmarks;

import java.math.BigInteger;
import java.security.SecureRandom;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.util.BigIntegers;

/**
 * ECDH on secp256r1 or secp384r1 used as a KEM through BouncyCastle's lightweight
 * {@link ECKeyPairGenerator} and {@link ECDHBasicAgreement}, on the curve classes of
 * {@link CustomNamedCurves}, BouncyCastle's specialized field arithmetic for these curves. The
 * sender encodes its ephemeral point uncompressed (04 ‖ x ‖ y) as the encapsulation, and the
 * recipient decodes it with the curve's {@code decodePoint}, which checks that the point is on
 * the curve. The secret is the
 * x-coordinate of the shared point, F bytes big-endian.
 *
 * <p>{@link ECDHBasicAgreement} is used over a raw point multiplication because it also checks
 * the peer's point and rejects the point at infinity as the result, as the hybrid KEM does. The
 * recipient's public key stays a parameter object, so its encoding and decoding are left out.
 */
final class BouncyCastleEcdh
        implements KemCandidate<AsymmetricCipherKeyPair, BouncyCastleEcdh.Ephemeral> {

    /** The sender's output: its uncompressed ephemeral point and the shared secret it computed. */
    record Ephemeral(byte[] point, byte[] secret) {}

    private final ECDomainParameters domain;
    private final ECKeyPairGenerator generator = new ECKeyPairGenerator();
    private final ECDHBasicAgreement agreement = new ECDHBasicAgreement();
    private final int fieldLength;

    /**
     * @param curve {@code secp256r1} or {@code secp384r1}
     */
    BouncyCastleEcdh(String curve, SecureRandom random) {
        X9ECParameters parameters = CustomNamedCurves.getByName(curve);
        if (parameters == null) {
            throw new IllegalArgumentException("BouncyCastle has no custom curve named " + curve);
        }
        domain = new ECDomainParameters(parameters);
        generator.init(new ECKeyGenerationParameters(domain, random));
        fieldLength = (domain.getCurve().getFieldSize() + 7) / 8;
    }

    @Override
    public AsymmetricCipherKeyPair generateKeyPair() {
        return generator.generateKeyPair();
    }

    @Override
    public Ephemeral encapsulate(AsymmetricCipherKeyPair recipient) {
        AsymmetricCipherKeyPair ephemeral = generator.generateKeyPair();
        byte[] point = ((ECPublicKeyParameters) ephemeral.getPublic()).getQ().getEncoded(false);
        return new Ephemeral(point, agree(ephemeral, (ECPublicKeyParameters) recipient.getPublic()));
    }

    @Override
    public byte[] decapsulate(AsymmetricCipherKeyPair recipient, Ephemeral encapsulated) {
        ECPublicKeyParameters peer = new ECPublicKeyParameters(
                domain.getCurve().decodePoint(encapsulated.point()), domain);
        return agree(recipient, peer);
    }

    @Override
    public byte[] senderSecret(Ephemeral encapsulated) {
        return encapsulated.secret();
    }

    private byte[] agree(AsymmetricCipherKeyPair own, ECPublicKeyParameters peer) {
        agreement.init((ECPrivateKeyParameters) own.getPrivate());
        BigInteger x = agreement.calculateAgreement(peer);
        return BigIntegers.asUnsignedByteArray(fieldLength, x);
    }
}
