package org.pqipsec.provider.kem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pqipsec.provider.kem.KemTestSupport.PROVIDER;
import static org.pqipsec.provider.kem.KemTestSupport.concat;
import static org.pqipsec.provider.kem.KemTestSupport.hex;
import static org.pqipsec.provider.kem.KemTestSupport.randomBytes;

import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.XECPrivateKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.DSAPublicKeySpec;
import java.security.spec.EncodedKeySpec;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.KeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.List;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.junit.jupiter.api.Test;
import org.pqipsec.provider.spec.RawKeySpec;

/** KeyFactory X25519: every spec in every direction, translation and argument checks. */
class X25519KeyFactoryTest {

    private static final Provider BC = new BouncyCastleProvider();
    private static final byte[] SPKI_PREFIX = hex("302a300506032b656e032100");
    private static final BigInteger TWO_TO_255 = BigInteger.ONE.shiftLeft(255);

    private final SecureRandom random = new SecureRandom();

    private static KeyFactory keyFactory() throws Exception {
        return KeyFactory.getInstance("X25519", PROVIDER);
    }

    private static KeyPair generate(Provider provider) throws Exception {
        return KeyPairGenerator.getInstance("X25519", provider).generateKeyPair();
    }

    private static KeyPair generate(String provider) throws Exception {
        return KeyPairGenerator.getInstance("X25519", provider).generateKeyPair();
    }

    private static byte[] uOf(byte[] k) {
        byte[] u = new byte[32];
        X25519.generatePublicKey(k, 0, u, 0);
        return u;
    }

    /** Encodes a OneAsymmetricKey v2 (RFC 5958) with the given scalar and public key. */
    private static byte[] pkcs8V2(byte[] k, byte[] u) {
        return concat(hex("3051020101300506032b656e04220420"), k, hex("812100"), u);
    }

    @Test
    void generatePublicFromEverySpec() throws Exception {
        byte[] u = randomBytes(random, 32);
        u[31] &= 0x7f;
        BigInteger uValue = new X25519PublicKey(u).getU();

        List<KeySpec> specs = List.of(new X509EncodedKeySpec(concat(SPKI_PREFIX, u)),
                new XECPublicKeySpec(NamedParameterSpec.X25519, uValue), new RawKeySpec(u));

        for (KeySpec spec : specs) {
            PublicKey key = keyFactory().generatePublic(spec);
            assertInstanceOf(X25519PublicKey.class, key, spec.getClass().getName());
            assertEquals(hex(u), hex(((X25519PublicKey) key).rawU()), spec.getClass().getName());
        }
    }

    @Test
    void generatePrivateFromEverySpec() throws Exception {
        byte[] k = randomBytes(random, 32);

        List<KeySpec> specs = List.of(
                new PKCS8EncodedKeySpec(concat(hex("302e020100300506032b656e04220420"), k)),
                new PKCS8EncodedKeySpec(pkcs8V2(k, uOf(k))),
                new XECPrivateKeySpec(NamedParameterSpec.X25519, k), new RawKeySpec(k));

        for (KeySpec spec : specs) {
            PrivateKey key = keyFactory().generatePrivate(spec);
            assertInstanceOf(X25519PrivateKey.class, key, spec.getClass().getName());
            assertEquals(hex(k), hex(((XECPrivateKey) key).getScalar().orElseThrow()));
        }
    }

