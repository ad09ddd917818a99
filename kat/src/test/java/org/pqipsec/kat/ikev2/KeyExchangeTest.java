package org.pqipsec.kat.ikev2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

import javax.crypto.DecapsulateException;
import javax.crypto.SecretKey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pqipsec.provider.ike.IkeKeyExchange;
import org.pqipsec.provider.ike.IkeNonce;
import org.pqipsec.provider.spec.IkePrf;
import org.pqipsec.provider.spec.IkeTransforms;
import org.pqipsec.provider.spec.IkeTransforms.TransformType;
import org.pqipsec.provider.spec.KeyExchangeMethod;

/** The key exchange API for every supported Transform Type 4 id, and its input checks. */
class KeyExchangeTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @ParameterizedTest
    @EnumSource(KeyExchangeMethod.class)
    void bothSidesAgree(KeyExchangeMethod method) throws GeneralSecurityException {
        IkeKeyExchange.Initiator initiator = IkeKeyExchange.initiate(method.ianaId(), RANDOM);
        byte[] initiatorData = initiator.keyExchangeData();
        IkeKeyExchange.Responder responder =
                IkeKeyExchange.respond(method.ianaId(), initiatorData, RANDOM);
        byte[] responderData = responder.keyExchangeData();
        SecretKey initiatorSecret = initiator.complete(responderData);

        assertEquals(method.initiatorDataLength(), initiatorData.length, "initiator KE data");
        assertEquals(method.responderDataLength(), responderData.length, "responder KE data");
        assertEquals(method.sharedSecretLength(), initiatorSecret.getEncoded().length);
        assertArrayEquals(responder.sharedSecret().getEncoded(), initiatorSecret.getEncoded());
        assertEquals("IKEv2-KE-" + method.ianaId(), initiatorSecret.getAlgorithm());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 5, 15, 18, 30, 33, 34, 38, 1024})
    void unknownTransformIdRejected(int id) {
        InvalidAlgorithmParameterException e = assertThrows(
                InvalidAlgorithmParameterException.class,
                () -> IkeKeyExchange.initiate(id, RANDOM));
        assertTrue(e.getMessage().startsWith("transformId " + id + " is not a supported"),
                e.getMessage());
        assertThrows(InvalidAlgorithmParameterException.class,
                () -> IkeKeyExchange.respond(id, new byte[32], RANDOM));
    }

    @ParameterizedTest
    @EnumSource(KeyExchangeMethod.class)
    void wrongLengthRejected(KeyExchangeMethod method) throws GeneralSecurityException {
        byte[] shortData = new byte[method.initiatorDataLength() - 1];
        InvalidKeyException e = assertThrows(InvalidKeyException.class,
                () -> IkeKeyExchange.respond(method.ianaId(), shortData, RANDOM));
        assertEquals("initiatorData must be " + method.initiatorDataLength() + " bytes for "
                + method.ianaName() + ", got " + shortData.length, e.getMessage());

        IkeKeyExchange.Initiator initiator = IkeKeyExchange.initiate(method.ianaId(), RANDOM);
        byte[] longData = new byte[method.responderDataLength() + 1];
        GeneralSecurityException completeError = assertThrows(GeneralSecurityException.class,
                () -> initiator.complete(longData));
        assertEquals(method.isKem() ? DecapsulateException.class : InvalidKeyException.class,
                completeError.getClass());
        assertTrue(completeError.getMessage().startsWith("responderData must be "
                + method.responderDataLength() + " bytes"), completeError.getMessage());
    }

    @Test
    void modpValuesOneAndPMinusOneRejected() throws GeneralSecurityException {
        IkeKeyExchange.Initiator initiator = IkeKeyExchange.initiate(14, RANDOM);
        BigInteger p = new BigInteger(1, reference2048Prime());
        for (BigInteger y : List.of(BigInteger.ZERO, BigInteger.ONE, p.subtract(BigInteger.ONE),
                p, p.add(BigInteger.ONE))) {
            byte[] data = bigEndian(y, 256);
            InvalidKeyException e = assertThrows(InvalidKeyException.class,
                    () -> initiator.complete(data), "y = " + y.toString(16));
            assertEquals("peer 2048-bit MODP Group value must be in [2, p-2]", e.getMessage());
        }
    }

    /** The group's prime from its definition, checked to be a safe prime. */
    @Test
    void modpPrimeIsSafePrime() throws GeneralSecurityException {
        BigInteger p = new BigInteger(1, reference2048Prime());

        assertEquals(2048, p.bitLength());
        assertTrue(p.isProbablePrime(64));
        assertTrue(p.shiftRight(1).isProbablePrime(64));
    }

    @ParameterizedTest
    @ValueSource(ints = {19, 20, 21})
    void ecpPointOffCurveRejected(int id) throws GeneralSecurityException {
        IkeKeyExchange.Initiator initiator = IkeKeyExchange.initiate(id, RANDOM);
        IkeKeyExchange.Initiator other = IkeKeyExchange.initiate(id, RANDOM);
        byte[] point = other.keyExchangeData();
        point[point.length - 1] ^= 1;

        InvalidKeyException e = assertThrows(InvalidKeyException.class,
                () -> initiator.complete(point));
        assertTrue(e.getMessage().endsWith("point is not on the curve"), e.getMessage());

        byte[] coordinateTooLarge = new byte[point.length];
        Arrays.fill(coordinateTooLarge, (byte) 0xff);
        InvalidKeyException large = assertThrows(InvalidKeyException.class,
                () -> initiator.complete(coordinateTooLarge));
        assertTrue(large.getMessage().endsWith("not below the field prime"), large.getMessage());
    }

    /** u = 0 and u = 1 are small-order points whose result is all zeros (RFC 8031 §2.1). */
    @ParameterizedTest
    @ValueSource(ints = {31, 32})
    void xdhSmallOrderPointRejected(int id) throws GeneralSecurityException {
        IkeKeyExchange.Initiator initiator = IkeKeyExchange.initiate(id, RANDOM);
        int length = initiator.method().responderDataLength();
        for (int u = 0; u <= 1; u++) {
            byte[] data = new byte[length];
            data[0] = (byte) u;
            InvalidKeyException e = assertThrows(InvalidKeyException.class,
                    () -> initiator.complete(data), "u = " + u);
            assertTrue(e.getMessage().startsWith("peer Curve"), e.getMessage());
        }
    }

    /** FIPS 203 §7.2: an ek with a coefficient of 3329 or more is rejected. */
    @ParameterizedTest
    @ValueSource(ints = {35, 36, 37})
    void mlKemModulusCheck(int id) throws GeneralSecurityException {
        byte[] ek = IkeKeyExchange.initiate(id, RANDOM).keyExchangeData();
        // The first 12-bit coefficient is the low byte and the low nibble of the second byte.
        ek[0] = (byte) 0xff;
        ek[1] = (byte) (ek[1] | 0x0f);

        assertThrows(InvalidKeyException.class, () -> IkeKeyExchange.respond(id, ek, RANDOM));
    }

    @Test
    void supportedTableListsEveryType() {
        assertEquals(List.of(12, 13, 14, 15, 16, 18, 19, 20, 21, 28),
                IkeTransforms.supportedIds(TransformType.ENCR));
        assertEquals(List.of(2, 4, 5, 6, 7, 8), IkeTransforms.supportedIds(TransformType.PRF));
        assertEquals(List.of(2, 5, 8, 12, 13, 14), IkeTransforms.supportedIds(TransformType.INTEG));
        assertEquals(List.of(14, 19, 20, 21, 31, 32, 35, 36, 37),
                IkeTransforms.supportedIds(TransformType.KE));
        assertEquals("PRF_AES128_CMAC", IkeTransforms.name(TransformType.PRF, 8).orElseThrow());
        assertEquals("ENCR_AES_GCM_16", IkeTransforms.name(TransformType.ENCR, 20).orElseThrow());
        assertEquals("ML-KEM-768", IkeTransforms.name(TransformType.KE, 36).orElseThrow());
        assertEquals(false, IkeTransforms.isSupported(TransformType.ENCR, 3), "ENCR_3DES");
        assertEquals(false, IkeTransforms.isSupported(TransformType.KE, 2), "MODP 1024");
    }

    @Test
    void nonceLengthRules() throws InvalidAlgorithmParameterException {
        IkeNonce.check(new byte[16], "ni", IkePrf.HMAC_SHA2_256);
        IkeNonce.check(new byte[256], "ni", IkePrf.HMAC_SHA2_256);
        IkeNonce.check(new byte[32], "nr", IkePrf.HMAC_SHA2_512);

        InvalidAlgorithmParameterException tooShort = assertThrows(
                InvalidAlgorithmParameterException.class,
                () -> IkeNonce.check(new byte[15], "ni", IkePrf.HMAC_SHA1));
        assertEquals("ni must be 16 to 256 bytes for HMAC_SHA1 (RFC 7296 §2.10, §3.9), got 15",
                tooShort.getMessage());
        InvalidAlgorithmParameterException halfKey = assertThrows(
                InvalidAlgorithmParameterException.class,
                () -> IkeNonce.check(new byte[31], "nr", IkePrf.HMAC_SHA2_512));
        assertTrue(halfKey.getMessage().startsWith("nr must be 32 to 256 bytes"));
        assertThrows(InvalidAlgorithmParameterException.class,
                () -> IkeNonce.check(new byte[257], "ni", IkePrf.AES128_CMAC));
        assertThrows(InvalidAlgorithmParameterException.class,
                () -> IkeNonce.check(null, "ni", IkePrf.AES128_CMAC));
        assertEquals(32, IkeNonce.generate(IkePrf.HMAC_SHA2_512, RANDOM).length);
    }

    /** p = 2^2048 - 2^1984 - 1 + 2^64 * ([2^1918 pi] + 124476), with pi from Machin's formula. */
    private static byte[] reference2048Prime() {
        int precision = 2200;
        BigInteger one = BigInteger.ONE.shiftLeft(precision);
        BigInteger pi = arctanInverse(5, one).multiply(BigInteger.valueOf(16))
                .subtract(arctanInverse(239, one).multiply(BigInteger.valueOf(4)));
        BigInteger floorPi = pi.shiftLeft(1918).shiftRight(precision);
        BigInteger p = BigInteger.ONE.shiftLeft(2048).subtract(BigInteger.ONE.shiftLeft(1984))
                .subtract(BigInteger.ONE)
                .add(BigInteger.ONE.shiftLeft(64)
                        .multiply(floorPi.add(BigInteger.valueOf(124476))));
        return bigEndian(p, 256);
    }

    private static BigInteger arctanInverse(int x, BigInteger one) {
        BigInteger x2 = BigInteger.valueOf((long) x * x);
        BigInteger term = one.divide(BigInteger.valueOf(x));
        BigInteger sum = term;
        int n = 3;
        boolean subtract = true;
        while (term.signum() != 0) {
            term = term.divide(x2);
            BigInteger part = term.divide(BigInteger.valueOf(n));
            sum = subtract ? sum.subtract(part) : sum.add(part);
            subtract = !subtract;
            n += 2;
        }
        return sum;
    }

    private static byte[] bigEndian(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
        return out;
    }
}
