package org.pqipsec.cli.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.Optional;

/**
 * Parser for classic pcap files as described in draft-ietf-opsawg-pcap ("PCAP Capture File
 * Format"): either byte order, microsecond or nanosecond timestamps.
 */
final class PcapParser implements RecordParser {

    /** Magic number of files with microsecond timestamps, read in the writer's byte order. */
    static final int MAGIC_MICROSECONDS = 0xa1b2c3d4;

    /** Magic number of files with nanosecond timestamps, read in the writer's byte order. */
    static final int MAGIC_NANOSECONDS = 0xa1b23c4d;

    static final int FILE_HEADER_LENGTH = 24;
    static final int RECORD_HEADER_LENGTH = 16;

    private final CaptureInput input;
    private final ByteOrder order;
    private final boolean nanoseconds;
    private final long snapshotLength;
    private final LinkType linkType;

    /**
     * Reads the rest of the file header.
     *
     * @param input the file, positioned after the 4-byte magic number
     * @param magic the magic number as it appears in the file
     */
    PcapParser(CaptureInput input, byte[] magic) throws IOException, CaptureFileException {
        this.input = input;

        // File header, 24 bytes in the writer's byte order:
        //   0  magic number (4)          a1b2c3d4 = microseconds, a1b23c4d = nanoseconds
        //   4  major version (2) = 2     6  minor version (2) = 4
        //   8  reserved (4)             12  reserved (4)
        //  16  snapshot length (4)
        //  20  link type (low 16 bits) and FCS information (high bits, ignored here) (4)
        int bigEndianMagic = ByteBuffer.wrap(magic).getInt();
        this.order = (bigEndianMagic == MAGIC_MICROSECONDS || bigEndianMagic == MAGIC_NANOSECONDS)
                ? ByteOrder.BIG_ENDIAN
                : ByteOrder.LITTLE_ENDIAN;
        this.nanoseconds = ByteBuffer.wrap(magic).order(order).getInt() == MAGIC_NANOSECONDS;

        byte[] rest = input.read(FILE_HEADER_LENGTH - magic.length);
        if (rest.length < FILE_HEADER_LENGTH - magic.length) {
            throw input.fileError(1, "pcap file header truncated (" + (magic.length + rest.length)
                    + " of " + FILE_HEADER_LENGTH + " bytes)");
        }
        ByteBuffer header = ByteBuffer.wrap(rest).order(order);

        int major = Short.toUnsignedInt(header.getShort(0));
        int minor = Short.toUnsignedInt(header.getShort(2));
        if (major != 2) {
            throw input.fileError(1, "unsupported pcap version " + major + "." + minor
                    + "; only version 2.x is supported");
        }

        this.snapshotLength = Integer.toUnsignedLong(header.getInt(12));

        int linkCode = header.getInt(16) & 0xffff;
        this.linkType = LinkType.fromCode(linkCode).orElseThrow(() -> input.fileError(1,
                "unsupported link type " + linkCode + "; supported: " + LinkType.supportedList()));
    }

    @Override
    public PacketRecord next(long frameNumber) throws IOException, CaptureFileException {

        // Record header, 16 bytes in the file's byte order:
        //   0  timestamp seconds (4)
        //   4  timestamp microseconds or nanoseconds (4)
        //   8  captured length (4)
        //  12  original length (4)
        long recordOffset = input.offset();
        byte[] headerBytes = input.read(RECORD_HEADER_LENGTH);
        if (headerBytes.length == 0) {
            return null;
        }
        if (headerBytes.length < RECORD_HEADER_LENGTH) {
            throw input.frameError(frameNumber, "record header truncated at offset " + recordOffset
                    + " (" + headerBytes.length + " of " + RECORD_HEADER_LENGTH + " bytes)");
        }
        ByteBuffer header = ByteBuffer.wrap(headerBytes).order(order);
        long seconds = Integer.toUnsignedLong(header.getInt(0));
        long fraction = Integer.toUnsignedLong(header.getInt(4));
        long capturedLength = Integer.toUnsignedLong(header.getInt(8));
        long originalLength = Integer.toUnsignedLong(header.getInt(12));

        // Bound the length before reading, so a corrupt field cannot demand a huge array.
        long maximum = RecordParser.maxCapturedLength(snapshotLength);
        if (capturedLength > maximum || capturedLength > Integer.MAX_VALUE - 8) {
            throw input.frameError(frameNumber, "captured length " + capturedLength
                    + " exceeds the maximum of " + maximum + " bytes (snapshot length "
                    + snapshotLength + "); the record header at offset " + recordOffset
                    + " is corrupt");
        }

        long dataOffset = input.offset();
        byte[] data = input.read((int) capturedLength);
        if (data.length < capturedLength) {
            throw input.frameError(frameNumber, "packet data truncated at offset " + dataOffset
                    + " (" + data.length + " of " + capturedLength + " bytes)");
        }

        // Both fields are unsigned 32-bit values, so the sum always fits an Instant.
        Instant timestamp = Instant.ofEpochSecond(seconds, nanoseconds ? fraction : fraction * 1_000);
        return new PacketRecord(0, linkType, Optional.of(timestamp), originalLength, data);
    }
}
