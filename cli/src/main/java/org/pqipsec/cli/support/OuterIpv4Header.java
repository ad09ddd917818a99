package org.pqipsec.cli.support;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The outer IPv4 header of an ESP tunnel-mode packet (RFC 791 §3.1, RFC 4303 §3.1.2): 20 bytes,
 * no options, protocol 50 (ESP).
 */
public final class OuterIpv4Header {

    /** Length of the header without options. */
    public static final int LENGTH = 20;

    /** Largest IPv4 datagram: the Total Length field is 16 bits. */
    public static final int MAX_TOTAL_LENGTH = 0xffff;

    /** IP protocol number of ESP (IANA Assigned Internet Protocol Numbers). */
    public static final int PROTOCOL_ESP = 50;

    /** IP protocol number of UDP, which carries ESP for NAT traversal (RFC 3948). */
    public static final int PROTOCOL_UDP = 17;

    /** Default outer source address: 192.0.2.1 from TEST-NET-1 (RFC 5737). */
    public static final Inet4Address DOCUMENTATION_SOURCE = documentationAddress(192, 0, 2, 1);

    /** Default outer destination address: 198.51.100.1 from TEST-NET-2 (RFC 5737). */
    public static final Inet4Address DOCUMENTATION_DESTINATION = documentationAddress(198, 51, 100, 1);

    private static final int TTL = 64;

    private OuterIpv4Header() {}

    /**
     * Writes {@code header | payload} with a fresh header from {@code source} to
     * {@code destination}, with protocol 50 (ESP).
     *
     * <pre>
     *  0                   1                   2                   3
     *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
     * |Version|  IHL  |    DSCP/ECN   |          Total Length         |
     * |         Identification        |Flags|     Fragment Offset     |
     * |  Time to Live |    Protocol   |        Header Checksum        |
     * |                       Source Address                          |
     * |                    Destination Address                        |
     * </pre>
     *
     * @throws IllegalArgumentException if the datagram would exceed 65,535 bytes
     */
    public static byte[] wrap(Inet4Address source, Inet4Address destination, int identification, byte[] payload) {
        return wrap(source, destination, identification, PROTOCOL_ESP, payload);
    }

    /**
     * Writes {@code header | payload} with a fresh header whose protocol is {@code protocol},
     * such as {@link #PROTOCOL_UDP} for UDP-encapsulated ESP.
     *
     * @throws IllegalArgumentException if the datagram would exceed 65,535 bytes
     */
    public static byte[] wrap(Inet4Address source, Inet4Address destination, int identification, int protocol,
            byte[] payload) {
        int totalLength = LENGTH + payload.length;
        if (totalLength > MAX_TOTAL_LENGTH) {
            throw new IllegalArgumentException("IPv4 datagram of " + totalLength
                    + " bytes exceeds the 65535-byte Total Length limit");
        }
        byte[] packet = new byte[totalLength];
        packet[0] = 0x45;
        packet[2] = (byte) (totalLength >>> 8);
        packet[3] = (byte) totalLength;
        packet[4] = (byte) (identification >>> 8);
        packet[5] = (byte) identification;
        packet[8] = TTL;
        packet[9] = (byte) protocol;
        System.arraycopy(source.getAddress(), 0, packet, 12, 4);
        System.arraycopy(destination.getAddress(), 0, packet, 16, 4);

        int checksum = checksum(packet, 0, LENGTH);
        packet[10] = (byte) (checksum >>> 8);
        packet[11] = (byte) checksum;

        System.arraycopy(payload, 0, packet, LENGTH, payload.length);
        return packet;
    }

    /**
     * Returns the ESP payload of an outer IPv4 packet that {@link #wrap} wrote, after checking
     * version, header length, protocol, total length and header checksum.
     *
     * @throws IllegalArgumentException naming the first field that is invalid
     */
    public static byte[] unwrap(byte[] packet) {
        if (packet.length < LENGTH) {
            throw new IllegalArgumentException("outer IPv4 packet of " + packet.length
                    + " bytes is shorter than the 20-byte header");
        }
        if (packet[0] != 0x45) {
            throw new IllegalArgumentException(String.format(
                    "outer IPv4 version/IHL byte is 0x%02x, expected 0x45", packet[0] & 0xff));
        }
        if ((packet[9] & 0xff) != PROTOCOL_ESP) {
            throw new IllegalArgumentException("outer IPv4 protocol is " + (packet[9] & 0xff)
                    + ", expected 50 (ESP)");
        }
        int totalLength = ((packet[2] & 0xff) << 8) | (packet[3] & 0xff);
        if (totalLength != packet.length) {
            throw new IllegalArgumentException("outer IPv4 Total Length is " + totalLength
                    + " but the packet has " + packet.length + " bytes");
        }
        if (checksum(packet, 0, LENGTH) != 0) {
            throw new IllegalArgumentException("outer IPv4 header checksum is invalid");
        }
        return Arrays.copyOfRange(packet, LENGTH, packet.length);
    }

    /**
     * Computes the Internet checksum (RFC 1071): the one's complement of the one's complement
     * sum of 16-bit words. Over a header that contains a valid checksum it returns 0.
     */
    public static int checksum(byte[] data, int offset, int length) {
        int sum = 0;
        for (int i = 0; i + 1 < length; i += 2) {
            sum += ((data[offset + i] & 0xff) << 8) | (data[offset + i + 1] & 0xff);
        }
        if ((length & 1) != 0) {
            sum += (data[offset + length - 1] & 0xff) << 8;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return ~sum & 0xffff;
    }

    private static Inet4Address documentationAddress(int a, int b, int c, int d) {
        try {
            return (Inet4Address) InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (UnknownHostException e) {
            throw new AssertionError("a 4-byte address is always valid", e);
        }
    }
}
