package org.pqipsec.esp;

import static org.pqipsec.esp.EspFormat.IV_OFFSET;
import static org.pqipsec.esp.EspFormat.SEQUENCE_NUMBER_OFFSET;
import static org.pqipsec.esp.EspFormat.SPI_OFFSET;
import static org.pqipsec.esp.EspFormat.TRAILER_LENGTH;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import javax.security.auth.Destroyable;

/**
 * Sending side of one ESP SA, which turns payloads into ESP packets (RFC 4303 §3.3) with any
 * {@link EspTransform}.
 *
 * <p>Sequence numbers start at 1 and never cycle (RFC 4303 §3.3.3): the packet that would take
 * the number after 2^32 - 1, or after 2^64 - 1 with ESN, is rejected with
 * {@link IllegalStateException} and counted as {@link EspDropReason#SEQUENCE_OVERFLOW}. Once a
 * packet takes the sequence number of the soft limit, {@link #rekeyRequired()} turns true and
 * the listener runs once. The IV of each packet is its 64-bit sequence number, so IVs never
 * repeat under one key (RFC 4106 §3.1, RFC 7634 §2) and RFC 8750 transforms can leave it out.
 *
 * <p>Instances are thread-safe: a lock-free counter hands out each sequence number once, and
 * each thread seals with its own cipher and scratch buffers. Two SA objects must never share
 * keying material. Call {@link #destroy()} when the SA is deleted or rekeyed.
 */
public final class EspOutboundSa implements Destroyable {

    /** Highest sequence number an SA without ESN may send (RFC 4303 §2.2). */
    public static final long MAX_SEQUENCE_NUMBER = 0xFFFF_FFFFL;

    /**
     * Largest payload that {@link #encapsulate(byte[], int)} accepts with ENCR_AES_GCM_16
     * (65498 bytes): with 32 bytes of header, IV and ICV and the plaintext padded to a multiple
     * of 4, its packet is 65532 bytes, within the 65535-byte IPv4 and IPv6 payload limit.
     */
    public static final int MAX_PAYLOAD_LENGTH = EspFormat.maxPayloadLength(EspTransform.ENCR_AES_GCM_16);

    private final EspTransform transform;
    private final int spi;
    private final boolean extendedSequenceNumbers;
    private final AeadEngine engine;
    private final int headerLength;
    private final int maxPayloadLength;

    /** Salt of RFC 4106 §4, zeroed by {@link #destroy()}. */
    private volatile int salt;

    /** Sequence number of the last packet handed out, or 0 before the first (RFC 4303 §3.3.3). */
    private final AtomicLong lastSequenceNumber;
    private final long maxSequenceNumber;
    private final long rekeySoftLimit;
    private final Runnable rekeyListener;
    private final AtomicBoolean rekeyRequired = new AtomicBoolean();
    private final int tfcPaddedLength;

    private final AtomicLong packetsEncapsulated = new AtomicLong();
    private final AtomicLongArray dropCounts = new AtomicLongArray(EspDropReason.values().length);
    private final ThreadLocal<EspFormat.Scratch> scratch = ThreadLocal.withInitial(EspFormat.Scratch::new);
    private volatile boolean destroyed;

    /**
     * Creates an outbound SA without ESN on the {@link EspEngine#AUTO} engine.
     *
     * @param transform the ESP transform
     * @param spi the 32-bit SPI the peer chose for this SA, not 0 to 255 (RFC 4303 §2.1)
     * @param keyMaterial the cipher key followed by the 4-byte salt, as IKEv2 KEYMAT delivers it
     *     (RFC 4106 §8.1). The SA keeps a copy.
     * @throws InvalidKeyException if {@code keyMaterial} has the wrong length for the transform
     * @throws IllegalArgumentException if {@code spi} is reserved
     */
    public EspOutboundSa(EspTransform transform, int spi, byte[] keyMaterial) throws InvalidKeyException {
        this(builder(transform, spi, keyMaterial));
    }

    /**
     * Creates an outbound SA without ESN whose AEAD engine comes from {@code engineFactory}.
     *
     * @see #EspOutboundSa(EspTransform, int, byte[])
     */
    public EspOutboundSa(EspTransform transform, int spi, byte[] keyMaterial,
            AeadEngine.Factory engineFactory) throws InvalidKeyException {
        this(builder(transform, spi, keyMaterial).engine(engineFactory));
    }

