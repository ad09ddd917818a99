package org.pqipsec.esp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.InvalidKeyException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JceAesGcmEngineTest {

    private static final HexFormat HEX = HexFormat.of();

    /**
     * AES-256 case of draft-mcgrew-gcm-test-01 §4 (as reproduced in public GCM test suites):
     * key, nonce, AAD, plaintext, ciphertext followed by the tag.
     */
    private static final byte[] KEY = HEX.parseHex(
            "abbccddef00112233445566778899aababbccddef00112233445566778899aab");
    private static final byte[] NONCE = HEX.parseHex("112233440102030405060708");
    private static final byte[] AAD = HEX.parseHex("4a2cbfe300000002");
    private static final byte[] PLAINTEXT = HEX.parseHex(
            "4500003069a6400080062690c0a801029389155e0a9e008b2dc57ee000000000"
            + "7002400020bf0000020405b40101040201020201");
    private static final byte[] CIPHERTEXT_AND_TAG = HEX.parseHex(
            "ff425c9b724599df7a3bcd510194e00d6a78107f1b0b1cbf06efae9d65a5d763"
            + "748a637985771d347f0545659f14e99def842d8eb335f4eecfdbf831824b4c49"
            + "15956c96");

    @Test
    void sealMatchesPublishedVector() throws Exception {
        JceAesGcmEngine engine = new JceAesGcmEngine(KEY);
        byte[] buffer = new byte[3 + PLAINTEXT.length + AeadEngine.TAG_LENGTH + 5];
        System.arraycopy(PLAINTEXT, 0, buffer, 3, PLAINTEXT.length);

        engine.seal(NONCE, AAD, buffer, 3, PLAINTEXT.length);

        assertArrayEquals(CIPHERTEXT_AND_TAG,
                Arrays.copyOfRange(buffer, 3, 3 + CIPHERTEXT_AND_TAG.length));
        assertArrayEquals(new byte[3], Arrays.copyOf(buffer, 3));
        assertArrayEquals(new byte[5], Arrays.copyOfRange(buffer, buffer.length - 5, buffer.length));
    }

    @Test
    void openMatchesPublishedVector() throws Exception {
        JceAesGcmEngine engine = new JceAesGcmEngine(KEY);
        byte[] output = new byte[PLAINTEXT.length + 2];

        int length = engine.open(NONCE, AAD, CIPHERTEXT_AND_TAG, 0, CIPHERTEXT_AND_TAG.length,
                output, 2);

        assertEquals(PLAINTEXT.length, length);
        assertArrayEquals(PLAINTEXT, Arrays.copyOfRange(output, 2, output.length));
    }

    @Test
    void tamperedInputFailsAndLeavesNoPlaintext() throws Exception {
        JceAesGcmEngine engine = new JceAesGcmEngine(KEY);
        byte[] tamperedAad = AAD.clone();
        tamperedAad[7] ^= 1;
        byte[] tamperedNonce = NONCE.clone();
        tamperedNonce[0] ^= 1;

        for (int position = 0; position < CIPHERTEXT_AND_TAG.length; position++) {
            byte[] tampered = CIPHERTEXT_AND_TAG.clone();
            tampered[position] ^= (byte) 0x80;
            assertOpenFails(engine, NONCE, AAD, tampered, "byte " + position);
        }
        assertOpenFails(engine, NONCE, tamperedAad, CIPHERTEXT_AND_TAG, "AAD");
        assertOpenFails(engine, tamperedNonce, AAD, CIPHERTEXT_AND_TAG, "nonce");
    }

    private static void assertOpenFails(AeadEngine engine, byte[] nonce, byte[] aad, byte[] input,
            String context) {
        byte[] output = new byte[input.length - AeadEngine.TAG_LENGTH];
        Arrays.fill(output, (byte) 0x55);

        assertThrows(AEADBadTagException.class,
                () -> engine.open(nonce, aad, input, 0, input.length, output, 0), context);

        assertArrayEquals(new byte[output.length], output, context);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 15, 17, 20, 31, 33, 36})
    void keyOfWrongLengthRejected(int length) {
        InvalidKeyException e = assertThrows(InvalidKeyException.class,
                () -> new JceAesGcmEngine(new byte[length]));
        assertEquals("AES key must be 16, 24 or 32 bytes, got " + length + " bytes", e.getMessage());
    }

    @Test
    void keyIsCopied() throws Exception {
        byte[] key = KEY.clone();
        JceAesGcmEngine engine = new JceAesGcmEngine(key);
        Arrays.fill(key, (byte) 0);
        byte[] output = new byte[PLAINTEXT.length];

        engine.open(NONCE, AAD, CIPHERTEXT_AND_TAG, 0, CIPHERTEXT_AND_TAG.length, output, 0);

        assertArrayEquals(PLAINTEXT, output);
    }

    @Test
    void badArgumentsRejected() throws Exception {
        JceAesGcmEngine engine = new JceAesGcmEngine(KEY);
        byte[] buffer = new byte[40];

        IllegalArgumentException nonce = assertThrows(IllegalArgumentException.class,
                () -> engine.seal(new byte[11], AAD, buffer, 0, 8));
        assertEquals("nonce must be 12 bytes, got 11", nonce.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> engine.seal(NONCE, AAD, buffer, 0, 25));
        assertThrows(IndexOutOfBoundsException.class, () -> engine.seal(NONCE, AAD, buffer, -1, 8));
        assertThrows(IllegalArgumentException.class,
                () -> engine.open(NONCE, AAD, buffer, 0, 15, new byte[16], 0));
        assertThrows(IndexOutOfBoundsException.class,
                () -> engine.open(NONCE, AAD, buffer, 0, 40, new byte[23], 0));
        assertThrows(NullPointerException.class, () -> engine.seal(NONCE, null, buffer, 0, 8));
    }

    @Test
    void destroyedEngineRejectsUse() throws Exception {
        JceAesGcmEngine engine = new JceAesGcmEngine(KEY);
        assertFalse(engine.isDestroyed());

        engine.destroy();
        engine.destroy();

        assertTrue(engine.isDestroyed());
        assertThrows(IllegalStateException.class,
                () -> engine.seal(NONCE, AAD, new byte[PLAINTEXT.length + 16], 0, PLAINTEXT.length));
        assertThrows(IllegalStateException.class, () -> engine.open(NONCE, AAD, CIPHERTEXT_AND_TAG,
                0, CIPHERTEXT_AND_TAG.length, new byte[PLAINTEXT.length], 0));
    }
}
