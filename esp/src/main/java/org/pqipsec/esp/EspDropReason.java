package org.pqipsec.esp;

/**
 * Reasons why an SA discards an ESP packet. Each SA counts drops per reason, because RFC 4303
 * §3.3.3 and §3.4.2 to §3.4.4 make most of them auditable events.
 */
public enum EspDropReason {

    /** The packet is shorter than SPI, Sequence Number, IV, the 2-byte trailer and ICV together. */
    TOO_SHORT,

    /** The SPI in the packet is not the SPI of this SA (RFC 4303 §3.4.2). */
    UNKNOWN_SPI,

    /** The sequence number lies inside the anti-replay window and was already received (RFC 4303 §3.4.3). */
    REPLAYED,

    /**
     * The sequence number lies left of the anti-replay window, so it is too old to check for
     * duplicates (RFC 4303 §3.4.3). Sequence number 0, which a sender never uses, also gets this reason.
     */
    OUTSIDE_WINDOW,

    /** ICV verification failed (RFC 4303 §3.4.4, RFC 4106 §3, RFC 4543 §3, RFC 7634 §2). */
    AUTHENTICATION_FAILED,

    /**
     * The packet authenticated, but its Pad Length exceeds the plaintext or its Padding bytes are
     * not 1, 2, 3, ... (RFC 4303 §2.4).
     */
    BAD_PADDING,

    /**
     * Outbound only: sending the packet would cycle the sequence number (RFC 4303 §3.3.3), so the
     * SA must be rekeyed.
     */
    SEQUENCE_OVERFLOW,

    /**
     * A UDP-encapsulated datagram carries no ESP packet (RFC 3948 §2.2): a NAT-keepalive byte, an
     * IKE message after the non-ESP marker, or fewer bytes than a UDP header. {@link TransportMode}
     * also uses it for an IP packet whose protocol is neither ESP nor UDP.
     */
    NOT_ESP,

    /**
     * The packet authenticated, but its tunnel-mode payload is not the IPv4 or IPv6 packet its
     * Next Header announces, or the IP length exceeds the payload (RFC 4303 §3.1.2).
     */
    BAD_INNER_PACKET
}
