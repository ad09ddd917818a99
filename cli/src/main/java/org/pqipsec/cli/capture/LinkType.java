package org.pqipsec.cli.capture;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Link-layer header types that {@link CaptureReader} can strip to reach the IP packet. The
 * codes are the LINKTYPE_ values of the tcpdump link-type registry, which pcap and pcapng
 * files share.
 */
public enum LinkType {

    /** LINKTYPE_NULL (0): BSD loopback, a 4-byte address family in the capturing host's byte order. */
    NULL(0),

    /** LINKTYPE_ETHERNET (1): Ethernet II or IEEE 802.3, with optional 802.1Q / 802.1ad VLAN tags. */
    ETHERNET(1),

    /** LINKTYPE_RAW (101): a bare IPv4 or IPv6 packet, distinguished by the IP version field. */
    RAW(101),

    /** LINKTYPE_LOOP (108): OpenBSD loopback, a 4-byte address family in network byte order. */
    LOOP(108),

    /** LINKTYPE_LINUX_SLL (113): Linux cooked capture v1, a 16-byte pseudo-header. */
    LINUX_SLL(113),

    /** LINKTYPE_IPV4 (228): a bare IPv4 packet. */
    IPV4(228),

    /** LINKTYPE_IPV6 (229): a bare IPv6 packet. */
    IPV6(229),

    /** LINKTYPE_LINUX_SLL2 (276): Linux cooked capture v2, a 20-byte pseudo-header. */
    LINUX_SLL2(276);

    private final int code;

    LinkType(int code) {
        this.code = code;
    }

    /** Returns the LINKTYPE_ value stored in pcap and pcapng files. */
    public int code() {
        return code;
    }

    /** Returns the link type with the given LINKTYPE_ value, or empty when it is not supported. */
    public static Optional<LinkType> fromCode(int code) {
        for (LinkType type : values()) {
            if (type.code == code) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** Returns the supported types as text for error messages, such as "0 (NULL), 1 (ETHERNET)". */
    static String supportedList() {
        return Arrays.stream(values())
                .map(type -> type.code + " (" + type.name() + ")")
                .collect(Collectors.joining(", "));
    }
}
