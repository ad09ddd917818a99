package org.pqipsec.cli.capture;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Removes the link-layer header of a frame and finds the IPv4 or IPv6 packet behind it. The
 * header layouts are those of the tcpdump link-type registry pages for each LINKTYPE_ value.
 */
final class LinkLayer {

    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_ARP = 0x0806;
    private static final int ETHERTYPE_IPV6 = 0x86dd;

    /** Tag protocol ids: 802.1Q, 802.1ad (service tag), and 0x9100, used for stacked tags before 802.1ad. */
    private static final int ETHERTYPE_VLAN = 0x8100;
    private static final int ETHERTYPE_QINQ = 0x88a8;
    private static final int ETHERTYPE_QINQ_LEGACY = 0x9100;

    /** Ethertype values start at 0x0600; an Ethernet type field up to 1500 is an 802.3 length. */
    private static final int MAX_IEEE_802_3_LENGTH = 1500;
    private static final int FIRST_ETHERTYPE = 0x0600;

    /** BSD address families: AF_INET is 2 everywhere, AF_INET6 differs between the BSDs. */
    private static final int AF_INET = 2;
    private static final int AF_INET6_NETBSD_OPENBSD = 24;
    private static final int AF_INET6_FREEBSD = 28;
    private static final int AF_INET6_DARWIN = 30;

    private static final int IPV4_MIN_HEADER = 20;
    private static final int IPV6_HEADER = 40;

    private LinkLayer() {
    }

    /** Returns the IP packet in {@code frame}, or the reason there is none. */
    static NetworkLayer extract(LinkType linkType, byte[] frame) {
        return switch (linkType) {
            case ETHERNET -> ethernet(frame);
            case LINUX_SLL -> linuxCookedV1(frame);
            case LINUX_SLL2 -> linuxCookedV2(frame);
            case NULL -> loopback(frame, ByteOrder.LITTLE_ENDIAN, true);
            case LOOP -> loopback(frame, ByteOrder.BIG_ENDIAN, false);
            case RAW -> ip(frame, 0, 0, "raw IP frame");
            case IPV4 -> ip(frame, 0, 4, "LINKTYPE_IPV4 frame");
            case IPV6 -> ip(frame, 0, 6, "LINKTYPE_IPV6 frame");
        };
    }

    private static NetworkLayer ethernet(byte[] frame) {

        // Ethernet header: destination (6) | source (6) | ethertype or 802.3 length (2).
        // Each VLAN tag inserts tag protocol id (2) | tag control information (2) before the
        // ethertype, so the ethertype moves 4 bytes further per tag.
        if (frame.length < 14) {
            return new NotIp("frame of " + frame.length + " bytes is shorter than an Ethernet header");
        }
        int offset = 12;
        int type = unsignedShort(frame, offset);
        while (isVlanTag(type)) {
            offset += 4;
            if (frame.length < offset + 2) {
                return new NotIp("VLAN tag truncated");
            }
            type = unsignedShort(frame, offset);
        }
        offset += 2;

        if (type <= MAX_IEEE_802_3_LENGTH) {
            return new NotIp("IEEE 802.3 frame with an LLC header (length field " + type + ")");
        }
        return byEthertype(frame, offset, type);
    }

    private static NetworkLayer linuxCookedV1(byte[] frame) {

        // LINKTYPE_LINUX_SLL header, 16 bytes, network byte order:
        //   0  packet type (2)   2  ARPHRD_ type (2)   4  link-layer address length (2)
        //   6  link-layer address, padded to 8 bytes (8)
        //  14  protocol type (2): an ethertype, or a Linux protocol number below 0x0600
        if (frame.length < 16) {
            return new NotIp("frame of " + frame.length + " bytes is shorter than a Linux cooked header");
        }
        return linuxCookedProtocol(frame, 16, unsignedShort(frame, 14));
    }

    private static NetworkLayer linuxCookedV2(byte[] frame) {

        // LINKTYPE_LINUX_SLL2 header, 20 bytes, network byte order:
        //   0  protocol type (2)   2  reserved (2)   4  interface index (4)
        //   8  ARPHRD_ type (2)   10  packet type (1)   11  link-layer address length (1)
        //  12  link-layer address, padded to 8 bytes (8)
        if (frame.length < 20) {
            return new NotIp("frame of " + frame.length + " bytes is shorter than a Linux cooked v2 header");
        }
        return linuxCookedProtocol(frame, 20, unsignedShort(frame, 0));
    }

    private static NetworkLayer linuxCookedProtocol(byte[] frame, int offset, int protocol) {
        if (protocol < FIRST_ETHERTYPE) {
            return new NotIp(String.format("Linux cooked capture protocol 0x%04x", protocol));
        }

        // A VLAN tag that the kernel left in place follows the header as tag control
        // information (2) | ethertype (2).
        int type = protocol;
        while (isVlanTag(type)) {
            if (frame.length < offset + 4) {
                return new NotIp("VLAN tag truncated");
            }
            type = unsignedShort(frame, offset + 2);
            offset += 4;
        }
        return byEthertype(frame, offset, type);
    }

