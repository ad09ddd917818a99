package org.pqipsec.esp;

import static org.pqipsec.esp.EspGcmFormat.CIPHERTEXT_OFFSET;
import static org.pqipsec.esp.EspGcmFormat.MIN_PACKET_LENGTH;
import static org.pqipsec.esp.EspGcmFormat.SEQUENCE_NUMBER_OFFSET;
import static org.pqipsec.esp.EspGcmFormat.SPI_OFFSET;
import static org.pqipsec.esp.EspGcmFormat.TRAILER_LENGTH;

import java.security.InvalidKeyException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.security.auth.Destroyable;

/**
 * Receiving side of one ESP SA with ENCR_AES_GCM_16, which verifies ESP packets and returns
 * their payload (RFC 4303 §3.4, RFC 4106).
 *
 * <p>{@link #decapsulate} checks, in this order, the length, the SPI, the sequence number against
 * a {@value #REPLAY_WINDOW_SIZE}-packet anti-replay window, the ICV, and the padding. The first
 * failing check raises {@link EspDropException} and adds one to that reason's drop counter. A
 * dropped packet leaves the window, the highest sequence number and the other counters as they
 * were, because the window moves only for a packet that passes every check.
 *
 * <p>Instances are thread-safe. Call {@link #destroy()} when the SA is deleted or rekeyed.
 */
public final class EspInboundSa implements Destroyable {

    /** Width of the anti-replay window in packets (RFC 4303 §3.4.3). */
    public static final int REPLAY_WINDOW_SIZE = ReplayWindow.SIZE;

    private final EspTransform transform;
    private final int spi;
    private final AeadEngine engine;

    /** Salt of RFC 4106 §4, guarded by {@code this} and wiped by {@link #destroy()}. */
    private final byte[] salt;

    private final ReplayWindow window = new ReplayWindow();
    private final long[] dropCounts = new long[EspDropReason.values().length];
    private long packetsAccepted;

    /** Written under the lock and read without it by the first check of each packet. */
    private volatile boolean destroyed;

    /**
     * Creates an inbound SA that uses {@link JceAesGcmEngine}.
     *
     * @param transform the ESP transform, which is {@link EspTransform#ENCR_AES_GCM_16} in this
     *     version
     * @param spi the 32-bit SPI this host chose for the SA, not 0 to 255 (RFC 4303 §2.1)
     * @param keyMaterial the AES key followed by the 4-byte salt (20 or 36 bytes), as IKEv2
     *     KEYMAT delivers it (RFC 4106 §8.1). The SA keeps a copy.
     * @throws InvalidKeyException if {@code keyMaterial} is not 20 or 36 bytes
     * @throws IllegalArgumentException if {@code spi} is reserved
     */
    public EspInboundSa(EspTransform transform, int spi, byte[] keyMaterial)
            throws InvalidKeyException {
        this(transform, spi, keyMaterial, JceAesGcmEngine::new);
    }

    /**
     * Creates an inbound SA whose AES-GCM engine comes from {@code engineFactory}.
     *
     * @see #EspInboundSa(EspTransform, int, byte[])
     */
    public EspInboundSa(EspTransform transform, int spi, byte[] keyMaterial,
            AeadEngine.Factory engineFactory) throws InvalidKeyException {
        this.transform = Objects.requireNonNull(transform, "transform");
        Objects.requireNonNull(keyMaterial, "keyMaterial");
        Objects.requireNonNull(engineFactory, "engineFactory");
        EspGcmFormat.requireAssignableSpi(spi);
        EspGcmFormat.aesKeyLength(keyMaterial);

        this.spi = spi;
        this.engine = EspGcmFormat.createEngine(engineFactory, keyMaterial);
        this.salt = EspGcmFormat.salt(keyMaterial);
    }