    @Test
    void getKeySpecEveryDirection() throws Exception {
        for (KeyPair pair : List.of(generate(PROVIDER), generate("SunEC"), generate(BC))) {
            String owner = pair.getPublic().getClass().getName();
            byte[] k = ((XECPrivateKey) pair.getPrivate()).getScalar().orElseThrow();
            byte[] u = uOf(k);

            X509EncodedKeySpec x509 =
                    keyFactory().getKeySpec(pair.getPublic(), X509EncodedKeySpec.class);
            XECPublicKeySpec xecPublic =
                    keyFactory().getKeySpec(pair.getPublic(), XECPublicKeySpec.class);
            EncodedKeySpec rawPublic =
                    keyFactory().getKeySpec(pair.getPublic(), EncodedKeySpec.class);
            PKCS8EncodedKeySpec pkcs8 =
                    keyFactory().getKeySpec(pair.getPrivate(), PKCS8EncodedKeySpec.class);
            XECPrivateKeySpec xecPrivate =
                    keyFactory().getKeySpec(pair.getPrivate(), XECPrivateKeySpec.class);
            KeySpec rawPrivate = keyFactory().getKeySpec(pair.getPrivate(), KeySpec.class);

            assertEquals(hex(concat(SPKI_PREFIX, u)), hex(x509.getEncoded()), owner);
            assertEquals(((XECPublicKey) pair.getPublic()).getU(), xecPublic.getU(), owner);
            assertEquals(NamedParameterSpec.X25519, xecPublic.getParams(), owner);
            assertEquals("RAW", rawPublic.getFormat(), owner);
            assertEquals(hex(u), hex(rawPublic.getEncoded()), owner);
            assertEquals(hex(concat(hex("302e020100300506032b656e04220420"), k)),
                    hex(pkcs8.getEncoded()), owner);
            assertEquals(hex(k), hex(xecPrivate.getScalar()), owner);
            assertInstanceOf(RawKeySpec.class, rawPrivate, owner);
            assertEquals(hex(k), hex(((RawKeySpec) rawPrivate).getEncoded()), owner);
        }
    }

    @Test
    void getKeySpecWrongSpecForKey() throws Exception {
        KeyPair pair = generate(PROVIDER);

        InvalidKeySpecException publicError = assertThrows(InvalidKeySpecException.class,
                () -> keyFactory().getKeySpec(pair.getPublic(), PKCS8EncodedKeySpec.class));
        assertEquals("X25519 KeyFactory returns X509EncodedKeySpec, XECPublicKeySpec or a RAW"
                + " EncodedKeySpec for a public key, not java.security.spec.PKCS8EncodedKeySpec",
                publicError.getMessage());
        InvalidKeySpecException privateError = assertThrows(InvalidKeySpecException.class,
                () -> keyFactory().getKeySpec(pair.getPrivate(), XECPublicKeySpec.class));
        assertEquals("X25519 KeyFactory returns PKCS8EncodedKeySpec, XECPrivateKeySpec or a RAW"
                + " EncodedKeySpec for a private key, not java.security.spec.XECPublicKeySpec",
                privateError.getMessage());
    }

    @Test
    void translateForeignKeys() throws Exception {
        for (Object provider : List.of("SunEC", BC)) {
            KeyPair pair = provider instanceof String name ? generate(name)
                    : generate((Provider) provider);

            Key publicKey = keyFactory().translateKey(pair.getPublic());
            Key privateKey = keyFactory().translateKey(pair.getPrivate());

            assertInstanceOf(X25519PublicKey.class, publicKey);
            assertInstanceOf(X25519PrivateKey.class, privateKey);
            assertEquals(((XECPublicKey) pair.getPublic()).getU(),
                    ((XECPublicKey) publicKey).getU());
            assertArrayEquals(((XECPrivateKey) pair.getPrivate()).getScalar().orElseThrow(),
                    ((XECPrivateKey) privateKey).getScalar().orElseThrow());
        }
    }

    @Test
    void translateKeepsTopBitOfSunEcKey() throws Exception {
        byte[] u = hex("0900000000000000000000000000000000000000000000000000000000000080");
        PublicKey sunEc = KeyFactory.getInstance("X25519", "SunEC")
                .generatePublic(X25519Keys.x509Spec(u));

        X25519PublicKey translated = (X25519PublicKey) keyFactory().translateKey(sunEc);

        assertArrayEquals(u, translated.rawU());
    }

