package org.pqipsec.cli.capture;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One frame of a capture file, as {@link CaptureReader} returns it.
 *
 * @param number         the 1-based frame number, counted across all pcapng sections as
 *                       Wireshark numbers frames
 * @param timestamp      the capture time, empty for a pcapng Simple Packet Block, which
 *                       carries none
 * @param capturedLength the number of bytes stored in the file for this frame
 * @param originalLength the length of the frame on the wire
 * @param interfaceId    the pcapng interface of the frame within its section, 0 for pcap
 * @param linkType       the link-layer header type of the frame
 * @param networkLayer   the IP packet found after the link-layer header, or why there is none
 */
public record CaptureFrame(
        long number,
        Optional<Instant> timestamp,
        int capturedLength,
        long originalLength,
        int interfaceId,
        LinkType linkType,
        NetworkLayer networkLayer) {

    /** Checks that the components are present and the frame number is positive. */
    public CaptureFrame {
        if (number < 1) {
            throw new IllegalArgumentException("frame numbers start at 1, got " + number);
        }
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(linkType, "linkType");
        Objects.requireNonNull(networkLayer, "networkLayer");
    }

    /** Returns the IP packet of the frame, or empty when the frame contains something else. */
    public Optional<IpPacket> ipPacket() {
        return networkLayer instanceof IpPacket packet ? Optional.of(packet) : Optional.empty();
    }
}
