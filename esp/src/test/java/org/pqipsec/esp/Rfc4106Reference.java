package org.pqipsec.esp;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * ESP packet construction written from RFC 4303 §2 and RFC 4106 §3 to §5 with a plain
 * {@code AES/GCM/NoPadding} cipher, independent of the production code, so tests can compare
 * packets byte for byte and build packets that the production code would never send.
 */
final class Rfc4106Reference {

    private Rfc4106Reference() {
    }

    /** Builds a packet with the minimal Padding 1, 2, 3 that aligns the trailer to 4 bytes. */
    static byte[] espPacket(byte[] aesKey, byte[] salt, int spi, int sequenceNumber, long iv,
            byte[] payload, int nextHeader) throws GeneralSecurityException {
        int padLength = 0;
        while ((payload.length + padLength + 2) % 4 != 0) {
            padLength++;
        }
        ByteBuffer plaintext = ByteBuffer.allocate(payload.length + padLength + 2);
        plaintext.put(payload);
        for (int i = 1; i <= padLength; i++) {
            plaintext.put((byte) i);
        }
        plaintext.put((byte) padLength);
        plaintext.put((byte) nextHeader);
        return espPacketWithPlaintext(aesKey, salt, spi, sequenceNumber, iv, plaintext.array());
    }

    /**
     * Builds a packet around an arbitrary plaintext, which must already end with Pad Length and
     * Next Header. Tests use it to authenticate malformed padding.
     */
    static byte[] espPacketWithPlaintext(byte[] aesKey, byte[] salt, int spi, int sequenceNumber,
            long iv, byte[] plaintext) throws GeneralSecurityException {
        byte[] nonce = ByteBuffer.allocate(12).put(salt).putLong(iv).array();
        byte[] aad = ByteBuffer.allocate(8).putInt(spi).putInt(sequenceNumber).array();

        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aesKey, "AES"),
                new GCMParameterSpec(128, nonce));
        cipher.updateAAD(aad);
        byte[] ciphertextAndTag = cipher.doFinal(plaintext);

        return ByteBuffer.allocate(16 + ciphertextAndTag.length)
                .putInt(spi)
                .putInt(sequenceNumber)
                .putLong(iv)
                .put(ciphertextAndTag)
                .array();
    }

    /** Returns {@code aesKey ‖ salt}, the KEYMAT layout of RFC 4106 §8.1. */
    static byte[] keyMaterial(byte[] aesKey, byte[] salt) {
        return ByteBuffer.allocate(aesKey.length + salt.length).put(aesKey).put(salt).array();
    }
}
