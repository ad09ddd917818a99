package org.pqipsec.cli.capture;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Builds small capture files and frames byte by byte for the reader tests: classic pcap in
 * either byte order (draft-ietf-opsawg-pcap), pcapng blocks (draft-ietf-opsawg-pcapng), and
 * the link-layer headers of the supported LINKTYPE_ values.
 */
public final class CaptureBytes {

    private CaptureBytes() {
    }

    // ---- classic pcap ----

    /** Builds a pcap file header: magic, version 2.4, snapshot length and link type. */
    public static byte[] pcapHeader(ByteOrder order, boolean nanoseconds, long snapshotLength, int linkType) {
        return ByteBuffer.allocate(24).order(order)
                .putInt(nanoseconds ? 0xa1b23c4d : 0xa1b2c3d4)
                .putShort((short) 2)
                .putShort((short) 4)
                .putInt(0)
                .putInt(0)
                .putInt((int) snapshotLength)
                .putInt(linkType)
                .array();
    }

    /** Builds a pcap record: a header with the given lengths, then {@code data}. */
    public static byte[] pcapRecord(ByteOrder order, long seconds, long fraction, long capturedLength,
            long originalLength, byte[] data) {
        return concat(ByteBuffer.allocate(16).order(order)
                .putInt((int) seconds)
                .putInt((int) fraction)
                .putInt((int) capturedLength)
                .putInt((int) originalLength)
                .array(), data);
    }

    /** Builds a pcap record whose captured and original lengths are the data length. */
    public static byte[] pcapRecord(ByteOrder order, long seconds, long fraction, byte[] data) {
        return pcapRecord(order, seconds, fraction, data.length, data.length, data);
    }

    // ---- pcapng ----

    /** Builds a pcapng block: type, total length, body padded to 32 bits, total length again. */
    public static byte[] block(ByteOrder order, int type, byte[] body) {
        int padded = (body.length + 3) & ~3;
        int length = 12 + padded;
        return ByteBuffer.allocate(length).order(order)
                .putInt(type)
                .putInt(length)
                .put(body)
                .position(8 + padded)
                .putInt(length)
                .array();
    }

    /** Builds a Section Header Block, version 1.0, section length -1 (not given), no options. */
    public static byte[] sectionHeader(ByteOrder order) {
        byte[] body = ByteBuffer.allocate(16).order(order)
                .putInt(0x1a2b3c4d)
                .putShort((short) 1)
                .putShort((short) 0)
                .putLong(-1)
                .array();
        return block(order, 0x0a0d0d0a, body);
    }

    /** Builds an Interface Description Block with already encoded options, which may be empty. */
    public static byte[] interfaceDescription(ByteOrder order, int linkType, long snapshotLength, byte[] options) {
        byte[] body = concat(ByteBuffer.allocate(8).order(order)
                .putShort((short) linkType)
                .putShort((short) 0)
                .putInt((int) snapshotLength)
                .array(), options);
        return block(order, 1, body);
    }

    /** Encodes one option: code, length, value padded to 32 bits. */
    public static byte[] option(ByteOrder order, int code, byte[] value) {
        int padded = (value.length + 3) & ~3;
        return ByteBuffer.allocate(4 + padded).order(order)
                .putShort((short) code)
                .putShort((short) value.length)
                .put(value)
                .array();
    }

    /** Returns the end-of-options marker. */
    public static byte[] endOfOptions() {
        return new byte[4];
    }

    /** Builds an Enhanced Packet Block. */
    public static byte[] enhancedPacket(ByteOrder order, int interfaceId, long ticks, byte[] data, long originalLength) {
        int padded = (data.length + 3) & ~3;
        byte[] body = ByteBuffer.allocate(20 + padded).order(order)
                .putInt(interfaceId)
                .putInt((int) (ticks >>> 32))
                .putInt((int) ticks)
                .putInt(data.length)
                .putInt((int) originalLength)
                .put(data)
                .array();
        return block(order, 6, body);
    }

    /** Builds a Simple Packet Block. */
    public static byte[] simplePacket(ByteOrder order, byte[] data, long originalLength) {
        byte[] body = concat(ByteBuffer.allocate(4).order(order).putInt((int) originalLength).array(), data);
        return block(order, 3, body);
    }

    /** Builds an obsolete Packet Block (type 2). */
    public static byte[] obsoletePacket(ByteOrder order, int interfaceId, long ticks, byte[] data) {
        int padded = (data.length + 3) & ~3;
        byte[] body = ByteBuffer.allocate(20 + padded).order(order)
                .putShort((short) interfaceId)
                .putShort((short) 0)
                .putInt((int) (ticks >>> 32))
                .putInt((int) ticks)
                .putInt(data.length)
                .putInt(data.length)
                .put(data)
                .array();
        return block(order, 2, body);
    }

