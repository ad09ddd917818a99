package org.pqipsec.esp;

import static org.pqipsec.esp.EspFormat.IV_OFFSET;
import static org.pqipsec.esp.EspFormat.SEQUENCE_NUMBER_OFFSET;
import static org.pqipsec.esp.EspFormat.SPI_OFFSET;
import static org.pqipsec.esp.EspFormat.TRAILER_LENGTH;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import javax.crypto.AEADBadTagException;
import javax.security.auth.Destroyable;

/**
 * Receiving side of one ESP SA, which verifies ESP packets and returns their payload
 * (RFC 4303 §3.4) with any {@link EspTransform}.
 *
 * <p>Each packet goes through these checks in order: length, SPI (§3.4.2), sequence number
 * against the anti-replay window (§3.4.3), ICV (§3.4.4), then padding (§2.4). The first failing
 * check drops the packet and adds one to that reason's counter. A dropped packet leaves the
 * window and every other counter as they were, because the window moves only for a packet that
 * passed every check. Authenticated dummy packets (Next Header 59, §2.6) move the window, are
 * counted by {@link #dummyPacketsDiscarded()}, and deliver no payload.
 *
 * <p>With ESN the high half of each sequence number is inferred from the window (RFC 4303
 * Appendix A2.1) and authenticated through the AAD. A packet whose inferred high half is wrong
 * fails the ICV check.
 *
 * <p>Instances are thread-safe: the window sits behind a lock held only for the check and the
 * update, and decryption runs outside it on each thread's own cipher. Call {@link #destroy()}
 * when the SA is deleted or rekeyed.
 */
public final class EspInboundSa implements Destroyable {

    /** Window width in packets used when the caller names none. */
    public static final int DEFAULT_REPLAY_WINDOW = ReplayWindow.DEFAULT_SIZE;

    private final EspTransform transform;
    private final int spi;
    private final boolean extendedSequenceNumbers;
    private final AeadEngine engine;
    private final int headerLength;
    private final int minPacketLength;

    /** Salt of RFC 4106 §4, zeroed by {@link #destroy()}. */
    private volatile int salt;

    /** Guarded by itself. */
    private final ReplayWindow window;

    private final AtomicLongArray dropCounts = new AtomicLongArray(EspDropReason.values().length);
    private final AtomicLong packetsAccepted = new AtomicLong();
    private final AtomicLong dummyPacketsDiscarded = new AtomicLong();
    private final ThreadLocal<EspFormat.Scratch> scratch = ThreadLocal.withInitial(EspFormat.Scratch::new);
    private final ThreadLocal<DecapsulationResults> singleResult =
            ThreadLocal.withInitial(() -> new DecapsulationResults(1));
    private volatile boolean destroyed;

    /**
     * Creates an inbound SA without ESN, with a {@value #DEFAULT_REPLAY_WINDOW}-packet window,
     * on the {@link EspEngine#AUTO} engine.
     *
     * @param transform the ESP transform
     * @param spi the 32-bit SPI this host chose for the SA, not 0 to 255 (RFC 4303 §2.1)
     * @param keyMaterial the cipher key followed by the 4-byte salt, as IKEv2 KEYMAT delivers it
     *     (RFC 4106 §8.1). The SA keeps a copy.
     * @throws InvalidKeyException if {@code keyMaterial} has the wrong length for the transform
     * @throws IllegalArgumentException if {@code spi} is reserved
     */
    public EspInboundSa(EspTransform transform, int spi, byte[] keyMaterial) throws InvalidKeyException {
        this(builder(transform, spi, keyMaterial));
    }

    /**
     * Creates an inbound SA without ESN whose AEAD engine comes from {@code engineFactory}.
     *
     * @see #EspInboundSa(EspTransform, int, byte[])
     */
    public EspInboundSa(EspTransform transform, int spi, byte[] keyMaterial,
            AeadEngine.Factory engineFactory) throws InvalidKeyException {
        this(builder(transform, spi, keyMaterial).engine(engineFactory));
    }

