package org.pqipsec.cli.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pqipsec.cli.capture.CaptureBytes.block;
import static org.pqipsec.cli.capture.CaptureBytes.concat;
import static org.pqipsec.cli.capture.CaptureBytes.counting;
import static org.pqipsec.cli.capture.CaptureBytes.enhancedPacket;
import static org.pqipsec.cli.capture.CaptureBytes.interfaceDescription;
import static org.pqipsec.cli.capture.CaptureBytes.ipv4Udp;
import static org.pqipsec.cli.capture.CaptureBytes.pcapHeader;
import static org.pqipsec.cli.capture.CaptureBytes.pcapRecord;
import static org.pqipsec.cli.capture.CaptureBytes.prefix;
import static org.pqipsec.cli.capture.CaptureBytes.sectionHeader;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a capture file can be unreadable gives one {@link CaptureFileException} whose
 * message is a single line naming the file and the frame.
 */
class CaptureReaderErrorTest {

    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    private static final ByteOrder BE = ByteOrder.BIG_ENDIAN;
    private static final byte[] PACKET = ipv4Udp(3, counting(20));

    @TempDir
    Path directory;

    /** Writes {@code content} to {@code name}, reads it to the end and returns the failure. */
    private CaptureFileException readFailure(String name, byte[] content) throws Exception {
        Path path = directory.resolve(name);
        Files.write(path, content);
        CaptureFileException error = assertThrows(CaptureFileException.class, () -> CaptureReader.readAll(path));
        assertOneLine(error, path.toString());
        return error;
    }

    private static void assertOneLine(CaptureFileException error, String file) {
        String message = error.getMessage();
        assertFalse(message.contains("\n") || message.contains("\r"), "one line: " + message);
        assertTrue(message.startsWith(file + ": "), "names the file: " + message);
        assertEquals(file, error.file());
        if (error.frameNumber() == 0) {
            assertFalse(error.insideFrame(), "a file that cannot be opened has no frame: " + message);
            assertEquals(file + ": " + error.detail(), message);
            return;
        }
        String position = (error.insideFrame() ? "frame " : "before frame ") + error.frameNumber();
        assertEquals(file + ": " + position + ": " + error.detail(), message);
    }

    private String messageWithoutDirectory(CaptureFileException error) {
        return error.getMessage().substring(directory.toString().length() + 1);
    }

    private static byte[] pcapWithOnePacket() {
        return concat(pcapHeader(LE, false, 65_535, LinkType.RAW.code()), pcapRecord(LE, 1, 0, PACKET));
    }

    // ---- files that are not captures ----

    @Test
    void missingFile() {
        Path path = directory.resolve("no-such.pcap");

        CaptureFileException error = assertThrows(CaptureFileException.class, () -> CaptureReader.open(path));

        assertOneLine(error, path.toString());
        assertEquals("no-such.pcap: file not found", messageWithoutDirectory(error));
        assertEquals(0, error.frameNumber());
    }

    @Test
    void directoryInsteadOfFile() throws Exception {
        Path path = Files.createDirectory(directory.resolve("folder.pcap"));

        CaptureFileException error = assertThrows(CaptureFileException.class, () -> CaptureReader.open(path));

        assertOneLine(error, path.toString());
        assertTrue(error.detail().startsWith("cannot read the file: "), error.getMessage());
    }

    @Test
    void emptyFile() throws Exception {
        CaptureFileException error = readFailure("empty.pcap", new byte[0]);

        assertEquals("empty.pcap: before frame 1: file is empty; expected a pcap or pcapng file",
                messageWithoutDirectory(error));
    }

    @Test
    void fileShorterThanMagic() throws Exception {
        CaptureFileException error = readFailure("tiny.pcap", new byte[] {(byte) 0xd4, (byte) 0xc3});

        assertEquals("tiny.pcap: before frame 1: file of 2 bytes is too short for a pcap or pcapng header",
                messageWithoutDirectory(error));
    }

