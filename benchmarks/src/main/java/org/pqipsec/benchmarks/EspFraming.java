package org.pqipsec.benchmarks;

import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;

/**
 * The ESP packet layout with ENCR_AES_GCM_16 for the peers that do their own framing
 * (RFC 4303 §2, RFC 4106 §3 to §5), without an anti-replay window:
 *
 * <pre>
 *   SPI (4) | Sequence Number (4) | IV (8) | Payload | Padding 1, 2, 3 | Pad Length | Next Header | ICV (16)
 * </pre>
 *
 * The IV is the 64-bit sequence counter, the nonce is salt ‖ IV and the AAD is SPI ‖ Sequence
 * Number.
 */
final class EspFraming {

    static final int HEADER_LENGTH = 16;
    static final int ICV_LENGTH = 16;
    static final int NONCE_LENGTH = 12;
    static final int AAD_LENGTH = 8;

    /** Next Header of a tunnelled IPv4 packet. */
    static final int NEXT_HEADER_IPV4 = 4;

    private EspFraming() {}

    /**
     * Returns a packet with the header written and the plaintext (payload, padding, Pad Length,
     * Next Header) in place at {@link #HEADER_LENGTH}, followed by room for the ICV.
     */
    static byte[] frame(int spi, long sequenceNumber, byte[] payload) {
        int padLength = (-(payload.length + 2)) & 3;
        byte[] packet = new byte[HEADER_LENGTH + payload.length + padLength + 2 + ICV_LENGTH];
        writeInt(packet, 0, spi);
        writeInt(packet, 4, (int) sequenceNumber);
        writeInt(packet, 8, (int) (sequenceNumber >>> 32));
        writeInt(packet, 12, (int) sequenceNumber);
        System.arraycopy(payload, 0, packet, HEADER_LENGTH, payload.length);
        int trailer = HEADER_LENGTH + payload.length;
        for (int i = 0; i < padLength; i++) {
            packet[trailer + i] = (byte) (i + 1);
        }
        packet[trailer + padLength] = (byte) padLength;
        packet[trailer + padLength + 1] = (byte) NEXT_HEADER_IPV4;
        return packet;
    }

    /** Returns the length of the plaintext of {@code packet}, which excludes header and ICV. */
    static int plaintextLength(byte[] packet) {
        return packet.length - HEADER_LENGTH - ICV_LENGTH;
    }

    /** Returns salt ‖ IV, the nonce of RFC 4106 §4. */
    static byte[] nonce(byte[] salt, byte[] packet) {
        byte[] nonce = new byte[NONCE_LENGTH];
        System.arraycopy(salt, 0, nonce, 0, 4);
        System.arraycopy(packet, 8, nonce, 4, 8);
        return nonce;
    }

    /** Returns SPI ‖ Sequence Number, the AAD of RFC 4106 §5. */
    static byte[] aad(byte[] packet) {
        return Arrays.copyOf(packet, AAD_LENGTH);
    }

    /**
     * Checks that a received packet is long enough and carries {@code spi}.
     *
     * @throws AEADBadTagException if it is too short or has another SPI
     */
    static void checkSpi(byte[] packet, int spi) throws AEADBadTagException {
        if (packet.length < HEADER_LENGTH + 2 + ICV_LENGTH || readInt(packet, 0) != spi) {
            throw new AEADBadTagException("ESP packet is too short or has another SPI");
        }
    }

    /**
     * Returns the payload of a decrypted plaintext after checking the Padding bytes 1, 2, 3, ...
     *
     * @throws GeneralSecurityException if Pad Length or Padding is invalid
     */
    static byte[] payload(byte[] plaintext, int length) throws GeneralSecurityException {
        int padLength = plaintext[length - 2] & 0xff;
        int payloadLength = length - 2 - padLength;
        if (payloadLength < 0) {
            throw new GeneralSecurityException("ESP Pad Length " + padLength + " exceeds the plaintext");
        }
        for (int i = 0; i < padLength; i++) {
            if (plaintext[payloadLength + i] != (byte) (i + 1)) {
                throw new GeneralSecurityException("ESP Padding byte " + i + " is not " + (i + 1));
            }
        }
        return Arrays.copyOf(plaintext, payloadLength);
    }

    static int readInt(byte[] buffer, int offset) {
        return (buffer[offset] & 0xff) << 24 | (buffer[offset + 1] & 0xff) << 16
                | (buffer[offset + 2] & 0xff) << 8 | (buffer[offset + 3] & 0xff);
    }

    private static void writeInt(byte[] buffer, int offset, int value) {
        buffer[offset] = (byte) (value >>> 24);
        buffer[offset + 1] = (byte) (value >>> 16);
        buffer[offset + 2] = (byte) (value >>> 8);
        buffer[offset + 3] = (byte) value;
    }
}
