package org.pqipsec.cli.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class OuterIpv4HeaderTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void checksumOfKnownHeader() {
        // A UDP datagram header from 192.168.0.1 to 192.168.0.199 whose checksum field is 0xb861.
        byte[] header = HEX.parseHex("450000730000400040110000c0a80001c0a800c7");

        assertEquals(0xb861, OuterIpv4Header.checksum(header, 0, header.length));
    }

    @Test
    void wrapWritesValidHeader() {
        byte[] payload = {1, 2, 3, 4, 5};

        byte[] packet = OuterIpv4Header.wrap(OuterIpv4Header.DOCUMENTATION_SOURCE, OuterIpv4Header.DOCUMENTATION_DESTINATION, 0x1234, payload);

        assertEquals(25, packet.length);
        assertEquals("45000019123400004032", HEX.formatHex(packet, 0, 10));
        assertEquals("c0000201c6336401", HEX.formatHex(packet, 12, 20));
        assertEquals(0, OuterIpv4Header.checksum(packet, 0, OuterIpv4Header.LENGTH));
        assertArrayEquals(payload, OuterIpv4Header.unwrap(packet));
    }

    @Test
    void wrapRejectsOversizedDatagram() {
        byte[] payload = new byte[65_535 - 20 + 1];

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OuterIpv4Header.wrap(OuterIpv4Header.DOCUMENTATION_SOURCE, OuterIpv4Header.DOCUMENTATION_DESTINATION, 0, payload));
        assertTrue(e.getMessage().contains("65536"), e.getMessage());
    }

    @Test
    void unwrapRejectsEachBadField() {
        byte[] good = OuterIpv4Header.wrap(OuterIpv4Header.DOCUMENTATION_SOURCE, OuterIpv4Header.DOCUMENTATION_DESTINATION, 7, new byte[8]);

        byte[] version = good.clone();
        version[0] = 0x46;
        byte[] protocol = good.clone();
        protocol[9] = 17;
        byte[] checksum = good.clone();
        checksum[11] ^= 1;
        byte[] length = Arrays.copyOf(good, good.length - 1);

        assertMessage(version, "version/IHL");
        assertMessage(protocol, "protocol is 17");
        assertMessage(checksum, "checksum");
        assertMessage(length, "Total Length is 28");
        assertMessage(new byte[19], "shorter than the 20-byte header");
    }

    private static void assertMessage(byte[] packet, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OuterIpv4Header.unwrap(packet));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