    @Test
    void badMagic() throws Exception {
        CaptureFileException error = readFailure("page.pcap",
                "<html><body>not a capture</body></html>".getBytes(StandardCharsets.US_ASCII));

        assertEquals("page.pcap: before frame 1: not a pcap or pcapng file (starts with 3c68746d)",
                messageWithoutDirectory(error));
    }

    // ---- classic pcap ----

    @Test
    void truncatedPcapHeader() throws Exception {
        byte[] header = prefix(pcapHeader(LE, false, 65_535, 1), 10);

        CaptureFileException error = readFailure("short-header.pcap", header);

        assertEquals("short-header.pcap: before frame 1: pcap file header truncated (10 of 24 bytes)",
                messageWithoutDirectory(error));
        assertFalse(error.insideFrame());
        assertEquals(1, error.frameNumber());
    }

    @Test
    void unsupportedPcapVersion() throws Exception {
        byte[] header = pcapHeader(BE, false, 65_535, 1);
        header[5] = 3;

        CaptureFileException error = readFailure("version.pcap", header);

        assertEquals("version.pcap: before frame 1: unsupported pcap version 3.4; only version 2.x is supported",
                messageWithoutDirectory(error));
    }

    @Test
    void unsupportedPcapLinkType() throws Exception {
        CaptureFileException error = readFailure("wifi.pcap", pcapHeader(LE, false, 65_535, 105));

        assertEquals("wifi.pcap: before frame 1: unsupported link type 105; supported: 0 (NULL), 1 (ETHERNET), "
                + "101 (RAW), 108 (LOOP), 113 (LINUX_SLL), 228 (IPV4), 229 (IPV6), 276 (LINUX_SLL2)",
                messageWithoutDirectory(error));
    }

    @Test
    void truncatedRecordHeader() throws Exception {
        byte[] file = concat(pcapWithOnePacket(), new byte[8]);

        CaptureFileException error = readFailure("short-record.pcap", file);

        int offset = 24 + 16 + PACKET.length;
        assertEquals("short-record.pcap: frame 2: record header truncated at offset " + offset + " (8 of 16 bytes)",
                messageWithoutDirectory(error));
        assertTrue(error.insideFrame());
        assertEquals(2, error.frameNumber());
    }

    @Test
    void truncatedRecordBody() throws Exception {
        byte[] complete = concat(pcapWithOnePacket(), pcapRecord(LE, 2, 0, PACKET));
        byte[] file = prefix(complete, complete.length - 5);

        CaptureFileException error = readFailure("short-body.pcap", file);

        int dataOffset = 24 + 16 + PACKET.length + 16;
        assertEquals("short-body.pcap: frame 2: packet data truncated at offset " + dataOffset
                + " (" + (PACKET.length - 5) + " of " + PACKET.length + " bytes)", messageWithoutDirectory(error));
    }

    @Test
    void absurdCapturedLength() throws Exception {
        byte[] file = concat(
                pcapHeader(LE, false, 65_535, LinkType.RAW.code()),
                pcapRecord(LE, 1, 0, 0xffff_fff0L, 60, PACKET));

        CaptureFileException error = readFailure("huge.pcap", file);

        assertEquals("huge.pcap: frame 1: captured length 4294967280 exceeds the maximum of 262144 bytes "
                + "(snapshot length 65535); the record header at offset 24 is corrupt", messageWithoutDirectory(error));
    }

    @Test
    void lengthBeyondFileWithHugeSnapshotLength() throws Exception {

        // A corrupt snapshot length lifts the per-record limit, but the bytes left in the
        // file still bound what is read.
        byte[] file = concat(
                pcapHeader(LE, false, 0xffff_ffffL, LinkType.RAW.code()),
                pcapRecord(LE, 1, 0, 0x7fff_0000L, 60, PACKET));

        CaptureFileException error = readFailure("corrupt-snaplen.pcap", file);

        assertEquals("corrupt-snaplen.pcap: frame 1: packet data truncated at offset 40 (" + PACKET.length
                + " of 2147418112 bytes)", messageWithoutDirectory(error));
    }