    private EspInboundSa(Builder builder) throws InvalidKeyException {
        this.transform = builder.transform;
        this.spi = builder.spi;
        this.extendedSequenceNumbers = builder.extendedSequenceNumbers;
        this.window = new ReplayWindow(builder.replayWindow, builder.replayProtection);
        this.headerLength = EspFormat.headerLength(transform);
        this.minPacketLength = EspFormat.minPacketLength(transform);
        this.engine = EspFormat.createEngine(builder.engine, transform, builder.keyMaterial);
        this.salt = EspFormat.salt(builder.keyMaterial);
    }

    /**
     * Starts building an inbound SA; the builder copies {@code keyMaterial} at {@link Builder#build()}.
     *
     * @throws IllegalArgumentException if {@code spi} is reserved (RFC 4303 §2.1)
     */
    public static Builder builder(EspTransform transform, int spi, byte[] keyMaterial) {
        return new Builder(transform, spi, keyMaterial);
    }

    /**
     * Verifies {@code espPacket} and returns its Next Header and Payload Data (RFC 4303 §3.4).
     *
     * @param espPacket the ESP packet from the SPI to the ICV, without the IP or UDP header
     * @return the verified packet; a dummy packet comes back with an empty payload
     * @throws EspDropException if a check fails, with the failed check in
     *     {@link EspDropException#reason()}
     * @throws IllegalStateException if the SA is destroyed
     */
    public DecapsulatedPacket decapsulate(byte[] espPacket) throws EspDropException {
        Objects.requireNonNull(espPacket, "espPacket");
        requireNotDestroyed();
        byte[] payload = new byte[Math.max(0, espPacket.length - headerLength - transform.icvLength())];
        DecapsulationResults result = singleResult.get();
        open(ByteBuffer.wrap(espPacket), 0, espPacket.length, ByteBuffer.wrap(payload), 0, result, 0);
        throwIfDropped(result, ByteBuffer.wrap(espPacket), 0, espPacket.length);
        return new DecapsulatedPacket(result.sequenceNumber(0), result.nextHeader(0),
                java.util.Arrays.copyOf(payload, result.payloadLength(0)));
    }

    /**
     * Verifies the ESP packet in {@code packet}'s remaining bytes and writes its Payload Data to
     * {@code payload} at its position. Heap and direct buffers both work. On success both
     * positions advance; on a drop neither moves and {@code payload} gets no plaintext.
     *
     * @return the Next Header; {@link NextHeader#NO_NEXT_HEADER} with nothing written marks a
     *     discarded dummy packet
     * @throws EspDropException if a check fails
     * @throws IllegalArgumentException if {@code payload} has less room than the packet's
     *     ciphertext
     */
    public int decapsulate(ByteBuffer packet, ByteBuffer payload) throws EspDropException {
        requireNotDestroyed();
        DecapsulationResults result = singleResult.get();
        int length = packet.remaining();
        open(packet, packet.position(), length, payload, payload.position(), result, 0);
        throwIfDropped(result, packet, packet.position(), length);
        packet.position(packet.limit());
        payload.position(payload.position() + result.payloadLength(0));
        return result.nextHeader(0);
    }

    /**
     * Verifies a burst: packet {@code i} is {@code packets[i]}'s remaining bytes and its payload
     * goes to {@code payloads[i]} at its position. Drops do not throw: {@code results} records
     * each packet's outcome, and only accepted packets advance their buffers.
     *
     * @return the number of packets accepted, dummy packets included
     * @throws IllegalArgumentException if an array or {@code results} is shorter than
     *     {@code count}, or a payload buffer has too little room
     */
    public int decapsulate(ByteBuffer[] packets, ByteBuffer[] payloads, int count,
            DecapsulationResults results) {
        checkBurst(packets.length, payloads.length, count, results);
        requireNotDestroyed();
        int accepted = 0;
        for (int i = 0; i < count; i++) {
            ByteBuffer packet = packets[i];
            ByteBuffer payload = payloads[i];
            open(packet, packet.position(), packet.remaining(), payload, payload.position(), results, i);
            if (results.accepted(i)) {
                packet.position(packet.limit());
                payload.position(payload.position() + results.payloadLength(i));
                accepted++;
            }
        }
        return accepted;
    }

