package org.pqipsec.provider.kem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pqipsec.provider.kem.KemTestSupport.PROVIDER;
import static org.pqipsec.provider.kem.KemTestSupport.concat;
import static org.pqipsec.provider.kem.KemTestSupport.fixedRandom;
import static org.pqipsec.provider.kem.KemTestSupport.randomBytes;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.security.AsymmetricKey;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.InvalidParameterException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.EncodedKeySpec;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.stream.Stream;

import javax.crypto.DecapsulateException;
import javax.crypto.KEM;
import javax.crypto.SecretKey;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.generators.MLKEMKeyPairGenerator;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.kems.MLKEMGenerator;
import org.bouncycastle.crypto.params.MLKEMKeyGenerationParameters;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLKEMPublicKeyParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pqipsec.provider.spec.RawKeySpec;

class MlKemKemTest {

    /** A parameter set with its FIPS 203 Table 3 sizes and BouncyCastle's parameters. */
    record Variant(String name, NamedParameterSpec spec, int ekLength, int ciphertextLength,
            MLKEMParameters bc) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Variant> variants() {
        return Stream.of(
                new Variant("ML-KEM-512", NamedParameterSpec.ML_KEM_512, 800, 768,
                        MLKEMParameters.ml_kem_512),
                new Variant("ML-KEM-768", NamedParameterSpec.ML_KEM_768, 1184, 1088,
                        MLKEMParameters.ml_kem_768),
                new Variant("ML-KEM-1024", NamedParameterSpec.ML_KEM_1024, 1568, 1568,
                        MLKEMParameters.ml_kem_1024));
    }

    private final SecureRandom random = new SecureRandom();