    private EspOutboundSa(Builder builder) throws InvalidKeyException {
        this.transform = builder.transform;
        this.spi = builder.spi;
        this.extendedSequenceNumbers = builder.extendedSequenceNumbers;
        this.maxSequenceNumber = extendedSequenceNumbers ? -1L : MAX_SEQUENCE_NUMBER;
        if (Long.compareUnsigned(builder.lastSequenceNumber, maxSequenceNumber) > 0) {
            throw new IllegalArgumentException("lastSequenceNumber must be at most "
                    + Long.toUnsignedString(maxSequenceNumber) + ", got "
                    + Long.toUnsignedString(builder.lastSequenceNumber));
        }
        this.rekeySoftLimit = builder.rekeySoftLimit == 0 ? maxSequenceNumber : builder.rekeySoftLimit;
        if (Long.compareUnsigned(rekeySoftLimit, maxSequenceNumber) > 0) {
            throw new IllegalArgumentException("rekeySoftLimit must be at most "
                    + Long.toUnsignedString(maxSequenceNumber) + " for this SA, got "
                    + Long.toUnsignedString(rekeySoftLimit));
        }
        this.rekeyListener = builder.rekeyListener;
        this.tfcPaddedLength = builder.tfcPaddedLength;
        this.lastSequenceNumber = new AtomicLong(builder.lastSequenceNumber);
        this.headerLength = EspFormat.headerLength(transform);
        this.maxPayloadLength = EspFormat.maxPayloadLength(transform);
        this.engine = EspFormat.createEngine(builder.engine, transform, builder.keyMaterial);
        this.salt = EspFormat.salt(builder.keyMaterial);
    }

    /**
     * Starts building an outbound SA; the builder copies {@code keyMaterial} at {@link Builder#build()}.
     *
     * @throws IllegalArgumentException if {@code spi} is reserved (RFC 4303 §2.1)
     */
    public static Builder builder(EspTransform transform, int spi, byte[] keyMaterial) {
        return new Builder(transform, spi, keyMaterial);
    }

    /**
     * Builds the ESP packet that carries {@code payload} (RFC 4303 §3.3).
     *
     * @param payload the Payload Data of at most {@link #maxPayloadLength()} bytes, such as a
     *     whole IP packet in tunnel mode
     * @param nextHeader the Next Header value from 0 to 255, such as {@link NextHeader#IPV4} or
     *     {@link NextHeader#NO_NEXT_HEADER} for a dummy packet
     * @return the ESP packet, from the SPI to the ICV
     * @throws IllegalArgumentException if {@code payload} is too long or {@code nextHeader} is
     *     out of range
     * @throws IllegalStateException if the sequence numbers are exhausted or the SA is destroyed
     */
    public byte[] encapsulate(byte[] payload, int nextHeader) {
        Objects.requireNonNull(payload, "payload");
        byte[] packet = new byte[packetLength(checkPayload(payload.length, nextHeader), nextHeader)];
        encapsulate(ByteBuffer.wrap(payload), nextHeader, ByteBuffer.wrap(packet));
        return packet;
    }

    /**
     * Builds the ESP packet that carries {@code payload}'s remaining bytes and writes it to
     * {@code packet} at its position; heap and direct buffers both work. Both positions advance
     * past the bytes read and written.
     *
     * @return the ESP packet length
     * @throws IllegalArgumentException if the payload is too long, {@code nextHeader} is out of
     *     range, or {@code packet} has fewer bytes remaining than {@link #packetLength}
     * @throws IllegalStateException if the sequence numbers are exhausted or the SA is destroyed
     */
    public int encapsulate(ByteBuffer payload, int nextHeader, ByteBuffer packet) {
        int payloadLength = checkPayload(payload.remaining(), nextHeader);
        int length = checkRoom(packet.remaining(), payloadLength, nextHeader, "packet");
        requireNotDestroyed();

        long sequenceNumber = reserve(1);
        seal(payload, payload.position(), payloadLength, nextHeader, packet, packet.position(), sequenceNumber);
        payload.position(payload.limit());
        packet.position(packet.position() + length);
        packetsEncapsulated.incrementAndGet();
        return length;
    }

    /**
     * Builds the ESP packet that carries all of {@code payload} into the start of {@code packet}.
     *
     * @return the ESP packet length
     * @see #encapsulate(ByteBuffer, int, ByteBuffer)
     */
    public int encapsulate(MemorySegment payload, int nextHeader, MemorySegment packet) {
        return encapsulate(payload.asByteBuffer(), nextHeader, packet.asByteBuffer());
    }

