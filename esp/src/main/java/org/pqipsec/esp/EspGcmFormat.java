package org.pqipsec.esp;

import java.security.InvalidKeyException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Field sizes and shared steps of ESP (RFC 4303 §2) with ENCR_AES_GCM_16 (RFC 4106 §3 to §8).
 * Offsets are from the start of the ESP header.
 */
final class EspGcmFormat {

    static final int SPI_OFFSET = 0;
    static final int SEQUENCE_NUMBER_OFFSET = 4;
    static final int IV_OFFSET = 8;
    static final int IV_LENGTH = 8;

    /** Offset of the ciphertext, which follows SPI, Sequence Number and IV. */
    static final int CIPHERTEXT_OFFSET = IV_OFFSET + IV_LENGTH;

    /** SPI and 32-bit Sequence Number, which form the AAD (RFC 4106 §5). */
    static final int AAD_LENGTH = 8;

    static final int SALT_LENGTH = 4;
    static final int ICV_LENGTH = AeadEngine.TAG_LENGTH;

    /** Pad Length and Next Header, the two fixed bytes at the end of the plaintext. */
    static final int TRAILER_LENGTH = 2;

    /** Shortest packet that can pass: an empty payload with no padding. */
    static final int MIN_PACKET_LENGTH = CIPHERTEXT_OFFSET + TRAILER_LENGTH + ICV_LENGTH;

    /**
     * Largest ESP packet this module builds. It is the maximum IPv4 total length and the
     * maximum IPv6 payload length without jumbograms, so a larger packet cannot be carried.
     */
    static final int MAX_PACKET_LENGTH = 65_535;

    /** Largest SPI value that RFC 4303 §2.1 reserves (0 for local use, 1 to 255 by IANA). */
    private static final int MAX_RESERVED_SPI = 255;

    private static final int AES_128_KEY_LENGTH = 16;
    private static final int AES_256_KEY_LENGTH = 32;

    private EspGcmFormat() {
    }

    /**
     * Rejects SPI values that RFC 4303 §2.1 reserves: 0 must never be sent, and 1 to 255 are
     * reserved by IANA.
     */
    static void requireAssignableSpi(int spi) {
        if (Integer.compareUnsigned(spi, MAX_RESERVED_SPI) <= 0) {
            throw new IllegalArgumentException("spi must not be in the reserved range 0 to "
                    + MAX_RESERVED_SPI + " (RFC 4303 §2.1), got " + Integer.toUnsignedString(spi));
        }
    }

    /**
     * Checks that {@code keyMaterial} is an AES-128 or AES-256 key followed by the 4-byte salt,
     * the KEYMAT layout of RFC 4106 §8.1, and returns the key length.
     */
    static int aesKeyLength(byte[] keyMaterial) throws InvalidKeyException {
        int length = keyMaterial.length;
        if (length != AES_128_KEY_LENGTH + SALT_LENGTH && length != AES_256_KEY_LENGTH + SALT_LENGTH) {
            throw new InvalidKeyException("keyMaterial must be "
                    + (AES_128_KEY_LENGTH + SALT_LENGTH) + " bytes (AES-128 key and 4-byte salt) or "
                    + (AES_256_KEY_LENGTH + SALT_LENGTH) + " bytes (AES-256 key and 4-byte salt), got "
                    + length + " bytes");
        }
        return length - SALT_LENGTH;
    }

    /**
     * Builds an engine from the key part of {@code keyMaterial} and wipes the temporary key copy.
     */
    static AeadEngine createEngine(AeadEngine.Factory engineFactory, byte[] keyMaterial)
            throws InvalidKeyException {
        byte[] aesKey = Arrays.copyOf(keyMaterial, aesKeyLength(keyMaterial));
        try {
            return Objects.requireNonNull(engineFactory.create(aesKey), "engineFactory returned null");
        } finally {
            Arrays.fill(aesKey, (byte) 0);
        }
    }

    /** Returns the salt, the last 4 bytes of {@code keyMaterial} (RFC 4106 §8.1). */
    static byte[] salt(byte[] keyMaterial) {
        return Arrays.copyOfRange(keyMaterial, keyMaterial.length - SALT_LENGTH, keyMaterial.length);
    }

    /**
     * Builds the nonce of RFC 4106 §4: salt followed by the explicit IV, which sits in
     * {@code packet} at {@link #IV_OFFSET}.
     */
    static byte[] nonce(byte[] salt, byte[] packet) {
        byte[] nonce = new byte[AeadEngine.NONCE_LENGTH];
        System.arraycopy(salt, 0, nonce, 0, SALT_LENGTH);
        System.arraycopy(packet, IV_OFFSET, nonce, SALT_LENGTH, IV_LENGTH);
        return nonce;
    }

    /** Returns the AAD of RFC 4106 §5 without ESN: SPI followed by the 32-bit sequence number. */
    static byte[] aad(byte[] packet) {
        return Arrays.copyOfRange(packet, SPI_OFFSET, SPI_OFFSET + AAD_LENGTH);
    }

    /**
     * Returns the Padding length that makes payload, Padding, Pad Length and Next Header a
     * multiple of 4 bytes, so the ICV starts on a 4-byte boundary (RFC 4303 §2.4, RFC 4106 §3.2).
     */
    static int padLength(int payloadLength) {
        return (-(payloadLength + TRAILER_LENGTH)) & 3;
    }

    static void writeInt(byte[] buffer, int offset, int value) {
        buffer[offset] = (byte) (value >>> 24);
        buffer[offset + 1] = (byte) (value >>> 16);
        buffer[offset + 2] = (byte) (value >>> 8);
        buffer[offset + 3] = (byte) value;
    }

    static void writeLong(byte[] buffer, int offset, long value) {
        writeInt(buffer, offset, (int) (value >>> 32));
        writeInt(buffer, offset + 4, (int) value);
    }

    static int readInt(byte[] buffer, int offset) {
        return (buffer[offset] & 0xff) << 24
                | (buffer[offset + 1] & 0xff) << 16
                | (buffer[offset + 2] & 0xff) << 8
                | (buffer[offset + 3] & 0xff);
    }
}
