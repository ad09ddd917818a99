package org.pqipsec.provider.spec;

import java.util.Optional;

/**
 * An IKEv2 integrity algorithm (Transform Type 3, RFC 7296 §3.3.2) whose keys the key schedule
 * can split from SK_a or KEYMAT.
 */
public enum IntegrityAlgorithm {

    /** AUTH_HMAC_SHA1_96, id 2 (RFC 2404). */
    HMAC_SHA1_96(2, "AUTH_HMAC_SHA1_96", 20, 12, "HmacSHA1"),

    /** AUTH_AES_XCBC_96, id 5 (RFC 3566); its {@code Mac} is this provider's. */
    AES_XCBC_96(5, "AUTH_AES_XCBC_96", 16, 12, "AES-XCBC-MAC-96"),

    /** AUTH_AES_CMAC_96, id 8 (RFC 4494); its {@code Mac} is this provider's. */
    AES_CMAC_96(8, "AUTH_AES_CMAC_96", 16, 12, "AES-CMAC-96"),

    /** AUTH_HMAC_SHA2_256_128, id 12 (RFC 4868). */
    HMAC_SHA2_256_128(12, "AUTH_HMAC_SHA2_256_128", 32, 16, "HmacSHA256"),

    /** AUTH_HMAC_SHA2_384_192, id 13 (RFC 4868). */
    HMAC_SHA2_384_192(13, "AUTH_HMAC_SHA2_384_192", 48, 24, "HmacSHA384"),

    /** AUTH_HMAC_SHA2_512_256, id 14 (RFC 4868). */
    HMAC_SHA2_512_256(14, "AUTH_HMAC_SHA2_512_256", 64, 32, "HmacSHA512");

    private final int ianaId;
    private final String ianaName;
    private final int keyLength;
    private final int icvLength;
    private final String macAlgorithm;

    IntegrityAlgorithm(int ianaId, String ianaName, int keyLength, int icvLength,
            String macAlgorithm) {
        this.ianaId = ianaId;
        this.ianaName = ianaName;
        this.keyLength = keyLength;
        this.icvLength = icvLength;
        this.macAlgorithm = macAlgorithm;
    }

    /** Returns the Transform ID. */
    public int ianaId() {
        return ianaId;
    }

    /** Returns the IANA name, for example {@code AUTH_HMAC_SHA2_256_128}. */
    public String ianaName() {
        return ianaName;
    }

    /** Returns the key length in bytes, the length of SK_ai, SK_ar and each KEYMAT key. */
    public int keyLength() {
        return keyLength;
    }

    /** Returns the length in bytes of the truncated ICV. */
    public int icvLength() {
        return icvLength;
    }

    /** Returns the JCA {@code Mac} algorithm name, before truncation for the HMACs. */
    public String macAlgorithm() {
        return macAlgorithm;
    }

    /** Returns the algorithm with Transform ID {@code ianaId}, or an empty result. */
    public static Optional<IntegrityAlgorithm> fromIanaId(int ianaId) {
        for (IntegrityAlgorithm algorithm : values()) {
            if (algorithm.ianaId == ianaId) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }
}
