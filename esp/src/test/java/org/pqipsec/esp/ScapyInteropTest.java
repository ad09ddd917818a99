package org.pqipsec.esp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tunnel-mode ESP packets exchanged with Scapy 2.5's independent implementation in both
 * directions: Scapy's packets decapsulate with pqipsec, pqipsec's packets equal Scapy's byte for
 * byte when both use the same IV, and Scapy decrypts pqipsec's packets. Scapy always appends
 * the full 16-byte GCM tag, so for 8- and 12-byte ICVs the script cuts it to its prefix and
 * only the 16-byte ICV transforms go through Scapy's decryption.
 */
class ScapyInteropTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final int SPI = 0x5C0A_1234;
    private static final int PACKETS = 6;

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (boolean esn : new boolean[] {false, true}) {
            for (boolean udp : new boolean[] {false, true}) {
                cases.add(Arguments.of(EspTransform.ENCR_AES_GCM_8, 16, esn, udp));
                cases.add(Arguments.of(EspTransform.ENCR_AES_GCM_12, 24, esn, udp));
                cases.add(Arguments.of(EspTransform.ENCR_AES_GCM_16, 32, esn, udp));
                cases.add(Arguments.of(EspTransform.ENCR_AES_GCM_16, 16, esn, udp));
                cases.add(Arguments.of(EspTransform.ENCR_CHACHA20_POLY1305, 32, esn, udp));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} key {1} bytes, ESN {2}, UDP {3}")
    @MethodSource("cases")
    void packetsInteroperateWithScapy(EspTransform transform, int keyLength, boolean esn, boolean udp)
            throws Exception {
        byte[] keyMaterial = new byte[keyLength + 4];
        for (int i = 0; i < keyMaterial.length; i++) {
            keyMaterial[i] = (byte) (0x31 * i + keyLength);
        }
        // Without ESN the run ends at 2^32 - 1, the last number; with ESN it crosses 2^32.
        long last = esn ? (1L << 32) - 4 : (1L << 32) - 1 - PACKETS;
        String algo = transform.cipher() == EspTransform.Cipher.CHACHA20_POLY1305 ? "CHACHA20-POLY1305" : "AES-GCM";

        EspOutboundSa outbound = EspOutboundSa.builder(transform, SPI, keyMaterial)
                .extendedSequenceNumbers(esn).lastSequenceNumber(last).build();
        EspInboundSa inbound = EspInboundSa.builder(transform, SPI, keyMaterial)
                .extendedSequenceNumbers(esn).build();

        List<byte[]> inners = new ArrayList<>();
        List<String> sealRequests = new ArrayList<>();
        for (int i = 0; i < PACKETS; i++) {
            long sequence = last + 1 + i;
            byte[] inner = innerIpv4Packet(i * 37 % 101);
            inners.add(inner);
            sealRequests.add(request("seal", algo, keyMaterial, transform, sequence, esn, udp)
                    + ",\"inner\":\"" + HEX.formatHex(inner) + "\",\"iv\":\""
                    + HEX.formatHex(ByteBuffer.allocate(8).putLong(sequence).array()) + "\"}");
        }
        List<Map<?, ?>> sealed = ScapyEsp.run(sealRequests);

        List<String> openRequests = new ArrayList<>();
        for (int i = 0; i < PACKETS; i++) {
            long sequence = last + 1 + i;
            byte[] scapyEsp = HEX.parseHex((String) sealed.get(i).get("esp"));
            if (udp && transform.icvLength() == 16) {
                assertArrayEquals(scapyEsp, espFromUdpWire(HEX.parseHex((String) sealed.get(i).get("wire"))),
                        "ESP inside Scapy's UDP datagram " + i);
            }

            DecapsulatedPacket opened = inbound.decapsulate(scapyEsp);
            assertEquals(sequence, opened.sequenceNumber(), "sequence number of Scapy packet " + i);
            assertArrayEquals(inners.get(i), TunnelMode.innerPacket(opened), "inner packet of Scapy packet " + i);

            byte[] ours = outbound.encapsulate(inners.get(i), TunnelMode.nextHeaderFor(inners.get(i)));
            assertArrayEquals(scapyEsp, ours, "pqipsec packet " + i + " against Scapy's with the same IV");
            openRequests.add(request("open", algo, keyMaterial, transform, sequence, esn, udp)
                    + ",\"esp\":\"" + HEX.formatHex(ours) + "\"}");
        }

        if (transform.icvLength() == 16) {
            List<Map<?, ?>> opened = ScapyEsp.run(openRequests);
            for (int i = 0; i < PACKETS; i++) {
                assertNull(opened.get(i).get("error"), "Scapy decrypting pqipsec packet " + i);
                assertArrayEquals(inners.get(i), HEX.parseHex((String) opened.get(i).get("inner")),
                        "inner packet Scapy decrypted from pqipsec packet " + i);
            }
        }
        assertEquals(PACKETS, inbound.packetsAccepted());
    }

    private static String request(String op, String algo, byte[] keyMaterial, EspTransform transform,
            long sequence, boolean esn, boolean udp) {
        return "{\"op\":\"" + op + "\",\"algo\":\"" + algo + "\",\"key\":\"" + HEX.formatHex(keyMaterial)
                + "\",\"icv\":" + transform.icvLength() + ",\"spi\":" + Integer.toUnsignedString(SPI)
                + ",\"seq\":" + sequence + ",\"esn\":" + esn + ",\"udp\":" + udp;
    }

    /**
     * Returns the ESP packet in Scapy's outer IPv4/UDP packet, bounded by the IPv4 total length.
     *
     * <p>NOTE: Scapy 2.5 (Debian 2.5.0) fixes the UDP header before it appends the ESP packet, so
     * its UDP length field reads 8, the header alone. The test therefore takes the datagram's end
     * from the IPv4 header, checks the ports and the zero checksum of RFC 3948 §2.1, and runs the
     * ESP packet through this module's own UDP encapsulation and back.
     */
    private static byte[] espFromUdpWire(byte[] wire) throws EspDropException {
        ByteBuffer outer = ByteBuffer.wrap(wire);
        assertEquals(0x45, wire[0] & 0xff, "outer header is IPv4 without options");
        assertEquals(17, wire[9], "outer protocol is UDP");
        int totalLength = outer.getShort(2) & 0xffff;
        assertEquals(wire.length, totalLength, "IPv4 total length");
        assertEquals(UdpEncapsulation.NAT_T_PORT, outer.getShort(20) & 0xffff, "UDP source port");
        assertEquals(UdpEncapsulation.NAT_T_PORT, outer.getShort(22) & 0xffff, "UDP destination port");
        assertEquals(0, outer.getShort(26), "UDP checksum");

        byte[] esp = Arrays.copyOfRange(wire, 28, totalLength);
        byte[] datagram = UdpEncapsulation.wrap(esp, UdpEncapsulation.NAT_T_PORT, UdpEncapsulation.NAT_T_PORT);
        assertArrayEquals(Arrays.copyOfRange(wire, 20, 24), Arrays.copyOf(datagram, 4), "ports");
        return UdpEncapsulation.unwrap(datagram);
    }

    /** Builds an IPv4/UDP packet from 192.0.2.10 to 192.0.2.20 with {@code payloadLength} bytes. */
    static byte[] innerIpv4Packet(int payloadLength) {
        int length = 28 + payloadLength;
        ByteBuffer packet = ByteBuffer.allocate(length);
        packet.put((byte) 0x45).put((byte) 0).putShort((short) length).putShort((short) 7)
                .putShort((short) 0).put((byte) 64).put((byte) 17).putShort((short) 0)
                .put(new byte[] {(byte) 192, 0, 2, 10}).put(new byte[] {(byte) 192, 0, 2, 20});
        int sum = 0;
        for (int i = 0; i < 20; i += 2) {
            sum += packet.getShort(i) & 0xffff;
        }
        sum = (sum & 0xffff) + (sum >>> 16);
        packet.putShort(10, (short) ~((sum & 0xffff) + (sum >>> 16)));
        packet.position(20);
        packet.putShort((short) 5000).putShort((short) 6000).putShort((short) (8 + payloadLength)).putShort((short) 0);
        for (int i = 0; i < payloadLength; i++) {
            packet.put((byte) (i * 7 + 3));
        }
        return packet.array();
    }
}
