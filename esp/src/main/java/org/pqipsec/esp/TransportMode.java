package org.pqipsec.esp;

import java.util.Arrays;
import java.util.Objects;

/**
 * Transport-mode helpers (RFC 4303 §3.1.1): ESP goes between the IP header and the upper-layer
 * protocol. On send the IP header's Protocol (IPv4) or Next Header (IPv6) becomes 50, or 17
 * with UDP encapsulation (RFC 3948 §2.1), and the original value travels in the ESP Next
 * Header. On receive the original value and lengths come back.
 *
 * <p>Supported packets: IPv4 with or without options, and IPv6 whose fixed header is followed
 * directly by the upper-layer protocol. RFC 4303 §3.1.1 places ESP after IPv6 hop-by-hop,
 * routing and fragment extension headers, so IPv6 packets that carry any extension header
 * are rejected rather than guessed at. IPv4 and IPv6 fragments are rejected too, because
 * transport-mode ESP applies only to whole datagrams (RFC 4303 §3.3). IPv6 jumbograms
 * (RFC 2675) are not supported.
 *
 * <p>Mutable IPv4 fields (TTL, DSCP/ECN, Identification) are kept as they are. With UDP
 * encapsulation the receiver would have to fix the inner TCP or UDP checksum after a NAT
 * rewrote the addresses (RFC 3948 §3.1.2); {@link #restore} does not, because it leaves the
 * addresses unchanged.
 */
public final class TransportMode {

    /** IP protocol number of ESP (IANA Assigned Internet Protocol Numbers). */
    public static final int PROTOCOL_ESP = 50;

    /** IP protocol number of UDP, which carries ESP under RFC 3948. */
    public static final int PROTOCOL_UDP = 17;

    private static final int IPV4_MIN_HEADER = 20;
    private static final int IPV6_HEADER = 40;
    private static final int MAX_LENGTH_FIELD = 0xffff;

    // IPv6 extension headers that RFC 8200 §4 and the IANA registry list: hop-by-hop (0),
    // routing (43), fragment (44), destination options (60), mobility (135), HIP (139),
    // shim6 (140) and the two experimental values (253, 254). AH (51) and ESP (50) are
    // extension headers too but are legitimate upper layers for nesting.
    private static final int[] IPV6_EXTENSION_HEADERS = {0, 43, 44, 60, 135, 139, 140, 253, 254};

    private TransportMode() {
    }

    /**
     * Inserts ESP after the IP header of {@code ipPacket} (RFC 4303 §3.1.1).
     *
     * @param sa the outbound SA
     * @param ipPacket a whole IPv4 or IPv6 packet, as {@link TransportMode} describes
     * @return a new packet: the original header with Protocol 50 and updated lengths (and
     *     IPv4 header checksum), followed by the ESP packet
     * @throws IllegalArgumentException if the packet is not a supported whole IP packet or the
     *     result would exceed 65535 bytes. The SA then consumes no sequence number.
     */
    public static byte[] encapsulate(EspOutboundSa sa, byte[] ipPacket) {
        return seal(sa, ipPacket, false, 0, 0);
    }

    /**
     * Inserts a UDP header and ESP after the IP header of {@code ipPacket} (RFC 3948 §2.1,
     * transport mode).
     *
     * @param sourcePort the UDP source port, normally {@link UdpEncapsulation#NAT_T_PORT}
     * @param destinationPort the UDP destination port, normally {@link UdpEncapsulation#NAT_T_PORT}
     * @throws IllegalArgumentException as {@link #encapsulate(EspOutboundSa, byte[])}, or if a
     *     port is not 1 to 65535
     */
    public static byte[] encapsulate(EspOutboundSa sa, byte[] ipPacket, int sourcePort, int destinationPort) {
        return seal(sa, ipPacket, true, sourcePort, destinationPort);
    }

