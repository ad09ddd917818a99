package org.pqipsec.esp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TransportModeTest {

    private static final int SPI = 0x0000_1001;
    private static final HexFormat HEX = HexFormat.of();

    /**
     * IPv4 UDP from 192.0.2.1 to 198.51.100.1: Total Length 29, Identification 1, TTL 64,
     * Protocol 17, checksum 0x8e99, then UDP 1234 to 5678 (length 9, checksum 0) and one byte.
     */
    private static final byte[] IPV4_UDP = HEX.parseHex(
            "4500001d000100004011" + "8e99" + "c0000201c6336401" + "04d2162e00090000" + "2a");

    private static byte[] keyMaterial(EspTransform transform) {
        byte[] key = new byte[transform.cipher() == EspTransform.Cipher.CHACHA20_POLY1305 ? 36 : 20];
        new Random(transform.ianaId()).nextBytes(key);
        return key;
    }

    private static byte[] ipv4WithOptions(int payloadLength) {
        // IHL 6: one 4-byte option (NOP, NOP, NOP, End of Options List), protocol 6 (TCP).
        byte[] packet = new byte[24 + payloadLength];
        packet[0] = 0x46;
        packet[2] = (byte) (packet.length >>> 8);
        packet[3] = (byte) packet.length;
        packet[8] = 17;
        packet[9] = 6;
        System.arraycopy(HEX.parseHex("c0000201c6336401" + "01010100"), 0, packet, 12, 12);
        for (int i = 24; i < packet.length; i++) {
            packet[i] = (byte) i;
        }
        return withIpv4Checksum(packet);
    }

    private static byte[] ipv6Udp(int payloadLength) {
        byte[] packet = new byte[40 + payloadLength];
        packet[0] = 0x60;
        packet[4] = (byte) (payloadLength >>> 8);
        packet[5] = (byte) payloadLength;
        packet[6] = 17;
        packet[7] = 64;
        byte[] source = HEX.parseHex("20010db8000000000000000000000001");
        byte[] destination = HEX.parseHex("20010db8000000000000000000000002");
        System.arraycopy(source, 0, packet, 8, 16);
        System.arraycopy(destination, 0, packet, 24, 16);
        for (int i = 40; i < packet.length; i++) {
            packet[i] = (byte) (i * 7);
        }
        return packet;
    }

    private static byte[] withIpv4Checksum(byte[] packet) {
        int headerLength = (packet[0] & 0x0f) * 4;
        packet[10] = 0;
        packet[11] = 0;
        int sum = 0;
        for (int i = 0; i < headerLength; i += 2) {
            sum += (packet[i] & 0xff) << 8 | (packet[i + 1] & 0xff);
        }
        sum = (sum & 0xffff) + (sum >>> 16);
        sum = (sum & 0xffff) + (sum >>> 16);
        int checksum = ~sum & 0xffff;
        packet[10] = (byte) (checksum >>> 8);
        packet[11] = (byte) checksum;
        return packet;
    }

    @Test
    void sampleHeaderChecksumIsValid() {
        assertArrayEquals(IPV4_UDP, withIpv4Checksum(IPV4_UDP.clone()));
    }

    @Test
    void handCheckedIpv4Packet() throws Exception {
        byte[] keyMaterial = keyMaterial(EspTransform.ENCR_AES_GCM_16);
        EspOutboundSa out = new EspOutboundSa(EspTransform.ENCR_AES_GCM_16, SPI, keyMaterial);
        EspInboundSa in = new EspInboundSa(EspTransform.ENCR_AES_GCM_16, SPI, keyMaterial);

        byte[] sealed = TransportMode.encapsulate(out, IPV4_UDP);

        // ESP: SPI 4 + sequence 4 + IV 8 + (9-byte UDP datagram + 1 pad byte + 2) + ICV 16 = 44,
        // so Total Length 20 + 44 = 64 (0x0040). Protocol 50 (0x32). Header checksum by hand:
        // 4500 + 0040 + 0001 + 0000 + 4032 + c000 + 0201 + c633 + 6401 = 0x271a8, folded
        // 0x71aa, complemented 0x8e55.
        byte[] expectedHeader = HEX.parseHex("450000400001000040328e55c0000201c6336401");
        assertEquals(64, sealed.length);
        assertArrayEquals(expectedHeader, Arrays.copyOf(sealed, 20));
        assertArrayEquals(HEX.parseHex("00001001" + "00000001"), Arrays.copyOfRange(sealed, 20, 28),
                "SPI and sequence number follow the IP header");

        byte[] esp = TransportMode.espPacket(sealed);
        DecapsulatedPacket opened = in.decapsulate(esp);
        assertEquals(17, opened.nextHeader(), "ESP Next Header carries the original protocol");
        assertArrayEquals(Arrays.copyOfRange(IPV4_UDP, 20, 29), opened.payload());
        assertArrayEquals(IPV4_UDP, TransportMode.restore(sealed, opened));
    }

    @ParameterizedTest
    @EnumSource(EspTransform.class)
    void roundTripsEveryTransform(EspTransform transform) throws Exception {
        byte[] keyMaterial = keyMaterial(transform);
        EspOutboundSa out = EspOutboundSa.builder(transform, SPI, keyMaterial).extendedSequenceNumbers(true).build();
        EspInboundSa in = EspInboundSa.builder(transform, SPI, keyMaterial).extendedSequenceNumbers(true).build();

        for (byte[] original : new byte[][] {IPV4_UDP, ipv4WithOptions(0), ipv4WithOptions(1453), ipv6Udp(0),
                ipv6Udp(1200)}) {
            byte[] sealed = TransportMode.encapsulate(out, original);
            int protocolOffset = original[0] >>> 4 == 4 ? 9 : 6;
            assertEquals(TransportMode.PROTOCOL_ESP, sealed[protocolOffset] & 0xff, transform + " protocol");

            DecapsulatedPacket opened = in.decapsulate(TransportMode.espPacket(sealed));
            assertArrayEquals(original, TransportMode.restore(sealed, opened), transform + " round trip");
        }
    }

    @Test
    void udpEncapsulationRoundTrips() throws Exception {
        byte[] keyMaterial = keyMaterial(EspTransform.ENCR_CHACHA20_POLY1305);
        EspOutboundSa out = new EspOutboundSa(EspTransform.ENCR_CHACHA20_POLY1305, SPI, keyMaterial);
        EspInboundSa in = new EspInboundSa(EspTransform.ENCR_CHACHA20_POLY1305, SPI, keyMaterial);

        byte[] sealed = TransportMode.encapsulate(out, IPV4_UDP, 4500, 4500);

        assertEquals(TransportMode.PROTOCOL_UDP, sealed[9] & 0xff);
        assertArrayEquals(HEX.parseHex("11941194"), Arrays.copyOfRange(sealed, 20, 24), "UDP ports 4500");
        assertEquals(sealed.length - 20, (sealed[24] & 0xff) << 8 | (sealed[25] & 0xff), "UDP length");
        assertArrayEquals(withIpv4Checksum(sealed.clone()), sealed, "IPv4 header checksum");

        byte[] ipv6 = ipv6Udp(100);
        byte[] sealedIpv6 = TransportMode.encapsulate(out, ipv6, 4500, 4500);
        assertEquals(TransportMode.PROTOCOL_UDP, sealedIpv6[6] & 0xff);

        assertArrayEquals(IPV4_UDP, TransportMode.restore(sealed, in.decapsulate(TransportMode.espPacket(sealed))));
        assertArrayEquals(ipv6,
                TransportMode.restore(sealedIpv6, in.decapsulate(TransportMode.espPacket(sealedIpv6))));
    }

    @Test
    void rejectsPacketsItCannotCarry() throws Exception {
        EspOutboundSa out = new EspOutboundSa(EspTransform.ENCR_AES_GCM_16, SPI,
                keyMaterial(EspTransform.ENCR_AES_GCM_16));

        byte[] fragment = IPV4_UDP.clone();
        fragment[6] = 0x20;
        var fragmentError = assertThrows(IllegalArgumentException.class,
                () -> TransportMode.encapsulate(out, withIpv4Checksum(fragment)));
        assertTrue(fragmentError.getMessage().contains("fragment"), fragmentError.getMessage());

        byte[] truncated = Arrays.copyOf(IPV4_UDP, 25);
        var truncatedError = assertThrows(IllegalArgumentException.class,
                () -> TransportMode.encapsulate(out, truncated));
        assertEquals("IPv4 Total Length is 29 but the packet has 25 bytes; transport mode needs the whole datagram",
                truncatedError.getMessage());

        byte[] hopByHop = ipv6Udp(8);
        hopByHop[6] = 0;
        var extensionError = assertThrows(IllegalArgumentException.class,
                () -> TransportMode.encapsulate(out, hopByHop));
        assertTrue(extensionError.getMessage().contains("extension header"), extensionError.getMessage());

        assertThrows(IllegalArgumentException.class, () -> TransportMode.encapsulate(out, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> TransportMode.encapsulate(out, HEX.parseHex("5500")));

        // A 24-byte header and 65511 payload bytes fill a 65535-byte datagram, leaving no room for ESP.
        byte[] largest = ipv4WithOptions(65_535 - 24);
        var tooLarge = assertThrows(IllegalArgumentException.class, () -> TransportMode.encapsulate(out, largest));
        assertTrue(tooLarge.getMessage().contains("more than the maximum of 65535"), tooLarge.getMessage());

        assertEquals(0, out.lastSequenceNumber(), "a rejected packet must not use a sequence number");
    }

    @Test
    void espPacketByProtocol() {
        // UDP is taken as NAT-T: the caller matched the port, so the one data byte comes back.
        assertArrayEquals(new byte[] {0x2a}, assertDoesNotThrow(() -> TransportMode.espPacket(IPV4_UDP)));

        byte[] tcp = ipv4WithOptions(20);
        assertEquals(EspDropReason.NOT_ESP,
                assertThrows(EspDropException.class, () -> TransportMode.espPacket(tcp)).reason());
    }

    @Test
    void restoreRejectsDummyPacket() throws Exception {
        byte[] keyMaterial = keyMaterial(EspTransform.ENCR_AES_GCM_16);
        EspOutboundSa out = new EspOutboundSa(EspTransform.ENCR_AES_GCM_16, SPI, keyMaterial);
        EspInboundSa in = new EspInboundSa(EspTransform.ENCR_AES_GCM_16, SPI, keyMaterial);
        byte[] sealed = TransportMode.encapsulate(out, IPV4_UDP);
        DecapsulatedPacket dummy = new DecapsulatedPacket(1, NextHeader.NO_NEXT_HEADER, new byte[0]);

        assertThrows(IllegalArgumentException.class, () -> TransportMode.restore(sealed, dummy));
        DecapsulatedPacket opened = in.decapsulate(TransportMode.espPacket(sealed));
        assertThrows(IllegalArgumentException.class, () -> TransportMode.restore(ipv4WithOptions(20), opened));
    }
}
