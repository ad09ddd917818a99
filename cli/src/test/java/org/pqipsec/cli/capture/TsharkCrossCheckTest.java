package org.pqipsec.cli.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pqipsec.cli.capture.CaptureBytes.concat;
import static org.pqipsec.cli.capture.CaptureBytes.counting;
import static org.pqipsec.cli.capture.CaptureBytes.ethernet;
import static org.pqipsec.cli.capture.CaptureBytes.ipv4Udp;
import static org.pqipsec.cli.capture.CaptureBytes.ipv6Udp;
import static org.pqipsec.cli.capture.CaptureBytes.pcapHeader;
import static org.pqipsec.cli.capture.CaptureBytes.pcapRecord;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compares {@link CaptureReader} frame by frame with tshark on the samples, on their pcapng
 * conversions by editcap, and on the files the tests build by hand, so the hand-built bytes
 * are checked by an independent reader too. Needs Debian's tshark package and fails without it.
 */
class TsharkCrossCheckTest {

    private static final String[] FIELDS = {
        "frame.number", "frame.time_epoch", "frame.cap_len", "frame.len",
        "ip.len", "ip.src", "ip.dst", "ipv6.plen", "ipv6.src", "ipv6.dst",
    };

    @TempDir
    Path directory;

    /**
     * Checks every frame: number, timestamp, lengths, and for IP frames the length and
     * addresses in the extracted packet. Frames tshark shows without an outer IP header must
     * be {@link NotIp} here.
     */
    private void assertSameAsTshark(Path capture) throws Exception {
        List<CaptureFrame> frames = CaptureReader.readAll(capture);
        List<List<String>> rows = Tshark.fields(capture, FIELDS);

        assertEquals(rows.size(), frames.size(), capture.getFileName() + " frames");
        for (int i = 0; i < frames.size(); i++) {
            CaptureFrame frame = frames.get(i);
            List<String> row = rows.get(i);
            String where = capture.getFileName() + " frame " + frame.number();

            assertEquals(Long.parseLong(row.get(0)), frame.number(), where);
            frame.timestamp().ifPresent(time -> assertEquals(epoch(row.get(1)), time, where + " time"));
            assertEquals(Integer.parseInt(row.get(2)), frame.capturedLength(), where + " captured length");
            assertEquals(Long.parseLong(row.get(3)), frame.originalLength(), where + " original length");

            if (!row.get(4).isEmpty()) {
                IpPacket ip = frame.ipPacket().orElseThrow(() -> new AssertionError(where + " not IPv4"));
                assertEquals(4, ip.version(), where);
                assertEquals(Integer.parseInt(row.get(4)), ip.length(), where + " IPv4 total length");
                assertEquals(row.get(5), address(ip.bytes(), 12, 4), where + " IPv4 source");
                assertEquals(row.get(6), address(ip.bytes(), 16, 4), where + " IPv4 destination");
            } else if (!row.get(7).isEmpty()) {
                IpPacket ip = frame.ipPacket().orElseThrow(() -> new AssertionError(where + " not IPv6"));
                assertEquals(6, ip.version(), where);
                assertEquals(40 + Integer.parseInt(row.get(7)), ip.length(), where + " IPv6 length");
                assertEquals(InetAddress.getByName(row.get(8)), InetAddress.getByAddress(
                        Arrays.copyOfRange(ip.bytes(), 8, 24)), where + " IPv6 source");
                assertEquals(InetAddress.getByName(row.get(9)), InetAddress.getByAddress(
                        Arrays.copyOfRange(ip.bytes(), 24, 40)), where + " IPv6 destination");
            } else {
                assertEquals(NotIp.class, frame.networkLayer().getClass(), where + " has no IP header for tshark");
            }
        }
    }

    private static Instant epoch(String seconds) {
        BigDecimal value = new BigDecimal(seconds);
        long whole = value.longValue();
        int nanos = value.subtract(BigDecimal.valueOf(whole)).movePointRight(9).intValueExact();
        return Instant.ofEpochSecond(whole, nanos);
    }

    private static String address(byte[] bytes, int offset, int length) throws Exception {
        return InetAddress.getByAddress(Arrays.copyOfRange(bytes, offset, offset + length)).getHostAddress();
    }

    @ParameterizedTest
    @ValueSource(strings = {SampleCaptures.AFS, SampleCaptures.MPTCP, SampleCaptures.NTP, SampleCaptures.QUIC})
    void samplesMatchTshark(String sample) throws Exception {
        assertSameAsTshark(SampleCaptures.copy(sample, directory));
    }

