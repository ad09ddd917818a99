package org.pqipsec.cli.esp;

import java.util.HexFormat;

import org.pqipsec.esp.EspTransform;

import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Options that describe one ESP SA on the command line, shared by {@code esp open} and {@code esp seal}. */
final class SaOptions {

    @Option(names = "--spi", paramLabel = "SPI",
            description = "Security Parameters Index, 0x and hex or decimal, 256 to 4294967295.")
    String spi;

    @Option(names = "--transform", paramLabel = "NAME|ID",
            description = "ESP transform by IKEv2 name or IANA id: ENCR_AES_GCM_8 (18), ENCR_AES_GCM_12 (19),"
                    + " ENCR_AES_GCM_16 (20), ENCR_NULL_AUTH_AES_GMAC (21), ENCR_CHACHA20_POLY1305 (28),"
                    + " ENCR_AES_GCM_16_IIV (30), ENCR_CHACHA20_POLY1305_IIV (31). Default: ENCR_AES_GCM_16.")
    String transform;

    @Option(names = "--key", paramLabel = "HEX",
            description = "Cipher key followed by the 4-byte salt, in hex (40, 56 or 72 digits for AES,"
                    + " 72 for ChaCha20). Never printed.")
    String key;

    @Option(names = "--esn", description = "Use 64-bit extended sequence numbers (ESN, RFC 4303 §2.2.1).")
    boolean esn;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "tunnel",
            description = "tunnel or transport. Default: ${DEFAULT-VALUE}.")
    EspMode mode;

    /** Returns whether any of the options that name one SA was given. */
    boolean namesSa() {
        return spi != null || transform != null || key != null;
    }

    /** Returns the transform, ENCR_AES_GCM_16 when none was given. */
    EspTransform transform(CommandLine commandLine) {
        if (transform == null) {
            return EspTransform.ENCR_AES_GCM_16;
        }
        try {
            return EspTransform.parse(transform);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(commandLine, "--transform: " + e.getMessage());
        }
    }

    /** Parses the SPI, rejecting the reserved values 0 to 255 (RFC 4303 §2.1). */
    int spi(CommandLine commandLine) {
        long value;
        try {
            value = spi.startsWith("0x") || spi.startsWith("0X")
                    ? Long.parseLong(spi.substring(2), 16)
                    : Long.parseLong(spi);
        } catch (NumberFormatException e) {
            throw new ParameterException(commandLine, "--spi: '" + spi + "' is not a number; give 0x and hex, or decimal");
        }
        if (value < 256 || value > 0xFFFF_FFFFL) {
            throw new ParameterException(commandLine, "--spi must be 256 to 4294967295 (0 to 255 are reserved"
                    + " by RFC 4303 §2.1), got " + spi);
        }
        return (int) value;
    }

    /**
     * Parses the key material for {@code transform}. Errors give lengths only, never the digits.
     * The caller wipes the returned array.
     */
    byte[] keyMaterial(CommandLine commandLine, EspTransform transform) {
        String digits = key.startsWith("0x") || key.startsWith("0X") ? key.substring(2) : key;
        String expected = transform.cipher() == EspTransform.Cipher.CHACHA20_POLY1305
                ? "72 hex digits (32-byte key and 4-byte salt)"
                : "40, 56 or 72 hex digits (16-, 24- or 32-byte AES key and 4-byte salt)";
        if (!digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new ParameterException(commandLine, "--key contains a character that is not a hex digit;"
                    + " expected " + expected);
        }
        int keyLength = digits.length() / 2 - EspTransform.SALT_LENGTH;
        if (digits.length() % 2 != 0 || keyLength < 0 || !transform.isValidKeyLength(keyLength)) {
            throw new ParameterException(commandLine, "--key must be " + expected + " for " + transform
                    + ", got " + digits.length() + " hex digits");
        }
        return HexFormat.of().parseHex(digits);
    }
}
