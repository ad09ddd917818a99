package org.pqipsec.cli.capture;

import java.util.Objects;

/**
 * An IPv4 or IPv6 packet taken from a frame, without the link-layer header and without
 * trailing link-layer bytes (Ethernet padding, a frame check sequence).
 *
 * <p>The length comes from the IP header: the IPv4 Total Length, or 40 plus the IPv6 Payload
 * Length. When the frame contains fewer bytes than that, because the capture's snapshot
 * length cut the packet, the packet contains what was captured and {@link #truncated()} is true.
 *
 * @param version   4 or 6
 * @param bytes     the packet starting at the IP header, in a new array for every frame
 *                  that the reader keeps no reference to
 * @param truncated whether the capture contains fewer bytes than the IP header declares
 */
public record IpPacket(int version, byte[] bytes, boolean truncated) implements NetworkLayer {

    /** Checks the version and that the bytes are present. */
    public IpPacket {
        if (version != 4 && version != 6) {
            throw new IllegalArgumentException("IP version must be 4 or 6, got " + version);
        }
        Objects.requireNonNull(bytes, "bytes");
    }

    /** Returns the number of bytes captured, which is less than the declared length when truncated. */
    public int length() {
        return bytes.length;
    }
}
