package org.pqipsec.provider.kem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pqipsec.provider.kem.KemTestSupport.PROVIDER;
import static org.pqipsec.provider.kem.KemTestSupport.fixedRandom;
import static org.pqipsec.provider.kem.KemTestSupport.hex;
import static org.pqipsec.provider.kem.KemTestSupport.randomBytes;

import java.math.BigInteger;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.InvalidParameterException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.XECPrivateKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.EncodedKeySpec;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.crypto.DecapsulateException;
import javax.crypto.KEM;
import javax.crypto.SecretKey;

import org.bouncycastle.math.ec.rfc7748.X25519;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pqipsec.provider.spec.RawKeySpec;

class X25519KemTest {

    // RFC 7748 §6.1 test values.
    private static final byte[] ALICE_PRIVATE =
            hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
    private static final byte[] ALICE_PUBLIC =
            hex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
    private static final byte[] BOB_PRIVATE =
            hex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
    private static final byte[] BOB_PUBLIC =
            hex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
    private static final byte[] SHARED_SECRET =
            hex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");

    private final SecureRandom random = new SecureRandom();

    private static KEM kem() throws Exception {
        return KEM.getInstance("X25519", PROVIDER);
    }

    private static KeyFactory keyFactory() throws Exception {
        return KeyFactory.getInstance("X25519", PROVIDER);
    }

    private static PublicKey publicKey(byte[] u) throws Exception {
        return keyFactory().generatePublic(new RawKeySpec(u));
    }

    private static PrivateKey privateKey(byte[] k) throws Exception {
        return keyFactory().generatePrivate(new RawKeySpec(k));
    }

    private static byte[] raw(java.security.Key key) throws Exception {
        return keyFactory().getKeySpec(key, EncodedKeySpec.class).getEncoded();
    }

