package org.pqipsec.cli.capture;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * Writes IPv4 and IPv6 packets to a classic pcap file (draft-ietf-opsawg-pcap): little-endian,
 * microsecond timestamps, link type LINKTYPE_RAW (101), so every record is a bare IP packet
 * and the reader tells IPv4 from IPv6 by the version field. tshark 4.0 dissects such files
 * down to ESP and decrypts it with an {@link EspSaFile}.
 *
 * <pre>{@code
 * try (PcapWriter writer = PcapWriter.create(Path.of("esp.pcap"))) {
 *     writer.write(frame.timestamp().orElse(Instant.EPOCH), outerPacket);
 * }
 * }</pre>
 */
public final class PcapWriter implements AutoCloseable {

    /** The snapshot length written to the file header; no packet may be longer. */
    public static final int SNAPSHOT_LENGTH = 262_144;

    private static final int MAGIC_MICROSECONDS = 0xa1b2c3d4;
    private static final long MAX_SECONDS = 0xffff_ffffL;

    private final OutputStream out;
    private final ByteBuffer recordHeader = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
    private long packetCount;

    /**
     * Writes the file header to {@code out}. The writer closes {@code out} when it is closed.
     */
    public PcapWriter(OutputStream out) throws IOException {
        this.out = Objects.requireNonNull(out, "out");

        // File header, 24 bytes, little-endian:
        //   magic a1b2c3d4 (4) | major 2 (2) | minor 4 (2) | reserved 0 (4) | reserved 0 (4)
        //   | snapshot length (4) | link type LINKTYPE_RAW, no FCS information (4)
        ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(MAGIC_MICROSECONDS);
        header.putShort((short) 2);
        header.putShort((short) 4);
        header.putInt(0);
        header.putInt(0);
        header.putInt(SNAPSHOT_LENGTH);
        header.putInt(LinkType.RAW.code());
        out.write(header.array());
    }

    /** Creates or replaces {@code file} and writes the file header. */
    public static PcapWriter create(Path file) throws IOException {
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file));
        try {
            return new PcapWriter(out);
        } catch (IOException e) {
            out.close();
            throw e;
        }
    }

    /**
     * Appends one packet. Sub-microsecond digits of the timestamp are dropped.
     *
     * @param timestamp the capture time, from 1970 to early 2106 (unsigned 32-bit seconds)
     * @param packet    an IPv4 or IPv6 packet, 1 to {@link #SNAPSHOT_LENGTH} bytes
     * @throws IllegalArgumentException when the packet is empty, too long or not IPv4/IPv6,
     *                                  or the timestamp does not fit the format
     */
    public void write(Instant timestamp, byte[] packet) throws IOException {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(packet, "packet");
        if (packet.length == 0 || packet.length > SNAPSHOT_LENGTH) {
            throw new IllegalArgumentException("packet length must be 1 to " + SNAPSHOT_LENGTH
                    + " bytes, got " + packet.length);
        }
        int version = (packet[0] & 0xff) >>> 4;
        if (version != 4 && version != 6) {
            throw new IllegalArgumentException("packet must be IPv4 or IPv6 for LINKTYPE_RAW, got IP version field "
                    + version);
        }
        if (timestamp.getEpochSecond() < 0 || timestamp.getEpochSecond() > MAX_SECONDS) {
            throw new IllegalArgumentException("timestamp " + timestamp
                    + " is outside the pcap range 1970-01-01 to 2106-02-07");
        }

        // Record header, 16 bytes, little-endian:
        //   seconds (4) | microseconds (4) | captured length (4) | original length (4)
        recordHeader.clear();
        recordHeader.putInt((int) timestamp.getEpochSecond());
        recordHeader.putInt(timestamp.getNano() / 1_000);
        recordHeader.putInt(packet.length);
        recordHeader.putInt(packet.length);
        out.write(recordHeader.array());
        out.write(packet);
        packetCount++;
    }

    /** Returns the number of packets written so far. */
    public long packetCount() {
        return packetCount;
    }

    /** Flushes and closes the output. */
    @Override
    public void close() throws IOException {
        out.close();
    }
}
