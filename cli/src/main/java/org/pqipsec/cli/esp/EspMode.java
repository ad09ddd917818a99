package org.pqipsec.cli.esp;

/** The position of ESP in the packet (RFC 4303 §3.1). */
public enum EspMode {

    /** The whole IP packet travels inside ESP, behind a new outer IP header (RFC 4303 §3.1.2). */
    TUNNEL,

    /** ESP goes between the packet's own IP header and its upper-layer protocol (RFC 4303 §3.1.1). */
    TRANSPORT
}
