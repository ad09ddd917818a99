package org.pqipsec.provider.kem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pqipsec.provider.kem.KemTestSupport.PROVIDER;
import static org.pqipsec.provider.kem.KemTestSupport.concat;
import static org.pqipsec.provider.kem.KemTestSupport.hex;
import static org.pqipsec.provider.kem.KemTestSupport.randomBytes;

import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;

import javax.crypto.DecapsulateException;
import javax.crypto.KEM;
import javax.crypto.SecretKey;

import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.bouncycastle.crypto.digests.SHAKEDigest;
import org.bouncycastle.pqc.crypto.xwing.XWingKEMExtractor;
import org.bouncycastle.pqc.crypto.xwing.XWingKEMGenerator;
import org.bouncycastle.pqc.crypto.xwing.XWingPrivateKeyParameters;
import org.bouncycastle.pqc.crypto.xwing.XWingPublicKeyParameters;
import org.junit.jupiter.api.Test;
import org.pqipsec.provider.spec.RawKeySpec;

/** X-Wing through the JCA against BouncyCastle 1.87's X-Wing, and its input checks. */
class XWingKemTest {

    private static final String NAME = "X-Wing";

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

    @Test
    void roundTripSizes() throws Exception {
        KeyPair keyPair = generateKeyPair();
        KEM.Encapsulator encapsulator = kem().newEncapsulator(keyPair.getPublic(), random);
        KEM.Encapsulated server = encapsulator.encapsulate();
        SecretKey secret = kem().newDecapsulator(keyPair.getPrivate())
                .decapsulate(server.encapsulation());

        assertEquals(1216, keyPair.getPublic().getEncoded().length);
        assertEquals(32, keyPair.getPrivate().getEncoded().length);
        assertEquals(1120, server.encapsulation().length);
        assertEquals(1120, encapsulator.encapsulationSize());
        assertEquals(32, encapsulator.secretSize());
        assertArrayEquals(server.key().getEncoded(), secret.getEncoded());
    }

    @Test
    void publicKeyMatchesBouncyCastle() throws Exception {
        KeyPair keyPair = generateKeyPair();
        XWingPrivateKeyParameters bcKey =
                new XWingPrivateKeyParameters(keyPair.getPrivate().getEncoded());

        assertEquals(hex(bcKey.getPublicKeyParameters().getEncoded()),
                hex(keyPair.getPublic().getEncoded()));
    }

    @Test
    void bouncyCastleEncapsulatesToOurKey() throws Exception {
        KeyPair keyPair = generateKeyPair();
        SecretWithEncapsulation bc = new XWingKEMGenerator(random).generateEncapsulated(
                new XWingPublicKeyParameters(keyPair.getPublic().getEncoded()));

        SecretKey secret = kem().newDecapsulator(keyPair.getPrivate())
                .decapsulate(bc.getEncapsulation());

        assertEquals(hex(bc.getSecret()), hex(secret.getEncoded()));
    }

    @Test
    void weEncapsulateToBouncyCastleKey() throws Exception {
        byte[] sk = randomBytes(random, 32);
        XWingPrivateKeyParameters bcKey = new XWingPrivateKeyParameters(sk);
        PublicKey publicKey = keyFactory().generatePublic(
                new RawKeySpec(bcKey.getPublicKeyParameters().getEncoded()));

        KEM.Encapsulated ours = kem().newEncapsulator(publicKey, random).encapsulate();
        byte[] bcSecret = new XWingKEMExtractor(bcKey).extractSecret(ours.encapsulation());

        assertEquals(hex(bcSecret), hex(ours.key().getEncoded()));
    }

    /**
     * Decapsulation keeps an all-zero X25519 output, as draft-connolly-cfrg-xwing-kem-10 §5.5
     * does: the secret is the combiner over ss_X = 0^32. The expected value is computed here from
     * BouncyCastle's SHAKE256 and ML-KEM and the JDK's SHA3-256.
     */
    @Test
    void smallOrderCiphertextUsesZeroSecret() throws Exception {
        KeyPair keyPair = generateKeyPair();
        byte[] ct = kem().newEncapsulator(keyPair.getPublic(), random).encapsulate()
                .encapsulation();
        byte[] ctX = new byte[32];
        ctX[0] = 1;
        System.arraycopy(ctX, 0, ct, 1088, 32);

        SecretKey secret = kem().newDecapsulator(keyPair.getPrivate()).decapsulate(ct);

        byte[] expanded = new byte[96];
        SHAKEDigest shake = new SHAKEDigest(256);
        byte[] sk = keyPair.getPrivate().getEncoded();
        shake.update(sk, 0, sk.length);
        shake.doFinal(expanded, 0, expanded.length);
        byte[] ssM = new MLKEMExtractor(new MLKEMPrivateKeyParameters(MLKEMParameters.ml_kem_768,
                Arrays.copyOf(expanded, 64))).extractSecret(Arrays.copyOf(ct, 1088));
        byte[] pkX = Arrays.copyOfRange(keyPair.getPublic().getEncoded(), 1184, 1216);
        byte[] label = {0x5c, 0x2e, 0x2f, 0x2f, 0x5e, 0x5c};
        byte[] expected = MessageDigest.getInstance("SHA3-256")
                .digest(concat(ssM, new byte[32], ctX, pkX, label));
        assertEquals(hex(expected), hex(secret.getEncoded()));
    }