    private static NetworkLayer loopback(byte[] frame, ByteOrder order, boolean hostOrder) {

        // LINKTYPE_NULL and LINKTYPE_LOOP: address family (4) then the packet. LOOP stores the
        // family in network byte order. NULL stores it in the capturing host's byte order,
        // which the file does not record, but families are below 65536, so a value with
        // bits in the upper half was written by a host of the other byte order.
        if (frame.length < 4) {
            return new NotIp("frame of " + frame.length + " bytes is shorter than a loopback header");
        }
        int family = ByteBuffer.wrap(frame, 0, 4).order(order).getInt();
        if (hostOrder && (family & 0xffff0000) != 0) {
            family = Integer.reverseBytes(family);
        }

        return switch (family) {
            case AF_INET -> ip(frame, 4, 4, "BSD loopback family " + family);
            case AF_INET6_NETBSD_OPENBSD, AF_INET6_FREEBSD, AF_INET6_DARWIN ->
                    ip(frame, 4, 6, "BSD loopback family " + family);
            default -> new NotIp("BSD loopback family " + Integer.toUnsignedString(family));
        };
    }

    private static NetworkLayer byEthertype(byte[] frame, int offset, int type) {
        return switch (type) {
            case ETHERTYPE_IPV4 -> ip(frame, offset, 4, "ethertype 0x0800 (IPv4)");
            case ETHERTYPE_IPV6 -> ip(frame, offset, 6, "ethertype 0x86dd (IPv6)");
            case ETHERTYPE_ARP -> new NotIp("ARP");
            default -> new NotIp(String.format("ethertype 0x%04x", type));
        };
    }

    /**
     * Returns the IP packet starting at {@code offset}.
     *
     * @param expectedVersion the version the link layer announced, or 0 to take it from the packet
     * @param context         what announced the packet, for the reason when it is not IP
     */
    static NetworkLayer ip(byte[] frame, int offset, int expectedVersion, String context) {
        int available = frame.length - offset;
        if (available <= 0) {
            return new NotIp(context + ": frame ends before the IP header");
        }

        int version = (frame[offset] & 0xff) >>> 4;
        if (expectedVersion != 0 && version != expectedVersion) {
            return new NotIp(context + " but the IP version field is " + version);
        }
        return switch (version) {
            case 4 -> ipv4(frame, offset, context);
            case 6 -> ipv6(frame, offset);
            default -> new NotIp(context + " with IP version field " + version);
        };
    }

    private static NetworkLayer ipv4(byte[] frame, int offset, String context) {

        // IPv4 header: version (4 bits) | header length in 32-bit words (4 bits) | DSCP/ECN (1)
        // | total length of header and data (2) | ...
        int available = frame.length - offset;
        if (available < IPV4_MIN_HEADER) {
            return new IpPacket(4, Arrays.copyOfRange(frame, offset, frame.length), true);
        }
        int headerLength = (frame[offset] & 0x0f) * 4;
        int totalLength = unsignedShort(frame, offset + 2);
        if (headerLength < IPV4_MIN_HEADER || totalLength < headerLength) {
            return new NotIp(context + " with a malformed IPv4 header (header length " + headerLength
                    + ", total length " + totalLength + ")");
        }
        return sized(4, frame, offset, totalLength);
    }

    private static NetworkLayer ipv6(byte[] frame, int offset) {

        // IPv6 header: version, traffic class, flow label (4) | payload length (2)
        // | next header (1) | hop limit (1) | source (16) | destination (16)
        int available = frame.length - offset;
        if (available < IPV6_HEADER) {
            return new IpPacket(6, Arrays.copyOfRange(frame, offset, frame.length), true);
        }
        int payloadLength = unsignedShort(frame, offset + 4);
        int nextHeader = frame[offset + 6] & 0xff;

        // NOTE: a payload length of 0 with a Hop-by-Hop header may be a jumbogram (RFC 2675),
        // whose length is in an option. Such a packet is kept as captured, so trailing
        // link-layer bytes stay attached to it.
        if (payloadLength == 0 && nextHeader == 0) {
            return new IpPacket(6, Arrays.copyOfRange(frame, offset, frame.length), false);
        }
        return sized(6, frame, offset, IPV6_HEADER + payloadLength);
    }

    /** Cuts the packet to its declared length, or marks it truncated when the frame is shorter. */
    private static IpPacket sized(int version, byte[] frame, int offset, int declaredLength) {
        int available = frame.length - offset;
        if (available >= declaredLength) {
            return new IpPacket(version, Arrays.copyOfRange(frame, offset, offset + declaredLength), false);
        }
        return new IpPacket(version, Arrays.copyOfRange(frame, offset, frame.length), true);
    }

    private static boolean isVlanTag(int type) {
        return type == ETHERTYPE_VLAN || type == ETHERTYPE_QINQ || type == ETHERTYPE_QINQ_LEGACY;
    }

    private static int unsignedShort(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xff) << 8) | (bytes[offset + 1] & 0xff);
    }
}
