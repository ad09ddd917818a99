package org.pqipsec.cli.demo;

import java.io.IOException;
import java.net.Inet4Address;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.pqipsec.cli.capture.CaptureFileException;
import org.pqipsec.cli.capture.CaptureFrame;
import org.pqipsec.cli.capture.CaptureReader;
import org.pqipsec.cli.capture.IpPacket;
import org.pqipsec.cli.capture.NotIp;
import org.pqipsec.cli.capture.PcapWriter;
import org.pqipsec.cli.support.OuterIpv4Header;
import org.pqipsec.esp.DecapsulatedPacket;
import org.pqipsec.esp.EspDropException;
import org.pqipsec.esp.EspDropReason;
import org.pqipsec.esp.EspInboundSa;
import org.pqipsec.esp.EspOutboundSa;
import org.pqipsec.esp.NextHeader;

/**
 * Carries the IP packets of a capture through one ESP SA in tunnel mode (RFC 4303 §3.1.2) and
 * back: the initiator's outbound SA seals each packet inside an outer IPv4 header, the
 * responder's inbound SA opens what was written to {@code esp.pcap}, and each inner packet is
 * compared with the original.
 */
final class EspTunnel {

    /** Outer source address, the initiator: 192.0.2.1 from TEST-NET-1 (RFC 5737). */
    static final Inet4Address INITIATOR_ADDRESS = OuterIpv4Header.DOCUMENTATION_SOURCE;

    /** Outer destination address, the responder: 198.51.100.1 from TEST-NET-2 (RFC 5737). */
    static final Inet4Address RESPONDER_ADDRESS = OuterIpv4Header.DOCUMENTATION_DESTINATION;

    private EspTunnel() {}

    /** Frame counts and round-trip results of one capture. */
    record Report(
            long framesRead,
            long ipv4Carried,
            long ipv6Carried,
            long truncatedInCapture,
            Map<String, Long> notCarriedByReason,
            List<Long> tooLargeFrames,
            long espPacketsWritten,
            long roundTripped,
            List<String> roundTripFailures,
            Map<EspDropReason, Long> drops) {

        long carried() {
            return ipv4Carried + ipv6Carried;
        }

        long notIp() {
            return notCarriedByReason.values().stream().mapToLong(Long::longValue).sum();
        }

        long notCarried() {
            return notIp() + tooLargeFrames.size();
        }

        boolean allRoundTripped() {
            return roundTripFailures.isEmpty() && roundTripped == espPacketsWritten;
        }
    }

    /**
     * Seals every IP packet of {@code source} with {@code outbound}, writes the outer packets to
     * {@code espCapture}, then opens them with {@code inbound} and compares with the originals.
     *
     * @throws CaptureFileException if a capture cannot be read; the message names file and frame
     * @throws IOException if {@code espCapture} cannot be written
     */
    static Report run(CaptureSource source, EspOutboundSa outbound, EspInboundSa inbound, Path espCapture)
            throws CaptureFileException, IOException {
        Encapsulation sent = encapsulate(source, outbound, espCapture);
        Decapsulation received = decapsulate(source, inbound, espCapture, sent.carriedFrames());

        Map<EspDropReason, Long> drops = new EnumMap<>(EspDropReason.class);
        for (EspDropReason reason : EspDropReason.values()) {
            long count = inbound.dropCount(reason);
            if (count > 0) {
                drops.put(reason, count);
            }
        }
        return new Report(sent.framesRead(), sent.ipv4(), sent.ipv6(), sent.truncated(),
                sent.notIp(), sent.tooLarge(), sent.carriedFrames().size(),
                received.roundTripped(), received.failures(), drops);
    }

    private record Encapsulation(long framesRead, long ipv4, long ipv6, long truncated,
            Map<String, Long> notIp, List<Long> tooLarge, List<Long> carriedFrames) {}

