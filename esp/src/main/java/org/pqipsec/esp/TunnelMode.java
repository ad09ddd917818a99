package org.pqipsec.esp;

import java.util.Arrays;
import java.util.Objects;

/**
 * Tunnel-mode payload helpers (RFC 4303 §3.1.2): the Payload Data is a whole inner IPv4 or IPv6
 * packet, announced by Next Header 4 or 41, and anything after the inner packet's own length is
 * TFC padding (RFC 4303 §2.7).
 */
public final class TunnelMode {

    private static final int IPV4_MIN_HEADER = 20;
    private static final int IPV6_HEADER = 40;

    private TunnelMode() {
    }

    /**
     * Returns the Next Header for an inner packet from its IP version field.
     *
     * @throws IllegalArgumentException if the packet is empty or not IPv4 or IPv6
     */
    public static int nextHeaderFor(byte[] innerPacket) {
        Objects.requireNonNull(innerPacket, "innerPacket");
        int version = innerPacket.length == 0 ? -1 : (innerPacket[0] & 0xff) >>> 4;
        return switch (version) {
            case 4 -> NextHeader.IPV4;
            case 6 -> NextHeader.IPV6;
            default -> throw new IllegalArgumentException("inner packet must be IPv4 or IPv6, got "
                    + (version < 0 ? "an empty packet" : "IP version " + version));
        };
    }

    /**
     * Returns the inner IP packet of a decapsulated tunnel-mode packet without TFC padding.
     *
     * @throws EspDropException with {@link EspDropReason#BAD_INNER_PACKET} if the Next Header is
     *     not 4 or 41, the version does not match it, or the IP length exceeds the payload
     */
    public static byte[] innerPacket(DecapsulatedPacket packet) throws EspDropException {
        byte[] payload = packet.payload();
        int nextHeader = packet.nextHeader();
        int ipLength;
        if (nextHeader == NextHeader.IPV4 && payload.length >= IPV4_MIN_HEADER && (payload[0] & 0xf0) == 0x40) {
            ipLength = (payload[2] & 0xff) << 8 | (payload[3] & 0xff);
        } else if (nextHeader == NextHeader.IPV6 && payload.length >= IPV6_HEADER && (payload[0] & 0xf0) == 0x60) {
            ipLength = IPV6_HEADER + ((payload[4] & 0xff) << 8 | (payload[5] & 0xff));
        } else {
            throw new EspDropException(EspDropReason.BAD_INNER_PACKET, "Next Header " + nextHeader
                    + " with a " + payload.length + "-byte payload is not a tunnel-mode IPv4 or IPv6 packet");
        }
        if (ipLength > payload.length) {
            throw new EspDropException(EspDropReason.BAD_INNER_PACKET, "inner IP length " + ipLength
                    + " exceeds the " + payload.length + "-byte payload");
        }
        return Arrays.copyOf(payload, ipLength);
    }
}
