package org.pqipsec.cli.capture;

import java.util.Objects;

/**
 * The outcome for a frame that contains no IPv4 or IPv6 packet.
 *
 * @param reason what the frame contains instead, such as {@code "ARP"},
 *               {@code "ethertype 0x88cc"} or {@code "BSD loopback family 7"}
 */
public record NotIp(String reason) implements NetworkLayer {

    /** Checks that the reason is present. */
    public NotIp {
        Objects.requireNonNull(reason, "reason");
    }
}
