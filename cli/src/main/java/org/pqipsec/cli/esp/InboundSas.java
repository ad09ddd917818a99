package org.pqipsec.cli.esp;

import java.net.InetAddress;
import java.util.List;

import org.pqipsec.esp.EspInboundSa;

/**
 * The inbound SAs of one {@code esp open} run and how a packet finds its SA: by SPI, and for
 * SAs from an {@code esp_sa} file also by outer source and destination address, as Wireshark
 * matches them.
 */
final class InboundSas implements AutoCloseable {

    /**
     * One SA.
     *
     * @param source      the outer source address it applies to, or null for any
     * @param destination the outer destination address it applies to, or null for any
     * @param sa          the SA
     */
    record Binding(InetAddress source, InetAddress destination, EspInboundSa sa) {

        boolean matches(int spi, InetAddress packetSource, InetAddress packetDestination) {
            return sa.spi() == spi
                    && (source == null || source.equals(packetSource))
                    && (destination == null || destination.equals(packetDestination));
        }
    }

    private final List<Binding> bindings;

    InboundSas(List<Binding> bindings) {
        this.bindings = List.copyOf(bindings);
    }

    /** Returns the SA for a packet, or null when none matches. */
    EspInboundSa find(int spi, InetAddress source, InetAddress destination) {
        for (Binding binding : bindings) {
            if (binding.matches(spi, source, destination)) {
                return binding.sa();
            }
        }
        return null;
    }

    /** Returns whether some SA has {@code spi}, whatever its addresses. */
    boolean hasSpi(int spi) {
        return bindings.stream().anyMatch(binding -> binding.sa().spi() == spi);
    }

    /** Destroys every SA, wiping its keys. */
    @Override
    public void close() {
        bindings.forEach(binding -> binding.sa().destroy());
    }
}
