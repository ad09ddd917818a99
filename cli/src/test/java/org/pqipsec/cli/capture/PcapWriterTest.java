package org.pqipsec.cli.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.pqipsec.cli.capture.CaptureBytes.counting;
import static org.pqipsec.cli.capture.CaptureBytes.ipv4Udp;
import static org.pqipsec.cli.capture.CaptureBytes.ipv6Udp;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pcap writer's bytes, its round trip through {@link CaptureReader}, and its guards. */
class PcapWriterTest {

    private static final byte[] IPV4 = ipv4Udp(9, counting(33));
    private static final byte[] IPV6 = ipv6Udp(counting(5));

    @Test
    void headerAndRecordBytes() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PcapWriter writer = new PcapWriter(out)) {
            writer.write(Instant.ofEpochSecond(0x01020304L, 5_006_007), IPV4);
        }
        byte[] bytes = out.toByteArray();

        // d4c3b2a1 (little-endian magic), version 2.4, two reserved zeros, snapshot length
        // 262144 (0x00040000), link type 101 (0x65).
        assertEquals("d4c3b2a1" + "0200" + "0400" + "00000000" + "00000000" + "00000400" + "65000000",
                HexFormat.of().formatHex(bytes, 0, 24));
        ByteBuffer record = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0x01020304, record.getInt(24), "seconds");
        assertEquals(5_006, record.getInt(28), "microseconds, sub-microsecond digits dropped");
        assertEquals(IPV4.length, record.getInt(32), "captured length");
        assertEquals(IPV4.length, record.getInt(36), "original length");
        assertArrayEquals(IPV4, Arrays.copyOfRange(bytes, 40, bytes.length));
    }

    @Test
    void roundTripThroughReader(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("out.pcap");
        Instant first = Instant.parse("2026-01-02T03:04:05.678901Z");
        Instant second = Instant.parse("2106-02-07T06:28:15.999999999Z");
        long count;
        try (PcapWriter writer = PcapWriter.create(file)) {
            writer.write(first, IPV4);
            writer.write(second, IPV6);
            count = writer.packetCount();
        }

        List<CaptureFrame> frames = CaptureReader.readAll(file);

        assertEquals(2, count);
        assertEquals(2, frames.size());
        assertEquals(LinkType.RAW, frames.get(0).linkType());
        assertEquals(Optional.of(first), frames.get(0).timestamp());
        assertEquals(Optional.of(Instant.parse("2106-02-07T06:28:15.999999Z")), frames.get(1).timestamp(),
                "last second of the format, truncated to microseconds");
        assertArrayEquals(IPV4, frames.get(0).ipPacket().orElseThrow().bytes());
        assertArrayEquals(IPV6, frames.get(1).ipPacket().orElseThrow().bytes());
        assertFalse(frames.get(1).ipPacket().orElseThrow().truncated());
        assertEquals(24 + 2 * 16 + IPV4.length + IPV6.length, Files.size(file));
    }

    @Test
    void rejectsInvalidPackets() throws Exception {
        try (PcapWriter writer = new PcapWriter(new ByteArrayOutputStream())) {
            Instant now = Instant.ofEpochSecond(1_000);

            IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                    () -> writer.write(now, new byte[0]));
            IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                    () -> writer.write(now, ipv4Udp(1, new byte[PcapWriter.SNAPSHOT_LENGTH])));
            IllegalArgumentException notIp = assertThrows(IllegalArgumentException.class,
                    () -> writer.write(now, new byte[] {0x11, 0x22}));

            assertEquals("packet length must be 1 to 262144 bytes, got 0", empty.getMessage());
            assertEquals("packet length must be 1 to 262144 bytes, got 262172", tooLong.getMessage());
            assertEquals("packet must be IPv4 or IPv6 for LINKTYPE_RAW, got IP version field 1", notIp.getMessage());
            assertEquals(0, writer.packetCount(), "rejected packets are not written");
        }
    }

    @Test
    void rejectsTimestampsOutsideFormat() throws Exception {
        try (PcapWriter writer = new PcapWriter(new ByteArrayOutputStream())) {
            IllegalArgumentException before = assertThrows(IllegalArgumentException.class,
                    () -> writer.write(Instant.parse("1969-12-31T23:59:59Z"), IPV4));
            IllegalArgumentException after = assertThrows(IllegalArgumentException.class,
                    () -> writer.write(Instant.parse("2106-02-07T06:28:16Z"), IPV4));

            assertEquals("timestamp 1969-12-31T23:59:59Z is outside the pcap range 1970-01-01 to 2106-02-07",
                    before.getMessage());
            assertEquals("timestamp 2106-02-07T06:28:16Z is outside the pcap range 1970-01-01 to 2106-02-07",
                    after.getMessage());
        }
    }
}
