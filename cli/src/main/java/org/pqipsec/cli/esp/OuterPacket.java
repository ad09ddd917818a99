package org.pqipsec.cli.esp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The outer IP header of a captured packet, as far as {@code esp open} needs it: addresses,
 * the protocol after the fixed header, and the bytes that follow.
 *
 * @param source      the source address
 * @param destination the destination address
 * @param protocol    the IPv4 Protocol or the IPv6 Next Header after the 40-byte header
 * @param payload     the bytes after the IP header (IPv4 options included in the header)
 */
record OuterPacket(InetAddress source, InetAddress destination, int protocol, byte[] payload) {

    /** UDP, which carries ESP for NAT traversal (RFC 3948 §2.1). */
    static final int PROTOCOL_UDP = 17;

    /** ESP (RFC 4303 §2). */
    static final int PROTOCOL_ESP = 50;

    /**
     * Parses an IP packet whose length the capture reader already matched to its header.
     *
     * @throws IllegalArgumentException with the reason why the packet cannot carry ESP
     *     here: an IPv4 fragment, or an IPv4 header length out of range
     */
    static OuterPacket parse(int version, byte[] packet) {
        if (version == 4) {
            int headerLength = (packet[0] & 0x0f) * 4;
            if (headerLength < 20 || headerLength > packet.length) {
                throw new IllegalArgumentException("IPv4 header length " + headerLength + " is invalid");
            }
            boolean fragment = (packet[6] & 0x3f) != 0 || packet[7] != 0;
            if (fragment) {
                throw new IllegalArgumentException("IPv4 fragment (not reassembled)");
            }
            return new OuterPacket(address(packet, 12, 4), address(packet, 16, 4), packet[9] & 0xff,
                    Arrays.copyOfRange(packet, headerLength, packet.length));
        }
        return new OuterPacket(address(packet, 8, 16), address(packet, 24, 16), packet[6] & 0xff,
                Arrays.copyOfRange(packet, 40, packet.length));
    }

    /** Returns whether this is UDP with {@code port} as source or destination port. */
    boolean isUdpOnPort(int port) {
        if (protocol != PROTOCOL_UDP || payload.length < 4) {
            return false;
        }
        int sourcePort = (payload[0] & 0xff) << 8 | (payload[1] & 0xff);
        int destinationPort = (payload[2] & 0xff) << 8 | (payload[3] & 0xff);
        return sourcePort == port || destinationPort == port;
    }

    private static InetAddress address(byte[] packet, int offset, int length) {
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(packet, offset, offset + length));
        } catch (UnknownHostException e) {
            throw new AssertionError("a 4- or 16-byte address is always valid", e);
        }
    }
}