    /**
     * Builds {@code count} ESP packets: packet {@code i} carries {@code payloads[i]}'s remaining
     * bytes with Next Header {@code nextHeaders[i]} and is written to {@code packets[i]} at its
     * position. The burst takes {@code count} consecutive sequence numbers at once, and every
     * argument is checked before any is taken, so a rejected burst changes nothing.
     *
     * @return the total number of bytes written
     * @throws IllegalArgumentException if an array is shorter than {@code count} or a packet is
     *     invalid, naming its index
     * @throws IllegalStateException if fewer than {@code count} sequence numbers remain
     */
    public int encapsulate(ByteBuffer[] payloads, int[] nextHeaders, ByteBuffer[] packets, int count) {
        requireBurst(count, payloads.length, nextHeaders.length, packets.length);
        for (int i = 0; i < count; i++) {
            try {
                int payloadLength = checkPayload(payloads[i].remaining(), nextHeaders[i]);
                checkRoom(packets[i].remaining(), payloadLength, nextHeaders[i], "packets[" + i + "]");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("burst packet " + i + ": " + e.getMessage(), e);
            }
        }
        requireNotDestroyed();

        long first = reserve(count);
        int total = 0;
        for (int i = 0; i < count; i++) {
            ByteBuffer payload = payloads[i];
            ByteBuffer packet = packets[i];
            int payloadLength = payload.remaining();
            int length = packetLength(payloadLength, nextHeaders[i]);
            seal(payload, payload.position(), payloadLength, nextHeaders[i], packet, packet.position(), first + i);
            payload.position(payload.limit());
            packet.position(packet.position() + length);
            total += length;
        }
        packetsEncapsulated.addAndGet(count);
        return total;
    }

    /**
     * Builds {@code count} ESP packets from memory segments: packet {@code i} carries all of
     * {@code payloads[i]}, starts at offset 0 of {@code packets[i]}, and its length goes to
     * {@code lengths[i]}.
     *
     * @see #encapsulate(ByteBuffer[], int[], ByteBuffer[], int)
     */
    public int encapsulate(MemorySegment[] payloads, int[] nextHeaders, MemorySegment[] packets,
            int[] lengths, int count) {
        requireBurst(count, payloads.length, nextHeaders.length, packets.length);
        if (lengths.length < count) {
            throw new IllegalArgumentException("lengths has " + lengths.length + " entries, fewer than count " + count);
        }
        ByteBuffer[] payloadBuffers = new ByteBuffer[count];
        ByteBuffer[] packetBuffers = new ByteBuffer[count];
        for (int i = 0; i < count; i++) {
            payloadBuffers[i] = payloads[i].asByteBuffer();
            packetBuffers[i] = packets[i].asByteBuffer();
        }
        int total = encapsulate(payloadBuffers, nextHeaders, packetBuffers, count);
        for (int i = 0; i < count; i++) {
            lengths[i] = packetBuffers[i].position();
        }
        return total;
    }

    /**
     * Writes and seals one packet at {@code packet[offset]} with an already reserved sequence
     * number (RFC 4303 §3.3.2 to §3.3.4).
     */
    private void seal(ByteBuffer payload, int payloadOffset, int payloadLength, int nextHeader,
            ByteBuffer packet, int offset, long sequenceNumber) {
        int tfcLength = tfcLength(payloadLength, nextHeader);
        int dataLength = payloadLength + tfcLength;
        int padLength = EspFormat.padLength(dataLength);
        int plaintextLength = dataLength + padLength + TRAILER_LENGTH;
        int plaintextOffset = offset + headerLength;

        // ESP packet (RFC 4303 §2, RFC 4106 §3, RFC 8750 §2), where n is the payload length,
        // t the TFC padding (RFC 4303 §2.7) and p = n + t + padding + 2 a multiple of 4:
        //
        //   offset      length   field
        //   0           4        SPI                              \ AAD: SPI ‖ [Seq high, ESN only]
        //   4           4        Sequence Number (low 32 bits)    /      ‖ Seq low (RFC 4106 §5)
        //   8           8 or 0   IV = 64-bit sequence number      nonce = salt ‖ IV (RFC 4106 §4)
        //   h           n        Payload Data                     \
        //   h + n       t        TFC padding, zero bytes           |
        //   h + n + t   0 to 3   Padding 1, 2, 3                   | encrypted (GMAC: in clear), p bytes
        //   h + p - 2   1        Pad Length                        |
        //   h + p - 1   1        Next Header                      /
        //   h + p       ICV      the AEAD tag
        //
        // h is 16, or 8 for RFC 8750 transforms, whose IV never travels. For GMAC the AAD also
        // takes the IV, and the plaintext is authenticated in the clear (RFC 4543 §5).
        Buffers.putInt(packet, offset + SPI_OFFSET, spi);
        Buffers.putInt(packet, offset + SEQUENCE_NUMBER_OFFSET, (int) sequenceNumber);
        if (!transform.implicitIv()) {
            Buffers.putLong(packet, offset + IV_OFFSET, sequenceNumber);
        }

        packet.put(plaintextOffset, payload, payloadOffset, payloadLength);
        int trailerOffset = plaintextOffset + dataLength;
        Buffers.fill(packet, plaintextOffset + payloadLength, tfcLength, (byte) 0);
        for (int i = 0; i < padLength; i++) {
            packet.put(trailerOffset + i, (byte) (i + 1));
        }
        packet.put(trailerOffset + padLength, (byte) padLength);
        packet.put(trailerOffset + padLength + 1, (byte) nextHeader);

        EspFormat.Scratch buffers = scratch.get();
        try {
            int aadLength = EspFormat.fillNonceAndAad(buffers, transform, salt, spi, sequenceNumber,
                    extendedSequenceNumbers, sequenceNumber);
            engine.seal(buffers.nonce, buffers.aad, aadLength, packet, plaintextOffset, plaintextLength);
        } catch (RuntimeException e) {
            Buffers.fill(packet, offset, headerLength + plaintextLength, (byte) 0);
            throw e;
        } finally {
            buffers.wipe();
        }
    }