    /**
     * Returns the ESP packet, from SPI to ICV, that follows the IP header of a transport-mode
     * packet: the payload of Protocol 50, or of a UDP datagram (Protocol 17) whose port the
     * caller has already matched to NAT-T (RFC 3948 §2.2).
     *
     * @throws EspDropException with {@link EspDropReason#NOT_ESP} if the protocol is neither
     *     50 nor 17, or the UDP datagram is a NAT-keepalive or IKE message
     * @throws IllegalArgumentException if {@code protectedPacket} is not a supported IP packet
     */
    public static byte[] espPacket(byte[] protectedPacket) throws EspDropException {
        Objects.requireNonNull(protectedPacket, "protectedPacket");
        IpHeader header = IpHeader.parse(protectedPacket);
        byte[] body = Arrays.copyOfRange(protectedPacket, header.length(), protectedPacket.length);
        return switch (header.protocol()) {
            case PROTOCOL_ESP -> body;
            case PROTOCOL_UDP -> UdpEncapsulation.unwrap(body);
            default -> throw new EspDropException(EspDropReason.NOT_ESP, "IP protocol " + header.protocol()
                    + " is neither ESP (50) nor UDP-encapsulated ESP (17)");
        };
    }

    /**
     * Rebuilds the original packet from the protected packet's IP header and the verified ESP
     * payload (RFC 4303 §3.4.4): Protocol or Next Header from the ESP trailer, lengths and the
     * IPv4 header checksum recomputed.
     *
     * @param protectedPacket the packet as received, whose protocol is 50 or 17
     * @param opened what the inbound SA returned for {@link #espPacket(byte[]) its ESP packet}
     * @throws IllegalArgumentException if {@code opened} is a dummy packet (RFC 4303 §2.6),
     *     which has nothing to restore, or the header is not a supported IP header
     */
    public static byte[] restore(byte[] protectedPacket, DecapsulatedPacket opened) {
        Objects.requireNonNull(protectedPacket, "protectedPacket");
        Objects.requireNonNull(opened, "opened");
        if (opened.isDummy()) {
            throw new IllegalArgumentException("a dummy packet (Next Header 59) has no payload to restore");
        }
        IpHeader header = IpHeader.parse(protectedPacket);
        if (header.protocol() != PROTOCOL_ESP && header.protocol() != PROTOCOL_UDP) {
            throw new IllegalArgumentException("protected packet has IP protocol " + header.protocol()
                    + ", expected 50 (ESP) or 17 (UDP-encapsulated ESP)");
        }
        return rebuild(protectedPacket, header, opened.nextHeader(), opened.payload());
    }

    private static byte[] seal(EspOutboundSa sa, byte[] ipPacket, boolean udp, int sourcePort,
            int destinationPort) {
        Objects.requireNonNull(sa, "sa");
        Objects.requireNonNull(ipPacket, "ipPacket");
        IpHeader header = IpHeader.parse(ipPacket);
        int payloadLength = ipPacket.length - header.length();

        // Check the final size before sealing, so a rejected packet uses no sequence number.
        int espLength = sa.packetLength(payloadLength, header.protocol());
        int bodyLength = espLength + (udp ? UdpEncapsulation.UDP_HEADER_LENGTH : 0);
        header.requireFits(bodyLength);

        byte[] payload = Arrays.copyOfRange(ipPacket, header.length(), ipPacket.length);
        byte[] esp = sa.encapsulate(payload, header.protocol());
        if (udp) {
            return rebuild(ipPacket, header, PROTOCOL_UDP, UdpEncapsulation.wrap(esp, sourcePort, destinationPort));
        }
        return rebuild(ipPacket, header, PROTOCOL_ESP, esp);
    }

    /**
     * Returns {@code header | body} with the header's protocol set to {@code protocol} and its
     * length fields set for {@code body}.
     */
    private static byte[] rebuild(byte[] packet, IpHeader header, int protocol, byte[] body) {
        header.requireFits(body.length);
        byte[] result = Arrays.copyOf(packet, header.length() + body.length);
        System.arraycopy(body, 0, result, header.length(), body.length);

        if (header.version() == 4) {

            // IPv4 (RFC 791 §3.1): Total Length at bytes 2-3, Protocol at 9, Header Checksum
            // at 10-11 over the whole header including options.
            int totalLength = result.length;
            result[2] = (byte) (totalLength >>> 8);
            result[3] = (byte) totalLength;
            result[9] = (byte) protocol;
            result[10] = 0;
            result[11] = 0;
            int checksum = internetChecksum(result, header.length());
            result[10] = (byte) (checksum >>> 8);
            result[11] = (byte) checksum;
        } else {

            // IPv6 (RFC 8200 §3): Payload Length at bytes 4-5, Next Header at 6.
            int payloadLength = body.length;
            result[4] = (byte) (payloadLength >>> 8);
            result[5] = (byte) payloadLength;
            result[6] = (byte) protocol;
        }
        return result;
    }

