package org.pqipsec.provider.kem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pqipsec.provider.kem.KemTestSupport.PROVIDER;
import static org.pqipsec.provider.kem.KemTestSupport.concat;
import static org.pqipsec.provider.kem.KemTestSupport.fixedRandom;
import static org.pqipsec.provider.kem.KemTestSupport.hex;
import static org.pqipsec.provider.kem.KemTestSupport.randomBytes;

import java.io.ByteArrayOutputStream;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.InvalidParameterException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.EncodedKeySpec;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.NamedParameterSpec;
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

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.generators.MLKEMKeyPairGenerator;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.kems.MLKEMGenerator;
import org.bouncycastle.crypto.params.MLKEMKeyGenerationParameters;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLKEMPublicKeyParameters;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pqipsec.provider.spec.RawKeySpec;

class X25519MlKem768KemTest {

    private static final String NAME = "X25519MLKEM768";

    // Sizes from draft-ietf-tls-ecdhe-mlkem-00 §3.1 and FIPS 203 Table 3.
    private static final int EK_LENGTH = 1184;
    private static final int CLIENT_SHARE_LENGTH = 1216;
    private static final int CIPHERTEXT_LENGTH = 1088;
    private static final int SERVER_SHARE_LENGTH = 1120;
    private static final int SECRET_LENGTH = 64;
    private static final int PRIVATE_KEY_LENGTH = 96;

    private final SecureRandom random = new SecureRandom();

    private static KEM kem() throws Exception {
        return KEM.getInstance(NAME, PROVIDER);
    }

    private static KeyFactory keyFactory() throws Exception {
        return KeyFactory.getInstance(NAME, PROVIDER);
    }

