package org.pqipsec.provider.spec;

import java.util.Optional;

/**
 * An IKEv2 pseudorandom function (Transform Type 2, RFC 7296 §3.3.2) that the provider's
 * {@code KDF} services support: HMAC-SHA-1 (RFC 2104), AES-XCBC-PRF-128 (RFC 4434), the
 * HMAC-SHA-2 PRFs of RFC 4868 and AES-CMAC-PRF-128 (RFC 4615).
 *
 * <p>Each constant names the {@code javax.crypto.KDF} algorithm that runs the IKEv2 key schedule
 * with this PRF, for example {@code KDF.getInstance(IkePrf.HMAC_SHA2_256.kdfAlgorithm())}. Each
 * KDF also has the alias {@code IKEv2-PRF-}<i>id</i> with the IANA Transform ID, for example
 * {@code IKEv2-PRF-5}.
 */
public enum IkePrf {

    /** PRF_HMAC_SHA1, IANA Transform ID 2. */
    HMAC_SHA1(2, 20, 0, "HmacSHA1", "IKEv2-HMAC-SHA1"),

    /**
     * PRF_AES128_XCBC, IANA Transform ID 4. Its {@code Mac} is this provider's
     * {@code AES-XCBC-PRF-128}.
     */
    AES128_XCBC(4, 16, 16, "AES-XCBC-PRF-128", "IKEv2-AES128-XCBC"),

    /** PRF_HMAC_SHA2_256, IANA Transform ID 5. */
    HMAC_SHA2_256(5, 32, 0, "HmacSHA256", "IKEv2-HMAC-SHA256"),

    /** PRF_HMAC_SHA2_384, IANA Transform ID 6. */
    HMAC_SHA2_384(6, 48, 0, "HmacSHA384", "IKEv2-HMAC-SHA384"),

    /** PRF_HMAC_SHA2_512, IANA Transform ID 7. */
    HMAC_SHA2_512(7, 64, 0, "HmacSHA512", "IKEv2-HMAC-SHA512"),

    /**
     * PRF_AES128_CMAC, IANA Transform ID 8. Its {@code Mac} is this provider's
     * {@code AES-CMAC-PRF-128}.
     */
    AES128_CMAC(8, 16, 16, "AES-CMAC-PRF-128", "IKEv2-AES128-CMAC");

    /** The prefix of the KDF aliases by IANA Transform ID. */
    public static final String KDF_ALIAS_PREFIX = "IKEv2-PRF-";

    private final int ianaId;
    private final int outputLength;
    private final int fixedKeyLength;
    private final String macAlgorithm;
    private final String kdfAlgorithm;

    IkePrf(int ianaId, int outputLength, int fixedKeyLength, String macAlgorithm,
            String kdfAlgorithm) {
        this.ianaId = ianaId;
        this.outputLength = outputLength;
        this.fixedKeyLength = fixedKeyLength;
        this.macAlgorithm = macAlgorithm;
        this.kdfAlgorithm = kdfAlgorithm;
    }

    /**
     * Returns whether the PRF takes a key of one fixed size (the AES-based PRFs). For these, the
     * SKEYSEED key uses only the first 64 bits of Ni and of Nr (RFC 7296 §2.14).
     */
    public boolean hasFixedKeyLength() {
        return fixedKeyLength != 0;
    }

    /**
     * Returns the preferred key length in bytes: the fixed AES key size, or the output length for
     * an HMAC PRF (RFC 7296 §2.13 keys the HMAC PRFs with their output length).
     */
    public int keyLength() {
        return fixedKeyLength != 0 ? fixedKeyLength : outputLength;
    }

    /** Returns the KDF alias with the IANA Transform ID, for example {@code IKEv2-PRF-5}. */
    public String kdfAlias() {
        return KDF_ALIAS_PREFIX + ianaId;
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

    /**
     * Returns the JCA {@code Mac} algorithm name behind this PRF: a standard HMAC name, or the
     * name of this provider's AES-XCBC or AES-CMAC PRF service.
     */
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
