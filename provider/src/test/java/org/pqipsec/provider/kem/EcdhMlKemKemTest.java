package org.pqipsec.provider.kem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pqipsec.provider.kem.KemTestSupport.PROVIDER;
import static org.pqipsec.provider.kem.KemTestSupport.concat;
import static org.pqipsec.provider.kem.KemTestSupport.hex;
import static org.pqipsec.provider.kem.KemTestSupport.randomBytes;

import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;

import javax.crypto.DecapsulateException;
import javax.crypto.KEM;
import javax.crypto.SecretKey;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.kems.MLKEMGenerator;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLKEMPublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SecP256r1MLKEM768 and SecP384r1MLKEM1024 through the JCA, with BouncyCastle's P-256/P-384
 * arithmetic and ML-KEM as the independent implementation of each part.
 */
class EcdhMlKemKemTest {

    /** Sizes from draft-ietf-tls-ecdhe-mlkem-01 §3.1 and FIPS 203 Table 3, per hybrid. */
    enum Hybrid {
        P256("SecP256r1MLKEM768", "secp256r1", MLKEMParameters.ml_kem_768, 32, 1184, 1088),
        P384("SecP384r1MLKEM1024", "secp384r1", MLKEMParameters.ml_kem_1024, 48, 1568, 1568);

        final String algorithm;
        final X9ECParameters curve;
        final MLKEMParameters mlKem;
        final int fieldLength;
        final int pointLength;
        final int ekLength;
        final int ciphertextLength;

        Hybrid(String algorithm, String curve, MLKEMParameters mlKem, int fieldLength,
                int ekLength, int ciphertextLength) {
            this.algorithm = algorithm;
            this.curve = CustomNamedCurves.getByName(curve);
            this.mlKem = mlKem;
            this.fieldLength = fieldLength;
            this.pointLength = 1 + 2 * fieldLength;
            this.ekLength = ekLength;
            this.ciphertextLength = ciphertextLength;
        }

        int publicKeyLength() {
            return pointLength + ekLength;
        }

        int encapsulationLength() {
            return pointLength + ciphertextLength;
        }

        int privateKeyLength() {
            return 64 + fieldLength;
        }
    }

    private final SecureRandom random = new SecureRandom();

    private static KEM kem(Hybrid hybrid) throws Exception {
        return KEM.getInstance(hybrid.algorithm, PROVIDER);
    }

    private static KeyFactory keyFactory(Hybrid hybrid) throws Exception {
        return KeyFactory.getInstance(hybrid.algorithm, PROVIDER);
    }