    private KeyPair generateKeyPair(Variant variant) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(variant.name, PROVIDER);
        generator.initialize(variant.spec, random);
        return generator.generateKeyPair();
    }

    private static String parameterSetName(Key key) {
        return ((NamedParameterSpec) ((AsymmetricKey) key).getParams()).getName();
    }

    private static KeyFactory keyFactory(Variant variant) throws Exception {
        return KeyFactory.getInstance(variant.name, PROVIDER);
    }

    /** Returns the RAW encoding of a key (ek, or the seed d ‖ z) through the KeyFactory. */
    private static byte[] raw(Key key) throws Exception {
        return KeyFactory.getInstance("ML-KEM", PROVIDER)
                .getKeySpec(key, EncodedKeySpec.class).getEncoded();
    }

    /** Returns a copy of {@code ek} whose first coefficient is 4095, not below q = 3329. */
    private static byte[] withCoefficientAboveModulus(byte[] ek) {
        byte[] bad = ek.clone();
        bad[0] = (byte) 0xff;
        bad[1] = (byte) (bad[1] | 0x0f);
        return bad;
    }

    @ParameterizedTest
    @MethodSource("variants")
    void roundTrip(Variant variant) throws Exception {
        KeyPair keyPair = generateKeyPair(variant);
        KEM kem = KEM.getInstance(variant.name, PROVIDER);
        KEM.Encapsulator encapsulator = kem.newEncapsulator(keyPair.getPublic(), random);
        KEM.Decapsulator decapsulator = kem.newDecapsulator(keyPair.getPrivate());

        KEM.Encapsulated encapsulated = encapsulator.encapsulate();
        SecretKey recovered = decapsulator.decapsulate(encapsulated.encapsulation());

        assertEquals(32, encapsulator.secretSize());
        assertEquals(variant.ciphertextLength, encapsulator.encapsulationSize());
        assertEquals(32, decapsulator.secretSize());
        assertEquals(variant.ciphertextLength, decapsulator.encapsulationSize());
        assertEquals(variant.ciphertextLength, encapsulated.encapsulation().length);
        assertEquals("Generic", encapsulated.key().getAlgorithm());
        assertEquals(32, encapsulated.key().getEncoded().length);
        assertArrayEquals(encapsulated.key().getEncoded(), recovered.getEncoded());
    }

    @ParameterizedTest
    @MethodSource("variants")
    void keysReportFormatsAndParameterSet(Variant variant) throws Exception {
        KeyPair keyPair = generateKeyPair(variant);

        assertEquals("ML-KEM", keyPair.getPublic().getAlgorithm());
        assertEquals("X.509", keyPair.getPublic().getFormat());
        assertEquals(variant.ekLength + 22, keyPair.getPublic().getEncoded().length);
        assertEquals(variant.ekLength, raw(keyPair.getPublic()).length);
        assertEquals(variant.name, parameterSetName(keyPair.getPublic()));
        assertEquals("PKCS#8", keyPair.getPrivate().getFormat());
        assertEquals(86, keyPair.getPrivate().getEncoded().length);
        assertEquals(64, raw(keyPair.getPrivate()).length);
        assertEquals(variant.name, parameterSetName(keyPair.getPrivate()));
    }

    @ParameterizedTest
    @MethodSource("variants")
    void keyGenerationMatchesBouncyCastleSeed(Variant variant) throws Exception {
        byte[] d = randomBytes(random, 32);
        byte[] z = randomBytes(random, 32);
        KeyPairGenerator generator = KeyPairGenerator.getInstance(variant.name, PROVIDER);
        KemTestSupport.FixedRandom fixed = fixedRandom(concat(d, z));
        generator.initialize(variant.spec, fixed);

        KeyPair keyPair = generator.generateKeyPair();

        MLKEMPrivateKeyParameters bcKey = new MLKEMPrivateKeyParameters(variant.bc, concat(d, z));
        assertEquals(0, fixed.remaining());
        assertArrayEquals(bcKey.getPublicKey(), raw(keyPair.getPublic()));
        assertArrayEquals(concat(d, z), raw(keyPair.getPrivate()));
    }

    @ParameterizedTest
    @MethodSource("variants")
    void decapsulateBouncyCastleEncapsulation(Variant variant) throws Exception {
        KeyPair keyPair = generateKeyPair(variant);
        MLKEMPublicKeyParameters bcPublic =
                new MLKEMPublicKeyParameters(variant.bc, raw(keyPair.getPublic()));
        SecretWithEncapsulation bcOutput =
                new MLKEMGenerator(random).generateEncapsulated(bcPublic);

        SecretKey secret = KEM.getInstance(variant.name, PROVIDER)
                .newDecapsulator(keyPair.getPrivate())
                .decapsulate(bcOutput.getEncapsulation());

        assertArrayEquals(bcOutput.getSecret(), secret.getEncoded());
    }

    @ParameterizedTest
    @MethodSource("variants")
    void encapsulateToBouncyCastleKey(Variant variant) throws Exception {
        MLKEMKeyPairGenerator bcGenerator = new MLKEMKeyPairGenerator();
        bcGenerator.init(new MLKEMKeyGenerationParameters(random, variant.bc));
        AsymmetricCipherKeyPair bcKeyPair = bcGenerator.generateKeyPair();
        byte[] ek = ((MLKEMPublicKeyParameters) bcKeyPair.getPublic()).getEncoded();
        PublicKey publicKey = keyFactory(variant).generatePublic(new RawKeySpec(ek));

        KEM.Encapsulated encapsulated = KEM.getInstance(variant.name, PROVIDER)
                .newEncapsulator(publicKey, random)
                .encapsulate();

        byte[] expected = new MLKEMExtractor((MLKEMPrivateKeyParameters) bcKeyPair.getPrivate())
                .extractSecret(encapsulated.encapsulation());
        assertArrayEquals(expected, encapsulated.key().getEncoded());
    }

    @ParameterizedTest
    @MethodSource("variants")
    void implicitRejectionMatchesBouncyCastle(Variant variant) throws Exception {
        byte[] seed = randomBytes(random, 64);
        PrivateKey privateKey = keyFactory(variant).generatePrivate(new RawKeySpec(seed));
        MLKEMPrivateKeyParameters bcKey = new MLKEMPrivateKeyParameters(variant.bc, seed);
        SecretWithEncapsulation bcOutput = new MLKEMGenerator(random)
                .generateEncapsulated(bcKey.getPublicKeyParameters());
        byte[] tampered = bcOutput.getEncapsulation();
        tampered[0] ^= 1;

        SecretKey secret = KEM.getInstance(variant.name, PROVIDER)
                .newDecapsulator(privateKey).decapsulate(tampered);

        assertFalse(java.util.Arrays.equals(bcOutput.getSecret(), secret.getEncoded()));
        assertArrayEquals(new MLKEMExtractor(bcKey).extractSecret(tampered), secret.getEncoded());
    }

    @ParameterizedTest
    @MethodSource("variants")
    void encapsulationKeyAboveModulusRejected(Variant variant) throws Exception {
        byte[] ek = withCoefficientAboveModulus(raw(generateKeyPair(variant).getPublic()));
        PublicKey foreign = new KemTestSupport.ForeignPublicKey(variant.name, ek);
        KEM kem = KEM.getInstance(variant.name, PROVIDER);

        InvalidKeySpecException atImport = assertThrows(InvalidKeySpecException.class,
                () -> keyFactory(variant).generatePublic(new RawKeySpec(ek)));
        InvalidKeyException atEncapsulation =
                assertThrows(InvalidKeyException.class, () -> kem.newEncapsulator(foreign));

        assertTrue(atImport.getMessage().contains("FIPS 203 §7.2 modulus check"),
                atImport.getMessage());
        assertTrue(atEncapsulation.getMessage().contains("FIPS 203 §7.2 modulus check"),
                atEncapsulation.getMessage());
        assertTrue(atEncapsulation.getMessage().contains("coefficient 0 of t̂[0] is 4095"),
                atEncapsulation.getMessage());
    }

    @ParameterizedTest
    @MethodSource("variants")
    void decapsulateWrongLength(Variant variant) throws Exception {
        KEM.Decapsulator decapsulator = KEM.getInstance(variant.name, PROVIDER)
                .newDecapsulator(generateKeyPair(variant).getPrivate());

        int expected = variant.ciphertextLength;
        for (int length : new int[] {0, expected - 1, expected + 1}) {
            DecapsulateException e = assertThrows(DecapsulateException.class,
                    () -> decapsulator.decapsulate(new byte[length]));
            assertTrue(e.getMessage().contains("must be " + expected + " bytes"),
                    e.getMessage());
        }
        assertThrows(NullPointerException.class, () -> decapsulator.decapsulate(null));
    }

    @ParameterizedTest
    @MethodSource("variants")
    void secretRangeArguments(Variant variant) throws Exception {
        KeyPair keyPair = generateKeyPair(variant);
        KEM kem = KEM.getInstance(variant.name, PROVIDER);
        KEM.Encapsulator encapsulator = kem.newEncapsulator(keyPair.getPublic(), random);
        KEM.Decapsulator decapsulator = kem.newDecapsulator(keyPair.getPrivate());
        KEM.Encapsulated encapsulated = encapsulator.encapsulate(0, 16, "AES");

        assertThrows(IndexOutOfBoundsException.class,
                () -> encapsulator.encapsulate(-1, 16, "AES"));
        assertThrows(IndexOutOfBoundsException.class, () -> encapsulator.encapsulate(0, 33, "AES"));
        assertThrows(NullPointerException.class, () -> encapsulator.encapsulate(0, 32, null));
        assertThrows(UnsupportedOperationException.class,
                () -> encapsulator.encapsulate(32, 32, "AES"));
        assertThrows(IndexOutOfBoundsException.class,
                () -> decapsulator.decapsulate(encapsulated.encapsulation(), 17, 16, "AES"));

        SecretKey recovered = decapsulator.decapsulate(encapsulated.encapsulation(), 0, 16, "AES");
        assertEquals("AES", recovered.getAlgorithm());
        assertArrayEquals(encapsulated.key().getEncoded(), recovered.getEncoded());
    }

    @Test
    void wrongParameterSetRejected() throws Exception {
        Variant mlKem512 = variants().findFirst().orElseThrow();
        KeyPair keyPair = generateKeyPair(mlKem512);
        KEM kem768 = KEM.getInstance("ML-KEM-768", PROVIDER);

        InvalidKeyException encapsulatorError = assertThrows(InvalidKeyException.class,
                () -> kem768.newEncapsulator(keyPair.getPublic()));
        InvalidKeyException decapsulatorError = assertThrows(InvalidKeyException.class,
                () -> kem768.newDecapsulator(keyPair.getPrivate()));

        assertTrue(encapsulatorError.getMessage().contains("requires an ML-KEM-768 public key"),
                encapsulatorError.getMessage());
        assertTrue(decapsulatorError.getMessage().contains("requires an ML-KEM-768 private key"),
                decapsulatorError.getMessage());
    }

    @Test
    void foreignRawKeys() throws Exception {
        KeyPair keyPair = KeyPairGenerator.getInstance("ML-KEM-768", PROVIDER).generateKeyPair();
        byte[] ek = raw(keyPair.getPublic());
        KEM kem = KEM.getInstance("ML-KEM-768", PROVIDER);

        // Accepted: RAW keys whose algorithm names the parameter set.
        KEM.Encapsulated encapsulated = kem.newEncapsulator(
                new KemTestSupport.ForeignPublicKey("ML-KEM-768", ek)).encapsulate();
        SecretKey recovered = kem.newDecapsulator(new KemTestSupport.ForeignPrivateKey("ML-KEM-768",
                raw(keyPair.getPrivate()))).decapsulate(encapsulated.encapsulation());
        assertArrayEquals(encapsulated.key().getEncoded(), recovered.getEncoded());

        // Rejected: wrong lengths, with the expected length in the message.
        PublicKey shortPublic =
                new KemTestSupport.ForeignPublicKey("ML-KEM-768", KemTestSupport.resized(ek, 1183));
        InvalidKeyException shortKey =
                assertThrows(InvalidKeyException.class, () -> kem.newEncapsulator(shortPublic));
        assertTrue(shortKey.getMessage().contains("1184 bytes"), shortKey.getMessage());
        PrivateKey shortPrivate = new KemTestSupport.ForeignPrivateKey("ML-KEM-768", new byte[63]);
        InvalidKeyException shortSeed =
                assertThrows(InvalidKeyException.class, () -> kem.newDecapsulator(shortPrivate));
        assertTrue(shortSeed.getMessage().contains("64 bytes (RAW seed d ‖ z) or 2400 bytes"),
                shortSeed.getMessage());
    }

    @Test
    void parameterSpecRejected() throws Exception {
        KeyPair keyPair = KeyPairGenerator.getInstance("ML-KEM-768", PROVIDER).generateKeyPair();
        KEM kem = KEM.getInstance("ML-KEM-768", PROVIDER);

        assertThrows(InvalidAlgorithmParameterException.class,
                () -> kem.newEncapsulator(
                        keyPair.getPublic(), NamedParameterSpec.ML_KEM_768, random));
        assertThrows(InvalidAlgorithmParameterException.class,
                () -> kem.newDecapsulator(keyPair.getPrivate(), NamedParameterSpec.ML_KEM_768));
    }

    @ParameterizedTest
    @MethodSource("variants")
    void keyFactoryRawRoundTrip(Variant variant) throws Exception {
        KeyPair keyPair = generateKeyPair(variant);
        KeyFactory keyFactory = keyFactory(variant);

        EncodedKeySpec publicSpec =
                keyFactory.getKeySpec(keyPair.getPublic(), EncodedKeySpec.class);
        EncodedKeySpec privateSpec =
                keyFactory.getKeySpec(keyPair.getPrivate(), EncodedKeySpec.class);
        PublicKey publicKey = keyFactory.generatePublic(publicSpec);
        PrivateKey privateKey = keyFactory.generatePrivate(privateSpec);

        assertEquals("RAW", publicSpec.getFormat());
        assertEquals("RAW", privateSpec.getFormat());
        assertEquals(keyPair.getPublic(), publicKey);
        assertArrayEquals(keyPair.getPrivate().getEncoded(), privateKey.getEncoded());
    }

    @ParameterizedTest
    @MethodSource("variants")
    void keyFactoryWrongRawLength(Variant variant) throws Exception {
        KeyFactory keyFactory = keyFactory(variant);

        InvalidKeySpecException publicError = assertThrows(InvalidKeySpecException.class,
                () -> keyFactory.generatePublic(new RawKeySpec(new byte[variant.ekLength + 1])));
        InvalidKeySpecException privateError = assertThrows(InvalidKeySpecException.class,
                () -> keyFactory.generatePrivate(new RawKeySpec(new byte[65])));

        assertTrue(publicError.getMessage().contains("must be " + variant.ekLength + " bytes"),
                publicError.getMessage());
        assertTrue(privateError.getMessage().contains("must be 64 bytes (RAW seed d ‖ z) or"),
                privateError.getMessage());
    }

    @Test
    void keyFactoryRejectsOtherSpecs() throws Exception {
        KeyFactory keyFactory = KeyFactory.getInstance("ML-KEM-768", PROVIDER);
        KeyPair keyPair = KeyPairGenerator.getInstance("ML-KEM-768", PROVIDER).generateKeyPair();

        InvalidKeySpecException zeros = assertThrows(InvalidKeySpecException.class,
                () -> keyFactory.generatePublic(new X509EncodedKeySpec(new byte[1206])));
        assertTrue(zeros.getMessage().contains("malformed ML-KEM X.509"), zeros.getMessage());
        assertThrows(InvalidKeySpecException.class,
                () -> keyFactory.getKeySpec(keyPair.getPublic(), PKCS8EncodedKeySpec.class));
        assertThrows(InvalidKeySpecException.class,
                () -> keyFactory.getKeySpec(keyPair.getPrivate(), X509EncodedKeySpec.class));
    }

    @Test
    void familyKeyFactoryInfersSetFromLength() throws Exception {
        KeyFactory keyFactory = KeyFactory.getInstance("ML-KEM", PROVIDER);

        for (Variant variant : variants().toList()) {
            byte[] ek = raw(generateKeyPair(variant).getPublic());
            PublicKey publicKey = keyFactory.generatePublic(new RawKeySpec(ek));
            assertEquals(variant.name, parameterSetName(publicKey));
        }
        InvalidKeySpecException e = assertThrows(InvalidKeySpecException.class,
                () -> keyFactory.generatePublic(new RawKeySpec(new byte[1000])));
        assertTrue(e.getMessage().contains("800, 1184 or 1568 bytes"), e.getMessage());
    }

    @Test
    void familyKeyFactoryPrivateNeedsName() throws Exception {
        KeyFactory keyFactory = KeyFactory.getInstance("ML-KEM", PROVIDER);
        byte[] seed = randomBytes(random, 64);

        assertThrows(InvalidKeySpecException.class,
                () -> keyFactory.generatePrivate(new RawKeySpec(seed)));

        PrivateKey privateKey =
                keyFactory.generatePrivate(new NamedRawKeySpec(seed, "ML-KEM-1024"));
        assertEquals("ML-KEM-1024", parameterSetName(privateKey));
    }

    /** A RAW spec that names its algorithm, as {@code EncodedKeySpec(byte[], String)} allows. */
    private static final class NamedRawKeySpec extends EncodedKeySpec {

        NamedRawKeySpec(byte[] encoded, String algorithm) {
            super(encoded, algorithm);
        }

        @Override
        public String getFormat() {
            return "RAW";
        }
    }

    @Test
    void familyKemAndKeyPairGenerator() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("ML-KEM", PROVIDER);
        KEM kem = KEM.getInstance("ML-KEM", PROVIDER);

        KeyPair defaultPair = generator.generateKeyPair();
        generator.initialize(NamedParameterSpec.ML_KEM_1024, random);
        KeyPair pair1024 = generator.generateKeyPair();
        KEM.Encapsulator encapsulator = kem.newEncapsulator(pair1024.getPublic(), random);
        KEM.Encapsulated encapsulated = encapsulator.encapsulate();
        SecretKey recovered = kem.newDecapsulator(pair1024.getPrivate())
                .decapsulate(encapsulated.encapsulation());

        assertEquals(1184, raw(defaultPair.getPublic()).length);
        assertEquals(1568, raw(pair1024.getPublic()).length);
        assertEquals(1568, encapsulator.encapsulationSize());
        assertArrayEquals(encapsulated.key().getEncoded(), recovered.getEncoded());
    }

    @Test
    void keyPairGeneratorParameters() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("ML-KEM-768", PROVIDER);

        assertThrows(InvalidParameterException.class, () -> generator.initialize(768, random));
        assertThrows(InvalidAlgorithmParameterException.class,
                () -> generator.initialize(NamedParameterSpec.ML_KEM_512, random));
        assertThrows(InvalidAlgorithmParameterException.class,
                () -> generator.initialize(NamedParameterSpec.X25519, random));
    }

    @Test
    void destroyedPrivateKey() throws Exception {
        KeyPair keyPair = KeyPairGenerator.getInstance("ML-KEM-768", PROVIDER).generateKeyPair();
        PrivateKey privateKey = keyPair.getPrivate();
        KEM kem = KEM.getInstance("ML-KEM-768", PROVIDER);
        KEM.Decapsulator earlier = kem.newDecapsulator(privateKey);
        KEM.Encapsulated encapsulated = kem.newEncapsulator(keyPair.getPublic()).encapsulate();

        privateKey.destroy();

        assertTrue(privateKey.isDestroyed());
        assertThrows(IllegalStateException.class, privateKey::getEncoded);
        assertThrows(InvalidKeyException.class, () -> kem.newDecapsulator(privateKey));
        assertArrayEquals(encapsulated.key().getEncoded(),
                earlier.decapsulate(encapsulated.encapsulation()).getEncoded());
    }

    @Test
    void reusedKeysAfterFirstUse() throws Exception {
        // The key objects keep ek and dk parsed after their first use: later encapsulators and
        // decapsulators, and a deserialized copy of the public key, must still agree.
        KeyPair keyPair = KeyPairGenerator.getInstance("ML-KEM-512", PROVIDER).generateKeyPair();
        KEM kem = KEM.getInstance("ML-KEM-512", PROVIDER);
        KEM.Encapsulated first = kem.newEncapsulator(keyPair.getPublic()).encapsulate();
        KEM.Encapsulated second = kem.newEncapsulator(keyPair.getPublic()).encapsulate();
        KEM.Decapsulator firstDecapsulator = kem.newDecapsulator(keyPair.getPrivate());
        KEM.Decapsulator secondDecapsulator = kem.newDecapsulator(keyPair.getPrivate());

        assertArrayEquals(first.key().getEncoded(),
                secondDecapsulator.decapsulate(first.encapsulation()).getEncoded());
        assertArrayEquals(second.key().getEncoded(),
                firstDecapsulator.decapsulate(second.encapsulation()).getEncoded());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(keyPair.getPublic());
        }
        PublicKey copy;
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (PublicKey) in.readObject();
        }
        KEM.Encapsulated third = kem.newEncapsulator(copy).encapsulate();
        assertArrayEquals(third.key().getEncoded(),
                firstDecapsulator.decapsulate(third.encapsulation()).getEncoded());
    }

    @Test
    void serialization() throws Exception {
        KeyPair keyPair = KeyPairGenerator.getInstance("ML-KEM-512", PROVIDER).generateKeyPair();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(keyPair.getPublic());
        }
        Object copy;
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = in.readObject();
        }

        assertEquals(keyPair.getPublic(), copy);
        ObjectOutputStream privateOut = new ObjectOutputStream(new ByteArrayOutputStream());
        assertThrows(NotSerializableException.class,
                () -> privateOut.writeObject(keyPair.getPrivate()));
    }
}
