package org.pqipsec.cli.demo;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.crypto.SecretKey;

import org.pqipsec.cli.support.Counts;
import org.pqipsec.esp.EspDropReason;
import org.pqipsec.provider.spec.ChildSaKeys;
import org.pqipsec.provider.spec.IkeSaKeys;

/** The text report of a demo run: what was negotiated and derived, and what the tunnel carried. */
record DemoSummary(String captureName, Path outputDirectory, HybridIkeHandshake.Result ike, EspTunnel.Report tunnel) {

    private static final HexFormat HEX = HexFormat.of();

    /** Frame numbers a list shows before it ends with "...". */
    private static final int LISTED_FRAMES = 10;

    /**
     * Renders the summary. Sizes and SPIs always; the secrets only when {@code showKeys} is set.
     */
    String render(boolean showKeys) {
        StringBuilder text = new StringBuilder();
        line(text, "pqipsec demo: hybrid IKEv2 key exchange, then ESP tunnel mode over %s", captureName);
        line(text, "");

        line(text, "IKE SA  SPIi 0x%s  SPIr 0x%s  Ni %d bytes  Nr %d bytes",
                HEX.formatHex(ike.spiI()), HEX.formatHex(ike.spiR()), ike.ni().length, ike.nr().length);
        int algorithmWidth = ike.keyExchanges().stream()
                .mapToInt(exchange -> exchange.method().algorithm().length()).max().orElse(1);
        for (HybridIkeHandshake.KeyExchangeRecord exchange : ike.keyExchanges()) {
            line(text, "  %-17s %-" + algorithmWidth + "s (method %d)  KEi %d bytes, KEr %d bytes, shared secret %d bytes",
                    exchange.method().exchange(), exchange.method().algorithm(), exchange.method().transformId(),
                    exchange.initiatorKeLength(), exchange.responderKeLength(), exchange.sharedSecretLength());
        }
        IkeSaKeys keys = ike.ikeSaKeys();
        line(text, "  keys after %d additional key exchange(s) (RFC 9370), PRF_HMAC_SHA2_256, ENCR_AES_GCM_16:",
                ike.keyExchanges().size() - 1);
        line(text, "    SK_d %d, SK_ei %d, SK_er %d (AES-256 key + 4-byte salt), SK_pi %d, SK_pr %d bytes",
                length(keys.skD()), length(keys.skEi()), length(keys.skEr()), length(keys.skPi()), length(keys.skPr()));
        if (showKeys) {
            secret(text, "SK_d ", keys.skD());
            secret(text, "SK_ei", keys.skEi());
            secret(text, "SK_er", keys.skEr());
            secret(text, "SK_pi", keys.skPi());
            secret(text, "SK_pr", keys.skPr());
        }
        line(text, "");

        ChildSaKeys child = ike.childSaKeys();
        line(text, "Child SA  ESP ENCR_AES_GCM_16 (transform 20), 256-bit keys, tunnel mode %s -> %s",
                EspTunnel.INITIATOR_ADDRESS.getHostAddress(), EspTunnel.RESPONDER_ADDRESS.getHostAddress());
        SecretKey keyIr = child.initiatorToResponderEncryptionKey().orElseThrow();
        SecretKey keyRi = child.responderToInitiatorEncryptionKey().orElseThrow();
        line(text, "  initiator -> responder  SPI 0x%08x  KEYMAT %d bytes (key 32 + salt 4)",
                ike.espSpiInitiatorToResponder(), length(keyIr));
        line(text, "  responder -> initiator  SPI 0x%08x  KEYMAT %d bytes (key 32 + salt 4)",
                ike.espSpiResponderToInitiator(), length(keyRi));
        if (showKeys) {
            secret(text, "initiator -> responder key|salt", keyIr);
            secret(text, "responder -> initiator key|salt", keyRi);
        }
        line(text, "");

        line(text, "Capture  %s: %d carried (IPv4 %d, IPv6 %d), %d not carried",
                Counts.of(tunnel.framesRead(), "frame"), tunnel.carried(), tunnel.ipv4Carried(), tunnel.ipv6Carried(), tunnel.notCarried());
        for (Map.Entry<String, Long> skipped : tunnel.notCarriedByReason().entrySet()) {
            line(text, "  skipped, not IP: %d (%s)", skipped.getValue(), skipped.getKey());
        }
        if (tunnel.framesRead() == 0) {
            line(text, "  the capture has no frames");
        }
        if (!tunnel.tooLargeFrames().isEmpty()) {
            line(text, "  not carried, too large for the outer IPv4 header (65535 bytes): %d, %s %s",
                    tunnel.tooLargeFrames().size(), tunnel.tooLargeFrames().size() == 1 ? "frame" : "frames",
                    frameList(tunnel.tooLargeFrames()));
        }
        if (tunnel.truncatedInCapture() > 0) {
            line(text, "  carried as captured, shorter than their IP header says (snapshot length): %d",
                    tunnel.truncatedInCapture());
        }
        line(text, "ESP      %s written to %s; %d decapsulated by the responder and equal to the original",
                Counts.of(tunnel.espPacketsWritten(), "packet"), outputDirectory.resolve("esp.pcap"), tunnel.roundTripped());
        for (Map.Entry<EspDropReason, Long> drop : tunnel.drops().entrySet()) {
            line(text, "  dropped by the inbound SA: %d %s", drop.getValue(), drop.getKey());
        }
        for (String failure : tunnel.roundTripFailures().stream().limit(LISTED_FRAMES).toList()) {
            line(text, "  FAILED %s", failure);
        }
        if (tunnel.roundTripFailures().size() > LISTED_FRAMES) {
            line(text, "  ... %s more", Counts.of(tunnel.roundTripFailures().size() - LISTED_FRAMES, "failure"));
        }
        line(text, "Result   %s", tunnel.allRoundTripped()
                ? "every carried packet round-tripped"
                : "FAILED: " + Counts.of(tunnel.roundTripFailures().size(), "packet") + " did not round-trip");
        line(text, "Files    esp.pcap, esp_sa (Wireshark ESP SAs for both directions), summary.txt in %s",
                outputDirectory);
        return text.toString();
    }

    private static String frameList(List<Long> frames) {
        String listed = frames.stream().limit(LISTED_FRAMES).map(String::valueOf).collect(Collectors.joining(", "));
        return frames.size() > LISTED_FRAMES ? listed + ", ..." : listed;
    }

    private static int length(SecretKey key) {
        byte[] encoded = key.getEncoded();
        int length = encoded.length;
        Arrays.fill(encoded, (byte) 0);
        return length;
    }

    private static void secret(StringBuilder text, String name, SecretKey key) {
        byte[] encoded = key.getEncoded();
        line(text, "    %s %s", name, HEX.formatHex(encoded));
        Arrays.fill(encoded, (byte) 0);
    }

    private static void line(StringBuilder text, String format, Object... args) {
        text.append(String.format(format, args)).append('\n');
    }
}
