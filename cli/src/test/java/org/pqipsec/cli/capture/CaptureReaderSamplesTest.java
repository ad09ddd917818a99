package org.pqipsec.cli.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads the four real sample captures and checks them against facts observed with
 * {@code capinfos} and {@code tshark -r ... -T fields} (Wireshark 4.0.17): frame counts, link
 * types, IP versions, byte totals and first and last timestamps.
 */
class CaptureReaderSamplesTest {

    /**
     * Facts about one sample capture.
     *
     * @param ipBytes the sum of IPv4 Total Length, and 40 plus IPv6 Payload Length, over all frames
     */
    record Facts(
            String file,
            int frames,
            LinkType linkType,
            int ipv4Frames,
            int ipv6Frames,
            long capturedBytes,
            long ipBytes,
            Instant first,
            Instant last) {

        @Override
        public String toString() {
            return file;
        }
    }

    static List<Facts> samples() {
        return List.of(
                // afs.pcap: capinfos "ether", 601 packets; tshark: all frames eth:ethertype:ip.
                new Facts(SampleCaptures.AFS, 601, LinkType.ETHERNET, 601, 0, 512_276, 503_862,
                        Instant.parse("1999-11-11T21:46:16.463334Z"), Instant.parse("1999-11-11T21:48:25.892866Z")),
                // mptcp-v0.pcap: capinfos "ether", 264 packets; tshark: all IPv4 TCP.
                new Facts(SampleCaptures.MPTCP, 264, LinkType.ETHERNET, 264, 0, 35_146, 31_450,
                        Instant.parse("2013-02-25T12:56:35.701161Z"), Instant.parse("2013-02-25T12:56:44.766202Z")),
                // ntp-control.pcap: capinfos "ether", 21 packets; tshark: all IPv6 UDP.
                new Facts(SampleCaptures.NTP, 21, LinkType.ETHERNET, 0, 21, 4_846, 4_552,
                        Instant.parse("2017-08-23T12:27:00.612230Z"), Instant.parse("2017-08-23T12:27:15.553109Z")),
                // quic_handshake.pcap: capinfos "null", 18 packets, family 30 (macOS AF_INET6).
                new Facts(SampleCaptures.QUIC, 18, LinkType.NULL, 0, 18, 5_490, 5_418,
                        Instant.parse("2021-10-25T19:55:22.974137Z"), Instant.parse("2021-10-25T19:55:23.022890Z")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleMatchesObservedFacts(Facts facts, @TempDir Path directory) throws Exception {
        Path file = SampleCaptures.copy(facts.file(), directory);

        List<CaptureFrame> frames;
        CaptureReader.Format format;
        try (CaptureReader reader = CaptureReader.open(file)) {
            format = reader.format();
            frames = new ArrayList<>();
            for (CaptureFrame frame = reader.next(); frame != null; frame = reader.next()) {
                frames.add(frame);
            }
            assertNull(reader.next(), "next() after the end");
        }

        assertEquals(CaptureReader.Format.PCAP, format);
        assertEquals(facts.frames(), frames.size(), "frames");
        int ipv4 = 0;
        int ipv6 = 0;
        long capturedBytes = 0;
        long ipBytes = 0;
        for (int i = 0; i < frames.size(); i++) {
            CaptureFrame frame = frames.get(i);
            assertEquals(i + 1, frame.number(), "frame number");
            assertEquals(facts.linkType(), frame.linkType(), "link type of frame " + frame.number());
            assertEquals(frame.capturedLength(), frame.originalLength(), "no frame was cut by the snapshot length");
            capturedBytes += frame.capturedLength();

            IpPacket ip = frame.ipPacket().orElseThrow(() -> new AssertionError("frame " + frame.number()
                    + " is not IP: " + frame.networkLayer()));
            assertFalse(ip.truncated(), "frame " + frame.number() + " truncated");
            ipBytes += ip.length();
            if (ip.version() == 4) {
                ipv4++;
            } else {
                ipv6++;
            }
        }
        assertEquals(facts.ipv4Frames(), ipv4, "IPv4 frames");
        assertEquals(facts.ipv6Frames(), ipv6, "IPv6 frames");
        assertEquals(facts.capturedBytes(), capturedBytes, "captured bytes");
        assertEquals(facts.ipBytes(), ipBytes, "IP bytes");
        assertEquals(facts.first(), frames.getFirst().timestamp().orElseThrow(), "first timestamp");
        assertEquals(facts.last(), frames.getLast().timestamp().orElseThrow(), "last timestamp");
    }

    @Test
    void afsFirstFrameIpHeader() throws Exception {

        // tshark -r afs.pcap -c 1: 86-byte Ethernet frame, IPv4 with total length 72, UDP.
        CaptureFrame first;
        try (CaptureReader reader = CaptureReader.open(SampleCaptures.open(SampleCaptures.AFS), "afs.pcap")) {
            first = reader.next();
        }
        IpPacket ip = first.ipPacket().orElseThrow();

        assertEquals(86, first.capturedLength());
        assertEquals(72, ip.length());
        assertEquals(0x45, ip.bytes()[0] & 0xff, "version 4, header length 20");
        assertEquals(17, ip.bytes()[9], "protocol UDP");
        assertEquals(72, ((ip.bytes()[2] & 0xff) << 8) | (ip.bytes()[3] & 0xff), "total length field");
    }

    @Test
    void streamAndFileReadsAgree(@TempDir Path directory) throws Exception {
        Path file = SampleCaptures.copy(SampleCaptures.QUIC, directory);
        List<CaptureFrame> fromFile = CaptureReader.readAll(file);

        List<CaptureFrame> fromStream = new ArrayList<>();
        try (InputStream in = SampleCaptures.open(SampleCaptures.QUIC);
                CaptureReader reader = CaptureReader.open(in, SampleCaptures.QUIC)) {
            for (CaptureFrame frame = reader.next(); frame != null; frame = reader.next()) {
                fromStream.add(frame);
            }
        }

        assertEquals(fromFile.size(), fromStream.size(), "frames");
        for (int i = 0; i < fromFile.size(); i++) {
            CaptureFrame a = fromFile.get(i);
            CaptureFrame b = fromStream.get(i);
            assertEquals(a.timestamp(), b.timestamp(), "timestamp of frame " + a.number());
            assertEquals(a.capturedLength(), b.capturedLength(), "captured length of frame " + a.number());
            assertArrayEquals(a.ipPacket().orElseThrow().bytes(), b.ipPacket().orElseThrow().bytes(),
                    "IP bytes of frame " + a.number());
        }
        assertTrue(fromFile.size() > 0);
    }
}