    /**
     * Verifies a burst of memory segments: packet {@code i} is all of {@code packets[i]}, and its
     * payload goes to the start of {@code payloads[i]}, with its length in {@code results}.
     *
     * @see #decapsulate(ByteBuffer[], ByteBuffer[], int, DecapsulationResults)
     */
    public int decapsulate(MemorySegment[] packets, MemorySegment[] payloads, int count,
            DecapsulationResults results) {
        checkBurst(packets.length, payloads.length, count, results);
        requireNotDestroyed();
        int accepted = 0;
        for (int i = 0; i < count; i++) {
            ByteBuffer packet = packets[i].asByteBuffer();
            open(packet, 0, packet.limit(), payloads[i].asByteBuffer(), 0, results, i);
            accepted += results.accepted(i) ? 1 : 0;
        }
        return accepted;
    }

    /**
     * Runs every inbound check on {@code input[offset, offset + length)} and records the outcome
     * in {@code results} at {@code index}; the plaintext goes to {@code output[outputOffset]}.
     */
    private void open(ByteBuffer input, int offset, int length, ByteBuffer output, int outputOffset,
            DecapsulationResults results, int index) {
        int icvLength = transform.icvLength();
        if (length >= minPacketLength && output.limit() - outputOffset < length - headerLength - icvLength) {
            throw new IllegalArgumentException("payload buffer has " + (output.limit() - outputOffset)
                    + " bytes of room, but the packet carries " + (length - headerLength - icvLength)
                    + " bytes of ciphertext");
        }

        if (length < minPacketLength) {
            drop(results, index, 0, EspDropReason.TOO_SHORT);
            return;
        }
        int receivedSpi = Buffers.getInt(input, offset + SPI_OFFSET);
        if (receivedSpi != spi) {
            drop(results, index, 0, EspDropReason.UNKNOWN_SPI);
            return;
        }
        int sequenceLow = Buffers.getInt(input, offset + SEQUENCE_NUMBER_OFFSET);

        long sequenceNumber;
        EspDropReason windowVerdict;
        synchronized (window) {
            sequenceNumber = extendedSequenceNumbers
                    ? window.inferExtended(sequenceLow)
                    : Integer.toUnsignedLong(sequenceLow);
            windowVerdict = window.check(sequenceNumber);
        }
        if (windowVerdict != null) {
            drop(results, index, sequenceNumber, windowVerdict);
            return;
        }

        int plaintextLength = length - headerLength - icvLength;
        if (!decrypt(input, offset, length, output, outputOffset, sequenceNumber)) {
            drop(results, index, sequenceNumber, EspDropReason.AUTHENTICATION_FAILED);
            return;
        }

        int payloadLength = paddingCheckedPayloadLength(output, outputOffset, plaintextLength);
        if (payloadLength < 0) {
            Buffers.fill(output, outputOffset, plaintextLength, (byte) 0);
            drop(results, index, sequenceNumber, EspDropReason.BAD_PADDING);
            return;
        }
        int nextHeader = output.get(outputOffset + plaintextLength - 1) & 0xff;

        // The window is checked again, because another thread may have accepted the same
        // sequence number while this one decrypted (RFC 4303 §3.4.3).
        synchronized (window) {
            windowVerdict = window.check(sequenceNumber);
            if (windowVerdict == null) {
                window.accept(sequenceNumber);
            }
        }
        if (windowVerdict != null) {
            Buffers.fill(output, outputOffset, plaintextLength, (byte) 0);
            drop(results, index, sequenceNumber, windowVerdict);
            return;
        }

        if (nextHeader == NextHeader.NO_NEXT_HEADER) {
            Buffers.fill(output, outputOffset, plaintextLength, (byte) 0);
            dummyPacketsDiscarded.incrementAndGet();
            packetsAccepted.incrementAndGet();
            results.accept(index, sequenceNumber, nextHeader, 0);
            return;
        }
        Buffers.fill(output, outputOffset + payloadLength, plaintextLength - payloadLength, (byte) 0);
        packetsAccepted.incrementAndGet();
        results.accept(index, sequenceNumber, nextHeader, payloadLength);
    }