    // ---- link-layer frames ----

    public static final byte[] MAC_A = HexFormat.of().parseHex("020000000001");
    public static final byte[] MAC_B = HexFormat.of().parseHex("020000000002");

    /** Builds an Ethernet II frame: destination, source, VLAN tags given as TPID, TCI pairs, ethertype, payload. */
    public static byte[] ethernet(int etherType, byte[] payload, int... tags) {
        ByteBuffer frame = ByteBuffer.allocate(14 + 2 * tags.length + payload.length);
        frame.put(MAC_A).put(MAC_B);
        for (int tag : tags) {
            frame.putShort((short) tag);
        }
        frame.putShort((short) etherType).put(payload);
        return frame.array();
    }

    /** Builds a Linux cooked v1 frame: packet type 0 (to us), ARPHRD_ETHER, 6-byte address, protocol. */
    public static byte[] linuxCooked(int protocol, byte[] payload) {
        return concat(ByteBuffer.allocate(16)
                .putShort((short) 0)
                .putShort((short) 1)
                .putShort((short) 6)
                .put(MAC_A).putShort((short) 0)
                .putShort((short) protocol)
                .array(), payload);
    }

    /** Builds a Linux cooked v2 frame: protocol, reserved, interface index 3, ARPHRD_ETHER, 6-byte address. */
    public static byte[] linuxCookedV2(int protocol, byte[] payload) {
        return concat(ByteBuffer.allocate(20)
                .putShort((short) protocol)
                .putShort((short) 0)
                .putInt(3)
                .putShort((short) 1)
                .put((byte) 0)
                .put((byte) 6)
                .put(MAC_A).putShort((short) 0)
                .array(), payload);
    }

    /** Builds a BSD loopback frame: the 4-byte family in the given byte order, then the packet. */
    public static byte[] loopback(ByteOrder order, int family, byte[] payload) {
        return concat(ByteBuffer.allocate(4).order(order).putInt(family).array(), payload);
    }

    // ---- IP packets ----

    /** Builds an IPv4 UDP packet (198.51.100.1 to 198.51.100.2) with a correct header checksum. */
    public static byte[] ipv4Udp(int identification, byte[] payload) {
        byte[] udp = udp(payload);
        ByteBuffer packet = ByteBuffer.allocate(20 + udp.length)
                .put((byte) 0x45).put((byte) 0)
                .putShort((short) (20 + udp.length))
                .putShort((short) identification).putShort((short) 0)
                .put((byte) 64).put((byte) 17).putShort((short) 0)
                .put(new byte[] {(byte) 198, 51, 100, 1})
                .put(new byte[] {(byte) 198, 51, 100, 2})
                .put(udp);
        byte[] bytes = packet.array();
        int checksum = ipv4HeaderChecksum(bytes, 20);
        bytes[10] = (byte) (checksum >>> 8);
        bytes[11] = (byte) checksum;
        return bytes;
    }

    /** Builds an IPv6 UDP packet (2001:db8::1 to 2001:db8::2). */
    public static byte[] ipv6Udp(byte[] payload) {
        byte[] udp = udp(payload);
        return ByteBuffer.allocate(40 + udp.length)
                .putInt(0x60000000)
                .putShort((short) udp.length)
                .put((byte) 17).put((byte) 64)
                .put(HexFormat.of().parseHex("20010db8000000000000000000000001"))
                .put(HexFormat.of().parseHex("20010db8000000000000000000000002"))
                .put(udp)
                .array();
    }

    /** Builds a UDP datagram from port 40000 to 9 (discard) with checksum 0 (none). */
    private static byte[] udp(byte[] payload) {
        return ByteBuffer.allocate(8 + payload.length)
                .putShort((short) 40000).putShort((short) 9)
                .putShort((short) (8 + payload.length)).putShort((short) 0)
                .put(payload)
                .array();
    }

    /** Computes the RFC 791 header checksum: the ones' complement of the ones' complement sum of 16-bit words. */
    public static int ipv4HeaderChecksum(byte[] header, int length) {
        int sum = 0;
        for (int i = 0; i < length; i += 2) {
            sum += ((header[i] & 0xff) << 8) | (header[i + 1] & 0xff);
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return ~sum & 0xffff;
    }

    /** Returns the bytes 0, 1, 2, ... of the given length, as recognisable payload. */
    public static byte[] counting(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    public static byte[] prefix(byte[] bytes, int length) {
        return Arrays.copyOf(bytes, length);
    }
}