    @Test
    void translateRejectsX448() throws Exception {
        KeyPair x448 = KeyPairGenerator.getInstance("X448", "SunEC").generateKeyPair();

        InvalidKeyException publicError = assertThrows(InvalidKeyException.class,
                () -> keyFactory().translateKey(x448.getPublic()));
        InvalidKeyException privateError = assertThrows(InvalidKeyException.class,
                () -> keyFactory().translateKey(x448.getPrivate()));

        assertEquals("X25519 KeyFactory requires an X25519 public key (NamedParameterSpec"
                + " X25519), got parameters X448", publicError.getMessage());
        assertEquals("X25519 KeyFactory requires an X25519 private key (NamedParameterSpec"
                + " X25519), got parameters X448", privateError.getMessage());
    }

    @Test
    void translateRejectsOtherKeyTypes() throws Exception {
        PublicKey mlKem = KeyPairGenerator.getInstance("ML-KEM-768", PROVIDER).generateKeyPair()
                .getPublic();

        InvalidKeyException e = assertThrows(InvalidKeyException.class,
                () -> keyFactory().translateKey(mlKem));

        assertTrue(e.getMessage().startsWith("X25519 KeyFactory requires an X25519 public key"
                + " (XECPublicKey with NamedParameterSpec X25519), got "), e.getMessage());
    }

    @Test
    void x509Rejections() throws Exception {
        byte[] u = randomBytes(random, 32);
        byte[] x448 = concat(hex("3042300506032b656f033900"), new byte[56]);
        byte[] withNull = concat(hex("302c300706032b656e0500032100"), u);
        byte[] trailing = concat(SPKI_PREFIX, u, new byte[1]);
        byte[] unusedBits = concat(hex("302a300506032b656e032101"), u);

        assertX509Rejected(x448, "X25519 SubjectPublicKeyInfo algorithm is id-X448"
                + " (1.3.101.111), expected id-X25519 (1.3.101.110)");
        assertX509Rejected(withNull, "X25519 SubjectPublicKeyInfo AlgorithmIdentifier"
                + " parameters must be absent (RFC 8410 §3)");
        assertX509Rejected(trailing, "X25519 SubjectPublicKeyInfo has 1 unexpected byte after"
                + " the outer SEQUENCE");
        assertX509Rejected(unusedBits, "X25519 SubjectPublicKeyInfo subjectPublicKey BIT STRING"
                + " must have 0 unused bits");
        assertX509Rejected(new byte[0], "X25519 SubjectPublicKeyInfo is truncated:"
                + " outer SEQUENCE is missing");
        assertX509Rejected(new byte[] {0, 0}, "X25519 SubjectPublicKeyInfo outer SEQUENCE"
                + " must have DER tag 0x30, got 0x00");
    }

    private static void assertX509Rejected(byte[] der, String message) throws Exception {
        InvalidKeySpecException e = assertThrows(InvalidKeySpecException.class,
                () -> keyFactory().generatePublic(new X509EncodedKeySpec(der)));
        assertEquals(message, e.getMessage());
    }

    @Test
    void pkcs8Rejections() throws Exception {
        byte[] k = randomBytes(random, 32);
        byte[] otherU = uOf(randomBytes(random, 32));
        byte[] v1WithPublicKey = concat(hex("3051020100300506032b656e04220420"), k,
                hex("812100"), uOf(k));
        byte[] version2 = concat(hex("302e020102300506032b656e04220420"), k);

        assertPkcs8Rejected(pkcs8V2(k, otherU), k, "X25519 PKCS#8 OneAsymmetricKey publicKey"
                + " does not match the private key: it must be X25519(k, 9)");
        assertPkcs8Rejected(v1WithPublicKey, k, "X25519 PKCS#8 OneAsymmetricKey publicKey"
                + " requires version 1 (v2), got version 0 (RFC 5958 §2)");
        assertPkcs8Rejected(version2, k,
                "X25519 PKCS#8 OneAsymmetricKey version must be 0 (v1) or 1 (v2)");

        // id-Ed25519 (1.3.101.112) in place of id-X25519.
        byte[] ed25519 = concat(hex("302e020100300506032b657004220420"), k);
        assertPkcs8Rejected(ed25519, k, "X25519 PKCS#8 OneAsymmetricKey algorithm is"
                + " 1.3.101.112, expected id-X25519 (1.3.101.110)");
    }