    /**
     * Takes {@code count} consecutive sequence numbers and returns the first, or rejects the
     * request when it would pass the maximum (RFC 4303 §3.3.3).
     */
    private long reserve(int count) {
        while (true) {
            long last = lastSequenceNumber.get();
            long remaining = maxSequenceNumber - last;
            if (Long.compareUnsigned(remaining, count) < 0) {
                dropCounts.addAndGet(EspDropReason.SEQUENCE_OVERFLOW.ordinal(), count);
                throw new IllegalStateException("sequence numbers of SPI " + EspFormat.hex(spi)
                        + " are exhausted: the last sent is " + Long.toUnsignedString(last)
                        + " and the SA may not cycle it (RFC 4303 §3.3.3); establish a new SA");
            }
            long next = last + count;
            if (lastSequenceNumber.compareAndSet(last, next)) {
                if (Long.compareUnsigned(next, rekeySoftLimit) >= 0 && rekeyRequired.compareAndSet(false, true)
                        && rekeyListener != null) {
                    rekeyListener.run();
                }
                return last + 1;
            }
        }
    }

    private int checkPayload(int payloadLength, int nextHeader) {
        if (nextHeader < 0 || nextHeader > 255) {
            throw new IllegalArgumentException("nextHeader must be 0 to 255, got " + nextHeader);
        }
        if (payloadLength > maxPayloadLength) {
            throw new IllegalArgumentException("payload must be at most " + maxPayloadLength
                    + " bytes so the ESP packet fits in " + EspFormat.MAX_PACKET_LENGTH + " bytes, got "
                    + payloadLength + " bytes");
        }
        return payloadLength;
    }

    private int checkRoom(int remaining, int payloadLength, int nextHeader, String name) {
        int length = packetLength(payloadLength, nextHeader);
        if (remaining < length) {
            throw new IllegalArgumentException(name + " has " + remaining
                    + " bytes remaining, but the ESP packet needs " + length + " bytes");
        }
        return length;
    }

