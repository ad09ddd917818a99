package org.pqipsec.provider.spec;

import java.util.Optional;

/**
 * An IKEv2 encryption algorithm (Transform Type 1, RFC 7296 §3.3.2) whose keys the key schedule
 * can split from SK_e or KEYMAT. The key material of one direction is the cipher key followed by
 * the salt or nonce that the cipher's RFC takes from the key material.
 */
public enum EncryptionAlgorithm {

    /** ENCR_AES_CBC, id 12 (RFC 3602, RFC 7296): no salt. */
    AES_CBC(12, "ENCR_AES_CBC", 0, 0),

    /** ENCR_AES_CTR, id 13 (RFC 3686 §5.1, RFC 5930): a 4-byte nonce after the key. */
    AES_CTR(13, "ENCR_AES_CTR", 4, 0),

    /** ENCR_AES_CCM_8, id 14 (RFC 4309 §7.1, RFC 5282): a 3-byte salt after the key. */
    AES_CCM_8(14, "ENCR_AES_CCM_8", 3, 8),

    /** ENCR_AES_CCM_12, id 15 (RFC 4309 §7.1, RFC 5282): a 3-byte salt after the key. */
    AES_CCM_12(15, "ENCR_AES_CCM_12", 3, 12),

    /** ENCR_AES_CCM_16, id 16 (RFC 4309 §7.1, RFC 5282): a 3-byte salt after the key. */
    AES_CCM_16(16, "ENCR_AES_CCM_16", 3, 16),

    /** ENCR_AES_GCM_8, id 18 (RFC 4106 §8.1, RFC 5282): a 4-byte salt after the key. */
    AES_GCM_8(18, "ENCR_AES_GCM_8", 4, 8),

    /** ENCR_AES_GCM_12, id 19 (RFC 4106 §8.1, RFC 5282): a 4-byte salt after the key. */
    AES_GCM_12(19, "ENCR_AES_GCM_12", 4, 12),

    /** ENCR_AES_GCM_16, id 20 (RFC 4106 §8.1, RFC 5282): a 4-byte salt after the key. */
    AES_GCM_16(20, "ENCR_AES_GCM_16", 4, 16),

    /**
     * ENCR_NULL_AUTH_AES_GMAC, id 21 (RFC 4543 §3.2): ESP only, integrity without
     * confidentiality, a 4-byte salt after the key.
     */
    NULL_AUTH_AES_GMAC(21, "ENCR_NULL_AUTH_AES_GMAC", 4, 16),

    /** ENCR_CHACHA20_POLY1305, id 28 (RFC 7634 §2): a 256-bit key and a 4-byte salt. */
    CHACHA20_POLY1305(28, "ENCR_CHACHA20_POLY1305", 4, 16);

    private final int ianaId;
    private final String ianaName;
    private final int saltLength;
    private final int icvLength;

    EncryptionAlgorithm(int ianaId, String ianaName, int saltLength, int icvLength) {
        this.ianaId = ianaId;
        this.ianaName = ianaName;
        this.saltLength = saltLength;
        this.icvLength = icvLength;
    }

    /** Returns the Transform ID. */
    public int ianaId() {
        return ianaId;
    }

    /** Returns the IANA name, for example {@code ENCR_AES_GCM_16}. */
    public String ianaName() {
        return ianaName;
    }

    /** Returns the length in bytes of the salt or nonce after the key; 0 for none. */
    public int saltLength() {
        return saltLength;
    }

    /**
     * Returns whether the algorithm is an AEAD (or, for ENCR_NULL_AUTH_AES_GMAC, authenticates
     * by itself), so that it is negotiated without an integrity algorithm and has no SK_a.
     */
    public boolean isAead() {
        return icvLength != 0;
    }

    /** Returns the ICV length in bytes of an AEAD algorithm, or 0. */
    public int icvLength() {
        return icvLength;
    }

    /** Returns whether {@code keyBits} is a key length this algorithm takes. */
    public boolean acceptsKeyBits(int keyBits) {
        if (this == CHACHA20_POLY1305) {
            return keyBits == 256;
        }
        return keyBits == 128 || keyBits == 192 || keyBits == 256;
    }

    /** Returns the algorithm with Transform ID {@code ianaId}, or an empty result. */
    public static Optional<EncryptionAlgorithm> fromIanaId(int ianaId) {
        for (EncryptionAlgorithm algorithm : values()) {
            if (algorithm.ianaId == ianaId) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }
}
