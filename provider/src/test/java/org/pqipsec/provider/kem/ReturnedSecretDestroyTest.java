package org.pqipsec.provider.kem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pqipsec.provider.kem.KemTestSupport.PROVIDER;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;

import javax.crypto.Cipher;
import javax.crypto.KDF;
import javax.crypto.KEM;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.HKDFParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.pqipsec.provider.key.DestroyableSecretKey;

/**
 * The secrets that the KEMs and {@code KeyAgreement X25519} return: the caller can destroy them,
 * and SunJCE's Mac, Cipher and HKDF accept them as they accept a {@link SecretKeySpec}.
 */
class ReturnedSecretDestroyTest {

    private static void assertDestroys(SecretKey key, int length) throws Exception {
        assertInstanceOf(DestroyableSecretKey.class, key);
        byte[] before = key.getEncoded();

        key.destroy();

        assertTrue(key.isDestroyed());
        assertThrows(IllegalStateException.class, key::getEncoded);
        assertEquals(length, before.length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"X25519", "ML-KEM-512", "ML-KEM-768", "ML-KEM-1024",
            "X25519MLKEM768", "SecP256r1MLKEM768", "SecP384r1MLKEM1024", "X-Wing"})
    void kemSecretsDestroy(String algorithm) throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance(algorithm, PROVIDER).generateKeyPair();
        KEM kem = KEM.getInstance(algorithm, PROVIDER);
        KEM.Encapsulator encapsulator = kem.newEncapsulator(pair.getPublic());
        KEM.Encapsulated encapsulated = encapsulator.encapsulate();
        SecretKey decapsulated = kem.newDecapsulator(pair.getPrivate())
                .decapsulate(encapsulated.encapsulation());

        assertEquals(encapsulated.key(), decapsulated);
        assertDestroys(encapsulated.key(), encapsulator.secretSize());
        assertDestroys(decapsulated, encapsulator.secretSize());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Generic", "TlsPremasterSecret"})
    void x25519GenerateSecretDestroys(String algorithm) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("X25519", PROVIDER);
        KeyPair alice = generator.generateKeyPair();
        KeyPair bob = generator.generateKeyPair();
        KeyAgreement agreement = KeyAgreement.getInstance("X25519", PROVIDER);
        agreement.init(alice.getPrivate());
        agreement.doPhase(bob.getPublic(), true);

        SecretKey key = agreement.generateSecret(algorithm);

        assertEquals(algorithm, key.getAlgorithm());
        assertDestroys(key, 32);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ML-KEM-768", "X25519MLKEM768"})
    void sunJceAcceptsKemSecret(String algorithm) throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance(algorithm, PROVIDER).generateKeyPair();
        SecretKey ours = KEM.getInstance(algorithm, PROVIDER).newEncapsulator(pair.getPublic())
                .encapsulate(0, 32, "AES").key();
        SecretKeySpec plain = new SecretKeySpec(ours.getEncoded(), "AES");
        byte[] message = "ESP payload".getBytes(StandardCharsets.US_ASCII);

        Mac mac = Mac.getInstance("HmacSHA256", "SunJCE");
        mac.init(ours);
        byte[] tag = mac.doFinal(message);
        mac.init(plain);
        assertArrayEquals(mac.doFinal(message), tag);

        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
        GCMParameterSpec gcm = new GCMParameterSpec(128, new byte[12]);
        cipher.init(Cipher.ENCRYPT_MODE, ours, gcm);
        byte[] sealed = cipher.doFinal(message);
        cipher.init(Cipher.DECRYPT_MODE, plain, gcm);
        assertArrayEquals(message, cipher.doFinal(sealed));

        KDF hkdf = KDF.getInstance("HKDF-SHA256", "SunJCE");
        byte[] fromOurs = hkdf.deriveData(HKDFParameterSpec.ofExtract().addIKM(ours)
                .thenExpand(new byte[0], 32));
        byte[] fromPlain = hkdf.deriveData(HKDFParameterSpec.ofExtract().addIKM(plain)
                .thenExpand(new byte[0], 32));
        assertArrayEquals(fromPlain, fromOurs);
    }
}
