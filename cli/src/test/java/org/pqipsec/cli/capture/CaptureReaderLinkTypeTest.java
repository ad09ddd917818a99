package org.pqipsec.cli.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pqipsec.cli.capture.CaptureBytes.concat;
import static org.pqipsec.cli.capture.CaptureBytes.counting;
import static org.pqipsec.cli.capture.CaptureBytes.ethernet;
import static org.pqipsec.cli.capture.CaptureBytes.ipv4Udp;
import static org.pqipsec.cli.capture.CaptureBytes.ipv6Udp;
import static org.pqipsec.cli.capture.CaptureBytes.linuxCooked;
import static org.pqipsec.cli.capture.CaptureBytes.linuxCookedV2;
import static org.pqipsec.cli.capture.CaptureBytes.loopback;
import static org.pqipsec.cli.capture.CaptureBytes.pcapHeader;
import static org.pqipsec.cli.capture.CaptureBytes.pcapRecord;
import static org.pqipsec.cli.capture.CaptureBytes.prefix;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Extraction of the IP packet behind each supported link-layer header, from pcap files built
 * byte by byte.
 */
class CaptureReaderLinkTypeTest {

    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    private static final ByteOrder BE = ByteOrder.BIG_ENDIAN;

    private static final byte[] IPV4 = ipv4Udp(7, counting(12));
    private static final byte[] IPV6 = ipv6Udp(counting(20));
    private static final byte[] ARP = counting(28);

    @TempDir
    Path directory;

    /** Writes a little-endian pcap of the given link type and reads it back. */
    private List<CaptureFrame> read(LinkType linkType, byte[]... frames) throws Exception {
        byte[] file = pcapHeader(LE, false, 65_535, linkType.code());
        for (int i = 0; i < frames.length; i++) {
            file = concat(file, pcapRecord(LE, 1_700_000_000L + i, 0, frames[i]));
        }
        Path path = directory.resolve(linkType.name().toLowerCase() + ".pcap");
        Files.write(path, file);
        return CaptureReader.readAll(path);
    }

    private static IpPacket ip(CaptureFrame frame) {
        return frame.ipPacket().orElseThrow(() -> new AssertionError("frame " + frame.number()
                + " is not IP: " + frame.networkLayer()));
    }

    private static String reason(CaptureFrame frame) {
        return assertInstanceOf(NotIp.class, frame.networkLayer(), "frame " + frame.number()).reason();
    }

    @Test
    void ethernetIpv4AndIpv6() throws Exception {
        List<CaptureFrame> frames = read(LinkType.ETHERNET,
                ethernet(0x0800, IPV4), ethernet(0x86dd, IPV6));

        assertEquals(LinkType.ETHERNET, frames.get(0).linkType());
        assertEquals(4, ip(frames.get(0)).version());
        assertArrayEquals(IPV4, ip(frames.get(0)).bytes());
        assertEquals(6, ip(frames.get(1)).version());
        assertArrayEquals(IPV6, ip(frames.get(1)).bytes());
    }

    @Test
    void ethernetPaddingAndFcsTrimmed() throws Exception {

        // A 40-byte IPv4 packet is padded to the 60-byte Ethernet minimum (without FCS). A
        // second frame carries the padding and a 4-byte frame check sequence.
        byte[] padded = Arrays.copyOf(ethernet(0x0800, IPV4), 60);
        byte[] paddedWithFcs = concat(padded, new byte[] {0x12, 0x34, 0x56, 0x78});
        byte[] ipv6WithFcs = concat(ethernet(0x86dd, IPV6), new byte[] {1, 2, 3, 4});
        List<CaptureFrame> frames = read(LinkType.ETHERNET, padded, paddedWithFcs, ipv6WithFcs);

        assertEquals(60, frames.get(0).capturedLength());
        assertArrayEquals(IPV4, ip(frames.get(0)).bytes());
        assertFalse(ip(frames.get(0)).truncated());
        assertArrayEquals(IPV4, ip(frames.get(1)).bytes());
        assertArrayEquals(IPV6, ip(frames.get(2)).bytes());
    }

    @Test
    void ethernetVlanTags() throws Exception {
        List<CaptureFrame> frames = read(LinkType.ETHERNET,
                ethernet(0x0800, IPV4, 0x8100, 0x0064),
                ethernet(0x86dd, IPV6, 0x88a8, 0x00c8, 0x8100, 0x0064),
                ethernet(0x0800, IPV4, 0x9100, 0x0001, 0x8100, 0x0002),
                ethernet(0x0806, ARP, 0x8100, 0x0064));

        assertArrayEquals(IPV4, ip(frames.get(0)).bytes(), "802.1Q");
        assertArrayEquals(IPV6, ip(frames.get(1)).bytes(), "802.1ad over 802.1Q");
        assertArrayEquals(IPV4, ip(frames.get(2)).bytes(), "0x9100 over 802.1Q");
        assertEquals("ARP", reason(frames.get(3)), "ARP behind a tag");
    }