    @Test
    void dottedOidForMessages() {
        assertEquals("1.3.101.110", X25519Der.dotted(hex("2b656e")));
        assertEquals("1.2.840.10045.2.1", X25519Der.dotted(hex("2a8648ce3d0201")));
        assertEquals("2.999.3", X25519Der.dotted(hex("883703")));
        assertEquals("an empty OBJECT IDENTIFIER", X25519Der.dotted(new byte[0]));
    }

    @Test
    void pkcs8WithAttributesAccepted() throws Exception {
        byte[] k = randomBytes(random, 32);
        // attributes [0] holding an empty SET element, then no public key.
        byte[] der = concat(hex("3032020100300506032b656e04220420"), k, hex("a0023100"));

        PrivateKey key = keyFactory().generatePrivate(new PKCS8EncodedKeySpec(der));

        assertArrayEquals(k, ((XECPrivateKey) key).getScalar().orElseThrow());
    }

    @Test
    void bouncyCastlePkcs8V2Accepted() throws Exception {
        PrivateKey bc = generate(BC).getPrivate();
        assertEquals(0x01, bc.getEncoded()[4], "BouncyCastle writes v2 with the public key");

        PrivateKey key = keyFactory().generatePrivate(new PKCS8EncodedKeySpec(bc.getEncoded()));

        assertArrayEquals(((XECPrivateKey) bc).getScalar().orElseThrow(),
                ((XECPrivateKey) key).getScalar().orElseThrow());
    }

    private static void assertPkcs8Rejected(byte[] der, byte[] k, String message)
            throws Exception {
        InvalidKeySpecException e = assertThrows(InvalidKeySpecException.class,
                () -> keyFactory().generatePrivate(new PKCS8EncodedKeySpec(der)));
        assertEquals(message, e.getMessage());
        assertFalse(e.getMessage().toLowerCase().contains(hex(k).substring(0, 8)));
    }

    @Test
    void xecPublicKeySpecRange() throws Exception {
        BigInteger pPlusOne = TWO_TO_255.subtract(BigInteger.valueOf(18));
        XECPublicKeySpec nonCanonical = new XECPublicKeySpec(NamedParameterSpec.X25519, pPlusOne);

        X25519PublicKey key = (X25519PublicKey) keyFactory().generatePublic(nonCanonical);

        assertEquals(pPlusOne, key.getU());
        assertEquals("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
                hex(key.rawU()));
        for (BigInteger u : List.of(TWO_TO_255, BigInteger.ONE.negate())) {
            InvalidKeySpecException e = assertThrows(InvalidKeySpecException.class,
                    () -> keyFactory().generatePublic(
                            new XECPublicKeySpec(NamedParameterSpec.X25519, u)));
            assertEquals("XECPublicKeySpec: X25519 u-coordinate must be in [0, 2^255) to fit in"
                    + " 32 bytes", e.getMessage());
        }
    }

    @Test
    void xecSpecsWithX448Rejected() throws Exception {
        InvalidKeySpecException publicError = assertThrows(InvalidKeySpecException.class,
                () -> keyFactory().generatePublic(
                        new XECPublicKeySpec(NamedParameterSpec.X448, BigInteger.TEN)));
        InvalidKeySpecException privateError = assertThrows(InvalidKeySpecException.class,
                () -> keyFactory().generatePrivate(
                        new XECPrivateKeySpec(NamedParameterSpec.X448, new byte[56])));

        assertEquals("X25519 KeyFactory requires NamedParameterSpec X25519, got X448",
                publicError.getMessage());
        assertEquals("X25519 KeyFactory requires NamedParameterSpec X25519, got X448",
                privateError.getMessage());
    }

