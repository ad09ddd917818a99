package org.pqipsec.cli.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pqipsec.cli.capture.CaptureBytes.counting;
import static org.pqipsec.cli.capture.CaptureBytes.ipv4Udp;
import static org.pqipsec.cli.capture.CaptureBytes.ipv6Udp;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ESP tunnel packets built with the JDK's AES-GCM, written with {@link PcapWriter} and an
 * {@link EspSaFile}, and decrypted by tshark: every inner packet must come back unchanged.
 * Needs Debian's tshark package and fails without it.
 */
class TsharkEspDecryptionTest {

    private static final byte[] SALT = HexFormat.of().parseHex("5a17c0de");

    private static InetAddress address(String text) throws Exception {
        return InetAddress.getByName(text);
    }

    /** Inner packets whose lengths give every pad length 0 to 3, IPv4 and IPv6. */
    private static List<byte[]> innerPackets() {
        return List.of(
                ipv4Udp(1, counting(0)),
                ipv4Udp(2, counting(1)),
                ipv4Udp(3, counting(2)),
                ipv4Udp(4, counting(3)),
                ipv6Udp(counting(17)),
                ipv4Udp(5, counting(1400)));
    }

    /** Checks one decrypted frame against the packet that went in. */
    private static void assertDecrypted(Tshark.EspFrame frame, int spi, int sequence, byte[] inner) {
        String where = "frame " + frame.frameNumber();
        int padLength = Math.floorMod(-(inner.length + 2), 4);
        int nextHeader = (inner[0] & 0xf0) == 0x40 ? EspTunnelPackets.NEXT_HEADER_IPV4 : EspTunnelPackets.NEXT_HEADER_IPV6;

        assertEquals(Integer.toUnsignedLong(spi), frame.spi(), where + " SPI");
        assertEquals(sequence, frame.sequence(), where + " sequence");
        assertTrue(frame.icvGood(), where + " ICV good");
        assertFalse(frame.icvBad(), where + " ICV bad");
        assertArrayEquals(inner, frame.innerPacket(), where + " inner packet");
        assertEquals(padLength, frame.padLength(), where + " pad length");
        assertEquals(nextHeader, frame.nextHeader(), where + " next header");

        // The "Decrypted Data" source is the inner packet, padding 1, 2, 3..., pad length, next header.
        byte[] trailer = new byte[padLength + 2];
        for (int i = 0; i < padLength; i++) {
            trailer[i] = (byte) (i + 1);
        }
        trailer[padLength] = (byte) padLength;
        trailer[padLength + 1] = (byte) nextHeader;
        assertArrayEquals(CaptureBytes.concat(inner, trailer), frame.decryptedData(), where + " decrypted data");
    }

    @Test
    void decryptsAesGcmKeySizesBothDirections(@TempDir Path directory) throws Exception {
        InetAddress a = address("192.0.2.10");
        InetAddress b = address("198.51.100.20");
        byte[] key128 = counting(16);
        byte[] key192 = HexFormat.of().parseHex("f0e1d2c3b4a5968778695a4b3c2d1e0f00112233445566ff");
        byte[] key256 = HexFormat.of().parseHex("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4");

        // Three SAs: a to b with AES-128, b to a with AES-256, and a to b with AES-192 and a
        // SPI above 2^31. Each carries every inner packet.
        record Sa(InetAddress source, InetAddress destination, int spi, byte[] key) {
        }
        List<Sa> sas = List.of(new Sa(a, b, 0x0000_0101, key128), new Sa(b, a, 0x0000_0202, key256),
                new Sa(a, b, 0xc000_0303, key192));

        EspSaFile espSa = new EspSaFile();
        Path capture = directory.resolve("esp.pcap");
        List<int[]> sent = new ArrayList<>();
        try (PcapWriter writer = PcapWriter.create(capture)) {
            for (Sa sa : sas) {
                espSa.add(sa.source(), sa.destination(), sa.spi(), sa.key(), SALT);
                EspTunnelPackets esp = new EspTunnelPackets(sa.source(), sa.destination(), sa.spi(), sa.key(), SALT);
                List<byte[]> inner = innerPackets();
                for (int i = 0; i < inner.size(); i++) {
                    int sequence = i + 1;
                    writer.write(Instant.ofEpochSecond(1_700_000_000L + sent.size()),
                            esp.encapsulate(inner.get(i), sequence, 0x1000L * sa.spi() + sequence));
                    sent.add(new int[] {sa.spi(), sequence, i});
                }
            }
        }
        Path espSaPath = directory.resolve("esp_sa");
        espSa.write(espSaPath);

        List<Tshark.EspFrame> frames = Tshark.decryptEsp(capture, espSaPath);

        assertEquals(sent.size(), frames.size(), "frames");
        for (int i = 0; i < frames.size(); i++) {
            int[] packet = sent.get(i);
            assertEquals(i + 1, frames.get(i).frameNumber());
            assertDecrypted(frames.get(i), packet[0], packet[1], innerPackets().get(packet[2]));
        }
    }

