package org.pqipsec.cli.keys;

import java.util.HexFormat;
import java.util.Optional;

import org.pqipsec.provider.spec.EncryptionTransform;
import org.pqipsec.provider.spec.IntegrityAlgorithm;

/**
 * Lines of Wireshark's {@code ikev2_decryption_table} file: Initiator's SPI, Responder's SPI,
 * SK_ei, SK_er, encryption algorithm, SK_ai, SK_ar, integrity algorithm, each in double quotes.
 * The algorithm values are the names that Wireshark 4.0's ISAKMP dissector lists.
 *
 * <p>NOTE: the line format was checked against the strings in Wireshark 4.0.17's
 * libwireshark, not by decrypting an IKEv2 packet with tshark.
 */
final class WiresharkTables {

    static final String IKEV2_TABLE_NAME = "ikev2_decryption_table";

    private static final HexFormat HEX = HexFormat.of();

    private WiresharkTables() {}

    /** Returns Wireshark's name of an IKE encryption transform, if it can decrypt it. */
    static Optional<String> encryptionName(EncryptionTransform transform) {
        int bits = transform.keyBits();
        return switch (transform.algorithm()) {
            case AES_CBC -> Optional.of("AES-CBC-" + bits + " [RFC3602]");
            case AES_CTR -> Optional.of("AES-CTR-" + bits + " [RFC5930]");
            case AES_GCM_8, AES_GCM_12, AES_GCM_16 -> Optional.of("AES-GCM-" + bits + " with "
                    + transform.algorithm().icvLength() + " octet ICV [RFC5282]");
            case AES_CCM_8, AES_CCM_12, AES_CCM_16 -> Optional.of("AES-CCM-" + bits + " with "
                    + transform.algorithm().icvLength() + " octet ICV [RFC5282]");
            default -> Optional.empty();
        };
    }

    /** Returns Wireshark's name of an IKE integrity algorithm; null means none (AEAD). */
    static Optional<String> integrityName(IntegrityAlgorithm integrity) {
        if (integrity == null) {
            return Optional.of("NONE [RFC4306]");
        }
        return switch (integrity) {
            case HMAC_SHA1_96 -> Optional.of("HMAC_SHA1_96 [RFC2404]");
            case HMAC_SHA2_256_128 -> Optional.of("HMAC_SHA2_256_128 [RFC4868]");
            case HMAC_SHA2_384_192 -> Optional.of("HMAC_SHA2_384_192 [RFC4868]");
            case HMAC_SHA2_512_256 -> Optional.of("HMAC_SHA2_512_256 [RFC4868]");
            default -> Optional.empty();
        };
    }

    /** Returns one {@code ikev2_decryption_table} line, without the line break. */
    static String ikev2Line(byte[] spiI, byte[] spiR, byte[] skEi, byte[] skEr, String encryption,
            byte[] skAi, byte[] skAr, String integrity) {
        return quote(HEX.formatHex(spiI)) + "," + quote(HEX.formatHex(spiR)) + ","
                + quote(HEX.formatHex(skEi)) + "," + quote(HEX.formatHex(skEr)) + ","
                + quote(encryption) + "," + quote(HEX.formatHex(skAi)) + ","
                + quote(HEX.formatHex(skAr)) + "," + quote(integrity);
    }

    private static String quote(String value) {
        return "\"" + value + "\"";
    }
}
