package org.pqipsec.esp;

import java.util.Arrays;
import java.util.Objects;

/**
 * UDP encapsulation of ESP for NAT traversal (RFC 3948 §2): a UDP header with checksum 0 in
 * front of the ESP packet, normally on port 4500 in both directions.
 */
public final class UdpEncapsulation {

    /** The NAT-T port of RFC 3948 §2. */
    public static final int NAT_T_PORT = 4500;

    /** Length of the UDP header. */
    public static final int UDP_HEADER_LENGTH = 8;

    private UdpEncapsulation() {
    }

    /**
     * Returns the UDP datagram that carries {@code espPacket} (RFC 3948 §2.1), with checksum 0
     * as RFC 3948 §2.1 allows for IPv4.
     *
     * @throws IllegalArgumentException if a port is not 1 to 65535 or the datagram would exceed
     *     65535 bytes
     */
    public static byte[] wrap(byte[] espPacket, int sourcePort, int destinationPort) {
        Objects.requireNonNull(espPacket, "espPacket");
        requirePort(sourcePort, "sourcePort");
        requirePort(destinationPort, "destinationPort");
        int length = UDP_HEADER_LENGTH + espPacket.length;
        if (length > 65_535) {
            throw new IllegalArgumentException("UDP datagram would be " + length
                    + " bytes, more than the maximum of 65535");
        }

        // UDP header (RFC 768): source port, destination port, length, checksum 0.
        byte[] datagram = new byte[length];
        datagram[0] = (byte) (sourcePort >>> 8);
        datagram[1] = (byte) sourcePort;
        datagram[2] = (byte) (destinationPort >>> 8);
        datagram[3] = (byte) destinationPort;
        datagram[4] = (byte) (length >>> 8);
        datagram[5] = (byte) length;
        System.arraycopy(espPacket, 0, datagram, UDP_HEADER_LENGTH, espPacket.length);
        return datagram;
    }

    /**
     * Returns the ESP packet inside a UDP datagram (RFC 3948 §2.2), or rejects the datagram with
     * {@link EspDropReason#NOT_ESP} when it is a NAT-keepalive (one byte 0xFF, §2.3), an IKE
     * message (the four-byte non-ESP marker 0, §2.2), shorter than the UDP header, or shorter
     * than its length field says.
     */
    public static byte[] unwrap(byte[] udpDatagram) throws EspDropException {
        Objects.requireNonNull(udpDatagram, "udpDatagram");
        if (udpDatagram.length < UDP_HEADER_LENGTH) {
            throw new EspDropException(EspDropReason.NOT_ESP, "UDP datagram is " + udpDatagram.length
                    + " bytes, shorter than the 8-byte UDP header");
        }
        int length = (udpDatagram[4] & 0xff) << 8 | (udpDatagram[5] & 0xff);
        if (length < UDP_HEADER_LENGTH || length > udpDatagram.length) {
            throw new EspDropException(EspDropReason.NOT_ESP, "UDP length field is " + length
                    + " but the datagram has " + udpDatagram.length + " bytes");
        }
        int payloadLength = length - UDP_HEADER_LENGTH;
        if (payloadLength == 1 && udpDatagram[UDP_HEADER_LENGTH] == (byte) 0xFF) {
            throw new EspDropException(EspDropReason.NOT_ESP, "UDP datagram is a NAT-keepalive (RFC 3948 §2.3)");
        }
        if (payloadLength >= 4 && udpDatagram[8] == 0 && udpDatagram[9] == 0 && udpDatagram[10] == 0
                && udpDatagram[11] == 0) {
            throw new EspDropException(EspDropReason.NOT_ESP,
                    "UDP datagram starts with the non-ESP marker, so it carries IKE (RFC 3948 §2.2)");
        }
        return Arrays.copyOfRange(udpDatagram, UDP_HEADER_LENGTH, length);
    }

    private static void requirePort(int port, String name) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException(name + " must be 1 to 65535, got " + port);
        }
    }
}
