package org.pqipsec.cli.esp;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedSet;
import java.util.TreeMap;

import org.pqipsec.cli.capture.CaptureFileException;
import org.pqipsec.cli.capture.CaptureFrame;
import org.pqipsec.cli.capture.CaptureReader;
import org.pqipsec.cli.capture.IpPacket;
import org.pqipsec.cli.capture.NotIp;
import org.pqipsec.cli.capture.PcapWriter;
import org.pqipsec.cli.support.OuterIpv4Header;
import org.pqipsec.esp.EspOutboundSa;
import org.pqipsec.esp.NextHeader;
import org.pqipsec.esp.TransportMode;
import org.pqipsec.esp.UdpEncapsulation;

/**
 * Seals every whole IP packet of a capture with one outbound SA: in tunnel mode inside an
 * outer IPv4 header from 192.0.2.1 to 198.51.100.1 (RFC 4303 §3.1.2, RFC 5737), in transport
 * mode after the packet's own header (RFC 4303 §3.1.1), optionally in UDP on port 4500
 * (RFC 3948 §2.1).
 */
final class CaptureSealer {

    private CaptureSealer() {
    }

    /** An outer source and destination that some sealed packet used, for the esp_sa file. */
    record AddressPair(InetAddress source, InetAddress destination) {}

    /**
     * Frame counts of one run.
     *
     * @param framesRead every frame of the capture
     * @param sealed     ESP packets written
     * @param skipped    frames not sealed, counted by why
     * @param addresses  the outer address pairs of the sealed packets, in order of first use
     */
    record Report(long framesRead, long sealed, Map<String, Long> skipped, List<AddressPair> addresses) {}

    /**
     * Reads {@code capture}, seals its packets with {@code sa} and writes them as raw IP to
     * {@code espCapture}.
     *
     * @throws CaptureFileException if the capture cannot be read; the message names file and frame
     * @throws IOException if {@code espCapture} cannot be written
     */
    static Report run(Path capture, EspOutboundSa sa, EspMode mode, boolean udp, Path espCapture)
            throws CaptureFileException, IOException {
        long framesRead = 0;
        long sealed = 0;
        Map<String, Long> skipped = new TreeMap<>();
        SequencedSet<AddressPair> addresses = new LinkedHashSet<>();
        int identification = 0;

        try (CaptureReader reader = CaptureReader.open(capture); PcapWriter writer = PcapWriter.create(espCapture)) {
            for (CaptureFrame frame = reader.next(); frame != null; frame = reader.next()) {
                framesRead++;
                if (frame.networkLayer() instanceof NotIp other) {
                    skipped.merge("not IP (" + other.reason() + ")", 1L, Long::sum);
                    continue;
                }
                IpPacket packet = frame.ipPacket().orElseThrow();
                if (packet.truncated()) {
                    skipped.merge("cut short by the capture's snapshot length", 1L, Long::sum);
                    continue;
                }

                byte[] protectedPacket;
                try {
                    if (mode == EspMode.TUNNEL) {
                        protectedPacket = tunnel(sa, packet, udp, identification);
                        identification = (identification + 1) & 0xffff;
                        addresses.add(new AddressPair(OuterIpv4Header.DOCUMENTATION_SOURCE,
                                OuterIpv4Header.DOCUMENTATION_DESTINATION));
                    } else {
                        protectedPacket = udp
                                ? TransportMode.encapsulate(sa, packet.bytes(), UdpEncapsulation.NAT_T_PORT,
                                        UdpEncapsulation.NAT_T_PORT)
                                : TransportMode.encapsulate(sa, packet.bytes());
                        OuterPacket outer = OuterPacket.parse(packet.version(), protectedPacket);
                        addresses.add(new AddressPair(outer.source(), outer.destination()));
                    }
                } catch (IllegalArgumentException e) {
                    skipped.merge(reasonCategory(e.getMessage()), 1L, Long::sum);
                    continue;
                }
                writer.write(frame.timestamp().orElse(Instant.EPOCH), protectedPacket);
                sealed++;
            }
        }
        return new Report(framesRead, sealed, skipped, List.copyOf(addresses));
    }

    /** Wraps a whole packet: outer IPv4 (20) | [UDP (8)] | ESP. */
    private static byte[] tunnel(EspOutboundSa sa, IpPacket packet, boolean udp, int identification) {
        int nextHeader = packet.version() == 4 ? NextHeader.IPV4 : NextHeader.IPV6;

        // Check the size first, so a packet that cannot be carried uses no sequence number.
        int outerLength = OuterIpv4Header.LENGTH + (udp ? UdpEncapsulation.UDP_HEADER_LENGTH : 0)
                + sa.packetLength(packet.length(), nextHeader);
        if (outerLength > OuterIpv4Header.MAX_TOTAL_LENGTH) {
            throw new IllegalArgumentException("too large for the outer IPv4 header");
        }

        Inet4Address source = OuterIpv4Header.DOCUMENTATION_SOURCE;
        Inet4Address destination = OuterIpv4Header.DOCUMENTATION_DESTINATION;
        byte[] esp = sa.encapsulate(packet.bytes(), nextHeader);
        if (udp) {
            byte[] datagram = UdpEncapsulation.wrap(esp, UdpEncapsulation.NAT_T_PORT, UdpEncapsulation.NAT_T_PORT);
            return OuterIpv4Header.wrap(source, destination, identification, OuterIpv4Header.PROTOCOL_UDP, datagram);
        }
        return OuterIpv4Header.wrap(source, destination, identification, esp);
    }

    /** Groups the per-packet messages of rejected packets into a few counted reasons. */
    private static String reasonCategory(String message) {
        if (message.contains("fragment")) {
            return "IPv4 fragment (transport mode needs whole datagrams)";
        }
        if (message.contains("extension header")) {
            return "IPv6 extension header (not supported in transport mode)";
        }
        if (message.contains("65535") || message.contains("too large")) {
            return "too large for IP once sealed";
        }
        return "not a whole IP packet";
    }
}