    @Test
    void lengthBeyondStreamWithHugeSnapshotLength() throws Exception {
        byte[] file = concat(
                pcapHeader(BE, false, 0xffff_ffffL, LinkType.RAW.code()),
                pcapRecord(BE, 1, 0, 0x7fff_0000L, 60, PACKET));

        CaptureFileException error;
        try (CaptureReader reader = CaptureReader.open(new ByteArrayInputStream(file), "stream.pcap")) {
            error = assertThrows(CaptureFileException.class, reader::next);
            assertNull(reader.next(), "the reader stops after an error");
        }

        assertOneLine(error, "stream.pcap");
        assertEquals("stream.pcap: frame 1: packet data truncated at offset 40 (" + PACKET.length
                + " of 2147418112 bytes)", error.getMessage());
    }

    @Test
    void framesBeforeErrorAreReturned() throws Exception {
        Path path = directory.resolve("partial.pcap");
        Files.write(path, concat(pcapWithOnePacket(), new byte[3]));

        try (CaptureReader reader = CaptureReader.open(path)) {
            CaptureFrame first = reader.next();
            assertEquals(1, first.number());
            CaptureFileException error = assertThrows(CaptureFileException.class, reader::next);
            assertEquals(2, error.frameNumber());
        }
    }

    // ---- pcapng ----

    private static byte[] pcapngStart(ByteOrder order) {
        return concat(sectionHeader(order), interfaceDescription(order, LinkType.RAW.code(), 0, new byte[0]));
    }

    @Test
    void truncatedSectionHeader() throws Exception {
        byte[] file = prefix(sectionHeader(LE), 20);

        CaptureFileException error = readFailure("short-shb.pcapng", file);

        assertEquals("short-shb.pcapng: before frame 1: section header block truncated at offset 0 (20 of 28 bytes)",
                messageWithoutDirectory(error));
    }

    @Test
    void sectionHeaderCutAfterType() throws Exception {
        CaptureFileException error = readFailure("type-only.pcapng", prefix(sectionHeader(BE), 6));

        assertEquals("type-only.pcapng: before frame 1: section header block truncated at offset 0 "
                + "(6 of at least 28 bytes)", messageWithoutDirectory(error));
    }

    @Test
    void invalidByteOrderMagic() throws Exception {
        byte[] file = sectionHeader(LE);
        file[8] = 0x11;

        CaptureFileException error = readFailure("bom.pcapng", file);

        assertEquals("bom.pcapng: before frame 1: section header block at offset 0 has an invalid byte-order magic "
                + "113c2b1a; expected 1a2b3c4d or 4d3c2b1a", messageWithoutDirectory(error));
    }

    @Test
    void unsupportedPcapngVersion() throws Exception {
        byte[] file = sectionHeader(BE);
        file[13] = 2;

        CaptureFileException error = readFailure("v2.pcapng", file);

        assertEquals("v2.pcapng: before frame 1: unsupported pcapng version 2.0 in the section at offset 0; "
                + "only version 1.x is supported", messageWithoutDirectory(error));
    }

    @Test
    void truncatedInterfaceDescription() throws Exception {
        byte[] idb = interfaceDescription(LE, 1, 0, new byte[0]);
        byte[] file = concat(sectionHeader(LE), prefix(idb, 12));

        CaptureFileException error = readFailure("short-idb.pcapng", file);

        assertEquals("short-idb.pcapng: before frame 1: interface description block truncated at offset 28 "
                + "(12 of 20 bytes)", messageWithoutDirectory(error));
    }

    @Test
    void truncatedEnhancedPacket() throws Exception {
        byte[] epb = enhancedPacket(LE, 0, 0, PACKET, PACKET.length);
        byte[] file = concat(pcapngStart(LE), epb, prefix(epb, 30));

        CaptureFileException error = readFailure("short-epb.pcapng", file);

        assertEquals("short-epb.pcapng: frame 2: enhanced packet block truncated at offset " + (48 + epb.length)
                + " (30 of " + epb.length + " bytes)", messageWithoutDirectory(error));
    }