    @Test
    void xecPrivateKeySpecWrongLength() throws Exception {
        for (int length : new int[] {0, 31, 33, 56}) {
            InvalidKeySpecException e = assertThrows(InvalidKeySpecException.class,
                    () -> keyFactory().generatePrivate(
                            new XECPrivateKeySpec(NamedParameterSpec.X25519, new byte[length])));
            assertEquals("X25519 XECPrivateKeySpec scalar must be 32 bytes, got " + length,
                    e.getMessage());
        }
    }

    @Test
    void unsupportedSpecsRejected() throws Exception {
        DSAPublicKeySpec dsa = new DSAPublicKeySpec(BigInteger.ONE, BigInteger.ONE,
                BigInteger.ONE, BigInteger.ONE);

        InvalidKeySpecException publicError = assertThrows(InvalidKeySpecException.class,
                () -> keyFactory().generatePublic(dsa));
        InvalidKeySpecException privateError = assertThrows(InvalidKeySpecException.class,
                () -> keyFactory().generatePrivate(null));
        InvalidKeySpecException pkcs8AsPublic = assertThrows(InvalidKeySpecException.class,
                () -> keyFactory().generatePublic(new PKCS8EncodedKeySpec(new byte[48])));

        assertEquals("X25519 KeyFactory accepts X509EncodedKeySpec, XECPublicKeySpec or an"
                + " EncodedKeySpec with format RAW for public keys, got "
                + "java.security.spec.DSAPublicKeySpec", publicError.getMessage());
        assertEquals("X25519 KeyFactory accepts PKCS8EncodedKeySpec, XECPrivateKeySpec or an"
                + " EncodedKeySpec with format RAW for private keys, got null",
                privateError.getMessage());
        assertTrue(pkcs8AsPublic.getMessage().endsWith("PKCS8EncodedKeySpec"),
                pkcs8AsPublic.getMessage());
    }

    @Test
    void rawWrongLengths() throws Exception {
        for (int length = 0; length <= 64; length++) {
            if (length == 32) {
                continue;
            }
            byte[] bytes = new byte[length];
            InvalidKeySpecException publicError = assertThrows(InvalidKeySpecException.class,
                    () -> keyFactory().generatePublic(new RawKeySpec(bytes)));
            InvalidKeySpecException privateError = assertThrows(InvalidKeySpecException.class,
                    () -> keyFactory().generatePrivate(new RawKeySpec(bytes)));
            assertEquals("X25519 public key must be 32 bytes (RAW u-coordinate), got " + length,
                    publicError.getMessage());
            assertEquals("X25519 private key must be 32 bytes (RAW scalar), got " + length,
                    privateError.getMessage());
        }
    }