    /**
     * Verifies {@code espPacket} and returns its Next Header and Payload Data (RFC 4303 §3.4).
     *
     * <p>The sequence number is checked against the window before decryption, so replayed and
     * stale packets cost no AES work, and checked again before the window moves, because another
     * thread may have accepted the same number meanwhile (RFC 4303 §3.4.3).
     *
     * @param espPacket the ESP packet from the SPI to the ICV, without the IP header
     * @return the verified packet. Dummy packets (Next Header 59) are returned too, and the
     *     caller discards them.
     * @throws EspDropException if a check fails, with the failed check in
     *     {@link EspDropException#reason()}
     * @throws IllegalStateException if the SA is destroyed
     */
    public DecapsulatedPacket decapsulate(byte[] espPacket) throws EspDropException {
        Objects.requireNonNull(espPacket, "espPacket");
        requireNotDestroyed();
        if (espPacket.length < MIN_PACKET_LENGTH) {
            throw drop(EspDropReason.TOO_SHORT, "ESP packet is " + espPacket.length
                    + " bytes, shorter than the minimum of " + MIN_PACKET_LENGTH + " bytes");
        }
        int receivedSpi = EspGcmFormat.readInt(espPacket, SPI_OFFSET);
        if (receivedSpi != spi) {
            throw drop(EspDropReason.UNKNOWN_SPI, "ESP packet has SPI " + hex(receivedSpi)
                    + ", but this SA has SPI " + hex(spi));
        }
        long sequenceNumber =
                Integer.toUnsignedLong(EspGcmFormat.readInt(espPacket, SEQUENCE_NUMBER_OFFSET));

        byte[] nonce;
        synchronized (this) {
            requireNotDestroyed();
            checkWindow(sequenceNumber);
            nonce = EspGcmFormat.nonce(salt, espPacket);
        }

        int plaintextLength = espPacket.length - CIPHERTEXT_OFFSET - EspGcmFormat.ICV_LENGTH;
        byte[] plaintext = new byte[plaintextLength];
        try {
            decrypt(espPacket, nonce, plaintext, sequenceNumber);
            int payloadLength = checkPadding(plaintext, sequenceNumber);
            int nextHeader = plaintext[plaintextLength - 1] & 0xff;

            synchronized (this) {
                checkWindow(sequenceNumber);
                window.accept(sequenceNumber);
                packetsAccepted++;
            }
            return new DecapsulatedPacket(
                    sequenceNumber, nextHeader, Arrays.copyOf(plaintext, payloadLength));
        } finally {
            Arrays.fill(nonce, (byte) 0);
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /** Applies the anti-replay check of RFC 4303 §3.4.3. The caller must hold the lock. */
    private void checkWindow(long sequenceNumber) throws EspDropException {
        EspDropReason reason = window.check(sequenceNumber);
        if (reason == EspDropReason.REPLAYED) {
            throw drop(reason, "sequence number " + sequenceNumber + " of SPI " + hex(spi)
                    + " was already received");
        }
        if (reason != null) {
            throw drop(reason, "sequence number " + sequenceNumber + " of SPI " + hex(spi)
                    + " is left of the anti-replay window, whose highest sequence number is "
                    + window.highest());
        }
    }

    /** Verifies the ICV and decrypts into {@code plaintext} (RFC 4303 §3.4.4, RFC 4106 §3). */
    private void decrypt(byte[] espPacket, byte[] nonce, byte[] plaintext, long sequenceNumber)
            throws EspDropException {
        try {
            engine.open(nonce, EspGcmFormat.aad(espPacket), espPacket, CIPHERTEXT_OFFSET,
                    espPacket.length - CIPHERTEXT_OFFSET, plaintext, 0);
        } catch (AEADBadTagException e) {
            throw drop(EspDropReason.AUTHENTICATION_FAILED, "ICV verification failed for sequence"
                    + " number " + sequenceNumber + " of SPI " + hex(spi));
        }
    }

    /**
     * Checks Pad Length and the Padding bytes 1, 2, 3, ... (RFC 4303 §2.4) and returns the
     * payload length.
     */
    private int checkPadding(byte[] plaintext, long sequenceNumber) throws EspDropException {
        int padLength = plaintext[plaintext.length - TRAILER_LENGTH] & 0xff;
        int payloadLength = plaintext.length - TRAILER_LENGTH - padLength;
        if (payloadLength < 0) {
            throw drop(EspDropReason.BAD_PADDING, "Pad Length " + padLength + " exceeds the "
                    + (plaintext.length - TRAILER_LENGTH) + " bytes before the ESP trailer"
                    + " (sequence number " + sequenceNumber + " of SPI " + hex(spi) + ")");
        }
        for (int i = 0; i < padLength; i++) {
            if (plaintext[payloadLength + i] != (byte) (i + 1)) {
                throw drop(EspDropReason.BAD_PADDING, "Padding byte " + (i + 1) + " of "
                        + padLength + " is not " + (i + 1) + " (sequence number "
                        + sequenceNumber + " of SPI " + hex(spi) + ")");
            }
        }
        return payloadLength;
    }

    /** Counts a drop for {@code reason} and returns the exception that reports it. */
    private synchronized EspDropException drop(EspDropReason reason, String message) {
        dropCounts[reason.ordinal()]++;
        return new EspDropException(reason, message);
    }

    /** Returns the SPI that this host chose, a 32-bit unsigned value stored in an int. */
    public int spi() {
        return spi;
    }

    /** Returns the ESP transform of this SA. */
    public EspTransform transform() {
        return transform;
    }

    /** Returns the highest sequence number accepted so far, or 0 before the first packet. */
    public synchronized long highestSequenceNumber() {
        return window.highest();
    }

    /**
     * Returns the anti-replay bitmap: bit {@code i} is set when sequence number
     * {@code highestSequenceNumber() - i} was accepted.
     */
    public synchronized long replayBitmap() {
        return window.bitmap();
    }

    /** Returns how many packets {@link #decapsulate} has accepted, dummy packets included. */
    public synchronized long packetsAccepted() {
        return packetsAccepted;
    }

    /** Returns how many packets were dropped for {@code reason}. */
    public synchronized long dropCount(EspDropReason reason) {
        return dropCounts[Objects.requireNonNull(reason, "reason").ordinal()];
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
        return "EspInboundSa[spi=" + hex(spi) + ", transform=" + transform
                + ", highestSequenceNumber=" + window.highest() + ", packetsAccepted="
                + packetsAccepted + ", destroyed=" + destroyed + "]";
    }

    private void requireNotDestroyed() {
        if (destroyed) {
            throw new IllegalStateException("inbound SA with SPI " + hex(spi) + " is destroyed");
        }
    }

    private static String hex(int value) {
        return String.format("0x%08x", value);
    }
}
