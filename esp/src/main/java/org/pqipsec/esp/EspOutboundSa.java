package org.pqipsec.esp;

import static org.pqipsec.esp.EspGcmFormat.CIPHERTEXT_OFFSET;
import static org.pqipsec.esp.EspGcmFormat.ICV_LENGTH;
import static org.pqipsec.esp.EspGcmFormat.IV_OFFSET;
import static org.pqipsec.esp.EspGcmFormat.MAX_PACKET_LENGTH;
import static org.pqipsec.esp.EspGcmFormat.SEQUENCE_NUMBER_OFFSET;
import static org.pqipsec.esp.EspGcmFormat.SPI_OFFSET;
import static org.pqipsec.esp.EspGcmFormat.TRAILER_LENGTH;

import java.security.InvalidKeyException;
import java.util.Arrays;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * Sending side of one ESP SA with ENCR_AES_GCM_16, which turns payloads into ESP packets
 * (RFC 4303 §3.3, RFC 4106).
 *
 * <p>Sequence numbers start at 1 and never wrap (RFC 4303 §3.3.3). After 2^32 - 1 packets,
 * {@link #encapsulate} throws {@link IllegalStateException} and the SA must be replaced. The
 * explicit IV of each packet is the 64-bit sequence counter, so IVs never repeat under one key
 * (RFC 4106 §3.1). Two SA objects must therefore never share keying material.
 *
 * <p>Instances are thread-safe. Call {@link #destroy()} when the SA is deleted or rekeyed.
 */
public final class EspOutboundSa implements Destroyable {

    /** Highest sequence number an SA without ESN may send (RFC 4303 §2.2). */
    public static final long MAX_SEQUENCE_NUMBER = 0xFFFF_FFFFL;

    /**
     * Largest payload that {@link #encapsulate} accepts (65498 bytes). Its ESP packet, with 32
     * bytes of header, IV and ICV and the plaintext padded to a multiple of 4, is 65532 bytes and
     * so fits in 65535 bytes, the largest IPv4 packet and IPv6 payload without jumbograms.
     */
    public static final int MAX_PAYLOAD_LENGTH =
            ((MAX_PACKET_LENGTH - CIPHERTEXT_OFFSET - ICV_LENGTH) & ~3) - TRAILER_LENGTH;

    private final EspTransform transform;
    private final int spi;
    private final AeadEngine engine;

    /** Salt of RFC 4106 §4, guarded by {@code this} and wiped by {@link #destroy()}. */
    private final byte[] salt;

    /** Sequence number of the last packet built, or 0 before the first (RFC 4303 §3.3.3). */
    private long lastSequenceNumber;

    private long packetsEncapsulated;
    private boolean destroyed;

    /**
     * Creates an outbound SA that uses {@link JceAesGcmEngine}.
     *
     * @param transform the ESP transform, which is {@link EspTransform#ENCR_AES_GCM_16} in this
     *     version
     * @param spi the 32-bit SPI the peer chose for this SA, not 0 to 255 (RFC 4303 §2.1)
     * @param keyMaterial the AES key followed by the 4-byte salt (20 or 36 bytes), as IKEv2
     *     KEYMAT delivers it (RFC 4106 §8.1). The SA keeps a copy.
     * @throws InvalidKeyException if {@code keyMaterial} is not 20 or 36 bytes
     * @throws IllegalArgumentException if {@code spi} is reserved
     */
    public EspOutboundSa(EspTransform transform, int spi, byte[] keyMaterial)
            throws InvalidKeyException {
        this(transform, spi, keyMaterial, JceAesGcmEngine::new);
    }

    /**
     * Creates an outbound SA whose AES-GCM engine comes from {@code engineFactory}.
     *
     * @see #EspOutboundSa(EspTransform, int, byte[])
     */
    public EspOutboundSa(EspTransform transform, int spi, byte[] keyMaterial,
            AeadEngine.Factory engineFactory) throws InvalidKeyException {
        this(transform, spi, keyMaterial, engineFactory, 0);
    }

    /**
     * Creates an SA whose next packet gets {@code lastSequenceNumber + 1}. Tests use it to reach
     * the end of the sequence number space.
     */
    EspOutboundSa(EspTransform transform, int spi, byte[] keyMaterial,
            AeadEngine.Factory engineFactory, long lastSequenceNumber) throws InvalidKeyException {
        this.transform = Objects.requireNonNull(transform, "transform");
        Objects.requireNonNull(keyMaterial, "keyMaterial");
        Objects.requireNonNull(engineFactory, "engineFactory");
        EspGcmFormat.requireAssignableSpi(spi);
        EspGcmFormat.aesKeyLength(keyMaterial);
        if (lastSequenceNumber < 0 || lastSequenceNumber > MAX_SEQUENCE_NUMBER) {
            throw new IllegalArgumentException("lastSequenceNumber must be 0 to 2^32 - 1, got "
                    + lastSequenceNumber);
        }

        this.spi = spi;
        this.engine = EspGcmFormat.createEngine(engineFactory, keyMaterial);
        this.salt = EspGcmFormat.salt(keyMaterial);
        this.lastSequenceNumber = lastSequenceNumber;
    }

    /**
     * Builds the ESP packet that carries {@code payload} (RFC 4303 §3.3).
     *
     * <p>The packet gets the next sequence number, Padding 1, 2, 3, ... up to a 4-byte boundary
     * (RFC 4303 §2.4), and is encrypted under the nonce salt ‖ IV (RFC 4106 §4) with SPI ‖
     * Sequence Number as AAD (RFC 4106 §5).
     *
     * @param payload the Payload Data of at most {@link #MAX_PAYLOAD_LENGTH} bytes, such as a
     *     whole IP packet in tunnel mode
     * @param nextHeader the Next Header value from 0 to 255, such as {@link NextHeader#IPV4},
     *     {@link NextHeader#IPV6} or {@link NextHeader#NO_NEXT_HEADER} for a dummy packet
     * @return the ESP packet, from the SPI to the ICV
     * @throws IllegalArgumentException if {@code payload} is too long or {@code nextHeader} is
     *     out of range
     * @throws IllegalStateException if the sequence numbers are exhausted or the SA is destroyed
     */
    public byte[] encapsulate(byte[] payload, int nextHeader) {
        Objects.requireNonNull(payload, "payload");
        if (payload.length > MAX_PAYLOAD_LENGTH) {
            throw new IllegalArgumentException("payload must be at most " + MAX_PAYLOAD_LENGTH
                    + " bytes so the ESP packet fits in " + MAX_PACKET_LENGTH + " bytes, got "
                    + payload.length + " bytes");
        }
        if (nextHeader < 0 || nextHeader > 255) {
            throw new IllegalArgumentException("nextHeader must be 0 to 255, got " + nextHeader);
        }

        int padLength = EspGcmFormat.padLength(payload.length);
        int plaintextLength = payload.length + padLength + TRAILER_LENGTH;
        byte[] packet = new byte[CIPHERTEXT_OFFSET + plaintextLength + ICV_LENGTH];

        // ESP packet (RFC 4303 §2, RFC 4106 §3), where n is the payload length and
        // p = n + padding + 2 is a multiple of 4:
        //
        //   offset   length   field
        //   0        4        SPI                             \ AAD (RFC 4106 §5)
        //   4        4        Sequence Number                 /
        //   8        8        IV, the 64-bit sequence counter   nonce = salt ‖ IV (RFC 4106 §4)
        //   16       n        Payload Data                    \
        //   16 + n   0 to 3   Padding 1, 2, 3                  | encrypted, p bytes
        //   14 + p   1        Pad Length                       |
        //   15 + p   1        Next Header                     /
        //   16 + p   16       ICV, the GCM tag
        //
        // The salt comes from KEYMAT and never travels.
        byte[] nonce;
        synchronized (this) {
            requireNotDestroyed();
            long sequenceNumber = nextSequenceNumber();
            EspGcmFormat.writeInt(packet, SPI_OFFSET, spi);
            EspGcmFormat.writeInt(packet, SEQUENCE_NUMBER_OFFSET, (int) sequenceNumber);
            EspGcmFormat.writeLong(packet, IV_OFFSET, sequenceNumber);
            nonce = EspGcmFormat.nonce(salt, packet);
        }

        int padOffset = CIPHERTEXT_OFFSET + payload.length;
        System.arraycopy(payload, 0, packet, CIPHERTEXT_OFFSET, payload.length);
        for (int i = 0; i < padLength; i++) {
            packet[padOffset + i] = (byte) (i + 1);
        }
        packet[padOffset + padLength] = (byte) padLength;
        packet[padOffset + padLength + 1] = (byte) nextHeader;

        boolean sealed = false;
        try {
            engine.seal(nonce, EspGcmFormat.aad(packet), packet, CIPHERTEXT_OFFSET, plaintextLength);
            sealed = true;
        } finally {
            Arrays.fill(nonce, (byte) 0);
            if (!sealed) {
                Arrays.fill(packet, (byte) 0);
            }
        }

        synchronized (this) {
            packetsEncapsulated++;
        }
        return packet;
    }

    /**
     * Returns the length of the ESP packet that {@link #encapsulate} builds for a payload of
     * {@code payloadLength} bytes: header, IV, payload, Padding, Pad Length, Next Header and ICV.
     * Callers use it to check that a packet fits an outer header before they spend a sequence
     * number on it.
     *
     * @throws IllegalArgumentException if {@code payloadLength} is negative
     */
    public static int encapsulatedLength(int payloadLength) {
        if (payloadLength < 0) {
            throw new IllegalArgumentException("payloadLength must not be negative, got " + payloadLength);
        }
        return CIPHERTEXT_OFFSET + payloadLength + EspGcmFormat.padLength(payloadLength)
                + TRAILER_LENGTH + ICV_LENGTH;
    }

    /** Advances the sender's counter, refusing to cycle it (RFC 4303 §3.3.3). */
    private long nextSequenceNumber() {
        if (lastSequenceNumber == MAX_SEQUENCE_NUMBER) {
            throw new IllegalStateException("sequence numbers of SPI " + spiText()
                    + " are exhausted after 2^32 - 1 packets; establish a new SA (RFC 4303 §3.3.3)");
        }
        return ++lastSequenceNumber;
    }

    /** Returns the SPI that the receiver chose, a 32-bit unsigned value stored in an int. */
    public int spi() {
        return spi;
    }

    /** Returns the ESP transform of this SA. */
    public EspTransform transform() {
        return transform;
    }

    /** Returns the sequence number of the last packet built, or 0 before the first. */
    public synchronized long lastSequenceNumber() {
        return lastSequenceNumber;
    }

    /** Returns how many packets {@link #encapsulate} has returned. */
    public synchronized long packetsEncapsulated() {
        return packetsEncapsulated;
    }

    /** Wipes the salt and destroys the engine, which wipes the key. Later calls throw. */
    @Override
    public void destroy() {
        synchronized (this) {
            if (destroyed) {
                return;
            }
            destroyed = true;
            Arrays.fill(salt, (byte) 0);
        }
        engine.destroy();
    }

    @Override
    public synchronized boolean isDestroyed() {
        return destroyed;
    }

    /** Describes the SA by SPI, transform and counters, never by key material. */
    @Override
    public synchronized String toString() {
        return "EspOutboundSa[spi=" + spiText() + ", transform=" + transform
                + ", lastSequenceNumber=" + lastSequenceNumber + ", destroyed=" + destroyed + "]";
    }

    private void requireNotDestroyed() {
        if (destroyed) {
            throw new IllegalStateException("outbound SA with SPI " + spiText() + " is destroyed");
        }
    }

    private String spiText() {
        return String.format("0x%08x", spi);
    }
}