    private KeyPair generateKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(NAME, PROVIDER);
        generator.initialize(new NamedParameterSpec(NAME), random);
        return generator.generateKeyPair();
    }

    private static byte[] bcX25519PublicKey(byte[] k) {
        byte[] u = new byte[32];
        X25519.generatePublicKey(k, 0, u, 0);
        return u;
    }

    private static byte[] bcX25519(byte[] k, byte[] u) {
        byte[] output = new byte[32];
        assertTrue(X25519.calculateAgreement(k, 0, u, 0, output, 0),
                "BouncyCastle X25519 output is all zero");
        return output;
    }

    @Test
    void roundTrip() throws Exception {
        KeyPair keyPair = generateKeyPair();
        KEM.Encapsulator encapsulator = kem().newEncapsulator(keyPair.getPublic(), random);
        KEM.Decapsulator decapsulator = kem().newDecapsulator(keyPair.getPrivate());

        KEM.Encapsulated encapsulated = encapsulator.encapsulate();
        SecretKey recovered = decapsulator.decapsulate(encapsulated.encapsulation());

        assertEquals(SECRET_LENGTH, encapsulator.secretSize());
        assertEquals(SERVER_SHARE_LENGTH, encapsulator.encapsulationSize());
        assertEquals(SECRET_LENGTH, decapsulator.secretSize());
        assertEquals(SERVER_SHARE_LENGTH, decapsulator.encapsulationSize());
        assertEquals(SERVER_SHARE_LENGTH, encapsulated.encapsulation().length);
        assertEquals("Generic", encapsulated.key().getAlgorithm());
        assertEquals(SECRET_LENGTH, encapsulated.key().getEncoded().length);
        assertArrayEquals(encapsulated.key().getEncoded(), recovered.getEncoded());
    }

    @Test
    void keyFormats() throws Exception {
        KeyPair keyPair = generateKeyPair();

        assertEquals(NAME, keyPair.getPublic().getAlgorithm());
        assertEquals("RAW", keyPair.getPublic().getFormat());
        assertEquals(CLIENT_SHARE_LENGTH, keyPair.getPublic().getEncoded().length);
        assertEquals(NAME, keyPair.getPrivate().getAlgorithm());
        assertEquals("RAW", keyPair.getPrivate().getFormat());
        assertEquals(PRIVATE_KEY_LENGTH, keyPair.getPrivate().getEncoded().length);
    }

    @Test
    void keyPairGeneratorDrawsSeedThenX25519Key() throws Exception {
        byte[] seed = randomBytes(random, 64);
        byte[] k = randomBytes(random, 32);
        KeyPairGenerator generator = KeyPairGenerator.getInstance(NAME, PROVIDER);
        KemTestSupport.FixedRandom fixed = fixedRandom(concat(seed, k));
        generator.initialize(new NamedParameterSpec(NAME), fixed);

        KeyPair keyPair = generator.generateKeyPair();

        byte[] bcEk =
                new MLKEMPrivateKeyParameters(MLKEMParameters.ml_kem_768, seed).getPublicKey();
        assertEquals(0, fixed.remaining());
        assertEquals(hex(concat(bcEk, bcX25519PublicKey(k))),
                hex(keyPair.getPublic().getEncoded()));
        assertEquals(hex(concat(seed, k)), hex(keyPair.getPrivate().getEncoded()));
    }

    @Test
    void encapsulateToBouncyCastleClientShare() throws Exception {
        MLKEMKeyPairGenerator bcGenerator = new MLKEMKeyPairGenerator();
        bcGenerator.init(new MLKEMKeyGenerationParameters(random, MLKEMParameters.ml_kem_768));
        AsymmetricCipherKeyPair bcMlKem = bcGenerator.generateKeyPair();
        byte[] ek = ((MLKEMPublicKeyParameters) bcMlKem.getPublic()).getEncoded();
        byte[] k = new byte[32];
        X25519.generatePrivateKey(random, k);
        byte[] clientShare = concat(ek, bcX25519PublicKey(k));
        PublicKey publicKey = keyFactory().generatePublic(new RawKeySpec(clientShare));

        KEM.Encapsulated encapsulated = kem().newEncapsulator(publicKey, random).encapsulate();

        byte[] serverShare = encapsulated.encapsulation();
        byte[] ciphertext = Arrays.copyOfRange(serverShare, 0, CIPHERTEXT_LENGTH);
        byte[] ephemeral = Arrays.copyOfRange(serverShare, CIPHERTEXT_LENGTH, SERVER_SHARE_LENGTH);
        byte[] mlKemSecret = new MLKEMExtractor((MLKEMPrivateKeyParameters) bcMlKem.getPrivate())
                .extractSecret(ciphertext);
        byte[] x25519Secret = bcX25519(k, ephemeral);
        assertEquals(hex(concat(mlKemSecret, x25519Secret)), hex(encapsulated.key().getEncoded()));
    }

    @Test
    void decapsulateBouncyCastleServerShare() throws Exception {
        KeyPair keyPair = generateKeyPair();
        byte[] clientShare = keyPair.getPublic().getEncoded();
        byte[] ek = Arrays.copyOfRange(clientShare, 0, EK_LENGTH);
        byte[] u = Arrays.copyOfRange(clientShare, EK_LENGTH, CLIENT_SHARE_LENGTH);
        SecretWithEncapsulation mlKem = new MLKEMGenerator(random).generateEncapsulated(
                new MLKEMPublicKeyParameters(MLKEMParameters.ml_kem_768, ek));
        byte[] r = new byte[32];
        X25519.generatePrivateKey(random, r);
        byte[] serverShare = concat(mlKem.getEncapsulation(), bcX25519PublicKey(r));

        SecretKey secret = kem().newDecapsulator(keyPair.getPrivate()).decapsulate(serverShare);

        assertEquals(hex(concat(mlKem.getSecret(), bcX25519(r, u))), hex(secret.getEncoded()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "0000000000000000000000000000000000000000000000000000000000000000",
        "0100000000000000000000000000000000000000000000000000000000000000",
        "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800"
    })
    void smallOrderClientShareRejected(String uHex) throws Exception {
        byte[] ek = Arrays.copyOfRange(generateKeyPair().getPublic().getEncoded(), 0, EK_LENGTH);
        PublicKey publicKey = keyFactory().generatePublic(new RawKeySpec(concat(ek, hex(uHex))));

        InvalidKeyException e = assertThrows(InvalidKeyException.class,
                () -> kem().newEncapsulator(publicKey, random));

        assertTrue(e.getMessage().contains("small order"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "0000000000000000000000000000000000000000000000000000000000000000",
        "0100000000000000000000000000000000000000000000000000000000000000",
        "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157"
    })
    void smallOrderServerShareRejected(String uHex) throws Exception {
        KeyPair keyPair = generateKeyPair();
        byte[] ciphertext = Arrays.copyOfRange(
                kem().newEncapsulator(keyPair.getPublic(), random).encapsulate().encapsulation(),
                0, CIPHERTEXT_LENGTH);
        KEM.Decapsulator decapsulator = kem().newDecapsulator(keyPair.getPrivate());

        DecapsulateException e = assertThrows(DecapsulateException.class,
                () -> decapsulator.decapsulate(concat(ciphertext, hex(uHex))));

        assertTrue(e.getMessage().contains("all-zero"), e.getMessage());
    }

    @Test
    void encapsulationKeyAboveModulusRejected() throws Exception {
        byte[] clientShare = generateKeyPair().getPublic().getEncoded();
        clientShare[0] = (byte) 0xff;
        clientShare[1] = (byte) (clientShare[1] | 0x0f);
        PublicKey publicKey = new KemTestSupport.ForeignPublicKey("X25519MLKEM768", clientShare);

        InvalidKeySpecException atImport = assertThrows(InvalidKeySpecException.class,
                () -> keyFactory().generatePublic(new RawKeySpec(clientShare)));
        InvalidKeyException atEncapsulation = assertThrows(InvalidKeyException.class,
                () -> kem().newEncapsulator(publicKey, random));

        assertTrue(atImport.getMessage().startsWith("X25519MLKEM768 public key: "),
                atImport.getMessage());
        assertTrue(atImport.getMessage().contains("FIPS 203 §7.2"), atImport.getMessage());
        assertTrue(atEncapsulation.getMessage().startsWith("X25519MLKEM768 public key: "),
                atEncapsulation.getMessage());
        assertTrue(atEncapsulation.getMessage().contains("FIPS 203 §7.2"),
                atEncapsulation.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 32, 1088, 1119, 1121, 1216})
    void decapsulateWrongLength(int length) throws Exception {
        KEM.Decapsulator decapsulator = kem().newDecapsulator(generateKeyPair().getPrivate());

        DecapsulateException e = assertThrows(DecapsulateException.class,
                () -> decapsulator.decapsulate(new byte[length]));

        assertTrue(e.getMessage().contains("must be 1120 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("got " + length), e.getMessage());
    }

    @Test
    void decapsulateNullEncapsulation() throws Exception {
        KEM.Decapsulator decapsulator = kem().newDecapsulator(generateKeyPair().getPrivate());

        assertThrows(NullPointerException.class, () -> decapsulator.decapsulate(null));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1184, 1215, 1217})
    void foreignPublicKeyWrongLength(int length) throws Exception {
        PublicKey foreign = new KemTestSupport.ForeignPublicKey(NAME, new byte[length]);

        InvalidKeyException e =
                assertThrows(InvalidKeyException.class, () -> kem().newEncapsulator(foreign));

        assertTrue(e.getMessage().contains("must be 1216 bytes"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 64, 95, 97})
    void foreignPrivateKeyWrongLength(int length) throws Exception {
        PrivateKey foreign = new KemTestSupport.ForeignPrivateKey(NAME, new byte[length]);

        InvalidKeyException e =
                assertThrows(InvalidKeyException.class, () -> kem().newDecapsulator(foreign));

        assertTrue(e.getMessage().contains("must be 96 bytes"), e.getMessage());
    }

    @Test
    void foreignRawKeysAccepted() throws Exception {
        KeyPair keyPair = generateKeyPair();
        PublicKey foreignPublic =
                new KemTestSupport.ForeignPublicKey(NAME, keyPair.getPublic().getEncoded());
        PrivateKey foreignPrivate =
                new KemTestSupport.ForeignPrivateKey(NAME, keyPair.getPrivate().getEncoded());

        KEM.Encapsulated encapsulated = kem().newEncapsulator(foreignPublic, random).encapsulate();
        SecretKey recovered = kem().newDecapsulator(foreignPrivate)
                .decapsulate(encapsulated.encapsulation());

        assertArrayEquals(encapsulated.key().getEncoded(), recovered.getEncoded());
    }

    @Test
    void wrongKeyTypeRejected() throws Exception {
        KeyPair mlKem = KeyPairGenerator.getInstance("ML-KEM-768", PROVIDER).generateKeyPair();
        KeyPair x25519 = KeyPairGenerator.getInstance("X25519", PROVIDER).generateKeyPair();

        for (PublicKey key : new PublicKey[] {mlKem.getPublic(), x25519.getPublic(), null}) {
            InvalidKeyException e =
                    assertThrows(InvalidKeyException.class, () -> kem().newEncapsulator(key));
            assertTrue(e.getMessage().contains("requires an X25519MLKEM768 public key"),
                    e.getMessage());
        }
        for (PrivateKey key : new PrivateKey[] {mlKem.getPrivate(), x25519.getPrivate(), null}) {
            InvalidKeyException e =
                    assertThrows(InvalidKeyException.class, () -> kem().newDecapsulator(key));
            assertTrue(e.getMessage().contains("requires an X25519MLKEM768 private key"),
                    e.getMessage());
        }
    }

    @Test
    void parameterSpecRejected() throws Exception {
        KeyPair keyPair = generateKeyPair();
        NamedParameterSpec spec = new NamedParameterSpec(NAME);

        assertThrows(InvalidAlgorithmParameterException.class,
                () -> kem().newEncapsulator(keyPair.getPublic(), spec, random));
        assertThrows(InvalidAlgorithmParameterException.class,
                () -> kem().newDecapsulator(keyPair.getPrivate(), spec));
    }

    @Test
    void secretRangeArguments() throws Exception {
        KeyPair keyPair = generateKeyPair();
        KEM.Encapsulator encapsulator = kem().newEncapsulator(keyPair.getPublic(), random);
        KEM.Decapsulator decapsulator = kem().newDecapsulator(keyPair.getPrivate());
        byte[] encapsulation = encapsulator.encapsulate().encapsulation();

        assertThrows(IndexOutOfBoundsException.class,
                () -> encapsulator.encapsulate(-1, 64, "AES"));
        assertThrows(IndexOutOfBoundsException.class, () -> encapsulator.encapsulate(0, 65, "AES"));
        assertThrows(IndexOutOfBoundsException.class,
                () -> encapsulator.encapsulate(33, 32, "AES"));
        assertThrows(NullPointerException.class, () -> encapsulator.encapsulate(0, 64, null));
        assertThrows(UnsupportedOperationException.class,
                () -> encapsulator.encapsulate(64, 64, "AES"));
        assertThrows(IndexOutOfBoundsException.class,
                () -> decapsulator.decapsulate(encapsulation, 0, 65, "AES"));
        assertThrows(NullPointerException.class,
                () -> decapsulator.decapsulate(encapsulation, 0, 64, null));
    }

    @Test
    void secretHalves() throws Exception {
        KeyPair keyPair = generateKeyPair();
        KEM.Decapsulator decapsulator = kem().newDecapsulator(keyPair.getPrivate());
        byte[] encapsulation =
                kem().newEncapsulator(keyPair.getPublic(), random).encapsulate().encapsulation();

        byte[] full = decapsulator.decapsulate(encapsulation).getEncoded();
        SecretKey mlKemHalf = decapsulator.decapsulate(encapsulation, 0, 32, "AES");
        SecretKey x25519Half = decapsulator.decapsulate(encapsulation, 32, 64, "AES");

        assertEquals("AES", mlKemHalf.getAlgorithm());
        assertArrayEquals(Arrays.copyOfRange(full, 0, 32), mlKemHalf.getEncoded());
        assertArrayEquals(Arrays.copyOfRange(full, 32, 64), x25519Half.getEncoded());
    }

    @Test
    void keyFactoryRawRoundTrip() throws Exception {
        KeyPair keyPair = generateKeyPair();

        EncodedKeySpec publicSpec =
                keyFactory().getKeySpec(keyPair.getPublic(), EncodedKeySpec.class);
        RawKeySpec privateSpec = keyFactory().getKeySpec(keyPair.getPrivate(), RawKeySpec.class);
        PublicKey publicKey = keyFactory().generatePublic(publicSpec);
        PrivateKey privateKey = keyFactory().generatePrivate(privateSpec);

        assertEquals("RAW", publicSpec.getFormat());
        assertEquals(keyPair.getPublic(), publicKey);
        assertArrayEquals(keyPair.getPrivate().getEncoded(), privateKey.getEncoded());
        assertEquals(keyPair.getPublic(), keyFactory().translateKey(
                new KemTestSupport.ForeignPublicKey(NAME, keyPair.getPublic().getEncoded())));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1215, 1217})
    void keyFactoryWrongPublicLength(int length) throws Exception {
        InvalidKeySpecException e = assertThrows(InvalidKeySpecException.class,
                () -> keyFactory().generatePublic(new RawKeySpec(new byte[length])));

        assertTrue(e.getMessage().contains("must be 1216 bytes"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 64, 95, 97})
    void keyFactoryWrongPrivateLength(int length) throws Exception {
        InvalidKeySpecException e = assertThrows(InvalidKeySpecException.class,
                () -> keyFactory().generatePrivate(new RawKeySpec(new byte[length])));

        assertTrue(e.getMessage().contains("must be 96 bytes"), e.getMessage());
    }

    @Test
    void keyFactoryRejectsOtherSpecs() throws Exception {
        KeyPair keyPair = generateKeyPair();

        assertThrows(InvalidKeySpecException.class,
                () -> keyFactory().generatePublic(new X509EncodedKeySpec(new byte[1238])));
        assertThrows(InvalidKeySpecException.class,
                () -> keyFactory().getKeySpec(keyPair.getPublic(), X509EncodedKeySpec.class));
    }

    @Test
    void keyPairGeneratorParameters() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(NAME, PROVIDER);

        assertThrows(InvalidParameterException.class, () -> generator.initialize(768, random));
        assertThrows(InvalidAlgorithmParameterException.class,
                () -> generator.initialize(NamedParameterSpec.X25519, random));
        assertEquals(CLIENT_SHARE_LENGTH,
                generator.generateKeyPair().getPublic().getEncoded().length);
    }

    @Test
    void destroyedPrivateKey() throws Exception {
        KeyPair keyPair = generateKeyPair();
        PrivateKey privateKey = keyPair.getPrivate();
        KEM.Decapsulator earlier = kem().newDecapsulator(privateKey);
        KEM.Encapsulated encapsulated = kem().newEncapsulator(keyPair.getPublic()).encapsulate();

        privateKey.destroy();

        assertTrue(privateKey.isDestroyed());
        assertThrows(IllegalStateException.class, privateKey::getEncoded);
        assertThrows(InvalidKeyException.class, () -> kem().newDecapsulator(privateKey));
        assertArrayEquals(encapsulated.key().getEncoded(),
                earlier.decapsulate(encapsulated.encapsulation()).getEncoded());
        assertThrows(NotSerializableException.class,
                () -> new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(privateKey));
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
