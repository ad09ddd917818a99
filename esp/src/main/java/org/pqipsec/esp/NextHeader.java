package org.pqipsec.esp;

/**
 * Next Header values (RFC 4303 §2.6) that ESP callers use, taken from the IANA Assigned Internet
 * Protocol Numbers registry.
 */
public final class NextHeader {

    /** IPv4 encapsulation: the payload is a whole IPv4 packet (tunnel mode). */
    public static final int IPV4 = 4;

    /** IPv6 encapsulation: the payload is a whole IPv6 packet (tunnel mode). */
    public static final int IPV6 = 41;

    /**
     * IPv6-NoNxt: marks a dummy packet (RFC 4303 §2.6), which the receiver discards without
     * indicating an error.
     */
    public static final int NO_NEXT_HEADER = 59;

    private NextHeader() {
    }
}
