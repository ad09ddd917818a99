package org.pqipsec.provider.spec;

import java.util.Optional;

/**
 * An IKEv2 pseudorandom function (Transform Type 2, RFC 7296 §3.3.2) that the provider's
 * {@code KDF} services support: the HMAC-SHA-2 PRFs of RFC 4868.
 *
 * <p>Each constant names the {@code javax.crypto.KDF} algorithm that runs the IKEv2 key schedule
 * with this PRF, for example {@code KDF.getInstance(IkePrf.HMAC_SHA2_256.kdfAlgorithm())}.
 */
public enum IkePrf {

    /** PRF_HMAC_SHA2_256, IANA Transform ID 5. */
    HMAC_SHA2_256(5, 32, "HmacSHA256", "IKEv2-HMAC-SHA256"),

    /** PRF_HMAC_SHA2_384, IANA Transform ID 6. */
    HMAC_SHA2_384(6, 48, "HmacSHA384", "IKEv2-HMAC-SHA384"),

    /** PRF_HMAC_SHA2_512, IANA Transform ID 7. */
    HMAC_SHA2_512(7, 64, "HmacSHA512", "IKEv2-HMAC-SHA512");

    private final int ianaId;
    private final int outputLength;
    private final String macAlgorithm;
    private final String kdfAlgorithm;

    IkePrf(int ianaId, int outputLength, String macAlgorithm, String kdfAlgorithm) {
        this.ianaId = ianaId;
        this.outputLength = outputLength;
        this.macAlgorithm = macAlgorithm;
        this.kdfAlgorithm = kdfAlgorithm;
    }

    /** Returns the Transform ID that the IKEv2 SA payload carries for this PRF. */
    public int ianaId() {
        return ianaId;
    }

    /**
     * Returns the PRF output length in bytes. It is also the length of SKEYSEED, SK_d, SK_pi and
     * SK_pr (RFC 7296 §2.14) and the block length of prf+ (RFC 7296 §2.13).
     */
    public int outputLength() {
        return outputLength;
    }

    /** Returns the standard JCA {@code Mac} algorithm name of the HMAC behind this PRF. */
    public String macAlgorithm() {
        return macAlgorithm;
    }

    /** Returns the {@code javax.crypto.KDF} name of the IKEv2 key schedule with this PRF. */
    public String kdfAlgorithm() {
        return kdfAlgorithm;
    }

    /** Returns the PRF with Transform ID {@code ianaId}, or an empty result if none matches. */
    public static Optional<IkePrf> fromIanaId(int ianaId) {
        for (IkePrf prf : values()) {
            if (prf.ianaId == ianaId) {
                return Optional.of(prf);
            }
        }
        return Optional.empty();
    }
}
