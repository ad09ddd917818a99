package org.pqipsec.esp;

import java.security.InvalidKeyException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Field sizes and steps that both directions of an ESP SA share (RFC 4303 §2). Offsets are from
 * the start of the ESP header.
 */
final class EspFormat {

    static final int SPI_OFFSET = 0;
    static final int SEQUENCE_NUMBER_OFFSET = 4;
    static final int IV_OFFSET = 8;

    /** SPI and the 32-bit Sequence Number, the fixed part of the header. */
    static final int FIXED_HEADER_LENGTH = 8;

    /** Pad Length and Next Header, the two fixed bytes at the end of the plaintext. */
    static final int TRAILER_LENGTH = 2;

    /** Longest AAD: SPI, both halves of an ESN and, for GMAC, the 8-byte IV (RFC 4543 §5). */
    static final int MAX_AAD_LENGTH = 20;

    /**
     * Largest ESP packet this module builds: the maximum IPv4 total length and IPv6 payload
     * length without jumbograms.
     */
    static final int MAX_PACKET_LENGTH = 65_535;

    /** Largest SPI value that RFC 4303 §2.1 reserves (0 for local use, 1 to 255 by IANA). */
    private static final int MAX_RESERVED_SPI = 255;

    private EspFormat() {
    }

    /** Returns the length of SPI, Sequence Number and IV for {@code transform}. */
    static int headerLength(EspTransform transform) {
        return FIXED_HEADER_LENGTH + transform.ivLength();
    }

    /** Returns the shortest packet that can pass: an empty payload with no padding. */
    static int minPacketLength(EspTransform transform) {
        return headerLength(transform) + TRAILER_LENGTH + transform.icvLength();
    }

    /**
     * Returns the Padding length that makes payload, Padding, Pad Length and Next Header a
     * multiple of 4 bytes, so the ICV starts on a 4-byte boundary (RFC 4303 §2.4, RFC 4106 §3.2,
     * RFC 4543 §3.2, RFC 7634 §2). All transforms here are stream-like, so 4 is the only block.
     */
    static int padLength(int payloadLength) {
        return (-(payloadLength + TRAILER_LENGTH)) & 3;
    }

    /** Returns the ESP packet length for a payload, TFC padding included. */
    static int packetLength(EspTransform transform, int payloadLength) {
        return headerLength(transform) + payloadLength + padLength(payloadLength) + TRAILER_LENGTH
                + transform.icvLength();
    }

    /** Returns the largest payload whose packet fits in {@link #MAX_PACKET_LENGTH} bytes. */
    static int maxPayloadLength(EspTransform transform) {
        int room = MAX_PACKET_LENGTH - headerLength(transform) - transform.icvLength();
        return (room & ~3) - TRAILER_LENGTH;
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
     * Checks that {@code keyMaterial} is a cipher key for {@code transform} followed by the
     * 4-byte salt (RFC 4106 §8.1, RFC 4543 §3.2, RFC 7634 §4), and returns the key length.
     */
    static int keyLength(EspTransform transform, byte[] keyMaterial) throws InvalidKeyException {
        int keyLength = keyMaterial.length - EspTransform.SALT_LENGTH;
        if (!transform.isValidKeyLength(keyLength)) {
            throw new InvalidKeyException("keyMaterial for " + transform + " must be "
                    + transform.keyMaterialLengths() + " bytes, got " + keyMaterial.length + " bytes");
        }
        return keyLength;
    }

    /** Builds an engine from the key part of {@code keyMaterial} and wipes the temporary key copy. */
    static AeadEngine createEngine(AeadEngine.Factory factory, EspTransform transform,
            byte[] keyMaterial) throws InvalidKeyException {
        byte[] key = Arrays.copyOf(keyMaterial, keyLength(transform, keyMaterial));
        try {
            AeadEngine engine = Objects.requireNonNull(factory.create(transform, key),
                    "engine factory returned null");
            if (engine.tagLength() != transform.icvLength()) {
                engine.destroy();
                throw new IllegalArgumentException("engine tag length " + engine.tagLength()
                        + " does not match the " + transform.icvLength() + "-byte ICV of " + transform);
            }
            return engine;
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** Returns the salt, the last 4 bytes of {@code keyMaterial}, as a big-endian int. */
    static int salt(byte[] keyMaterial) {
        int n = keyMaterial.length;
        return (keyMaterial[n - 4] & 0xff) << 24 | (keyMaterial[n - 3] & 0xff) << 16
                | (keyMaterial[n - 2] & 0xff) << 8 | (keyMaterial[n - 1] & 0xff);
    }

    static String hex(int value) {
        return String.format("0x%08x", value);
    }

    /** Per-thread nonce and AAD buffers, so packets allocate no arrays. */
    static final class Scratch {
        final byte[] nonce = new byte[AeadEngine.NONCE_LENGTH];
        final byte[] aad = new byte[MAX_AAD_LENGTH];

        void wipe() {
            Arrays.fill(nonce, (byte) 0);
        }
    }

    /**
     * Fills the nonce salt ‖ IV (RFC 4106 §4, RFC 7634 §2) and the AAD SPI ‖ [Seq high] ‖ Seq low
     * (RFC 4106 §5, RFC 7634 §2.1), followed by the IV for GMAC (RFC 4543 §5), and returns the
     * AAD length.
     */
    static int fillNonceAndAad(Scratch scratch, EspTransform transform, int salt, int spi,
            long sequenceNumber, boolean extended, long iv) {
        Buffers.putInt(scratch.nonce, 0, salt);
        Buffers.putLong(scratch.nonce, 4, iv);

        byte[] aad = scratch.aad;
        Buffers.putInt(aad, 0, spi);
        int length = 4;
        if (extended) {
            Buffers.putInt(aad, length, (int) (sequenceNumber >>> 32));
            length += 4;
        }
        Buffers.putInt(aad, length, (int) sequenceNumber);
        length += 4;
        if (transform.authenticationOnly()) {
            Buffers.putLong(aad, length, iv);
            length += 8;
        }
        return length;
    }
}