    @Test
    void wrongLengthsRejected() throws Exception {
        KeyPair keyPair = generateKeyPair();
        byte[] pk = keyPair.getPublic().getEncoded();
        KEM.Decapsulator decapsulator = kem().newDecapsulator(keyPair.getPrivate());

        for (int length : new int[] {0, 32, 1184, 1215, 1217}) {
            byte[] resized = KemTestSupport.resized(pk, length);
            InvalidKeySpecException spec = assertThrows(InvalidKeySpecException.class,
                    () -> keyFactory().generatePublic(new RawKeySpec(resized)));
            assertTrue(spec.getMessage().contains("must be 1216 bytes"), spec.getMessage());
            InvalidKeyException key = assertThrows(InvalidKeyException.class,
                    () -> kem().newEncapsulator(
                            new KemTestSupport.ForeignPublicKey(NAME, resized)));
            assertTrue(key.getMessage().contains("must be 1216 bytes"), key.getMessage());
        }
        for (int length : new int[] {0, 31, 33, 64, 96}) {
            byte[] sk = new byte[length];
            InvalidKeySpecException spec = assertThrows(InvalidKeySpecException.class,
                    () -> keyFactory().generatePrivate(new RawKeySpec(sk)));
            assertTrue(spec.getMessage().contains("must be 32 bytes"), spec.getMessage());
            InvalidKeyException key = assertThrows(InvalidKeyException.class,
                    () -> kem().newDecapsulator(new KemTestSupport.ForeignPrivateKey(NAME, sk)));
            assertTrue(key.getMessage().contains("must be 32 bytes"), key.getMessage());
        }
        for (int length : new int[] {0, 32, 1088, 1119, 1121}) {
            DecapsulateException e = assertThrows(DecapsulateException.class,
                    () -> decapsulator.decapsulate(new byte[length]));
            assertTrue(e.getMessage().contains("must be 1120 bytes"), e.getMessage());
        }
    }

    @Test
    void encapsulationKeyAboveModulusRejected() throws Exception {
        byte[] pk = generateKeyPair().getPublic().getEncoded();
        pk[0] = (byte) 0xff;
        pk[1] = (byte) (pk[1] | 0x0f);
        PublicKey publicKey = new KemTestSupport.ForeignPublicKey("X-Wing", pk);

        InvalidKeySpecException atImport = assertThrows(InvalidKeySpecException.class,
                () -> keyFactory().generatePublic(new RawKeySpec(pk)));
        InvalidKeyException atEncapsulation = assertThrows(InvalidKeyException.class,
                () -> kem().newEncapsulator(publicKey, random));

        assertTrue(atImport.getMessage().startsWith("X-Wing public key: "),
                atImport.getMessage());
        assertTrue(atImport.getMessage().contains("FIPS 203 §7.2"), atImport.getMessage());
        assertTrue(atEncapsulation.getMessage().startsWith("X-Wing public key: "),
                atEncapsulation.getMessage());
        assertTrue(atEncapsulation.getMessage().contains("FIPS 203 §7.2"),
                atEncapsulation.getMessage());
    }

    @Test
    void keySpecRoundTrip() throws Exception {
        KeyPair keyPair = generateKeyPair();

        java.security.spec.EncodedKeySpec publicSpec = keyFactory().getKeySpec(
                keyPair.getPublic(), java.security.spec.EncodedKeySpec.class);
        java.security.spec.EncodedKeySpec privateSpec = keyFactory().getKeySpec(
                keyPair.getPrivate(), java.security.spec.EncodedKeySpec.class);

        assertEquals("RAW", publicSpec.getFormat());
        assertEquals(keyPair.getPublic(), keyFactory().generatePublic(publicSpec));
        assertArrayEquals(keyPair.getPrivate().getEncoded(),
                keyFactory().generatePrivate(privateSpec).getEncoded());
    }

    @Test
    void destroyedKeyRejected() throws Exception {
        PrivateKey privateKey = generateKeyPair().getPrivate();
        privateKey.destroy();

        InvalidKeyException e = assertThrows(InvalidKeyException.class,
                () -> kem().newDecapsulator(privateKey));
        assertTrue(e.getMessage().contains("destroyed"), e.getMessage());
    }
}