    private static Encapsulation encapsulate(CaptureSource source, EspOutboundSa outbound, Path espCapture)
            throws CaptureFileException, IOException {
        long framesRead = 0;
        long ipv4 = 0;
        long ipv6 = 0;
        long truncated = 0;
        Map<String, Long> notIp = new TreeMap<>();
        List<Long> tooLarge = new ArrayList<>();
        List<Long> carriedFrames = new ArrayList<>();
        int identification = 0;

        try (CaptureReader reader = source.open(); PcapWriter writer = PcapWriter.create(espCapture)) {
            for (CaptureFrame frame = reader.next(); frame != null; frame = reader.next()) {
                framesRead++;
                if (frame.networkLayer() instanceof NotIp other) {
                    notIp.merge(other.reason(), 1L, Long::sum);
                    continue;
                }
                IpPacket inner = frame.ipPacket().orElseThrow();

                // Outer IPv4 header (20) | ESP packet: the datagram must fit the 16-bit Total Length.
                int outerLength = OuterIpv4Header.LENGTH + EspOutboundSa.encapsulatedLength(inner.length());
                if (outerLength > OuterIpv4Header.MAX_TOTAL_LENGTH) {
                    tooLarge.add(frame.number());
                    continue;
                }

                int nextHeader = inner.version() == 4 ? NextHeader.IPV4 : NextHeader.IPV6;
                byte[] esp = outbound.encapsulate(inner.bytes(), nextHeader);
                byte[] outer = OuterIpv4Header.wrap(INITIATOR_ADDRESS, RESPONDER_ADDRESS, identification, esp);
                identification = (identification + 1) & 0xffff;
                writer.write(frame.timestamp().orElse(Instant.EPOCH), outer);

                carriedFrames.add(frame.number());
                if (inner.version() == 4) {
                    ipv4++;
                } else {
                    ipv6++;
                }
                if (inner.truncated()) {
                    truncated++;
                }
            }
        }
        return new Encapsulation(framesRead, ipv4, ipv6, truncated, notIp, tooLarge, carriedFrames);
    }

    private record Decapsulation(long roundTripped, List<String> failures) {}

    /**
     * Reads {@code espCapture} and the original capture side by side: the n-th ESP packet must
     * open to the IP packet of the n-th carried frame.
     */
    private static Decapsulation decapsulate(CaptureSource source, EspInboundSa inbound, Path espCapture,
            List<Long> carriedFrames) throws CaptureFileException {
        long roundTripped = 0;
        List<String> failures = new ArrayList<>();
        int carriedIndex = 0;

        try (CaptureReader espReader = CaptureReader.open(espCapture); CaptureReader original = source.open()) {
            CaptureFrame originalFrame = original.next();
            for (CaptureFrame espFrame = espReader.next(); espFrame != null; espFrame = espReader.next()) {
                if (carriedIndex >= carriedFrames.size()) {
                    failures.add("esp.pcap frame " + espFrame.number() + ": more ESP packets than carried frames");
                    break;
                }
                long expectedFrame = carriedFrames.get(carriedIndex++);
                while (originalFrame != null && originalFrame.number() < expectedFrame) {
                    originalFrame = original.next();
                }
                if (originalFrame == null) {
                    failures.add("frame " + expectedFrame + ": missing from the second read of " + source.name());
                    break;
                }
                String failure = checkRoundTrip(inbound, espFrame, originalFrame);
                if (failure == null) {
                    roundTripped++;
                } else {
                    failures.add("frame " + expectedFrame + ": " + failure);
                }
            }
        }
        if (carriedIndex < carriedFrames.size()) {
            failures.add((carriedFrames.size() - carriedIndex) + " carried frames have no ESP packet in esp.pcap");
        }
        return new Decapsulation(roundTripped, failures);
    }

    /** Returns null when the ESP frame opens to the original IP packet, else what went wrong. */
    private static String checkRoundTrip(EspInboundSa inbound, CaptureFrame espFrame, CaptureFrame originalFrame) {
        byte[] outer = espFrame.ipPacket().map(IpPacket::bytes).orElse(null);
        if (outer == null) {
            return "esp.pcap frame " + espFrame.number() + " is not an IP packet";
        }
        byte[] esp;
        try {
            esp = OuterIpv4Header.unwrap(outer);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }

        DecapsulatedPacket opened;
        try {
            opened = inbound.decapsulate(esp);
        } catch (EspDropException e) {
            return "ESP packet dropped: " + e.reason() + " (" + e.getMessage() + ")";
        }

        IpPacket expected = originalFrame.ipPacket().orElseThrow();
        int expectedNextHeader = expected.version() == 4 ? NextHeader.IPV4 : NextHeader.IPV6;
        if (opened.nextHeader() != expectedNextHeader) {
            return "next header " + opened.nextHeader() + ", expected " + expectedNextHeader;
        }
        if (!Arrays.equals(opened.payload(), expected.bytes())) {
            return "inner packet of " + opened.payload().length + " bytes differs from the original "
                    + expected.length() + "-byte packet";
        }
        return null;
    }
}