    /**
     * Verifies the ICV and decrypts (RFC 4303 §3.4.4) under the nonce salt ‖ IV, where the IV is
     * the packet's IV field or, for RFC 8750 transforms, the 64-bit sequence number (RFC 8750 §3).
     * Returns false when the ICV does not verify.
     */
    private boolean decrypt(ByteBuffer input, int offset, int length, ByteBuffer output,
            int outputOffset, long sequenceNumber) {
        long iv = transform.implicitIv() ? sequenceNumber : readLong(input, offset + IV_OFFSET);
        EspFormat.Scratch buffers = scratch.get();
        try {
            int aadLength = EspFormat.fillNonceAndAad(buffers, transform, salt, spi, sequenceNumber,
                    extendedSequenceNumbers, iv);
            engine.open(buffers.nonce, buffers.aad, aadLength, input, offset + headerLength,
                    length - headerLength, output, outputOffset);
            return true;
        } catch (AEADBadTagException e) {
            return false;
        } finally {
            buffers.wipe();
        }
    }

    /**
     * Checks Pad Length and the Padding bytes 1, 2, 3, ... (RFC 4303 §2.4) and returns the
     * payload length, or -1 when the padding is bad. The check runs only on authenticated
     * plaintext, so branching on it gives a sender without the key nothing to probe.
     */
    private static int paddingCheckedPayloadLength(ByteBuffer plaintext, int offset, int length) {
        int padLength = plaintext.get(offset + length - TRAILER_LENGTH) & 0xff;
        int payloadLength = length - TRAILER_LENGTH - padLength;
        if (payloadLength < 0) {
            return -1;
        }
        for (int i = 0; i < padLength; i++) {
            if (plaintext.get(offset + payloadLength + i) != (byte) (i + 1)) {
                return -1;
            }
        }
        return payloadLength;
    }

    private static long readLong(ByteBuffer buffer, int offset) {
        return (long) Buffers.getInt(buffer, offset) << 32 | Integer.toUnsignedLong(Buffers.getInt(buffer, offset + 4));
    }

    private void drop(DecapsulationResults results, int index, long sequenceNumber, EspDropReason reason) {
        dropCounts.incrementAndGet(reason.ordinal());
        results.drop(index, sequenceNumber, reason);
    }

    private void throwIfDropped(DecapsulationResults result, ByteBuffer packet, int offset,
            int packetLength) throws EspDropException {
        EspDropReason reason = result.dropReason(0);
        if (reason == null) {
            return;
        }
        String where = "ESP packet of " + packetLength + " bytes for SPI " + EspFormat.hex(spi);
        String sequence = " (sequence number " + Long.toUnsignedString(result.sequenceNumber(0)) + ")";
        String message = switch (reason) {
            case TOO_SHORT -> where + " is shorter than the minimum of " + minPacketLength + " bytes";
            case UNKNOWN_SPI -> where + " carries SPI "
                    + EspFormat.hex(Buffers.getInt(packet, offset + SPI_OFFSET));
            case REPLAYED -> where + sequence + " was already received";
            case OUTSIDE_WINDOW -> where + sequence + " is left of the anti-replay window, whose highest"
                    + " sequence number is " + Long.toUnsignedString(highestSequenceNumber());
            case AUTHENTICATION_FAILED -> where + sequence + " failed ICV verification";
            case BAD_PADDING -> where + sequence + " has Padding that is not 1, 2, 3, ... or a Pad"
                    + " Length longer than the plaintext";
            default -> where + sequence + " was dropped: " + reason;
        };
        throw new EspDropException(reason, message);
    }

    private static void checkBurst(int packets, int payloads, int count, DecapsulationResults results) {
        if (count < 0 || packets < count || payloads < count) {
            throw new IllegalArgumentException("count " + count + " must be 0 to the array lengths ("
                    + packets + " packets, " + payloads + " payloads)");
        }
        results.requireCapacity(count);
    }

    /** Returns the SPI that this host chose, a 32-bit unsigned value stored in an int. */
    public int spi() {
        return spi;
    }

    /** Returns the ESP transform of this SA. */
    public EspTransform transform() {
        return transform;
    }

    /** Returns whether the SA uses 64-bit extended sequence numbers (RFC 4303 §2.2.1). */
    public boolean extendedSequenceNumbers() {
        return extendedSequenceNumbers;
    }

    /** Returns the anti-replay window size in packets. */
    public int replayWindow() {
        return window.size();
    }

    /** Returns whether replayed and stale packets are dropped; false only when the caller disabled it. */
    public boolean replayProtection() {
        return window.enforced();
    }