    @ParameterizedTest
    @ValueSource(strings = {SampleCaptures.AFS, SampleCaptures.QUIC})
    void editcapPcapngMatchesPcap(String sample) throws Exception {
        Path pcap = SampleCaptures.copy(sample, directory);
        Path pcapng = directory.resolve(sample + "ng");
        Tshark.editcap("pcapng", pcap, pcapng);

        List<CaptureFrame> fromPcap = CaptureReader.readAll(pcap);
        List<CaptureFrame> fromPcapng = CaptureReader.readAll(pcapng);

        assertEquals(fromPcap.size(), fromPcapng.size(), "frames");
        for (int i = 0; i < fromPcap.size(); i++) {
            CaptureFrame a = fromPcap.get(i);
            CaptureFrame b = fromPcapng.get(i);
            assertEquals(a.timestamp(), b.timestamp(), "timestamp of frame " + a.number());
            assertEquals(a.linkType(), b.linkType(), "link type of frame " + a.number());
            assertEquals(Arrays.toString(a.ipPacket().orElseThrow().bytes()),
                    Arrays.toString(b.ipPacket().orElseThrow().bytes()), "IP bytes of frame " + a.number());
        }
        assertSameAsTshark(pcapng);
    }

    @Test
    void handBuiltPcapngMatchesTshark() throws Exception {
        Path path = directory.resolve("sections.pcapng");
        Files.write(path, CaptureReaderFormatTest.twoSectionPcapng());

        assertSameAsTshark(path);
    }

    @Test
    void handBuiltLinkTypesMatchTshark() throws Exception {
        byte[] ipv4 = ipv4Udp(11, counting(19));
        byte[] ipv6 = ipv6Udp(counting(23));
        ByteOrder le = ByteOrder.LITTLE_ENDIAN;
        ByteOrder be = ByteOrder.BIG_ENDIAN;

        record Sample(LinkType linkType, byte[][] frames) {
        }
        List<Sample> samples = List.of(
                new Sample(LinkType.ETHERNET, new byte[][] {
                    Arrays.copyOf(ethernet(0x0800, ipv4Udp(12, counting(2))), 60),
                    ethernet(0x86dd, ipv6, 0x88a8, 0x0010, 0x8100, 0x0020),
                    ethernet(0x0800, ipv4, 0x8100, 0x0030),
                    ethernet(0x0806, counting(28)),
                }),
                new Sample(LinkType.LINUX_SLL, new byte[][] {
                    CaptureBytes.linuxCooked(0x0800, ipv4), CaptureBytes.linuxCooked(0x86dd, ipv6),
                }),
                new Sample(LinkType.LINUX_SLL2, new byte[][] {
                    CaptureBytes.linuxCookedV2(0x0800, ipv4), CaptureBytes.linuxCookedV2(0x86dd, ipv6),
                }),
                new Sample(LinkType.NULL, new byte[][] {
                    CaptureBytes.loopback(le, 2, ipv4), CaptureBytes.loopback(be, 2, ipv4),
                    CaptureBytes.loopback(le, 24, ipv6), CaptureBytes.loopback(be, 28, ipv6),
                    CaptureBytes.loopback(le, 30, ipv6),
                }),
                new Sample(LinkType.LOOP, new byte[][] {
                    CaptureBytes.loopback(be, 2, ipv4), CaptureBytes.loopback(be, 24, ipv6),
                }),
                new Sample(LinkType.RAW, new byte[][] {ipv4, ipv6}),
                new Sample(LinkType.IPV4, new byte[][] {ipv4}),
                new Sample(LinkType.IPV6, new byte[][] {ipv6}));

        for (Sample sample : samples) {
            for (ByteOrder order : List.of(le, be)) {
                byte[] file = pcapHeader(order, order == be, 65_535, sample.linkType().code());
                for (int i = 0; i < sample.frames().length; i++) {
                    file = concat(file, pcapRecord(order, 1_600_000_000L + i, 1_000L * i, sample.frames()[i]));
                }
                Path path = directory.resolve(sample.linkType().name().toLowerCase() + "-" + order + ".pcap");
                Files.write(path, file);

                assertSameAsTshark(path);
            }
        }
    }

    @Test
    void pcapWriterOutputMatchesTshark() throws Exception {
        Path path = directory.resolve("written.pcap");
        try (PcapWriter writer = PcapWriter.create(path)) {
            writer.write(Instant.parse("2024-05-06T07:08:09.123456Z"), ipv4Udp(1, counting(100)));
            writer.write(Instant.parse("2024-05-06T07:08:10Z"), ipv6Udp(counting(3)));
        }

        assertSameAsTshark(path);
        assertEquals(2, Tshark.fields(path, "frame.number").size());
    }
}
