package org.pqipsec.cli.capture;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Parser for pcapng files as described in draft-ietf-opsawg-pcapng ("PCAP Next Generation
 * (pcapng) Capture File Format").
 *
 * <p>It reads Section Header Blocks in either byte order (a file may hold several sections),
 * Interface Description Blocks with their timestamp resolution and offset options, and
 * Enhanced, Simple and obsolete Packet Blocks. Every other block is skipped by its length.
 *
 * <p>NOTE: Wireshark 4.0 also numbers Custom Blocks (types 0x00000bad and 0x40000bad) as
 * frames. They are skipped here, so after one the frame numbers are lower than Wireshark's.
 */
final class PcapngParser implements RecordParser {

    /** Block type of the Section Header Block; its bytes read the same in both byte orders. */
    static final int SECTION_HEADER_BLOCK = 0x0a0d0d0a;

    static final int INTERFACE_DESCRIPTION_BLOCK = 0x00000001;
    static final int PACKET_BLOCK = 0x00000002;
    static final int SIMPLE_PACKET_BLOCK = 0x00000003;
    static final int ENHANCED_PACKET_BLOCK = 0x00000006;

    /** Byte-order magic of the Section Header Block, read in the section's byte order. */
    static final int BYTE_ORDER_MAGIC = 0x1a2b3c4d;

    /**
     * The largest block this parser reads into memory (16 MiB). Blocks of other types are
     * skipped whatever their length, so only a corrupt length field exceeds it.
     */
    static final int MAX_BLOCK_LENGTH = 16 * 1024 * 1024;

    private static final int OPTION_END = 0;
    private static final int OPTION_IF_TSRESOL = 9;
    private static final int OPTION_IF_TSOFFSET = 14;
    private static final long MICROSECONDS_PER_SECOND = 1_000_000;
    private static final long NANOSECONDS_PER_SECOND = 1_000_000_000;

    /**
     * One interface of the current section.
     *
     * @param linkCode       the LINKTYPE_ value, checked when a packet uses the interface
     * @param snapshotLength the snapshot length, 0 for none
     * @param unitsPerSecond timestamp ticks per second, from if_tsresol (default 10^6)
     * @param offsetSeconds  seconds to add to every timestamp, from if_tsoffset (default 0)
     */
    private record Interface(int linkCode, long snapshotLength, long unitsPerSecond, long offsetSeconds) {
    }

    private final CaptureInput input;
    private final List<Interface> interfaces = new ArrayList<>();
    private ByteOrder order;

    /**
     * Reads the first Section Header Block.
     *
     * @param input     the file, positioned after the 4-byte block type
     * @param blockType the block type bytes, which the caller has checked to be a Section Header Block
     */
    PcapngParser(CaptureInput input, byte[] blockType) throws IOException, CaptureFileException {
        this.input = input;
        readSectionHeader(input.offset() - blockType.length, 1);
    }

    @Override
    public PacketRecord next(long frameNumber) throws IOException, CaptureFileException {
        while (true) {

            // Every block: type (4) | total length (4) | body | total length again (4).
            long blockOffset = input.offset();
            byte[] typeBytes = input.read(4);
            if (typeBytes.length == 0) {
                return null;
            }
            if (typeBytes.length < 4) {
                throw input.fileError(frameNumber, "block header truncated at offset " + blockOffset
                        + " (" + typeBytes.length + " of 8 bytes)");
            }
            if (ByteBuffer.wrap(typeBytes).getInt() == SECTION_HEADER_BLOCK) {
                readSectionHeader(blockOffset, frameNumber);
                continue;
            }

            byte[] lengthBytes = input.read(4);
            if (lengthBytes.length < 4) {
                throw input.fileError(frameNumber, "block header truncated at offset " + blockOffset
                        + " (" + (4 + lengthBytes.length) + " of 8 bytes)");
            }
            int type = ByteBuffer.wrap(typeBytes).order(order).getInt();
            long length = Integer.toUnsignedLong(ByteBuffer.wrap(lengthBytes).order(order).getInt());

            switch (type) {
                case INTERFACE_DESCRIPTION_BLOCK -> {
                    Block block = readBlock("interface description block", blockOffset, length,
                            false, frameNumber);
                    interfaces.add(parseInterface(block, frameNumber));
                }
                case ENHANCED_PACKET_BLOCK -> {
                    Block block = readBlock("enhanced packet block", blockOffset, length, true, frameNumber);
                    return parseEnhancedPacket(block, frameNumber);
                }
                case SIMPLE_PACKET_BLOCK -> {
                    Block block = readBlock("simple packet block", blockOffset, length, true, frameNumber);
                    return parseSimplePacket(block, frameNumber);
                }
                case PACKET_BLOCK -> {
                    Block block = readBlock("packet block", blockOffset, length, true, frameNumber);
                    return parseObsoletePacket(block, frameNumber);
                }
                default -> skipBlock(String.format("block of type 0x%08x", type), blockOffset, length,
                        frameNumber);
            }
        }
    }

    /**
     * A block body read into memory, in the section's byte order.
     *
     * @param name   the block's name for error messages
     * @param offset the file offset of the block's first byte
     * @param body   the bytes between the leading and trailing total length
     */
    private record Block(String name, long offset, ByteBuffer body) {
    }

    /** Reads a block after its 8-byte header, checking the length and the trailing copy of it. */
    private Block readBlock(String name, long blockOffset, long length, boolean insideFrame, long frameNumber)
            throws IOException, CaptureFileException {
        checkLength(name, blockOffset, length, 12, insideFrame, frameNumber);
        if (length > MAX_BLOCK_LENGTH) {
            throw error(insideFrame, frameNumber, name + " at offset " + blockOffset + " has length "
                    + length + ", more than the maximum of " + MAX_BLOCK_LENGTH + " bytes; the file is corrupt");
        }

        byte[] rest = input.read((int) length - 8);
        if (rest.length < length - 8) {
            throw error(insideFrame, frameNumber, name + " truncated at offset " + blockOffset
                    + " (" + (8 + rest.length) + " of " + length + " bytes)");
        }
        ByteBuffer buffer = ByteBuffer.wrap(rest).order(order);
        checkTrailer(name, blockOffset, length, buffer.getInt(rest.length - 4), insideFrame, frameNumber);

        ByteBuffer body = ByteBuffer.wrap(rest, 0, rest.length - 4).slice().order(order);
        return new Block(name, blockOffset, body);
    }

    /** Skips a block that this parser does not interpret, checking the trailing length. */
    private void skipBlock(String name, long blockOffset, long length, long frameNumber)
            throws IOException, CaptureFileException {
        checkLength(name, blockOffset, length, 12, false, frameNumber);

        long skipped = input.skip(length - 12);
        byte[] trailer = input.read(4);
        if (skipped < length - 12 || trailer.length < 4) {
            throw input.fileError(frameNumber, name + " truncated at offset " + blockOffset
                    + " (" + (8 + skipped + trailer.length) + " of " + length + " bytes)");
        }
        checkTrailer(name, blockOffset, length, ByteBuffer.wrap(trailer).order(order).getInt(), false,
                frameNumber);
    }

    /** Reads a Section Header Block whose 4-byte type has been read, and starts a new section. */
    private void readSectionHeader(long blockOffset, long frameNumber) throws IOException, CaptureFileException {
        String name = "section header block";

        // Section Header Block after its type:
        //   4  total length (4)
        //   8  byte-order magic 1a2b3c4d (4), which sets the byte order of the whole section
        //  12  major version (2) = 1    14  minor version (2)
        //  16  section length (8), -1 when not given, and not needed to read the section
        //  24  options
        byte[] head = input.read(8);
        if (head.length < 8) {
            throw input.fileError(frameNumber, name + " truncated at offset " + blockOffset
                    + " (" + (4 + head.length) + " of at least 28 bytes)");
        }
        int magicBigEndian = ByteBuffer.wrap(head, 4, 4).getInt();
        if (magicBigEndian == BYTE_ORDER_MAGIC) {
            order = ByteOrder.BIG_ENDIAN;
        } else if (Integer.reverseBytes(magicBigEndian) == BYTE_ORDER_MAGIC) {
            order = ByteOrder.LITTLE_ENDIAN;
        } else {
            throw input.fileError(frameNumber, name + " at offset " + blockOffset
                    + " has an invalid byte-order magic "
                    + HexFormat.of().formatHex(Arrays.copyOfRange(head, 4, 8)) + "; expected 1a2b3c4d or 4d3c2b1a");
        }
        long length = Integer.toUnsignedLong(ByteBuffer.wrap(head, 0, 4).order(order).getInt());
        checkLength(name, blockOffset, length, 28, false, frameNumber);
        if (length > MAX_BLOCK_LENGTH) {
            throw input.fileError(frameNumber, name + " at offset " + blockOffset + " has length " + length
                    + ", more than the maximum of " + MAX_BLOCK_LENGTH + " bytes; the file is corrupt");
        }

        byte[] rest = input.read((int) length - 12);
        if (rest.length < length - 12) {
            throw input.fileError(frameNumber, name + " truncated at offset " + blockOffset
                    + " (" + (12 + rest.length) + " of " + length + " bytes)");
        }
        ByteBuffer body = ByteBuffer.wrap(rest).order(order);
        checkTrailer(name, blockOffset, length, body.getInt(rest.length - 4), false, frameNumber);

        int major = Short.toUnsignedInt(body.getShort(0));
        int minor = Short.toUnsignedInt(body.getShort(2));
        if (major != 1) {
            throw input.fileError(frameNumber, "unsupported pcapng version " + major + "." + minor
                    + " in the section at offset " + blockOffset + "; only version 1.x is supported");
        }

        // Interface numbers restart in every section.
        interfaces.clear();
    }

    private Interface parseInterface(Block block, long frameNumber) throws CaptureFileException {

        // Interface Description Block body:
        //   0  link type (2) | 2  reserved (2) | 4  snapshot length (4), 0 = none | 8  options
        ByteBuffer body = block.body();
        if (body.limit() < 8) {
            throw input.fileError(frameNumber, tooShort(block, 8));
        }
        int linkCode = Short.toUnsignedInt(body.getShort(0));
        long snapshotLength = Integer.toUnsignedLong(body.getInt(4));

        long unitsPerSecond = MICROSECONDS_PER_SECOND;
        long offsetSeconds = 0;

        // Each option: code (2) | length (2) | value, padded to 32 bits. Code 0 ends the list.
        int position = 8;
        while (position + 4 <= body.limit()) {
            int code = Short.toUnsignedInt(body.getShort(position));
            int length = Short.toUnsignedInt(body.getShort(position + 2));
            position += 4;
            if (code == OPTION_END) {
                break;
            }
            if (position + length > body.limit()) {
                throw input.fileError(frameNumber, block.name() + " at offset " + block.offset()
                        + ": option " + code + " of " + length + " bytes overruns the block");
            }

            if (code == OPTION_IF_TSRESOL && length == 1) {
                unitsPerSecond = unitsPerSecond(body.get(position), block, frameNumber);
            } else if (code == OPTION_IF_TSOFFSET && length == 8) {
                offsetSeconds = body.getLong(position);
            }
            position += (length + 3) & ~3;
        }
        return new Interface(linkCode, snapshotLength, unitsPerSecond, offsetSeconds);
    }

    /**
     * Decodes if_tsresol: with the top bit clear the unit is 10^-value seconds, with it set
     * 2^-(value &amp; 0x7f) seconds. Units finer than 10^-18 or 2^-62 do not fit a long tick
     * count per second and are rejected.
     */
    private long unitsPerSecond(byte resolution, Block block, long frameNumber) throws CaptureFileException {
        int exponent = resolution & 0x7f;
        boolean powerOfTwo = (resolution & 0x80) != 0;
        if (powerOfTwo ? exponent > 62 : exponent > 18) {
            throw input.fileError(frameNumber, block.name() + " at offset " + block.offset()
                    + ": unsupported timestamp resolution " + (powerOfTwo ? "2^-" : "10^-") + exponent);
        }
        return powerOfTwo ? 1L << exponent : BigInteger.TEN.pow(exponent).longValueExact();
    }

    private PacketRecord parseEnhancedPacket(Block block, long frameNumber) throws CaptureFileException {

        // Enhanced Packet Block body:
        //   0  interface id (4)
        //   4  timestamp, upper 32 bits (4)    8  timestamp, lower 32 bits (4)
        //  12  captured length (4)            16  original length (4)
        //  20  packet data, padded to 32 bits, then options
        ByteBuffer body = block.body();
        if (body.limit() < 20) {
            throw input.frameError(frameNumber, tooShort(block, 20));
        }
        long interfaceId = Integer.toUnsignedLong(body.getInt(0));
        long ticks = (Integer.toUnsignedLong(body.getInt(4)) << 32) | Integer.toUnsignedLong(body.getInt(8));
        long capturedLength = Integer.toUnsignedLong(body.getInt(12));
        long originalLength = Integer.toUnsignedLong(body.getInt(16));

        Interface description = interfaceFor(interfaceId, block, frameNumber);
        if (capturedLength > body.limit() - 20) {
            throw input.frameError(frameNumber, block.name() + " at offset " + block.offset()
                    + ": captured length " + capturedLength + " exceeds the block's "
                    + (body.limit() - 20) + " bytes of packet data");
        }
        byte[] data = new byte[(int) capturedLength];
        body.get(20, data);

        Instant timestamp = toInstant(ticks, description, frameNumber);
        return new PacketRecord((int) interfaceId, linkType(description, interfaceId, frameNumber),
                Optional.of(timestamp), originalLength, data);
    }

    private PacketRecord parseSimplePacket(Block block, long frameNumber) throws CaptureFileException {

        // Simple Packet Block body:
        //   0  original length (4)
        //   4  packet data, padded to 32 bits. The captured length is the smallest of the
        //      original length, the interface's snapshot length and the data area.
        ByteBuffer body = block.body();
        if (body.limit() < 4) {
            throw input.frameError(frameNumber, tooShort(block, 4));
        }
        long originalLength = Integer.toUnsignedLong(body.getInt(0));

        Interface description = interfaceFor(0, block, frameNumber);
        long capturedLength = Math.min(originalLength, body.limit() - 4);
        if (description.snapshotLength() != 0) {
            capturedLength = Math.min(capturedLength, description.snapshotLength());
        }
        byte[] data = new byte[(int) capturedLength];
        body.get(4, data);

        return new PacketRecord(0, linkType(description, 0, frameNumber), Optional.empty(),
                originalLength, data);
    }

    private PacketRecord parseObsoletePacket(Block block, long frameNumber) throws CaptureFileException {

        // Packet Block body (obsolete, still written by old tools):
        //   0  interface id (2)   2  drops count (2)
        //   4  timestamp, upper 32 bits (4)    8  timestamp, lower 32 bits (4)
        //  12  captured length (4)            16  original length (4)
        //  20  packet data, padded to 32 bits, then options
        ByteBuffer body = block.body();
        if (body.limit() < 20) {
            throw input.frameError(frameNumber, tooShort(block, 20));
        }
        int interfaceId = Short.toUnsignedInt(body.getShort(0));
        long ticks = (Integer.toUnsignedLong(body.getInt(4)) << 32) | Integer.toUnsignedLong(body.getInt(8));
        long capturedLength = Integer.toUnsignedLong(body.getInt(12));
        long originalLength = Integer.toUnsignedLong(body.getInt(16));

        Interface description = interfaceFor(interfaceId, block, frameNumber);
        if (capturedLength > body.limit() - 20) {
            throw input.frameError(frameNumber, block.name() + " at offset " + block.offset()
                    + ": captured length " + capturedLength + " exceeds the block's "
                    + (body.limit() - 20) + " bytes of packet data");
        }
        byte[] data = new byte[(int) capturedLength];
        body.get(20, data);

        Instant timestamp = toInstant(ticks, description, frameNumber);
        return new PacketRecord(interfaceId, linkType(description, interfaceId, frameNumber),
                Optional.of(timestamp), originalLength, data);
    }

    private Interface interfaceFor(long interfaceId, Block block, long frameNumber) throws CaptureFileException {
        if (interfaceId >= interfaces.size()) {
            throw input.frameError(frameNumber, block.name() + " at offset " + block.offset()
                    + " refers to interface " + interfaceId + " but the section describes "
                    + interfaces.size() + " interface(s)");
        }
        return interfaces.get((int) interfaceId);
    }

    private LinkType linkType(Interface description, long interfaceId, long frameNumber)
            throws CaptureFileException {
        return LinkType.fromCode(description.linkCode()).orElseThrow(() -> input.frameError(frameNumber,
                "unsupported link type " + description.linkCode() + " on interface " + interfaceId
                        + "; supported: " + LinkType.supportedList()));
    }

    /** Converts an unsigned tick count since 1970 to an instant, truncating below a nanosecond. */
    private Instant toInstant(long ticks, Interface description, long frameNumber) throws CaptureFileException {
        long units = description.unitsPerSecond();
        long seconds = Long.divideUnsigned(ticks, units);
        long remainder = Long.remainderUnsigned(ticks, units);

        // With units <= 10^9, remainder * 10^9 stays below 10^18 and fits a long. Finer
        // units take the BigInteger path.
        long nanos = units <= NANOSECONDS_PER_SECOND
                ? remainder * NANOSECONDS_PER_SECOND / units
                : BigInteger.valueOf(remainder).multiply(BigInteger.valueOf(NANOSECONDS_PER_SECOND))
                        .divide(BigInteger.valueOf(units)).longValueExact();
        try {
            return Instant.ofEpochSecond(Math.addExact(seconds, description.offsetSeconds()), nanos);
        } catch (ArithmeticException | DateTimeException e) {
            throw input.frameError(frameNumber, "timestamp out of range (" + Long.toUnsignedString(ticks)
                    + " ticks of 1/" + units + " s, offset " + description.offsetSeconds() + " s)");
        }
    }

    private void checkLength(String name, long blockOffset, long length, int minimum, boolean insideFrame,
            long frameNumber) throws CaptureFileException {
        if (length < minimum || length % 4 != 0) {
            throw error(insideFrame, frameNumber, name + " at offset " + blockOffset + " has invalid length "
                    + length + "; a block is a multiple of 4 bytes and at least " + minimum + " bytes");
        }
    }

    private void checkTrailer(String name, long blockOffset, long length, int trailer, boolean insideFrame,
            long frameNumber) throws CaptureFileException {
        if (Integer.toUnsignedLong(trailer) != length) {
            throw error(insideFrame, frameNumber, name + " at offset " + blockOffset
                    + ": trailing length " + Integer.toUnsignedLong(trailer)
                    + " does not match the leading length " + length);
        }
    }

    private static String tooShort(Block block, int minimumBody) {
        return block.name() + " at offset " + block.offset() + " is too short: " + block.body().limit()
                + " body bytes, at least " + minimumBody + " needed";
    }

    private CaptureFileException error(boolean insideFrame, long frameNumber, String detail) {
        return insideFrame ? input.frameError(frameNumber, detail) : input.fileError(frameNumber, detail);
    }
}