    /** Returns the highest sequence number accepted so far (full 64 bits with ESN), or 0. */
    public long highestSequenceNumber() {
        synchronized (window) {
            return window.highest();
        }
    }

    /**
     * Returns whether {@code sequenceNumber} would pass the anti-replay check now. Tests and
     * diagnostics use it to inspect the window without sending a packet.
     */
    public boolean windowAllows(long sequenceNumber) {
        synchronized (window) {
            return window.check(sequenceNumber) == null;
        }
    }

    /** Returns how many packets passed every check, dummy packets included. */
    public long packetsAccepted() {
        return packetsAccepted.get();
    }

    /** Returns how many authenticated dummy packets (Next Header 59) were discarded. */
    public long dummyPacketsDiscarded() {
        return dummyPacketsDiscarded.get();
    }

    /** Returns how many packets were dropped for {@code reason}. */
    public long dropCount(EspDropReason reason) {
        return dropCounts.get(Objects.requireNonNull(reason, "reason").ordinal());
    }

    /**
     * Zeroes the salt and destroys the engine, which wipes the key. Later calls throw. Call it
     * only after every thread has finished decapsulating.
     */
    @Override
    public void destroy() {
        synchronized (this) {
            if (destroyed) {
                return;
            }
            destroyed = true;
            salt = 0;
        }
        engine.destroy();
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    /** Describes the SA by SPI, transform and counters, never by key material. */
    @Override
    public String toString() {
        return "EspInboundSa[spi=" + EspFormat.hex(spi) + ", transform=" + transform
                + ", esn=" + extendedSequenceNumbers + ", replayWindow=" + window.size()
                + ", highestSequenceNumber=" + Long.toUnsignedString(highestSequenceNumber())
                + ", packetsAccepted=" + packetsAccepted.get() + ", destroyed=" + destroyed + "]";
    }

    private void requireNotDestroyed() {
        if (destroyed) {
            throw new IllegalStateException("inbound SA with SPI " + EspFormat.hex(spi) + " is destroyed");
        }
    }

    /** Options of an inbound SA. */
    public static final class Builder {

        private final EspTransform transform;
        private final int spi;
        private final byte[] keyMaterial;
        private boolean extendedSequenceNumbers;
        private AeadEngine.Factory engine = EspEngine.AUTO;
        private int replayWindow = DEFAULT_REPLAY_WINDOW;
        private boolean replayProtection = true;

        private Builder(EspTransform transform, int spi, byte[] keyMaterial) {
            this.transform = Objects.requireNonNull(transform, "transform");
            this.keyMaterial = Objects.requireNonNull(keyMaterial, "keyMaterial");
            EspFormat.requireAssignableSpi(spi);
            this.spi = spi;
        }

        /** Enables 64-bit extended sequence numbers (RFC 4303 §2.2.1); off by default. */
        public Builder extendedSequenceNumbers(boolean enabled) {
            this.extendedSequenceNumbers = enabled;
            return this;
        }

        /** Chooses the AEAD engine; {@link EspEngine#AUTO} by default. */
        public Builder engine(AeadEngine.Factory factory) {
            this.engine = Objects.requireNonNull(factory, "engine");
            return this;
        }

        /**
         * Sets the anti-replay window to {@code packets}, 32 to 65536 (RFC 4303 §3.4.3 requires
         * at least 32); {@value #DEFAULT_REPLAY_WINDOW} by default.
         */
        public Builder replayWindow(int packets) {
            if (packets < ReplayWindow.MIN_SIZE || packets > ReplayWindow.MAX_SIZE) {
                throw new IllegalArgumentException("replayWindow must be " + ReplayWindow.MIN_SIZE
                        + " to " + ReplayWindow.MAX_SIZE + " packets, got " + packets);
            }
            this.replayWindow = packets;
            return this;
        }

        /**
         * Turns off the anti-replay check, which RFC 4303 §3.4.3 allows only when the receiver
         * chooses it. With ESN the window still tracks the highest number to infer the high half.
         */
        public Builder disableReplayProtection() {
            this.replayProtection = false;
            return this;
        }

        /**
         * Creates the SA, copying the key material.
         *
         * @throws InvalidKeyException if the key material has the wrong length for the transform
         */
        public EspInboundSa build() throws InvalidKeyException {
            return new EspInboundSa(this);
        }
    }
}