    private KeyPair generateKeyPair(Hybrid hybrid) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(hybrid.algorithm, PROVIDER);
        generator.initialize(new NamedParameterSpec(hybrid.algorithm), random);
        return generator.generateKeyPair();
    }

    private BigInteger bcScalar(Hybrid hybrid) {
        return BigIntegers.createRandomInRange(BigInteger.ONE,
                hybrid.curve.getN().subtract(BigInteger.ONE), random);
    }

    private static byte[] bcPoint(ECPoint point) {
        return point.normalize().getEncoded(false);
    }

    private static byte[] bcEcdh(Hybrid hybrid, BigInteger scalar, byte[] encodedPoint) {
        ECPoint shared = hybrid.curve.getCurve().decodePoint(encodedPoint).multiply(scalar)
                .normalize();
        return BigIntegers.asUnsignedByteArray(hybrid.fieldLength,
                shared.getAffineXCoord().toBigInteger());
    }

    @ParameterizedTest
    @EnumSource(Hybrid.class)
    void roundTripSizes(Hybrid hybrid) throws Exception {
        KeyPair keyPair = generateKeyPair(hybrid);
        KEM.Encapsulator encapsulator = kem(hybrid).newEncapsulator(keyPair.getPublic(), random);
        KEM.Encapsulated server = encapsulator.encapsulate();
        SecretKey secret = kem(hybrid).newDecapsulator(keyPair.getPrivate())
                .decapsulate(server.encapsulation());

        assertEquals(hybrid.publicKeyLength(), keyPair.getPublic().getEncoded().length);
        assertEquals(hybrid.privateKeyLength(), keyPair.getPrivate().getEncoded().length);
        assertEquals("RAW", keyPair.getPublic().getFormat());
        assertEquals(hybrid.encapsulationLength(), server.encapsulation().length);
        assertEquals(hybrid.encapsulationLength(), encapsulator.encapsulationSize());
        assertEquals(hybrid.fieldLength + 32, encapsulator.secretSize());
        assertArrayEquals(server.key().getEncoded(), secret.getEncoded());
    }

    @ParameterizedTest
    @EnumSource(Hybrid.class)
    void keyPairLayoutMatchesBouncyCastle(Hybrid hybrid) throws Exception {
        KeyPair keyPair = generateKeyPair(hybrid);
        byte[] privateKey = keyPair.getPrivate().getEncoded();
        byte[] seed = Arrays.copyOfRange(privateKey, 0, 64);
        BigInteger scalar = new BigInteger(1, Arrays.copyOfRange(privateKey, 64,
                privateKey.length));

        byte[] point = bcPoint(hybrid.curve.getG().multiply(scalar));
        byte[] ek = new MLKEMPrivateKeyParameters(hybrid.mlKem, seed).getPublicKey();

        assertEquals(hex(concat(point, ek)), hex(keyPair.getPublic().getEncoded()));
    }

    @ParameterizedTest
    @EnumSource(Hybrid.class)
    void bouncyCastleEncapsulatesToOurKey(Hybrid hybrid) throws Exception {
        KeyPair keyPair = generateKeyPair(hybrid);
        byte[] clientShare = keyPair.getPublic().getEncoded();
        byte[] point = Arrays.copyOfRange(clientShare, 0, hybrid.pointLength);
        byte[] ek = Arrays.copyOfRange(clientShare, hybrid.pointLength, clientShare.length);

        BigInteger r = bcScalar(hybrid);
        byte[] ephemeral = bcPoint(hybrid.curve.getG().multiply(r));
        SecretWithEncapsulation mlKem = new MLKEMGenerator(random).generateEncapsulated(
                new MLKEMPublicKeyParameters(hybrid.mlKem, ek));
        byte[] serverShare = concat(ephemeral, mlKem.getEncapsulation());

        SecretKey secret = kem(hybrid).newDecapsulator(keyPair.getPrivate())
                .decapsulate(serverShare);

        assertEquals(hex(concat(bcEcdh(hybrid, r, point), mlKem.getSecret())),
                hex(secret.getEncoded()));
    }

    @ParameterizedTest
    @EnumSource(Hybrid.class)
    void weEncapsulateToBouncyCastleKey(Hybrid hybrid) throws Exception {
        byte[] seed = randomBytes(random, 64);
        MLKEMPrivateKeyParameters mlKemKey = new MLKEMPrivateKeyParameters(hybrid.mlKem, seed);
        BigInteger s = bcScalar(hybrid);
        byte[] clientShare = concat(bcPoint(hybrid.curve.getG().multiply(s)),
                mlKemKey.getPublicKey());
        byte[] privateKey = concat(seed, BigIntegers.asUnsignedByteArray(hybrid.fieldLength, s));

        PublicKey publicKey = keyFactory(hybrid).generatePublic(
                new org.pqipsec.provider.spec.RawKeySpec(clientShare));
        KEM.Encapsulated server = kem(hybrid).newEncapsulator(publicKey, random).encapsulate();
        byte[] serverShare = server.encapsulation();

        byte[] ecdh = bcEcdh(hybrid, s, Arrays.copyOfRange(serverShare, 0, hybrid.pointLength));
        byte[] k = new MLKEMExtractor(mlKemKey).extractSecret(
                Arrays.copyOfRange(serverShare, hybrid.pointLength, serverShare.length));
        assertEquals(hex(concat(ecdh, k)), hex(server.key().getEncoded()));

        PrivateKey ours = keyFactory(hybrid).generatePrivate(
                new org.pqipsec.provider.spec.RawKeySpec(privateKey));
        assertArrayEquals(server.key().getEncoded(),
                kem(hybrid).newDecapsulator(ours).decapsulate(serverShare).getEncoded());
    }

    @ParameterizedTest
    @EnumSource(Hybrid.class)
    void wrongLengthsRejected(Hybrid hybrid) throws Exception {
        KeyPair keyPair = generateKeyPair(hybrid);
        byte[] clientShare = keyPair.getPublic().getEncoded();
        byte[] privateKey = keyPair.getPrivate().getEncoded();
        KEM.Decapsulator decapsulator = kem(hybrid).newDecapsulator(keyPair.getPrivate());

        for (int length : new int[] {0, hybrid.pointLength, hybrid.publicKeyLength() - 1,
                hybrid.publicKeyLength() + 1}) {
            byte[] resized = KemTestSupport.resized(clientShare, length);
            InvalidKeySpecException spec = assertThrows(InvalidKeySpecException.class,
                    () -> keyFactory(hybrid).generatePublic(
                            new org.pqipsec.provider.spec.RawKeySpec(resized)));
            assertTrue(spec.getMessage().contains(
                    "must be " + hybrid.publicKeyLength() + " bytes"), spec.getMessage());

            InvalidKeyException key = assertThrows(InvalidKeyException.class,
                    () -> kem(hybrid).newEncapsulator(
                            new KemTestSupport.ForeignPublicKey(hybrid.algorithm, resized)));
            assertTrue(key.getMessage().contains(
                    "must be " + hybrid.publicKeyLength() + " bytes"), key.getMessage());
        }

        for (int length : new int[] {0, 64, hybrid.privateKeyLength() - 1,
                hybrid.privateKeyLength() + 1}) {
            byte[] resized = KemTestSupport.resized(privateKey, length);
            InvalidKeySpecException spec = assertThrows(InvalidKeySpecException.class,
                    () -> keyFactory(hybrid).generatePrivate(
                            new org.pqipsec.provider.spec.RawKeySpec(resized)));
            assertTrue(spec.getMessage().contains(
                    "must be " + hybrid.privateKeyLength() + " bytes"), spec.getMessage());
        }

        for (int length : new int[] {0, hybrid.pointLength, hybrid.encapsulationLength() - 1,
                hybrid.encapsulationLength() + 1}) {
            DecapsulateException e = assertThrows(DecapsulateException.class,
                    () -> decapsulator.decapsulate(new byte[length]));
            assertTrue(e.getMessage().contains(
                    "must be " + hybrid.encapsulationLength() + " bytes"), e.getMessage());
        }
    }

    /** Replaces the point at the start of {@code share} with one of the invalid encodings. */
    private static byte[][] invalidPoints(Hybrid hybrid, byte[] share) {
        int f = hybrid.fieldLength;
        byte[] notOnCurve = share.clone();
        notOnCurve[hybrid.pointLength - 1] ^= 1;

        byte[] infinity = share.clone();
        Arrays.fill(infinity, 0, hybrid.pointLength, (byte) 0);

        byte[] compressed = share.clone();
        compressed[0] = 0x02;

        byte[] xAboveP = share.clone();
        Arrays.fill(xAboveP, 1, 1 + f, (byte) 0xff);

        byte[] badPrefix = share.clone();
        badPrefix[0] = 0x05;
        return new byte[][] {notOnCurve, infinity, compressed, xAboveP, badPrefix};
    }

    private static final String[] POINT_PROBLEMS = {
        "is not on the curve", "point at infinity", "compressed form", "not below the field prime",
        "invalid prefix 05"
    };

    @ParameterizedTest
    @EnumSource(Hybrid.class)
    void invalidClientPointsRejected(Hybrid hybrid) throws Exception {
        byte[][] shares = invalidPoints(hybrid, generateKeyPair(hybrid).getPublic().getEncoded());

        for (int i = 0; i < shares.length; i++) {
            byte[] share = shares[i];
            InvalidKeySpecException spec = assertThrows(InvalidKeySpecException.class,
                    () -> keyFactory(hybrid).generatePublic(
                            new org.pqipsec.provider.spec.RawKeySpec(share)));
            assertTrue(spec.getMessage().contains(POINT_PROBLEMS[i]), spec.getMessage());

            InvalidKeyException key = assertThrows(InvalidKeyException.class,
                    () -> kem(hybrid).newEncapsulator(
                            new KemTestSupport.ForeignPublicKey(hybrid.algorithm, share)));
            assertTrue(key.getMessage().contains(POINT_PROBLEMS[i]), key.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(Hybrid.class)
    void invalidServerPointsRejected(Hybrid hybrid) throws Exception {
        KeyPair keyPair = generateKeyPair(hybrid);
        byte[] serverShare = kem(hybrid).newEncapsulator(keyPair.getPublic(), random)
                .encapsulate().encapsulation();
        KEM.Decapsulator decapsulator = kem(hybrid).newDecapsulator(keyPair.getPrivate());
        byte[][] shares = invalidPoints(hybrid, serverShare);

        for (int i = 0; i < shares.length; i++) {
            byte[] share = shares[i];
            DecapsulateException e = assertThrows(DecapsulateException.class,
                    () -> decapsulator.decapsulate(share));
            assertTrue(e.getMessage().contains(POINT_PROBLEMS[i]), e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(Hybrid.class)
    void encapsulationKeyAboveModulusRejected(Hybrid hybrid) throws Exception {
        byte[] clientShare = generateKeyPair(hybrid).getPublic().getEncoded();
        clientShare[hybrid.pointLength] = (byte) 0xff;
        clientShare[hybrid.pointLength + 1] |= 0x0f;

        InvalidKeyException e = assertThrows(InvalidKeyException.class,
                () -> kem(hybrid).newEncapsulator(
                        new KemTestSupport.ForeignPublicKey(hybrid.algorithm, clientShare)));

        assertTrue(e.getMessage().contains("FIPS 203 §7.2"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Hybrid.class)
    void scalarOutOfRangeRejected(Hybrid hybrid) throws Exception {
        byte[] privateKey = generateKeyPair(hybrid).getPrivate().getEncoded();
        byte[] zero = privateKey.clone();
        Arrays.fill(zero, 64, zero.length, (byte) 0);
        byte[] order = concat(Arrays.copyOf(privateKey, 64),
                BigIntegers.asUnsignedByteArray(hybrid.fieldLength, hybrid.curve.getN()));

        for (byte[] invalid : new byte[][] {zero, order}) {
            InvalidKeySpecException spec = assertThrows(InvalidKeySpecException.class,
                    () -> keyFactory(hybrid).generatePrivate(
                            new org.pqipsec.provider.spec.RawKeySpec(invalid)));
            assertTrue(spec.getMessage().contains("not in [1, n - 1]"), spec.getMessage());

            InvalidKeyException key = assertThrows(InvalidKeyException.class,
                    () -> kem(hybrid).newDecapsulator(
                            new KemTestSupport.ForeignPrivateKey(hybrid.algorithm, invalid)));
            assertTrue(key.getMessage().contains("not in [1, n - 1]"), key.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(Hybrid.class)
    void keySpecRoundTrip(Hybrid hybrid) throws Exception {
        KeyPair keyPair = generateKeyPair(hybrid);
        KeyFactory factory = keyFactory(hybrid);

        java.security.spec.EncodedKeySpec publicSpec = factory.getKeySpec(keyPair.getPublic(),
                java.security.spec.EncodedKeySpec.class);
        java.security.spec.EncodedKeySpec privateSpec = factory.getKeySpec(keyPair.getPrivate(),
                java.security.spec.EncodedKeySpec.class);

        assertEquals("RAW", publicSpec.getFormat());
        assertEquals(keyPair.getPublic(), factory.generatePublic(publicSpec));
        assertArrayEquals(keyPair.getPrivate().getEncoded(),
                factory.generatePrivate(privateSpec).getEncoded());
    }

    @ParameterizedTest
    @EnumSource(Hybrid.class)
    void destroyedKeyRejected(Hybrid hybrid) throws Exception {
        PrivateKey privateKey = generateKeyPair(hybrid).getPrivate();
        privateKey.destroy();

        assertTrue(privateKey.isDestroyed());
        InvalidKeyException e = assertThrows(InvalidKeyException.class,
                () -> kem(hybrid).newDecapsulator(privateKey));
        assertTrue(e.getMessage().contains("destroyed"), e.getMessage());
        assertFalse(privateKey.toString().isEmpty());
    }
}