    @Test
    void ethernetNonIpReasons() throws Exception {
        List<CaptureFrame> frames = read(LinkType.ETHERNET,
                ethernet(0x0806, ARP),
                ethernet(0x88cc, counting(30)),
                ethernet(46, counting(46)),
                ethernet(0x0800, IPV6),
                prefix(ethernet(0x0800, IPV4), 10),
                prefix(ethernet(0x0800, IPV4, 0x8100, 0x0064), 15));

        assertEquals("ARP", reason(frames.get(0)));
        assertEquals("ethertype 0x88cc", reason(frames.get(1)));
        assertEquals("IEEE 802.3 frame with an LLC header (length field 46)", reason(frames.get(2)));
        assertEquals("ethertype 0x0800 (IPv4) but the IP version field is 6", reason(frames.get(3)));
        assertEquals("frame of 10 bytes is shorter than an Ethernet header", reason(frames.get(4)));
        assertEquals("VLAN tag truncated", reason(frames.get(5)));
    }

    @Test
    void snapshotTruncationKeepsCapturedBytes(@TempDir Path tempDirectory) throws Exception {

        // Frames cut by a 50-byte snapshot length: IPv4 (14 + 40 bytes on the wire) and IPv6
        // (14 + 68 bytes), plus an IPv6 frame cut inside the 40-byte IPv6 header.
        byte[] ipv4Frame = ethernet(0x0800, IPV4);
        byte[] ipv6Frame = ethernet(0x86dd, IPV6);
        byte[] file = concat(
                pcapHeader(LE, false, 50, LinkType.ETHERNET.code()),
                pcapRecord(LE, 1, 0, 50, ipv4Frame.length, prefix(ipv4Frame, 50)),
                pcapRecord(LE, 2, 0, 50, ipv6Frame.length, prefix(ipv6Frame, 50)),
                pcapRecord(LE, 3, 0, 30, ipv6Frame.length, prefix(ipv6Frame, 30)));
        Path path = tempDirectory.resolve("snap50.pcap");
        Files.write(path, file);

        List<CaptureFrame> frames = CaptureReader.readAll(path);

        assertEquals(50, frames.get(0).capturedLength());
        assertEquals(ipv4Frame.length, frames.get(0).originalLength());
        assertTrue(ip(frames.get(0)).truncated(), "IPv4 cut by the snapshot length");
        assertArrayEquals(prefix(IPV4, 36), ip(frames.get(0)).bytes());
        assertTrue(ip(frames.get(1)).truncated(), "IPv6 cut by the snapshot length");
        assertArrayEquals(prefix(IPV6, 36), ip(frames.get(1)).bytes());
        assertTrue(ip(frames.get(2)).truncated(), "IPv6 cut inside its header");
        assertEquals(6, ip(frames.get(2)).version());
        assertArrayEquals(prefix(IPV6, 16), ip(frames.get(2)).bytes());
    }

    @Test
    void linuxCookedV1Frames() throws Exception {
        List<CaptureFrame> frames = read(LinkType.LINUX_SLL,
                linuxCooked(0x0800, IPV4),
                linuxCooked(0x86dd, concat(IPV6, new byte[6])),
                linuxCooked(0x0806, ARP),
                linuxCooked(0x0004, counting(20)),
                linuxCooked(0x8100, concat(new byte[] {0x00, 0x64, (byte) 0x86, (byte) 0xdd}, IPV6)),
                prefix(linuxCooked(0x0800, IPV4), 12));

        assertEquals(LinkType.LINUX_SLL, frames.get(0).linkType());
        assertArrayEquals(IPV4, ip(frames.get(0)).bytes());
        assertArrayEquals(IPV6, ip(frames.get(1)).bytes(), "trailing bytes trimmed");
        assertEquals("ARP", reason(frames.get(2)));
        assertEquals("Linux cooked capture protocol 0x0004", reason(frames.get(3)));
        assertArrayEquals(IPV6, ip(frames.get(4)).bytes(), "VLAN tag after the cooked header");
        assertEquals("frame of 12 bytes is shorter than a Linux cooked header", reason(frames.get(5)));
    }

