package org.pqipsec.cli.esp;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
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
import org.pqipsec.esp.DecapsulatedPacket;
import org.pqipsec.esp.EspDropException;
import org.pqipsec.esp.EspDropReason;
import org.pqipsec.esp.EspInboundSa;
import org.pqipsec.esp.TransportMode;
import org.pqipsec.esp.TunnelMode;
import org.pqipsec.esp.UdpEncapsulation;

/**
 * Decapsulates every ESP packet of a capture (RFC 4303 §3.4), whether carried directly in IP
 * (protocol 50) or in UDP on the NAT-T port (RFC 3948 §2.2), and writes the inner packets.
 */
final class CaptureOpener {

    /** How many dropped frames the report lists one by one. */
    static final int LISTED_DROPS = 10;

    private CaptureOpener() {
    }

    /**
     * Frame counts of one run.
     *
     * @param framesRead  every frame of the capture
     * @param espPackets  frames that carry an ESP packet, or a UDP datagram on the NAT-T port
     * @param opened      inner packets written
     * @param dummies     authenticated dummy packets (Next Header 59), discarded
     * @param skipped     frames that carry no ESP, counted by why
     * @param drops       ESP packets dropped, counted by reason
     * @param firstDrops  the first {@value #LISTED_DROPS} drops as "frame N: REASON: detail"
     */
    record Report(long framesRead, long espPackets, long opened, long dummies, Map<String, Long> skipped,
            Map<EspDropReason, Long> drops, List<String> firstDrops) {

        long dropped() {
            return drops.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Reads {@code capture}, opens its ESP packets with {@code sas} and writes the inner packets
     * as raw IP to {@code innerCapture}.
     *
     * @throws CaptureFileException if the capture cannot be read; the message names file and frame
     * @throws IOException if {@code innerCapture} cannot be written
     */
    static Report run(Path capture, InboundSas sas, EspMode mode, int natTraversalPort, Path innerCapture)
            throws CaptureFileException, IOException {
        Counter counter = new Counter();
        try (CaptureReader reader = CaptureReader.open(capture); PcapWriter writer = PcapWriter.create(innerCapture)) {
            for (CaptureFrame frame = reader.next(); frame != null; frame = reader.next()) {
                counter.framesRead++;
                byte[] inner = open(frame, sas, mode, natTraversalPort, counter);
                if (inner != null) {
                    writer.write(frame.timestamp().orElse(Instant.EPOCH), inner);
                    counter.opened++;
                }
            }
        }
        return new Report(counter.framesRead, counter.espPackets, counter.opened, counter.dummies,
                counter.skipped, counter.drops, counter.firstDrops);
    }

    private static final class Counter {
        long framesRead;
        long espPackets;
        long opened;
        long dummies;
        final Map<String, Long> skipped = new TreeMap<>();
        final Map<EspDropReason, Long> drops = new EnumMap<>(EspDropReason.class);
        final List<String> firstDrops = new ArrayList<>();

        void skip(String reason) {
            skipped.merge(reason, 1L, Long::sum);
        }

        void drop(long frame, EspDropReason reason, String detail) {
            drops.merge(reason, 1L, Long::sum);
            if (firstDrops.size() < LISTED_DROPS) {
                firstDrops.add("frame " + frame + ": " + reason + ": " + detail);
            }
        }
    }

    /** Returns the inner packet of one frame, or null after counting why there is none. */
    private static byte[] open(CaptureFrame frame, InboundSas sas, EspMode mode, int natTraversalPort,
            Counter counter) {
        if (frame.networkLayer() instanceof NotIp other) {
            counter.skip("not IP (" + other.reason() + ")");
            return null;
        }
        IpPacket packet = frame.ipPacket().orElseThrow();
        OuterPacket outer;
        try {
            outer = OuterPacket.parse(packet.version(), packet.bytes());
        } catch (IllegalArgumentException e) {
            counter.skip(e.getMessage());
            return null;
        }
        boolean udp = outer.isUdpOnPort(natTraversalPort);
        if (outer.protocol() != OuterPacket.PROTOCOL_ESP && !udp) {
            counter.skip("IPv" + packet.version() + " protocol " + outer.protocol() + ", not ESP");
            return null;
        }
        if (packet.truncated()) {
            counter.skip("ESP packet cut short by the capture's snapshot length");
            return null;
        }
        counter.espPackets++;

        try {
            byte[] esp = udp ? UdpEncapsulation.unwrap(outer.payload()) : outer.payload();
            if (esp.length < 4) {
                throw new EspDropException(EspDropReason.TOO_SHORT, "ESP packet of " + esp.length
                        + " bytes has no room for an SPI");
            }
            int spi = (esp[0] & 0xff) << 24 | (esp[1] & 0xff) << 16 | (esp[2] & 0xff) << 8 | (esp[3] & 0xff);
            EspInboundSa sa = sas.find(spi, outer.source(), outer.destination());
            if (sa == null) {
                String spiText = String.format("0x%08x", spi);
                throw new EspDropException(EspDropReason.UNKNOWN_SPI, sas.hasSpi(spi)
                        ? "SPI " + spiText + " belongs to an SA for other addresses, not "
                                + outer.source().getHostAddress() + " -> " + outer.destination().getHostAddress()
                        : "no SA has SPI " + spiText);
            }

            DecapsulatedPacket opened = sa.decapsulate(esp);
            if (opened.isDummy()) {
                counter.dummies++;
                return null;
            }
            return mode == EspMode.TUNNEL
                    ? TunnelMode.innerPacket(opened)
                    : TransportMode.restore(packet.bytes(), opened);
        } catch (EspDropException e) {
            counter.drop(frame.number(), e.reason(), e.getMessage());
            return null;
        }
    }
}
