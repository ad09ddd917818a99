package org.pqipsec.benchmarks;

import java.security.GeneralSecurityException;

import org.pqipsec.esp.EspInboundSa;
import org.pqipsec.esp.EspOutboundSa;
import org.pqipsec.esp.EspTransform;

/** pqipsec's {@link EspOutboundSa} and {@link EspInboundSa} for one SA. */
final class PqipsecEsp implements EspCandidate {

    private final int spi;
    private final byte[] keyMaterial;
    private final EspOutboundSa outbound;
    private EspInboundSa inbound;

    /** @param keyMaterial the AES key followed by the 4-byte salt */
    PqipsecEsp(int spi, byte[] keyMaterial) throws GeneralSecurityException {
        this.spi = spi;
        this.keyMaterial = keyMaterial.clone();
        this.outbound = new EspOutboundSa(EspTransform.ENCR_AES_GCM_16, spi, keyMaterial);
        this.inbound = new EspInboundSa(EspTransform.ENCR_AES_GCM_16, spi, keyMaterial);
    }

    @Override
    public byte[] seal(byte[] payload) {
        return outbound.encapsulate(payload, EspFraming.NEXT_HEADER_IPV4);
    }

    @Override
    public byte[] open(byte[] packet) throws GeneralSecurityException {
        return inbound.decapsulate(packet).payload();
    }

    @Override
    public void resetReceiver() throws GeneralSecurityException {
        inbound.destroy();
        inbound = new EspInboundSa(EspTransform.ENCR_AES_GCM_16, spi, keyMaterial);
    }
}