    @Test
    void blockHeaderCutBetweenBlocks() throws Exception {
        byte[] file = concat(pcapngStart(BE), enhancedPacket(BE, 0, 0, PACKET, PACKET.length), new byte[6]);

        CaptureFileException error = readFailure("tail.pcapng", file);

        assertTrue(error.getMessage().endsWith(": before frame 2: block header truncated at offset "
                + (file.length - 6) + " (6 of 8 bytes)"), error.getMessage());
    }

    @Test
    void trailingLengthMismatch() throws Exception {
        byte[] epb = enhancedPacket(BE, 0, 0, PACKET, PACKET.length);
        epb[epb.length - 1] ^= 4;

        CaptureFileException error = readFailure("trailer.pcapng", concat(pcapngStart(BE), epb));

        assertEquals("trailer.pcapng: frame 1: enhanced packet block at offset 48: trailing length " + (epb.length ^ 4)
                + " does not match the leading length " + epb.length, messageWithoutDirectory(error));
    }

    @Test
    void blockLengthNotMultipleOfFour() throws Exception {
        byte[] epb = enhancedPacket(LE, 0, 0, PACKET, PACKET.length);
        epb[4] += 2;

        CaptureFileException error = readFailure("odd.pcapng", concat(pcapngStart(LE), epb));

        assertEquals("odd.pcapng: frame 1: enhanced packet block at offset 48 has invalid length " + (epb.length + 2)
                + "; a block is a multiple of 4 bytes and at least 12 bytes", messageWithoutDirectory(error));
    }

    @Test
    void absurdBlockLength() throws Exception {
        byte[] epb = enhancedPacket(LE, 0, 0, PACKET, PACKET.length);
        ByteBuffer.wrap(epb).order(LE).putInt(4, 0xffff_fff0);

        CaptureFileException error = readFailure("huge.pcapng", concat(pcapngStart(LE), epb));

        assertEquals("huge.pcapng: frame 1: enhanced packet block at offset 48 has length 4294967280, more than "
                + "the maximum of 16777216 bytes; the file is corrupt", messageWithoutDirectory(error));
    }

    @Test
    void absurdUnknownBlockLength() throws Exception {
        byte[] unknown = block(BE, 0x0000_0bad, counting(8));
        ByteBuffer.wrap(unknown).putInt(4, 0x7fff_fff0);

        CaptureFileException error = readFailure("skip.pcapng", concat(pcapngStart(BE), unknown));

        assertEquals("skip.pcapng: before frame 1: block of type 0x00000bad truncated at offset 48 "
                + "(" + unknown.length + " of 2147483632 bytes)", messageWithoutDirectory(error));
    }

    @Test
    void capturedLengthBeyondBlock() throws Exception {
        byte[] epb = enhancedPacket(LE, 0, 0, PACKET, PACKET.length);
        ByteBuffer.wrap(epb).order(LE).putInt(8 + 12, 1000);

        CaptureFileException error = readFailure("caplen.pcapng", concat(pcapngStart(LE), epb));

        assertEquals("caplen.pcapng: frame 1: enhanced packet block at offset 48: captured length 1000 exceeds the "
                + "block's " + PACKET.length + " bytes of packet data", messageWithoutDirectory(error));
    }

    @Test
    void unknownInterface() throws Exception {
        byte[] file = concat(pcapngStart(BE), enhancedPacket(BE, 2, 0, PACKET, PACKET.length));

        CaptureFileException error = readFailure("iface.pcapng", file);

        assertEquals("iface.pcapng: frame 1: enhanced packet block at offset 48 refers to interface 2 but the "
                + "section describes 1 interface(s)", messageWithoutDirectory(error));
    }

    @Test
    void simplePacketWithoutInterface() throws Exception {
        byte[] file = concat(sectionHeader(LE), CaptureBytes.simplePacket(LE, PACKET, PACKET.length));

        CaptureFileException error = readFailure("spb.pcapng", file);

        assertEquals("spb.pcapng: frame 1: simple packet block at offset 28 refers to interface 0 but the "
                + "section describes 0 interface(s)", messageWithoutDirectory(error));
    }

