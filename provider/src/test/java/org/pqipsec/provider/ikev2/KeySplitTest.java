package org.pqipsec.provider.ikev2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.util.Arrays;
import java.util.List;

import javax.crypto.KDF;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.pqipsec.provider.PQIPsecProvider;
import org.pqipsec.provider.spec.ChildSaKeymatParameterSpec;
import org.pqipsec.provider.spec.ChildSaKeys;
import org.pqipsec.provider.spec.IkePrf;
import org.pqipsec.provider.spec.IkeSaKeys;
import org.pqipsec.provider.spec.IkeSaKeysParameterSpec;

/**
 * Checks how {@link IkeSaKeys} and {@link ChildSaKeys} cut a key stream: offsets, key names,
 * absent keys, length checks and {@code destroy()}. The stream contains 0, 1, 2, ... so each
 * key's first byte gives its offset.
 */
class KeySplitTest {

    @Test
    void ikeSaKeysSplitWithIntegrity() {
        // HMAC-SHA2-256 PRF, AES-128-CBC, HMAC-SHA2-256-128: 32 + 2 * 32 + 2 * 16 + 2 * 32 bytes.
        byte[] stream = counting(192);

        IkeSaKeys keys = IkeSaKeys.split(IkePrf.HMAC_SHA2_256, stream, 32, 16);

        assertKey(stream, 0, 32, "HmacSHA256", keys.skD());
        assertKey(stream, 32, 32, IkeSaKeys.INTEGRITY_KEY_ALGORITHM, keys.skAi().orElseThrow());
        assertKey(stream, 64, 32, IkeSaKeys.INTEGRITY_KEY_ALGORITHM, keys.skAr().orElseThrow());
        assertKey(stream, 96, 16, IkeSaKeys.ENCRYPTION_KEY_ALGORITHM, keys.skEi());
        assertKey(stream, 112, 16, IkeSaKeys.ENCRYPTION_KEY_ALGORITHM, keys.skEr());
        assertKey(stream, 128, 32, "HmacSHA256", keys.skPi());
        assertKey(stream, 160, 32, "HmacSHA256", keys.skPr());
    }

    @Test
    void ikeSaKeysSplitForAead() {
        // HMAC-SHA2-384 PRF, AES-256-GCM with salt: 48 + 2 * 36 + 2 * 48 bytes.
        byte[] stream = counting(216);

        IkeSaKeys keys = IkeSaKeys.split(IkePrf.HMAC_SHA2_384, stream, 0, 36);

        assertTrue(keys.skAi().isEmpty());
        assertTrue(keys.skAr().isEmpty());
        assertKey(stream, 0, 48, "HmacSHA384", keys.skD());
        assertKey(stream, 48, 36, IkeSaKeys.ENCRYPTION_KEY_ALGORITHM, keys.skEi());
        assertKey(stream, 84, 36, IkeSaKeys.ENCRYPTION_KEY_ALGORITHM, keys.skEr());
        assertKey(stream, 120, 48, "HmacSHA384", keys.skPi());
        assertKey(stream, 168, 48, "HmacSHA384", keys.skPr());
    }

