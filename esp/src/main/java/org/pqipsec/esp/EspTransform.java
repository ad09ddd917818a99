package org.pqipsec.esp;

import java.util.Locale;

/**
 * ESP combined-mode transforms, named and numbered as in the IANA registry of IKEv2 Transform
 * Type 1 (encryption algorithm) ids.
 *
 * <p>Every transform takes its keying material from IKEv2 KEYMAT (RFC 7296 §2.17) as the cipher
 * key followed by a 4-byte salt (RFC 4106 §8.1, RFC 4543 §3.2, RFC 7634 §4), and builds a
 * 12-byte nonce as salt ‖ 8-byte IV. The implicit-IV transforms of RFC 8750 send no IV: both
 * ends use the 64-bit sequence number in its place (RFC 8750 §3). ENCR_AES_CCM_8_IIV (29) is
 * not offered because this module has no AES-CCM.
 */
public enum EspTransform {

    /** AES-GCM with an 8-byte ICV (RFC 4106), id 18. */
    ENCR_AES_GCM_8(18, Cipher.AES_GCM, 8, 8),

    /** AES-GCM with a 12-byte ICV (RFC 4106), id 19. */
    ENCR_AES_GCM_12(19, Cipher.AES_GCM, 12, 8),

    /** AES-GCM with a 16-byte ICV (RFC 4106), id 20. */
    ENCR_AES_GCM_16(20, Cipher.AES_GCM, 16, 8),

    /** AES-GMAC, integrity without confidentiality (RFC 4543 §3), id 21. */
    ENCR_NULL_AUTH_AES_GMAC(21, Cipher.AES_GMAC, 16, 8),

    /** ChaCha20-Poly1305 (RFC 7634 §2), id 28. */
    ENCR_CHACHA20_POLY1305(28, Cipher.CHACHA20_POLY1305, 16, 8),

    /** AES-GCM with a 16-byte ICV and the implicit IV of RFC 8750, id 30. */
    ENCR_AES_GCM_16_IIV(30, Cipher.AES_GCM, 16, 0),

    /** ChaCha20-Poly1305 with the implicit IV of RFC 8750, id 31. */
    ENCR_CHACHA20_POLY1305_IIV(31, Cipher.CHACHA20_POLY1305, 16, 0);

    /** The AEAD primitive under a transform. */
    public enum Cipher {
        /** AES in Galois/Counter Mode (NIST SP 800-38D), 16-, 24- or 32-byte keys. */
        AES_GCM,
        /** GMAC, the authentication-only use of AES-GCM (NIST SP 800-38D §3), same keys. */
        AES_GMAC,
        /** ChaCha20-Poly1305 (RFC 8439), 32-byte keys. */
        CHACHA20_POLY1305
    }

    /** Length of the salt that follows the key in KEYMAT (RFC 4106 §8.1, RFC 7634 §4). */
    public static final int SALT_LENGTH = 4;

    private final int ianaId;
    private final Cipher cipher;
    private final int icvLength;
    private final int ivLength;

    EspTransform(int ianaId, Cipher cipher, int icvLength, int ivLength) {
        this.ianaId = ianaId;
        this.cipher = cipher;
        this.icvLength = icvLength;
        this.ivLength = ivLength;
    }

    /** Returns the IKEv2 Transform Type 1 id. */
    public int ianaId() {
        return ianaId;
    }

    /** Returns the AEAD primitive. */
    public Cipher cipher() {
        return cipher;
    }

    /** Returns the length of the Integrity Check Value in bytes. */
    public int icvLength() {
        return icvLength;
    }

    /** Returns the length of the IV carried in each packet: 8, or 0 for RFC 8750 transforms. */
    public int ivLength() {
        return ivLength;
    }

    /** Returns whether the IV is implicit (RFC 8750), so packets carry none. */
    public boolean implicitIv() {
        return ivLength == 0;
    }

    /** Returns whether the payload travels in the clear, as with GMAC (RFC 4543 §3). */
    public boolean authenticationOnly() {
        return cipher == Cipher.AES_GMAC;
    }

    /** Returns whether {@code keyLength} bytes is a valid cipher key for this transform. */
    public boolean isValidKeyLength(int keyLength) {
        return cipher == Cipher.CHACHA20_POLY1305
                ? keyLength == 32
                : keyLength == 16 || keyLength == 24 || keyLength == 32;
    }

    /** Describes the valid KEYMAT lengths for error messages, for example "20, 28 or 36". */
    String keyMaterialLengths() {
        return cipher == Cipher.CHACHA20_POLY1305
                ? "36 (32-byte key and 4-byte salt)"
                : "20, 28 or 36 (16-, 24- or 32-byte AES key and 4-byte salt)";
    }

    /**
     * Finds a transform by its name, case-insensitively with or without the {@code ENCR_}
     * prefix, or by its IANA id in decimal.
     *
     * @throws IllegalArgumentException if no transform matches, with the accepted names
     */
    public static EspTransform parse(String text) {
        String trimmed = text.trim();
        if (!trimmed.isEmpty() && trimmed.chars().allMatch(Character::isDigit)) {
            int id;
            try {
                id = Integer.parseInt(trimmed);
            } catch (NumberFormatException e) {
                id = -1;
            }
            for (EspTransform transform : values()) {
                if (transform.ianaId == id) {
                    return transform;
                }
            }
        }
        String name = trimmed.toUpperCase(Locale.ROOT).replace('-', '_');
        for (EspTransform transform : values()) {
            if (transform.name().equals(name) || transform.name().equals("ENCR_" + name)) {
                return transform;
            }
        }
        throw new IllegalArgumentException("unknown ESP transform '" + text + "'; expected one of "
                + java.util.Arrays.toString(values()) + " or their IANA ids 18, 19, 20, 21, 28, 30, 31");
    }
}