    @Test
    void interfacesDoNotCarryIntoNextSection() throws Exception {
        byte[] file = concat(pcapngStart(LE), enhancedPacket(LE, 0, 0, PACKET, PACKET.length),
                sectionHeader(BE), enhancedPacket(BE, 0, 0, PACKET, PACKET.length));

        CaptureFileException error = readFailure("sections.pcapng", file);

        assertEquals(2, error.frameNumber());
        assertTrue(error.detail().endsWith("refers to interface 0 but the section describes 0 interface(s)"),
                error.getMessage());
    }

    @Test
    void unsupportedPcapngLinkType() throws Exception {
        byte[] file = concat(sectionHeader(LE),
                interfaceDescription(LE, LinkType.RAW.code(), 0, new byte[0]),
                interfaceDescription(LE, 147, 0, new byte[0]),
                enhancedPacket(LE, 0, 0, PACKET, PACKET.length),
                enhancedPacket(LE, 1, 0, PACKET, PACKET.length));

        CaptureFileException error = readFailure("user0.pcapng", file);

        assertTrue(error.getMessage().contains(": frame 2: unsupported link type 147 on interface 1; supported: 0 (NULL)"),
                error.getMessage());
    }

    @Test
    void unsupportedTimestampResolution() throws Exception {
        byte[] options = concat(CaptureBytes.option(LE, 9, new byte[] {19}), CaptureBytes.endOfOptions());
        byte[] file = concat(sectionHeader(LE), interfaceDescription(LE, 1, 0, options));

        CaptureFileException error = readFailure("tsresol.pcapng", file);

        assertEquals("tsresol.pcapng: before frame 1: interface description block at offset 28: unsupported "
                + "timestamp resolution 10^-19", messageWithoutDirectory(error));
    }

    @Test
    void optionOverrunsBlock() throws Exception {
        byte[] options = CaptureBytes.option(LE, 2, "eth0".getBytes(StandardCharsets.US_ASCII));
        ByteBuffer.wrap(options).order(LE).putShort(2, (short) 40);
        byte[] file = concat(sectionHeader(LE), interfaceDescription(LE, 1, 0, options));

        CaptureFileException error = readFailure("option.pcapng", file);

        assertEquals("option.pcapng: before frame 1: interface description block at offset 28: option 2 of "
                + "40 bytes overruns the block", messageWithoutDirectory(error));
    }

    @Test
    void timestampOutOfRange() throws Exception {
        byte[] options = concat(
                CaptureBytes.option(LE, 9, new byte[] {0}),
                CaptureBytes.option(LE, 14, ByteBuffer.allocate(8).order(LE).putLong(Long.MAX_VALUE).array()),
                CaptureBytes.endOfOptions());
        byte[] file = concat(sectionHeader(LE), interfaceDescription(LE, LinkType.RAW.code(), 0, options),
                enhancedPacket(LE, 0, 10, PACKET, PACKET.length));

        CaptureFileException error = readFailure("time.pcapng", file);

        assertEquals("time.pcapng: frame 1: timestamp out of range (10 ticks of 1/1 s, offset "
                + Long.MAX_VALUE + " s)", messageWithoutDirectory(error));
    }

    @Test
    void everyPrefixOfValidFileFailsCleanly() throws Exception {

        // Cutting a valid pcapng file anywhere except at a block boundary must give a
        // CaptureFileException, never another exception type.
        byte[] file = CaptureReaderFormatTest.twoSectionPcapng();
        int failures = 0;
        for (int length = 0; length < file.length; length++) {
            Path path = directory.resolve("prefix-" + length + ".pcapng");
            Files.write(path, Arrays.copyOf(file, length));
            try {
                CaptureReader.readAll(path);
            } catch (CaptureFileException e) {
                assertOneLine(e, path.toString());
                failures++;
            }
            Files.delete(path);
        }

        // The 11 block boundaries inside the file (the end of every block but the last) read
        // cleanly. Every other prefix, the empty one included, fails.
        assertEquals(file.length - 11, failures, "prefixes that fail");
    }
}