    @Test
    void linuxCookedV2Frames() throws Exception {
        List<CaptureFrame> frames = read(LinkType.LINUX_SLL2,
                linuxCookedV2(0x0800, IPV4),
                linuxCookedV2(0x86dd, IPV6),
                linuxCookedV2(0x0806, ARP),
                prefix(linuxCookedV2(0x0800, IPV4), 19));

        assertEquals(LinkType.LINUX_SLL2, frames.get(0).linkType());
        assertArrayEquals(IPV4, ip(frames.get(0)).bytes());
        assertArrayEquals(IPV6, ip(frames.get(1)).bytes());
        assertEquals("ARP", reason(frames.get(2)));
        assertEquals("frame of 19 bytes is shorter than a Linux cooked v2 header", reason(frames.get(3)));
    }

    @Test
    void bsdNullEitherHostByteOrder() throws Exception {
        List<CaptureFrame> frames = read(LinkType.NULL,
                loopback(LE, 2, IPV4),
                loopback(BE, 2, IPV4),
                loopback(LE, 24, IPV6),
                loopback(BE, 24, IPV6),
                loopback(LE, 28, IPV6),
                loopback(BE, 28, IPV6),
                loopback(LE, 30, IPV6),
                loopback(BE, 30, IPV6),
                loopback(LE, 7, IPV4),
                loopback(LE, 2, IPV6));

        for (int i = 0; i < 8; i++) {
            CaptureFrame frame = frames.get(i);
            assertArrayEquals(i < 2 ? IPV4 : IPV6, ip(frame).bytes(), "frame " + frame.number());
        }
        assertEquals("BSD loopback family 7", reason(frames.get(8)));
        assertEquals("BSD loopback family 2 but the IP version field is 6", reason(frames.get(9)));
    }

    @Test
    void openBsdLoopNetworkOrderOnly() throws Exception {
        List<CaptureFrame> frames = read(LinkType.LOOP,
                loopback(BE, 2, IPV4),
                loopback(BE, 24, IPV6),
                loopback(LE, 2, IPV4));

        assertEquals(LinkType.LOOP, frames.get(0).linkType());
        assertArrayEquals(IPV4, ip(frames.get(0)).bytes());
        assertArrayEquals(IPV6, ip(frames.get(1)).bytes());
        assertEquals("BSD loopback family 33554432", reason(frames.get(2)),
                "LOOP is always network byte order, so a little-endian 2 is a different family");
    }

    @Test
    void rawIpByVersionField() throws Exception {
        byte[] versionFive = IPV4.clone();
        versionFive[0] = 0x55;
        List<CaptureFrame> frames = read(LinkType.RAW, IPV4, IPV6, versionFive, new byte[0]);

        assertArrayEquals(IPV4, ip(frames.get(0)).bytes());
        assertArrayEquals(IPV6, ip(frames.get(1)).bytes());
        assertEquals("raw IP frame with IP version field 5", reason(frames.get(2)));
        assertEquals("raw IP frame: frame ends before the IP header", reason(frames.get(3)));
    }

    @Test
    void linkTypesIpv4AndIpv6() throws Exception {
        List<CaptureFrame> v4 = read(LinkType.IPV4, IPV4, IPV6);
        List<CaptureFrame> v6 = read(LinkType.IPV6, IPV6, IPV4);

        assertArrayEquals(IPV4, ip(v4.get(0)).bytes());
        assertEquals("LINKTYPE_IPV4 frame but the IP version field is 6", reason(v4.get(1)));
        assertArrayEquals(IPV6, ip(v6.get(0)).bytes());
        assertEquals("LINKTYPE_IPV6 frame but the IP version field is 4", reason(v6.get(1)));
    }

    @Test
    void malformedAndJumboHeaders() throws Exception {
        byte[] shortHeaderLength = IPV4.clone();
        shortHeaderLength[0] = 0x44;
        byte[] totalBelowHeader = IPV4.clone();
        totalBelowHeader[2] = 0;
        totalBelowHeader[3] = 10;

        // Payload length 0 with a Hop-by-Hop next header: a possible RFC 2675 jumbogram.
        byte[] jumbo = IPV6.clone();
        jumbo[4] = 0;
        jumbo[5] = 0;
        jumbo[6] = 0;
        List<CaptureFrame> frames = read(LinkType.RAW, shortHeaderLength, totalBelowHeader, jumbo);

        assertEquals("raw IP frame with a malformed IPv4 header (header length 16, total length 40)",
                reason(frames.get(0)));
        assertEquals("raw IP frame with a malformed IPv4 header (header length 20, total length 10)",
                reason(frames.get(1)));
        assertArrayEquals(jumbo, ip(frames.get(2)).bytes(), "kept as captured");
        assertFalse(ip(frames.get(2)).truncated());
    }
}