    private KeyPair generateKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("X25519", PROVIDER);
        generator.initialize(NamedParameterSpec.X25519, random);
        return generator.generateKeyPair();
    }

    @Test
    void keyPairGeneratorRfc7748Alice() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("X25519", PROVIDER);
        KemTestSupport.FixedRandom fixed = fixedRandom(ALICE_PRIVATE);
        generator.initialize(NamedParameterSpec.X25519, fixed);

        KeyPair keyPair = generator.generateKeyPair();

        assertEquals(0, fixed.remaining());
        assertTrue(keyPair.getPublic() instanceof XECPublicKey);
        assertTrue(keyPair.getPrivate() instanceof XECPrivateKey);
        assertEquals(hex(ALICE_PUBLIC), hex(raw(keyPair.getPublic())));
        assertEquals(hex(ALICE_PRIVATE), hex(raw(keyPair.getPrivate())));
    }

    @Test
    void encapsulateRfc7748AliceToBob() throws Exception {
        KEM.Encapsulator encapsulator =
                kem().newEncapsulator(publicKey(BOB_PUBLIC), fixedRandom(ALICE_PRIVATE));

        KEM.Encapsulated encapsulated = encapsulator.encapsulate();

        assertEquals(hex(ALICE_PUBLIC), hex(encapsulated.encapsulation()));
        assertEquals(hex(SHARED_SECRET), hex(encapsulated.key().getEncoded()));
        assertEquals("Generic", encapsulated.key().getAlgorithm());
    }

    @Test
    void decapsulateRfc7748Bob() throws Exception {
        KEM.Decapsulator decapsulator = kem().newDecapsulator(privateKey(BOB_PRIVATE));

        SecretKey secret = decapsulator.decapsulate(ALICE_PUBLIC);

        assertEquals(hex(SHARED_SECRET), hex(secret.getEncoded()));
    }

    /** An X25519 public key that offers only its u-coordinate, with no encoding. */
    private record UOnlyPublicKey(BigInteger u) implements XECPublicKey {

        @Override
        public BigInteger getU() {
            return u;
        }

        @Override
        public NamedParameterSpec getParams() {
            return NamedParameterSpec.X25519;
        }

        @Override
        public String getAlgorithm() {
            return "XDH";
        }

        @Override
        public String getFormat() {
            return null;
        }

        @Override
        public byte[] getEncoded() {
            return null;
        }
    }

    @Test
    void encapsulateToKeyWithoutEncoding() throws Exception {
        // RFC 7748 §5: the u-coordinate is little-endian, so reverse the bytes for BigInteger.
        byte[] bigEndian = BOB_PUBLIC.clone();
        for (int i = 0; i < 16; i++) {
            byte swap = bigEndian[i];
            bigEndian[i] = bigEndian[31 - i];
            bigEndian[31 - i] = swap;
        }
        PublicKey bob = new UOnlyPublicKey(new BigInteger(1, bigEndian));

        KEM.Encapsulated encapsulated = kem().newEncapsulator(bob, fixedRandom(ALICE_PRIVATE))
                .encapsulate();

        assertEquals(hex(SHARED_SECRET), hex(encapsulated.key().getEncoded()));
    }

    @Test
    void roundTrip() throws Exception {
        KeyPair keyPair = generateKeyPair();
        KEM.Encapsulator encapsulator = kem().newEncapsulator(keyPair.getPublic(), random);
        KEM.Decapsulator decapsulator = kem().newDecapsulator(keyPair.getPrivate());

        KEM.Encapsulated encapsulated = encapsulator.encapsulate();
        SecretKey recovered = decapsulator.decapsulate(encapsulated.encapsulation());

        assertEquals(32, encapsulator.secretSize());
        assertEquals(32, encapsulator.encapsulationSize());
        assertEquals(32, decapsulator.secretSize());
        assertEquals(32, decapsulator.encapsulationSize());
        assertEquals(32, encapsulated.encapsulation().length);
        assertEquals(32, encapsulated.key().getEncoded().length);
        assertArrayEquals(encapsulated.key().getEncoded(), recovered.getEncoded());
    }

    @Test
    void encapsulateToBouncyCastleKey() throws Exception {
        byte[] k = new byte[32];
        X25519.generatePrivateKey(random, k);
        byte[] u = new byte[32];
        X25519.generatePublicKey(k, 0, u, 0);

        KEM.Encapsulated encapsulated = kem().newEncapsulator(publicKey(u), random).encapsulate();

        byte[] expected = new byte[32];
        assertTrue(X25519.calculateAgreement(k, 0, encapsulated.encapsulation(), 0, expected, 0));
        assertArrayEquals(expected, encapsulated.key().getEncoded());
    }

    @Test
    void decapsulateBouncyCastleEphemeral() throws Exception {
        KeyPair keyPair = generateKeyPair();
        byte[] r = new byte[32];
        X25519.generatePrivateKey(random, r);
        byte[] ephemeral = new byte[32];
        X25519.generatePublicKey(r, 0, ephemeral, 0);
        byte[] expected = new byte[32];
        assertTrue(X25519.calculateAgreement(r, 0, raw(keyPair.getPublic()), 0, expected, 0));

        SecretKey secret = kem().newDecapsulator(keyPair.getPrivate()).decapsulate(ephemeral);

        assertArrayEquals(expected, secret.getEncoded());
    }

    /**
     * u-coordinates of small order: 0, 1, the two points of order 8, p - 1, and the
     * non-canonical p and p + 1.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "0000000000000000000000000000000000000000000000000000000000000000",
        "0100000000000000000000000000000000000000000000000000000000000000",
        "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
        "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"
    })
    void smallOrderPointRejected(String uHex) throws Exception {
        byte[] u = hex(uHex);
        // Independent check that the point has small order: BouncyCastle's agreement reports an
        // all-zero output as failure.
        byte[] bcOutput = new byte[32];
        assertFalse(X25519.calculateAgreement(randomBytes(random, 32), 0, u, 0, bcOutput, 0));

        InvalidKeyException atEncapsulator = assertThrows(InvalidKeyException.class,
                () -> kem().newEncapsulator(publicKey(u), random));
        assertTrue(atEncapsulator.getMessage().contains("small order"),
                atEncapsulator.getMessage());

        KEM.Decapsulator decapsulator = kem().newDecapsulator(generateKeyPair().getPrivate());
        DecapsulateException atDecapsulate =
                assertThrows(DecapsulateException.class, () -> decapsulator.decapsulate(u));
        assertTrue(atDecapsulate.getMessage().contains("all-zero"), atDecapsulate.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 31, 33, 64})
    void decapsulateWrongLength(int length) throws Exception {
        KEM.Decapsulator decapsulator = kem().newDecapsulator(generateKeyPair().getPrivate());

        DecapsulateException e = assertThrows(DecapsulateException.class,
                () -> decapsulator.decapsulate(new byte[length]));

        assertTrue(e.getMessage().contains("must be 32 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("got " + length), e.getMessage());
    }

    @Test
    void decapsulateNullEncapsulation() throws Exception {
        KEM.Decapsulator decapsulator = kem().newDecapsulator(generateKeyPair().getPrivate());

        assertThrows(NullPointerException.class, () -> decapsulator.decapsulate(null));
    }

    @Test
    void newEncapsulatorWrongKeyType() throws Exception {
        KeyPairGenerator x448 = KeyPairGenerator.getInstance("X448");
        PublicKey x448Key = x448.generateKeyPair().getPublic();
        PublicKey mlKemKey =
                KeyPairGenerator.getInstance("ML-KEM-768", PROVIDER).generateKeyPair().getPublic();

        for (PublicKey key : new PublicKey[] {x448Key, mlKemKey, null}) {
            InvalidKeyException e =
                    assertThrows(InvalidKeyException.class, () -> kem().newEncapsulator(key));
            assertTrue(e.getMessage().contains("requires an X25519 public key"), e.getMessage());
        }
    }

    @Test
    void newDecapsulatorWrongKeyType() throws Exception {
        PrivateKey x448Key = KeyPairGenerator.getInstance("X448").generateKeyPair().getPrivate();

        InvalidKeyException e =
                assertThrows(InvalidKeyException.class, () -> kem().newDecapsulator(x448Key));

        assertTrue(e.getMessage().contains("requires an X25519 private key"), e.getMessage());
    }

    @Test
    void parameterSpecRejected() throws Exception {
        KeyPair keyPair = generateKeyPair();

        assertThrows(InvalidAlgorithmParameterException.class,
                () -> kem().newEncapsulator(
                        keyPair.getPublic(), NamedParameterSpec.X25519, random));
        assertThrows(InvalidAlgorithmParameterException.class,
                () -> kem().newDecapsulator(keyPair.getPrivate(), NamedParameterSpec.X25519));
    }

    @Test
    void secretRangeArguments() throws Exception {
        KeyPair keyPair = generateKeyPair();
        KEM.Encapsulator encapsulator = kem().newEncapsulator(keyPair.getPublic(), random);
        KEM.Decapsulator decapsulator = kem().newDecapsulator(keyPair.getPrivate());
        byte[] encapsulation = encapsulator.encapsulate().encapsulation();

        assertThrows(IndexOutOfBoundsException.class,
                () -> encapsulator.encapsulate(-1, 32, "AES"));
        assertThrows(IndexOutOfBoundsException.class, () -> encapsulator.encapsulate(5, 4, "AES"));
        assertThrows(IndexOutOfBoundsException.class, () -> encapsulator.encapsulate(0, 33, "AES"));
        assertThrows(NullPointerException.class, () -> encapsulator.encapsulate(0, 32, null));
        assertThrows(UnsupportedOperationException.class,
                () -> encapsulator.encapsulate(3, 3, "AES"));

        assertThrows(IndexOutOfBoundsException.class,
                () -> decapsulator.decapsulate(encapsulation, -1, 32, "AES"));
        assertThrows(IndexOutOfBoundsException.class,
                () -> decapsulator.decapsulate(encapsulation, 0, 33, "AES"));
        assertThrows(NullPointerException.class,
                () -> decapsulator.decapsulate(encapsulation, 0, 32, null));
        assertThrows(UnsupportedOperationException.class,
                () -> decapsulator.decapsulate(encapsulation, 0, 0, "AES"));
    }

    @Test
    void secretSlice() throws Exception {
        KeyPair keyPair = generateKeyPair();
        KEM.Decapsulator decapsulator = kem().newDecapsulator(keyPair.getPrivate());
        KEM.Encapsulated encapsulated = kem().newEncapsulator(keyPair.getPublic(), random)
                .encapsulate(8, 24, "AES");

        byte[] full = decapsulator.decapsulate(encapsulated.encapsulation()).getEncoded();

        assertEquals("AES", encapsulated.key().getAlgorithm());
        assertArrayEquals(Arrays.copyOfRange(full, 8, 24), encapsulated.key().getEncoded());
    }

    @Test
    void keyFactoryRawRoundTrip() throws Exception {
        KeyPair keyPair = generateKeyPair();
        byte[] publicRaw = raw(keyPair.getPublic());
        byte[] privateRaw = raw(keyPair.getPrivate());

        PublicKey publicKey = publicKey(publicRaw);
        PrivateKey privateKey = privateKey(privateRaw);

        assertArrayEquals(keyPair.getPublic().getEncoded(), publicKey.getEncoded());
        assertArrayEquals(keyPair.getPrivate().getEncoded(), privateKey.getEncoded());
        RawKeySpec spec = keyFactory().getKeySpec(publicKey, RawKeySpec.class);
        assertEquals("RAW", spec.getFormat());
        assertArrayEquals(publicRaw, spec.getEncoded());
    }

    @Test
    void rawPublicKeyKeepsTopBit() throws Exception {
        byte[] u = hex("0900000000000000000000000000000000000000000000000000000000000080");

        assertArrayEquals(u, raw(publicKey(u)));
    }

    @Test
    void keyFactoryX509AndPkcs8() throws Exception {
        KeyPair keyPair = generateKeyPair();
        KeyFactory sunEc = KeyFactory.getInstance("X25519", "SunEC");

        X509EncodedKeySpec x509 = new X509EncodedKeySpec(keyPair.getPublic().getEncoded());
        PKCS8EncodedKeySpec pkcs8 = new PKCS8EncodedKeySpec(keyPair.getPrivate().getEncoded());
        PublicKey publicKey = keyFactory().generatePublic(x509);
        PrivateKey privateKey = keyFactory().generatePrivate(pkcs8);

        assertArrayEquals(keyPair.getPublic().getEncoded(), publicKey.getEncoded());
        assertArrayEquals(keyPair.getPrivate().getEncoded(), privateKey.getEncoded());
        assertArrayEquals(
                sunEc.getKeySpec(publicKey, X509EncodedKeySpec.class).getEncoded(),
                keyFactory().getKeySpec(publicKey, X509EncodedKeySpec.class).getEncoded());
        assertArrayEquals(
                sunEc.getKeySpec(privateKey, PKCS8EncodedKeySpec.class).getEncoded(),
                keyFactory().getKeySpec(privateKey, PKCS8EncodedKeySpec.class).getEncoded());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 31, 33})
    void keyFactoryWrongRawLength(int length) throws Exception {
        InvalidKeySpecException publicError = assertThrows(InvalidKeySpecException.class,
                () -> keyFactory().generatePublic(new RawKeySpec(new byte[length])));
        InvalidKeySpecException privateError = assertThrows(InvalidKeySpecException.class,
                () -> keyFactory().generatePrivate(new RawKeySpec(new byte[length])));

        assertTrue(publicError.getMessage().contains("must be 32 bytes"), publicError.getMessage());
        assertTrue(privateError.getMessage().contains("must be 32 bytes"),
                privateError.getMessage());
    }

    @Test
    void keyPairGeneratorParameters() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("X25519", PROVIDER);

        generator.initialize(255, random);
        assertNotNull(generator.generateKeyPair());
        assertThrows(InvalidParameterException.class, () -> generator.initialize(256, random));
        assertThrows(InvalidAlgorithmParameterException.class,
                () -> generator.initialize(NamedParameterSpec.X448, random));
    }

    @Test
    void concurrentUse() throws Exception {
        KeyPair keyPair = generateKeyPair();
        KEM.Encapsulator encapsulator = kem().newEncapsulator(keyPair.getPublic(), random);
        KEM.Decapsulator decapsulator = kem().newDecapsulator(keyPair.getPrivate());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int task = 0; task < 4; task++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        KEM.Encapsulated encapsulated = encapsulator.encapsulate();
                        byte[] recovered =
                                decapsulator.decapsulate(encapsulated.encapsulation()).getEncoded();
                        if (!Arrays.equals(encapsulated.key().getEncoded(), recovered)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
