package org.pqipsec.cli.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pqipsec.cli.capture.CaptureBytes.concat;
import static org.pqipsec.cli.capture.CaptureBytes.counting;
import static org.pqipsec.cli.capture.CaptureBytes.ethernet;
import static org.pqipsec.cli.capture.CaptureBytes.ipv4Udp;
import static org.pqipsec.cli.capture.CaptureBytes.ipv6Udp;
import static org.pqipsec.cli.capture.CaptureBytes.pcapHeader;
import static org.pqipsec.cli.capture.CaptureBytes.pcapRecord;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Classic pcap in both byte orders and timestamp precisions, and pcapng with several
 * sections, interfaces, timestamp options and block types, all built byte by byte.
 */
class CaptureReaderFormatTest {

    private static final byte[] IPV4 = ipv4Udp(1, counting(10));
    private static final byte[] IPV6 = ipv6Udp(counting(30));

    @TempDir
    Path directory;

    private Path write(String name, byte[] content) throws Exception {
        Path path = directory.resolve(name);
        Files.write(path, content);
        return path;
    }

    private static byte[] ipBytes(CaptureFrame frame) {
        return frame.ipPacket().orElseThrow(() -> new AssertionError("frame " + frame.number()
                + " is not IP: " + frame.networkLayer())).bytes();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"LITTLE_ENDIAN, false", "BIG_ENDIAN, false", "LITTLE_ENDIAN, true", "BIG_ENDIAN, true"})
    void pcapByteOrderAndPrecision(String orderName, boolean nanoseconds) throws Exception {
        ByteOrder order = orderName.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        long fraction = nanoseconds ? 123_456_789 : 123_456;
        byte[] file = concat(
                pcapHeader(order, nanoseconds, 65_535, LinkType.ETHERNET.code()),
                pcapRecord(order, 1_700_000_000L, fraction, ethernet(0x0800, IPV4)),
                pcapRecord(order, 4_000_000_000L, 0, ethernet(0x86dd, IPV6)));

        List<CaptureFrame> frames = CaptureReader.readAll(write("variant.pcap", file));

        assertEquals(2, frames.size());
        Instant expected = Instant.ofEpochSecond(1_700_000_000L, nanoseconds ? 123_456_789 : 123_456_000);
        assertEquals(Optional.of(expected), frames.get(0).timestamp());
        assertEquals(Optional.of(Instant.ofEpochSecond(4_000_000_000L)), frames.get(1).timestamp(),
                "seconds are unsigned 32-bit");
        assertEquals(14 + IPV4.length, frames.get(0).capturedLength());
        assertArrayEquals(IPV4, ipBytes(frames.get(0)));
        assertArrayEquals(IPV6, ipBytes(frames.get(1)));
        assertEquals(2, frames.get(1).number());
    }

    @Test
    void pcapLinkTypeUpperBitsIgnored() throws Exception {

        // The upper 16 bits of the link type field carry FCS information, not the link type.
        byte[] file = concat(
                pcapHeader(ByteOrder.LITTLE_ENDIAN, false, 65_535, 0x1000_0000 | LinkType.RAW.code()),
                pcapRecord(ByteOrder.LITTLE_ENDIAN, 1, 0, IPV4));

        List<CaptureFrame> frames = CaptureReader.readAll(write("fcs-bits.pcap", file));

        assertEquals(LinkType.RAW, frames.getFirst().linkType());
        assertArrayEquals(IPV4, ipBytes(frames.getFirst()));
    }

    /**
     * Builds a pcapng file of two sections. The first is little-endian, with an Ethernet
     * interface (microsecond default) and a raw-IP interface (nanosecond resolution, 100 s
     * offset). It contains an Enhanced, a Simple and an obsolete Packet Block, plus a Name
     * Resolution Block and a local-use block, which the reader skips. The second section is
     * big-endian, and its only interface is Linux cooked v2 with a 2^-10 s resolution.
     */
    static byte[] twoSectionPcapng() {
        ByteOrder le = ByteOrder.LITTLE_ENDIAN;
        ByteOrder be = ByteOrder.BIG_ENDIAN;
        byte[] nanosecondOptions = concat(
                CaptureBytes.option(le, 9, new byte[] {9}),
                CaptureBytes.option(le, 14, ByteBuffer.allocate(8).order(le).putLong(100).array()),
                CaptureBytes.endOfOptions());
        byte[] binaryOptions = concat(
                CaptureBytes.option(be, 2, "cooked0".getBytes(StandardCharsets.US_ASCII)),
                CaptureBytes.option(be, 9, new byte[] {(byte) 0x8a}),
                CaptureBytes.endOfOptions());

        return concat(
                CaptureBytes.sectionHeader(le),
                CaptureBytes.interfaceDescription(le, LinkType.ETHERNET.code(), 65_535, new byte[0]),
                CaptureBytes.interfaceDescription(le, LinkType.RAW.code(), 0, nanosecondOptions),
                CaptureBytes.block(le, 4, new byte[4]),
                CaptureBytes.enhancedPacket(le, 0, 1_700_000_000_123_456L, ethernet(0x0800, IPV4), 14 + IPV4.length),
                CaptureBytes.enhancedPacket(le, 1, 1_700_000_000_987_654_321L, IPV6, IPV6.length),
                CaptureBytes.block(le, 0x8000_1234, counting(7)),
                CaptureBytes.simplePacket(le, ethernet(0x86dd, IPV6), 14 + IPV6.length),
                CaptureBytes.obsoletePacket(le, 1, 5_000_000_000L, IPV4),
                CaptureBytes.sectionHeader(be),
                CaptureBytes.interfaceDescription(be, LinkType.LINUX_SLL2.code(), 262_144, binaryOptions),
                CaptureBytes.enhancedPacket(be, 0, 1024L * 1_600_000_000L + 512, CaptureBytes.linuxCookedV2(0x0800, IPV4),
                        20 + IPV4.length));
    }

    @Test
    void pcapngSectionsInterfacesAndBlocks() throws Exception {
        List<CaptureFrame> frames;
        CaptureReader.Format format;
        try (CaptureReader reader = CaptureReader.open(write("sections.pcapng", twoSectionPcapng()))) {
            format = reader.format();
            frames = new ArrayList<>();
            for (CaptureFrame frame = reader.next(); frame != null; frame = reader.next()) {
                frames.add(frame);
            }
        }

        assertEquals(CaptureReader.Format.PCAPNG, format);
        assertEquals(5, frames.size(), "unknown blocks are skipped, the rest are frames");
        for (int i = 0; i < frames.size(); i++) {
            assertEquals(i + 1, frames.get(i).number(), "numbering runs across sections");
        }

        CaptureFrame enhancedEthernet = frames.get(0);
        assertEquals(LinkType.ETHERNET, enhancedEthernet.linkType());
        assertEquals(0, enhancedEthernet.interfaceId());
        assertEquals(Optional.of(Instant.ofEpochSecond(1_700_000_000L, 123_456_000)), enhancedEthernet.timestamp(),
                "default resolution is microseconds");
        assertArrayEquals(IPV4, ipBytes(enhancedEthernet));

        CaptureFrame enhancedRaw = frames.get(1);
        assertEquals(LinkType.RAW, enhancedRaw.linkType());
        assertEquals(1, enhancedRaw.interfaceId());
        assertEquals(Optional.of(Instant.ofEpochSecond(1_700_000_100L, 987_654_321)), enhancedRaw.timestamp(),
                "if_tsresol 9 and if_tsoffset 100");
        assertArrayEquals(IPV6, ipBytes(enhancedRaw));

        CaptureFrame simple = frames.get(2);
        assertEquals(LinkType.ETHERNET, simple.linkType(), "a Simple Packet Block uses interface 0");
        assertEquals(Optional.empty(), simple.timestamp());
        assertEquals(14 + IPV6.length, simple.capturedLength(), "block padding is not packet data");
        assertArrayEquals(IPV6, ipBytes(simple));

        CaptureFrame obsolete = frames.get(3);
        assertEquals(LinkType.RAW, obsolete.linkType());
        assertEquals(Optional.of(Instant.ofEpochSecond(105, 0)), obsolete.timestamp(),
                "5e9 ns plus the 100 s offset");
        assertArrayEquals(IPV4, ipBytes(obsolete));

        CaptureFrame cooked = frames.get(4);
        assertEquals(LinkType.LINUX_SLL2, cooked.linkType());
        assertEquals(0, cooked.interfaceId(), "interface ids restart in a new section");
        assertEquals(Optional.of(Instant.ofEpochSecond(1_600_000_000L, 500_000_000)), cooked.timestamp(),
                "if_tsresol 2^-10 s");
        assertArrayEquals(IPV4, ipBytes(cooked));
    }

    @Test
    void pcapngFromStreamMatchesFile() throws Exception {
        byte[] content = twoSectionPcapng();
        List<CaptureFrame> fromFile = CaptureReader.readAll(write("stream.pcapng", content));

        List<CaptureFrame> fromStream = new ArrayList<>();
        try (CaptureReader reader = CaptureReader.open(new ByteArrayInputStream(content), "stream.pcapng")) {
            for (CaptureFrame frame = reader.next(); frame != null; frame = reader.next()) {
                fromStream.add(frame);
            }
        }

        assertEquals(fromFile.size(), fromStream.size());
        for (int i = 0; i < fromFile.size(); i++) {
            assertEquals(fromFile.get(i).timestamp(), fromStream.get(i).timestamp());
            assertArrayEquals(ipBytes(fromFile.get(i)), ipBytes(fromStream.get(i)));
        }
    }

    @Test
    void pcapngSimplePacketCutBySnapshotLength() throws Exception {
        ByteOrder be = ByteOrder.BIG_ENDIAN;
        byte[] frame = ethernet(0x0800, IPV4);
        byte[] content = concat(
                CaptureBytes.sectionHeader(be),
                CaptureBytes.interfaceDescription(be, LinkType.ETHERNET.code(), 30, new byte[0]),
                CaptureBytes.simplePacket(be, CaptureBytes.prefix(frame, 30), frame.length));

        CaptureFrame simple = CaptureReader.readAll(write("spb-snap.pcapng", content)).getFirst();

        assertEquals(30, simple.capturedLength());
        assertEquals(frame.length, simple.originalLength());
        assertTrue(simple.ipPacket().orElseThrow().truncated());
        assertArrayEquals(CaptureBytes.prefix(IPV4, 16), ipBytes(simple));
    }

    @Test
    void emptyCapturesHaveNoFrames() throws Exception {
        byte[] pcap = pcapHeader(ByteOrder.BIG_ENDIAN, true, 65_535, LinkType.RAW.code());
        byte[] pcapng = concat(CaptureBytes.sectionHeader(ByteOrder.LITTLE_ENDIAN),
                CaptureBytes.interfaceDescription(ByteOrder.LITTLE_ENDIAN, 105, 0, new byte[0]));

        assertEquals(List.of(), CaptureReader.readAll(write("header-only.pcap", pcap)));
        assertEquals(List.of(), CaptureReader.readAll(write("header-only.pcapng", pcapng)),
                "an unsupported link type only matters once a packet uses it");
    }
}
