package org.pqipsec.cli.capture;

import java.time.Instant;
import java.util.Optional;

/**
 * One packet as a file format parser returns it, before the link-layer header is removed.
 *
 * @param interfaceId    the pcapng interface within its section, 0 for pcap
 * @param linkType       the link-layer header type of {@code data}
 * @param timestamp      the capture time, empty when the record carries none
 * @param originalLength the length of the frame on the wire
 * @param data           the captured bytes
 */
record PacketRecord(
        int interfaceId,
        LinkType linkType,
        Optional<Instant> timestamp,
        long originalLength,
        byte[] data) {
}
