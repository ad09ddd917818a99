package org.pqipsec.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;

import javax.crypto.KEM;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.MLKEMPublicKeyParameters;
import org.bouncycastle.pqc.crypto.util.SecretWithEncapsulationImpl;
import org.bouncycastle.pqc.crypto.xwing.XWingPublicKeyParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pqipsec.provider.PQIPsecProvider;

/**
 * Checks that each peer of {@link HybridKemFamilyBenchmark} computes the same secret as
 * pqipsec's KEM: pqipsec encapsulates to the peer's public key, laid out as the hybrid's wire
 * format, and the peer decapsulates. So the peers measured do the hybrid's work, not a variant.
 */
class ComposedPeerInteropTest {

    /** Placeholder for the sender's secret, which decapsulation does not read. */
    private static final byte[] UNUSED_SECRET = new byte[32];

    /** A public key given to pqipsec in its raw wire encoding. */
    private record RawPublicKey(String algorithm, byte[] encoded) implements PublicKey {

        @Override
        public String getAlgorithm() {
            return algorithm;
        }

        @Override
        public String getFormat() {
            return "RAW";
        }

        @Override
        public byte[] getEncoded() {
            return encoded.clone();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "SecP256r1MLKEM768, secp256r1, ML-KEM-768, 1184",
        "SecP384r1MLKEM1024, secp384r1, ML-KEM-1024, 1568"
    })
    void jdkComposedEcdhMlKemMatchesPqipsec(String hybrid, String curve, String mlKem,
            int encapsulationKeyLength) throws GeneralSecurityException {
        SunEcEcdh ecdh = new SunEcEcdh(curve);
        JcaKem jdkMlKem = new JcaKem(mlKem, Providers.jdk("SunJCE"));
        var composed = new ComposedHybridKem<>(ecdh, jdkMlKem);
        var recipient = composed.generateKeyPair();

        byte[] point = ecdh.encodePoint(((ECPublicKey) recipient.first().getPublic()).getW());
        byte[] encapsulationKey = rawTail(recipient.second().getPublic(), encapsulationKeyLength);
        KEM.Encapsulated sent = encapsulateWithPqipsec(hybrid, concat(point, encapsulationKey));

        byte[] encapsulation = sent.encapsulation();
        byte[] ephemeralPoint = Arrays.copyOfRange(encapsulation, 0, point.length);
        var received = new ComposedHybridKem.Pair<>(
                new SunEcEcdh.Ephemeral(ephemeralPoint, UNUSED_SECRET),
                new KEM.Encapsulated(new SecretKeySpec(UNUSED_SECRET, "Generic"),
                        Arrays.copyOfRange(encapsulation, point.length, encapsulation.length), null));
        assertArrayEquals(sent.key().getEncoded(), composed.decapsulate(recipient, received));
    }

    @ParameterizedTest
    @CsvSource({"SecP256r1MLKEM768, secp256r1, ML-KEM-768", "SecP384r1MLKEM1024, secp384r1, ML-KEM-1024"})
    void bouncyCastleComposedEcdhMlKemMatchesPqipsec(String hybrid, String curve, String mlKem)
            throws GeneralSecurityException {
        SecureRandom random = new SecureRandom();
        var composed = new ComposedHybridKem<>(
                new BouncyCastleEcdh(curve, random), new BouncyCastleMlKem(mlKem, random));
        var recipient = composed.generateKeyPair();

        byte[] point = ((ECPublicKeyParameters) recipient.first().getPublic()).getQ().getEncoded(false);
        byte[] encapsulationKey = ((MLKEMPublicKeyParameters) recipient.second().getPublic()).getEncoded();
        KEM.Encapsulated sent = encapsulateWithPqipsec(hybrid, concat(point, encapsulationKey));

        byte[] encapsulation = sent.encapsulation();
        byte[] ephemeralPoint = Arrays.copyOfRange(encapsulation, 0, point.length);
        var received = new ComposedHybridKem.Pair<BouncyCastleEcdh.Ephemeral, SecretWithEncapsulation>(
                new BouncyCastleEcdh.Ephemeral(ephemeralPoint, UNUSED_SECRET),
                new SecretWithEncapsulationImpl(UNUSED_SECRET,
                        Arrays.copyOfRange(encapsulation, point.length, encapsulation.length)));
        assertArrayEquals(sent.key().getEncoded(), composed.decapsulate(recipient, received));
    }

    @Test
    void jdkComposedXWingMatchesPqipsec() throws GeneralSecurityException {
        JdkComposedXWing xWing = new JdkComposedXWing();
        JdkComposedXWing.KeyPair recipient = xWing.generateKeyPair();

        byte[] pkM = rawTail(recipient.mlKem().getPublic(), 1184);
        KEM.Encapsulated sent = encapsulateWithPqipsec("X-Wing", concat(pkM, recipient.pkX()));

        byte[] encapsulation = sent.encapsulation();
        assertEquals(1120, encapsulation.length);
        var received = new JdkComposedXWing.Encapsulated(
                new KEM.Encapsulated(new SecretKeySpec(UNUSED_SECRET, "Generic"),
                        Arrays.copyOfRange(encapsulation, 0, 1088), null),
                Arrays.copyOfRange(encapsulation, 1088, 1120), UNUSED_SECRET);
        assertArrayEquals(sent.key().getEncoded(), xWing.decapsulate(recipient, received));
    }

    @Test
    void bouncyCastleXWingMatchesPqipsec() throws GeneralSecurityException {
        BouncyCastleXWing xWing = new BouncyCastleXWing(new SecureRandom());
        AsymmetricCipherKeyPair recipient = xWing.generateKeyPair();

        byte[] publicKey = ((XWingPublicKeyParameters) recipient.getPublic()).getEncoded();
        KEM.Encapsulated sent = encapsulateWithPqipsec("X-Wing", publicKey);

        var received = new SecretWithEncapsulationImpl(UNUSED_SECRET, sent.encapsulation());
        assertArrayEquals(sent.key().getEncoded(), xWing.decapsulate(recipient, received));
    }

    private static KEM.Encapsulated encapsulateWithPqipsec(String hybrid, byte[] publicKey)
            throws GeneralSecurityException {
        return KEM.getInstance(hybrid, new PQIPsecProvider())
                .newEncapsulator(new RawPublicKey(hybrid, publicKey))
                .encapsulate();
    }

    /** Returns the raw key at the end of a JDK X.509 encoding: the content of its BIT STRING. */
    private static byte[] rawTail(PublicKey key, int length) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - length, encoded.length);
    }

    private static byte[] concat(byte[] head, byte[] tail) {
        byte[] joined = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, joined, head.length, tail.length);
        return joined;
    }
}