    @Test
    void encodedWrongLengths() throws Exception {
        for (int length = 0; length <= 100; length++) {
            if (length == 32) {
                continue;
            }
            // SubjectPublicKeyInfo and OneAsymmetricKey v1 whose key field has this length.
            byte[] spki = concat(new byte[] {0x30, (byte) (length + 10)},
                    hex("300506032b656e03"), new byte[] {(byte) (length + 1), 0},
                    new byte[length]);
            byte[] pkcs8 = concat(new byte[] {0x30, (byte) (length + 14)},
                    hex("020100300506032b656e04"), new byte[] {(byte) (length + 2), 0x04,
                        (byte) length}, new byte[length]);

            InvalidKeySpecException publicError = assertThrows(InvalidKeySpecException.class,
                    () -> keyFactory().generatePublic(new X509EncodedKeySpec(spki)));
            InvalidKeySpecException privateError = assertThrows(InvalidKeySpecException.class,
                    () -> keyFactory().generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
            assertEquals("X25519 SubjectPublicKeyInfo subjectPublicKey must be 32 bytes, got "
                    + length, publicError.getMessage());
            assertEquals("X25519 PKCS#8 OneAsymmetricKey CurvePrivateKey must be 32 bytes, got "
                    + length, privateError.getMessage());
        }
    }

    @Test
    void keyPairGeneratorDrawsOne32ByteCall() throws Exception {
        byte[] k = randomBytes(random, 32);
        KemTestSupport.FixedRandom fixed = KemTestSupport.fixedRandom(k);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("X25519", PROVIDER);
        generator.initialize(NamedParameterSpec.X25519, fixed);

        KeyPair pair = generator.generateKeyPair();

        assertEquals(0, fixed.remaining());
        assertInstanceOf(X25519PublicKey.class, pair.getPublic());
        assertInstanceOf(X25519PrivateKey.class, pair.getPrivate());
        assertEquals(hex(uOf(k)), hex(((X25519PublicKey) pair.getPublic()).rawU()));
        assertEquals(hex(k), hex(((X25519PrivateKey) pair.getPrivate()).scalar()));
    }

    @Test
    void keyPairGeneratorRejectsOtherParameters() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("X25519", PROVIDER);

        java.security.InvalidParameterException size = assertThrows(
                java.security.InvalidParameterException.class,
                () -> generator.initialize(448, random));
        assertEquals("X25519 key size must be 255 bits, got 448", size.getMessage());
        for (java.security.spec.AlgorithmParameterSpec spec : new java.security.spec
                .AlgorithmParameterSpec[] {NamedParameterSpec.X448, NamedParameterSpec.ED25519,
                    new java.security.spec.ECGenParameterSpec("secp256r1"), null}) {
            java.security.InvalidAlgorithmParameterException e = assertThrows(
                    java.security.InvalidAlgorithmParameterException.class,
                    () -> generator.initialize(spec, random));
            assertTrue(e.getMessage().startsWith("X25519 KeyPairGenerator requires"
                    + " NamedParameterSpec X25519, got "), e.getMessage());
        }
    }

    /** An X25519 private key that hides its scalar and offers only a PKCS#8 encoding. */
    private record EncodedOnlyPrivateKey(byte[] pkcs8) implements XECPrivateKey {

        @Override
        public java.util.Optional<byte[]> getScalar() {
            return java.util.Optional.empty();
        }

        @Override
        public java.security.spec.AlgorithmParameterSpec getParams() {
            return NamedParameterSpec.X25519;
        }

        @Override
        public String getAlgorithm() {
            return "XDH";
        }

        @Override
        public String getFormat() {
            return "PKCS#8";
        }

        @Override
        public byte[] getEncoded() {
            return pkcs8.clone();
        }
    }

    @Test
    void translateKeyWithoutScalarReadsPkcs8() throws Exception {
        byte[] k = randomBytes(random, 32);
        byte[] pkcs8 = concat(hex("302e020100300506032b656e04220420"), k);

        Key translated = keyFactory().translateKey(new EncodedOnlyPrivateKey(pkcs8));

        assertArrayEquals(k, ((XECPrivateKey) translated).getScalar().orElseThrow());
    }

    @Test
    void translateEncodedKeyWithoutXecInterface() throws Exception {
        byte[] u = randomBytes(random, 32);
        PublicKey x509 = new PublicKey() {
            @Override
            public String getAlgorithm() {
                return "XDH";
            }

            @Override
            public String getFormat() {
                return "X.509";
            }

            @Override
            public byte[] getEncoded() {
                return concat(SPKI_PREFIX, u);
            }
        };
        PublicKey raw = new KemTestSupport.ForeignPublicKey("X25519", u);

        assertArrayEquals(u, ((X25519PublicKey) keyFactory().translateKey(x509)).rawU());
        assertArrayEquals(u, ((X25519PublicKey) keyFactory().translateKey(raw)).rawU());
    }
}
