package org.pqipsec.provider.ikev2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.HexFormat;

import javax.crypto.KDF;
import javax.crypto.KEM;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.pqipsec.provider.PQIPsecProvider;
import org.pqipsec.provider.key.DestroyableSecretKey;
import org.pqipsec.provider.spec.EncryptionAlgorithm;
import org.pqipsec.provider.spec.EncryptionTransform;
import org.pqipsec.provider.spec.IkePrf;
import org.pqipsec.provider.spec.IkeSaKeys;
import org.pqipsec.provider.spec.IkeSaKeysParameterSpec;
import org.pqipsec.provider.spec.SkeyseedParameterSpec;

/**
 * The keys that {@code deriveKey} returns and takes: the caller can destroy them, and a KEM
 * shared secret of this provider works as g^ir in SKEYSEED.
 */
class Ikev2KdfSecretKeyTest {

    private static final PQIPsecProvider PROVIDER = new PQIPsecProvider();

    private static final byte[] NI = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
    private static final byte[] NR = HexFormat.of().parseHex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff");
    private static final byte[] SPI_I = HexFormat.of().parseHex("0011223344556677");
    private static final byte[] SPI_R = HexFormat.of().parseHex("8899aabbccddeeff");

    private static SecretKey kemSecret() throws Exception {
        KeyPair client = KeyPairGenerator.getInstance("X25519MLKEM768", PROVIDER)
                .generateKeyPair();
        KEM kem = KEM.getInstance("X25519MLKEM768", PROVIDER);
        KEM.Encapsulated server = kem.newEncapsulator(client.getPublic()).encapsulate();
        return kem.newDecapsulator(client.getPrivate()).decapsulate(server.encapsulation());
    }

    @Test
    void deriveKeyResultDestroys() throws Exception {
        KDF kdf = KDF.getInstance("IKEv2-HMAC-SHA256", PROVIDER);
        SecretKey gir = new SecretKeySpec(new byte[32], "Generic");

        SecretKey skeyseed = kdf.deriveKey("IKEv2-SKEYSEED",
                new SkeyseedParameterSpec(NI, NR, gir));
        assertInstanceOf(DestroyableSecretKey.class, skeyseed);
        assertEquals(32, skeyseed.getEncoded().length);
        skeyseed.destroy();

        assertTrue(skeyseed.isDestroyed());
        assertThrows(IllegalStateException.class, skeyseed::getEncoded);
    }

    @Test
    void kemSecretFeedsSkeyseed() throws Exception {
        SecretKey sharedSecret = kemSecret();
        SecretKey plain = new SecretKeySpec(sharedSecret.getEncoded(), "Generic");
        IkePrf prf = IkePrf.HMAC_SHA2_256;
        KDF kdf = KDF.getInstance(prf.kdfAlgorithm(), PROVIDER);

        SecretKey skeyseed = kdf.deriveKey("IKEv2-SKEYSEED",
                new SkeyseedParameterSpec(NI, NR, sharedSecret));
        byte[] expected = kdf.deriveData(new SkeyseedParameterSpec(NI, NR, plain));
        assertArrayEquals(expected, skeyseed.getEncoded());

        EncryptionTransform aesGcm = new EncryptionTransform(EncryptionAlgorithm.AES_GCM_16, 256);
        IkeSaKeys keys = IkeSaKeys.derive(kdf, prf,
                new IkeSaKeysParameterSpec(skeyseed, NI, NR, SPI_I, SPI_R, aesGcm, null));
        assertEquals(32, keys.skD().getEncoded().length);

        keys.destroy();
        skeyseed.destroy();
        sharedSecret.destroy();
        assertThrows(IllegalStateException.class, sharedSecret::getEncoded);
    }

    @Test
    void deriveKeyResultInitsSunJceMac() throws Exception {
        KDF kdf = KDF.getInstance("IKEv2-HMAC-SHA256", PROVIDER);
        SkeyseedParameterSpec spec = new SkeyseedParameterSpec(NI, NR, kemSecret());
        SecretKey ours = kdf.deriveKey("HmacSHA256", spec);
        byte[] message = "IKE_AUTH".getBytes(StandardCharsets.US_ASCII);

        Mac mac = Mac.getInstance("HmacSHA256", "SunJCE");
        mac.init(ours);
        byte[] tag = mac.doFinal(message);
        mac.init(new SecretKeySpec(kdf.deriveData(spec), "HmacSHA256"));

        assertArrayEquals(mac.doFinal(message), tag);
    }
}