    @Test
    void decryptsOverIpv6WithUatOptions(@TempDir Path directory) throws Exception {
        InetAddress a = address("2001:db8:1::1");
        InetAddress b = address("2001:db8:2::2");
        byte[] key = counting(32);
        int spi = 0x7e57_0006;
        EspSaFile espSa = new EspSaFile().add(a, b, spi, key, SALT);
        EspTunnelPackets esp = new EspTunnelPackets(a, b, spi, key, SALT);

        Path capture = directory.resolve("esp6.pcap");
        List<byte[]> inner = innerPackets();
        try (PcapWriter writer = PcapWriter.create(capture)) {
            for (int i = 0; i < inner.size(); i++) {
                writer.write(Instant.ofEpochSecond(1_700_000_000L + i), esp.encapsulate(inner.get(i), i + 1, i));
            }
        }

        List<Tshark.EspFrame> frames = Tshark.decryptEspWithOptions(capture, espSa.tsharkOptions());

        assertEquals(inner.size(), frames.size(), "frames");
        for (int i = 0; i < frames.size(); i++) {
            assertDecrypted(frames.get(i), spi, i + 1, inner.get(i));
        }
    }

    @Test
    void decryptsEverySamplePacket(@TempDir Path directory) throws Exception {

        // The demo's pipeline on all four samples: read each frame, wrap its IP packet in ESP
        // inside IPv4, write esp.pcap and esp_sa, and let tshark decrypt.
        InetAddress a = address("203.0.113.1");
        InetAddress b = address("203.0.113.2");
        byte[] key = HexFormat.of().parseHex("feffe9928665731c6d6a8f9467308308");
        int spi = 0x5eed_0001;
        EspTunnelPackets esp = new EspTunnelPackets(a, b, spi, key, SALT);

        Path capture = directory.resolve("samples-esp.pcap");
        List<byte[]> inner = new ArrayList<>();
        try (PcapWriter writer = PcapWriter.create(capture)) {
            for (String sample : List.of(SampleCaptures.AFS, SampleCaptures.MPTCP, SampleCaptures.NTP,
                    SampleCaptures.QUIC)) {
                for (CaptureFrame frame : CaptureReader.readAll(SampleCaptures.copy(sample, directory))) {
                    byte[] packet = frame.ipPacket().orElseThrow().bytes();
                    int sequence = inner.size() + 1;
                    writer.write(frame.timestamp().orElseThrow(), esp.encapsulate(packet, sequence, sequence));
                    inner.add(packet);
                }
            }
        }
        Path espSaPath = directory.resolve("esp_sa");
        new EspSaFile().add(a, b, spi, key, SALT).write(espSaPath);

        List<Tshark.EspFrame> frames = Tshark.decryptEsp(capture, espSaPath);

        assertEquals(601 + 264 + 21 + 18, inner.size(), "IP packets in the samples");
        assertEquals(inner.size(), frames.size(), "frames");
        for (int i = 0; i < frames.size(); i++) {
            assertDecrypted(frames.get(i), spi, i + 1, inner.get(i));
        }
    }

    @Test
    void wrongKeyIsNotDecrypted(@TempDir Path directory) throws Exception {
        InetAddress a = address("192.0.2.1");
        InetAddress b = address("192.0.2.2");
        byte[] key = counting(16);
        byte[] otherKey = key.clone();
        otherKey[15] ^= 1;
        int spi = 0x0000_0bad;
        byte[] inner = ipv4Udp(1, counting(10));

        Path capture = directory.resolve("wrong.pcap");
        try (PcapWriter writer = PcapWriter.create(capture)) {
            writer.write(Instant.ofEpochSecond(1_700_000_000L),
                    new EspTunnelPackets(a, b, spi, key, SALT).encapsulate(inner, 1, 1));
        }
        Path espSaPath = directory.resolve("esp_sa");
        new EspSaFile().add(a, b, spi, otherKey, SALT).write(espSaPath);

        Tshark.EspFrame frame = Tshark.decryptEsp(capture, espSaPath).getFirst();

        // tshark 4.0 still shows the decryption under the wrong key, as garbage of the
        // plaintext's length, and reports the ICV mismatch.
        assertEquals(spi, frame.spi());
        assertFalse(frame.icvGood(), "ICV good");
        assertTrue(frame.icvBad(), "ICV bad");
        assertFalse(Arrays.equals(inner, frame.innerPacket()), "inner packet");
        assertEquals(inner.length + 2, frame.decryptedData().length, "plaintext length, no padding needed");
        assertFalse(Arrays.equals(inner, Arrays.copyOf(frame.decryptedData(), inner.length)),
                "the garbage differs from the inner packet");
    }
}