    @Test
    void ikeSaKeysSplitRejectsWrongLength() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> IkeSaKeys.split(IkePrf.HMAC_SHA2_512, counting(216), 0, 36));

        assertTrue(thrown.getMessage().startsWith("keyMaterial must be 264 bytes"),
                thrown.getMessage());
    }

    @Test
    void ikeSaKeysSplitRejectsBadKeyLengths() {
        assertThrows(IllegalArgumentException.class,
                () -> IkeSaKeys.split(IkePrf.HMAC_SHA2_256, counting(96), -1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> IkeSaKeys.split(IkePrf.HMAC_SHA2_256, counting(96), 0, 0));
    }

    @Test
    void ikeSaKeysDestroyWipesEveryKey() {
        IkeSaKeys keys = IkeSaKeys.split(IkePrf.HMAC_SHA2_256, counting(192), 32, 16);
        List<SecretKey> all = List.of(
                keys.skD(),
                keys.skAi().orElseThrow(),
                keys.skAr().orElseThrow(),
                keys.skEi(),
                keys.skEr(),
                keys.skPi(),
                keys.skPr());

        keys.destroy();

        assertTrue(keys.isDestroyed());
        for (SecretKey key : all) {
            assertTrue(key.isDestroyed());
            assertThrows(IllegalStateException.class, key::getEncoded);
        }
    }

    @Test
    void splitKeysAreCopies() {
        byte[] stream = counting(192);
        IkeSaKeys keys = IkeSaKeys.split(IkePrf.HMAC_SHA2_256, stream, 32, 16);

        Arrays.fill(stream, (byte) 0);
        Arrays.fill(keys.skD().getEncoded(), (byte) 0);

        assertArrayEquals(Arrays.copyOfRange(counting(192), 0, 32), keys.skD().getEncoded());
    }

    @Test
    void childSaKeysSplitInKeymatOrder() {
        // ESP with AES-128-CBC and HMAC-SHA2-256-128: encryption key first in each direction.
        byte[] keymat = counting(96);

        ChildSaKeys keys = ChildSaKeys.split(keymat, 32, 16);

        assertKey(keymat, 0, 16, IkeSaKeys.ENCRYPTION_KEY_ALGORITHM,
                keys.initiatorToResponderEncryptionKey().orElseThrow());
        assertKey(keymat, 16, 32, IkeSaKeys.INTEGRITY_KEY_ALGORITHM,
                keys.initiatorToResponderIntegrityKey().orElseThrow());
        assertKey(keymat, 48, 16, IkeSaKeys.ENCRYPTION_KEY_ALGORITHM,
                keys.responderToInitiatorEncryptionKey().orElseThrow());
        assertKey(keymat, 64, 32, IkeSaKeys.INTEGRITY_KEY_ALGORITHM,
                keys.responderToInitiatorIntegrityKey().orElseThrow());
    }

    @Test
    void childSaKeysSplitForAead() {
        byte[] keymat = counting(72);

        ChildSaKeys keys = ChildSaKeys.split(keymat, 0, 36);

        assertTrue(keys.initiatorToResponderIntegrityKey().isEmpty());
        assertTrue(keys.responderToInitiatorIntegrityKey().isEmpty());
        assertKey(keymat, 0, 36, IkeSaKeys.ENCRYPTION_KEY_ALGORITHM,
                keys.initiatorToResponderEncryptionKey().orElseThrow());
        assertKey(keymat, 36, 36, IkeSaKeys.ENCRYPTION_KEY_ALGORITHM,
                keys.responderToInitiatorEncryptionKey().orElseThrow());
    }

    /** AH, or ESP with ENCR_NULL, has an integrity key only. */
    @Test
    void childSaKeysSplitIntegrityOnly() {
        byte[] keymat = counting(64);

        ChildSaKeys keys = ChildSaKeys.split(keymat, 32, 0);

        assertTrue(keys.initiatorToResponderEncryptionKey().isEmpty());
        assertTrue(keys.responderToInitiatorEncryptionKey().isEmpty());
        assertKey(keymat, 0, 32, IkeSaKeys.INTEGRITY_KEY_ALGORITHM,
                keys.initiatorToResponderIntegrityKey().orElseThrow());
        assertKey(keymat, 32, 32, IkeSaKeys.INTEGRITY_KEY_ALGORITHM,
                keys.responderToInitiatorIntegrityKey().orElseThrow());

        keys.destroy();

        assertTrue(keys.isDestroyed());
        assertThrows(IllegalStateException.class,
                () -> keys.responderToInitiatorIntegrityKey().orElseThrow().getEncoded());
    }

    @Test
    void deriveRejectsOtherPrfKdf() throws GeneralSecurityException {
        KDF kdf = KDF.getInstance(IkePrf.HMAC_SHA2_256.kdfAlgorithm(), new PQIPsecProvider());
        IkeSaKeysParameterSpec spec = new IkeSaKeysParameterSpec(
                new SecretKeySpec(counting(64), "HmacSHA512"), counting(32), counting(32),
                counting(8), counting(8), 0, 36);

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> IkeSaKeys.derive(kdf, IkePrf.HMAC_SHA2_512, spec));

        assertTrue(thrown.getMessage().startsWith("KDF IKEv2-HMAC-SHA256 runs the IKEv2 key"
                + " schedule with HMAC_SHA2_256, but prf is HMAC_SHA2_512"), thrown.getMessage());
        assertTrue(thrown.getMessage().contains("IKEv2-HMAC-SHA512"), thrown.getMessage());
    }

    @Test
    void deriveRejectsOtherPrfAlias() throws GeneralSecurityException {
        KDF kdf = KDF.getInstance(IkePrf.AES128_CMAC.kdfAlias(), new PQIPsecProvider());
        IkeSaKeysParameterSpec spec = new IkeSaKeysParameterSpec(
                new SecretKeySpec(counting(20), "HmacSHA1"), counting(16), counting(16),
                counting(8), counting(8), 20, 16);

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> IkeSaKeys.derive(kdf, IkePrf.HMAC_SHA1, spec));

        assertTrue(thrown.getMessage().startsWith("KDF IKEv2-PRF-8 runs the IKEv2 key schedule"
                + " with AES128_CMAC, but prf is HMAC_SHA1"), thrown.getMessage());
    }

    @Test
    void deriveAcceptsMatchingAlias() throws GeneralSecurityException {
        KDF kdf = KDF.getInstance(IkePrf.HMAC_SHA2_512.kdfAlias(), new PQIPsecProvider());
        IkeSaKeysParameterSpec spec = new IkeSaKeysParameterSpec(
                new SecretKeySpec(counting(64), "HmacSHA512"), counting(32), counting(32),
                counting(8), counting(8), 0, 36);

        IkeSaKeys keys = IkeSaKeys.derive(kdf, IkePrf.HMAC_SHA2_512, spec);

        assertEquals(64, keys.skD().getEncoded().length);
        assertEquals(36, keys.skEi().getEncoded().length);
    }

    @Test
    void childSaKeysSplitRejectsBadLengths() {
        assertThrows(IllegalArgumentException.class, () -> ChildSaKeys.split(counting(64), 0, 0));
        assertThrows(IllegalArgumentException.class, () -> ChildSaKeys.split(counting(64), -1, 33));
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> ChildSaKeys.split(counting(64), 32, 16));

        assertTrue(thrown.getMessage().startsWith("keymat must be 96 bytes"), thrown.getMessage());
    }

    @Test
    void childSaKeysDeriveChecksSpecLength() throws GeneralSecurityException {
        KDF kdf = KDF.getInstance(IkePrf.HMAC_SHA2_256.kdfAlgorithm(), new PQIPsecProvider());
        SecretKey skD = new SecretKeySpec(counting(32), "HmacSHA256");
        ChildSaKeymatParameterSpec spec =
                new ChildSaKeymatParameterSpec(skD, counting(16), counting(16), 64);

        InvalidAlgorithmParameterException thrown = assertThrows(
                InvalidAlgorithmParameterException.class,
                () -> ChildSaKeys.derive(kdf, spec, 32, 16));

        assertTrue(thrown.getMessage().startsWith("length must be 96"), thrown.getMessage());
    }

    @Test
    void childSaKeysDeriveMatchesDeriveData() throws GeneralSecurityException {
        KDF kdf = KDF.getInstance(IkePrf.HMAC_SHA2_512.kdfAlgorithm(), new PQIPsecProvider());
        SecretKey skD = new SecretKeySpec(counting(64), "HmacSHA512");
        ChildSaKeymatParameterSpec spec =
                new ChildSaKeymatParameterSpec(skD, counting(32), counting(32), 72);

        ChildSaKeys derived = ChildSaKeys.derive(kdf, spec, 0, 36);
        byte[] keymat = kdf.deriveData(spec);

        assertArrayEquals(Arrays.copyOfRange(keymat, 0, 36),
                derived.initiatorToResponderEncryptionKey().orElseThrow().getEncoded());
        assertArrayEquals(Arrays.copyOfRange(keymat, 36, 72),
                derived.responderToInitiatorEncryptionKey().orElseThrow().getEncoded());
        assertFalse(derived.isDestroyed());
    }

    private static void assertKey(
            byte[] stream, int offset, int length, String algorithm, SecretKey key) {
        assertEquals(algorithm, key.getAlgorithm());
        assertEquals("RAW", key.getFormat());
        assertArrayEquals(Arrays.copyOfRange(stream, offset, offset + length), key.getEncoded(),
                "key at offset " + offset);
    }

    /** Returns 0, 1, 2, ... wrapping at 256. */
    private static byte[] counting(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }
}