    /** Computes the Internet checksum (RFC 1071) over the first {@code length} bytes, an even count. */
    private static int internetChecksum(byte[] data, int length) {
        int sum = 0;
        for (int i = 0; i < length; i += 2) {
            sum += (data[i] & 0xff) << 8 | (data[i + 1] & 0xff);
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return ~sum & 0xffff;
    }

    /** The parts of an IP header that transport mode reads: version, header length, protocol. */
    private record IpHeader(int version, int length, int protocol) {

        static IpHeader parse(byte[] packet) {
            int version = packet.length == 0 ? -1 : (packet[0] & 0xff) >>> 4;
            return switch (version) {
                case 4 -> parseIpv4(packet);
                case 6 -> parseIpv6(packet);
                default -> throw new IllegalArgumentException("packet must be IPv4 or IPv6, got "
                        + (version < 0 ? "an empty packet" : "IP version " + version));
            };
        }

        private static IpHeader parseIpv4(byte[] packet) {
            if (packet.length < IPV4_MIN_HEADER) {
                throw new IllegalArgumentException("IPv4 packet of " + packet.length
                        + " bytes is shorter than the 20-byte header");
            }
            int headerLength = (packet[0] & 0x0f) * 4;
            if (headerLength < IPV4_MIN_HEADER || headerLength > packet.length) {
                throw new IllegalArgumentException("IPv4 header length " + headerLength
                        + " must be 20 to 60 bytes and within the " + packet.length + "-byte packet");
            }
            int totalLength = (packet[2] & 0xff) << 8 | (packet[3] & 0xff);
            if (totalLength != packet.length) {
                throw new IllegalArgumentException("IPv4 Total Length is " + totalLength + " but the packet has "
                        + packet.length + " bytes; transport mode needs the whole datagram");
            }
            boolean moreFragments = (packet[6] & 0x20) != 0;
            int fragmentOffset = (packet[6] & 0x1f) << 8 | (packet[7] & 0xff);
            if (moreFragments || fragmentOffset != 0) {
                throw new IllegalArgumentException("IPv4 packet is a fragment (offset " + fragmentOffset * 8
                        + ", more fragments " + moreFragments + "); transport mode needs the whole datagram"
                        + " (RFC 4303 §3.3)");
            }
            return new IpHeader(4, headerLength, packet[9] & 0xff);
        }

        private static IpHeader parseIpv6(byte[] packet) {
            if (packet.length < IPV6_HEADER) {
                throw new IllegalArgumentException("IPv6 packet of " + packet.length
                        + " bytes is shorter than the 40-byte header");
            }
            int payloadLength = (packet[4] & 0xff) << 8 | (packet[5] & 0xff);
            if (IPV6_HEADER + payloadLength != packet.length) {
                throw new IllegalArgumentException("IPv6 Payload Length is " + payloadLength + " but the packet has "
                        + (packet.length - IPV6_HEADER) + " bytes after the header");
            }
            int nextHeader = packet[6] & 0xff;
            for (int extension : IPV6_EXTENSION_HEADERS) {
                if (nextHeader == extension) {
                    throw new IllegalArgumentException("IPv6 Next Header " + nextHeader
                            + " is an extension header, which transport mode here does not support");
                }
            }
            return new IpHeader(6, IPV6_HEADER, nextHeader);
        }

        /** Checks that a header of this kind can announce a body of {@code bodyLength} bytes. */
        void requireFits(int bodyLength) {
            int lengthField = version == 4 ? length + bodyLength : bodyLength;
            if (lengthField > MAX_LENGTH_FIELD) {
                throw new IllegalArgumentException((version == 4 ? "IPv4 Total Length" : "IPv6 Payload Length")
                        + " would be " + lengthField + ", more than the maximum of 65535");
            }
        }
    }
}
