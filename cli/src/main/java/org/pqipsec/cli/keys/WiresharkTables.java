package org.pqipsec.cli.keys;

import java.util.HexFormat;
import java.util.Optional;

import org.pqipsec.provider.spec.EncryptionTransform;
import org.pqipsec.provider.spec.IntegrityAlgorithm;

/**
 * Lines of Wireshark's {@code ikev2_decryption_table} file: Initiator's SPI, Responder's SPI,
 * SK_ei, SK_er, encryption algorithm, SK_ai, SK_ar, integrity algorithm, separated by commas.
 * The algorithm values are the names that Wireshark 4.0's ISAKMP dissector lists.
 *
 * <p>tshark 4.0.17 decrypts IKEv2 Encrypted payloads with these lines and checks their
 * Integrity Checksum Data for AES-CBC and AES-CTR with HMAC-SHA1-96 and the HMAC-SHA2
 * algorithms, and for AES-GCM with 12- and 16-byte ICVs ({@code KeysTsharkDecryptionTest}).
 * With AUTH_AES_XCBC_96 and AUTH_AES_CMAC_96 it decrypts but does not check the ICD. Wireshark
 * 4.0 cannot decrypt IKEv2 with ENCR_CHACHA20_POLY1305, so {@link #encryptionName} returns no
 * name for it.
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
            // NOTE: no test has tshark decrypt AES-GCM with an 8-byte ICV or AES-CCM, because
            // the JDK's AES-GCM takes tags of 12 bytes or more and the JDK has no AES-CCM.
            case AES_GCM_8, AES_GCM_12, AES_GCM_16 -> Optional.of("AES-GCM-" + bits + " with "
                    + transform.algorithm().icvLength() + " octet ICV [RFC5282]");
            case AES_CCM_8, AES_CCM_12, AES_CCM_16 -> Optional.of("AES-CCM-" + bits + " with "
                    + transform.algorithm().icvLength() + " octet ICV [RFC5282]");
            default -> Optional.empty();
        };
    }

    /** Returns Wireshark's name of an IKE integrity algorithm, where null means none (AEAD). */
    static Optional<String> integrityName(IntegrityAlgorithm integrity) {
        if (integrity == null) {
            return Optional.of("NONE [RFC4306]");
        }
        return switch (integrity) {
            case HMAC_SHA1_96 -> Optional.of("HMAC_SHA1_96 [RFC2404]");
            case HMAC_SHA2_256_128 -> Optional.of("HMAC_SHA2_256_128 [RFC4868]");
            case HMAC_SHA2_384_192 -> Optional.of("HMAC_SHA2_384_192 [RFC4868]");
            case HMAC_SHA2_512_256 -> Optional.of("HMAC_SHA2_512_256 [RFC4868]");
            // Wireshark 4.0 has no AES-XCBC or AES-CMAC for IKEv2, so it decrypts with the
            // 12-byte ICD skipped and leaves the ICD unchecked.
            case AES_XCBC_96, AES_CMAC_96 ->
                    Optional.of("ANY 96-bits of Authentication [No Checking]");
        };
    }

    /**
     * Returns whether Wireshark 4.0 checks the ICD of {@code integrity}, where null means none
     * (AEAD). The table entry of an unchecked algorithm takes empty SK_ai and SK_ar.
     */
    static boolean checksIntegrity(IntegrityAlgorithm integrity) {
        return integrity != IntegrityAlgorithm.AES_XCBC_96
                && integrity != IntegrityAlgorithm.AES_CMAC_96;
    }

    /**
     * Returns one {@code ikev2_decryption_table} line, without the line break. The SPIs and keys
     * are bare hex and the algorithm names are quoted, because Wireshark's table reader takes a
     * quoted value as text. A quoted 8-byte SPI reads as 16 characters and fails its length check.
     */
    static String ikev2Line(byte[] spiI, byte[] spiR, byte[] skEi, byte[] skEr, String encryption,
            byte[] skAi, byte[] skAr, String integrity) {
        return HEX.formatHex(spiI) + "," + HEX.formatHex(spiR) + ","
                + HEX.formatHex(skEi) + "," + HEX.formatHex(skEr) + ","
                + quote(encryption) + "," + HEX.formatHex(skAi) + ","
                + HEX.formatHex(skAr) + "," + quote(integrity);
    }

    private static String quote(String value) {
        return "\"" + value + "\"";
    }
}