    private static void requireBurst(int count, int... arrayLengths) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + count);
        }
        for (int length : arrayLengths) {
            if (length < count) {
                throw new IllegalArgumentException("a burst array has " + length
                        + " entries, fewer than count " + count);
            }
        }
    }

    /**
     * Returns the zero bytes of TFC padding (RFC 4303 §2.7) that bring a tunnel-mode payload up to
     * the configured length. Only IPv4 and IPv6 payloads get it, because the receiver finds their
     * true length in the inner IP header.
     */
    private int tfcLength(int payloadLength, int nextHeader) {
        boolean ipPayload = nextHeader == NextHeader.IPV4 || nextHeader == NextHeader.IPV6;
        if (!ipPayload || payloadLength >= tfcPaddedLength) {
            return 0;
        }
        return Math.min(tfcPaddedLength, maxPayloadLength) - payloadLength;
    }

    /**
     * Returns the length of the ESP packet this SA builds for a payload of {@code payloadLength}
     * bytes with {@code nextHeader}, TFC padding included. Callers use it to check that a packet
     * fits an outer header before they spend a sequence number on it.
     */
    public int packetLength(int payloadLength, int nextHeader) {
        if (payloadLength < 0) {
            throw new IllegalArgumentException("payloadLength must not be negative, got " + payloadLength);
        }
        return EspFormat.packetLength(transform, payloadLength + tfcLength(payloadLength, nextHeader));
    }

    /**
     * Returns the ESP packet length for a payload of {@code payloadLength} bytes under
     * ENCR_AES_GCM_16 without TFC padding.
     *
     * @throws IllegalArgumentException if {@code payloadLength} is negative
     */
    public static int encapsulatedLength(int payloadLength) {
        if (payloadLength < 0) {
            throw new IllegalArgumentException("payloadLength must not be negative, got " + payloadLength);
        }
        return EspFormat.packetLength(EspTransform.ENCR_AES_GCM_16, payloadLength);
    }

    /** Returns the largest payload this SA accepts. */
    public int maxPayloadLength() {
        return maxPayloadLength;
    }

    /** Returns the SPI that the receiver chose, a 32-bit unsigned value stored in an int. */
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

    /** Returns the sequence number of the last packet handed out, or 0 before the first. */
    public long lastSequenceNumber() {
        return lastSequenceNumber.get();
    }

    /** Returns whether the SA reached its soft limit and should be rekeyed. */
    public boolean rekeyRequired() {
        return rekeyRequired.get();
    }

    /** Returns how many packets this SA has built. */
    public long packetsEncapsulated() {
        return packetsEncapsulated.get();
    }

    /** Returns how many packets were rejected for {@code reason}; only SEQUENCE_OVERFLOW occurs here. */
    public long dropCount(EspDropReason reason) {
        return dropCounts.get(Objects.requireNonNull(reason, "reason").ordinal());
    }

    /**
     * Zeroes the salt and destroys the engine, which wipes the key. Later calls throw. Call it
     * only after every thread has finished encapsulating.
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
        return "EspOutboundSa[spi=" + EspFormat.hex(spi) + ", transform=" + transform
                + ", esn=" + extendedSequenceNumbers
                + ", lastSequenceNumber=" + Long.toUnsignedString(lastSequenceNumber.get())
                + ", destroyed=" + destroyed + "]";
    }

    private void requireNotDestroyed() {
        if (destroyed) {
            throw new IllegalStateException("outbound SA with SPI " + EspFormat.hex(spi) + " is destroyed");
        }
    }

    /** Options of an outbound SA. */
    public static final class Builder {

        private final EspTransform transform;
        private final int spi;
        private final byte[] keyMaterial;
        private boolean extendedSequenceNumbers;
        private AeadEngine.Factory engine = EspEngine.AUTO;
        private long rekeySoftLimit;
        private Runnable rekeyListener;
        private int tfcPaddedLength;
        private long lastSequenceNumber;

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
         * Sets the sequence number (unsigned) at which {@link #rekeyRequired()} turns true and
         * {@code listener}, if not null, runs once; by default the maximum sequence number.
         */
        public Builder rekeySoftLimit(long sequenceNumber, Runnable listener) {
            if (sequenceNumber == 0) {
                throw new IllegalArgumentException("rekeySoftLimit must be at least 1");
            }
            this.rekeySoftLimit = sequenceNumber;
            this.rekeyListener = listener;
            return this;
        }

        /**
         * Pads IPv4 and IPv6 payloads shorter than {@code length} bytes with TFC padding up to
         * that length (RFC 4303 §2.7); 0, the default, sends none.
         */
        public Builder tfcPaddedLength(int length) {
            if (length < 0 || length > EspFormat.maxPayloadLength(transform)) {
                throw new IllegalArgumentException("tfcPaddedLength must be 0 to "
                        + EspFormat.maxPayloadLength(transform) + " bytes, got " + length);
            }
            this.tfcPaddedLength = length;
            return this;
        }

        /**
         * Resumes after sequence number {@code last} (unsigned), so the next packet takes
         * {@code last + 1}. Tests use it to reach the end of the sequence number space.
         */
        Builder lastSequenceNumber(long last) {
            this.lastSequenceNumber = last;
            return this;
        }

        /**
         * Creates the SA, copying the key material.
         *
         * @throws InvalidKeyException if the key material has the wrong length for the transform
         */
        public EspOutboundSa build() throws InvalidKeyException {
            return new EspOutboundSa(this);
        }
    }
}
