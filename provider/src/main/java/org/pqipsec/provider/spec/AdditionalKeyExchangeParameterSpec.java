package org.pqipsec.provider.spec;

import java.security.spec.AlgorithmParameterSpec;

import javax.crypto.SecretKey;

/**
 * Derivation parameters for the SKEYSEED update after an additional key exchange in an
 * IKE_INTERMEDIATE exchange (RFC 9370 §2.2.2):
 *
 * <pre>
 * SKEYSEED(n) = prf(SK_d(n-1), SK(n) | Ni | Nr)
 * </pre>
 *
 * <p>{@code deriveData} returns SKEYSEED(n), whose length is the PRF output length. Ni and Nr are
 * the IKE_SA_INIT nonces for every n. The caller then derives the new keys with an
 * {@link IkeSaKeysParameterSpec} over SKEYSEED(n) and the IKE_SA_INIT nonces and SPIs, and takes
 * SK_d(n) from them for the next step.
 *
 * <p>The formula is the same as the one for SKEYSEED when an IKE SA is rekeyed (RFC 7296 §2.18,
 * {@code SKEYSEED = prf(SK_d (old), g^ir (new) | Ni | Nr)}), so this spec also serves a rekey, with
 * the nonces of the CREATE_CHILD_SA exchange.
 *
 * <p>The spec copies the byte arrays it takes and returns, and keeps references to the keys.
 * The KDF checks the values when it derives and rejects bad ones with
 * {@code InvalidAlgorithmParameterException}: SK_d(n-1) must be extractable and as long as the
 * PRF output, the shared secret must be extractable and non-empty, and both nonces must be
 * non-empty.
 */
public final class AdditionalKeyExchangeParameterSpec implements AlgorithmParameterSpec {

    private final SecretKey previousSkD;
    private final SecretKey sharedSecret;
    private final byte[] ni;
    private final byte[] nr;

    /**
     * Creates the parameters for SKEYSEED(n).
     *
     * @param previousSkD SK_d(n-1), the SK_d of the keys currently in use
     * @param sharedSecret SK(n), the shared secret of the n-th additional key exchange
     * @param ni the initiator's IKE_SA_INIT nonce Ni
     * @param nr the responder's IKE_SA_INIT nonce Nr
     */
    public AdditionalKeyExchangeParameterSpec(
            SecretKey previousSkD, SecretKey sharedSecret, byte[] ni, byte[] nr) {
        this.previousSkD = previousSkD;
        this.sharedSecret = sharedSecret;
        this.ni = SpecBytes.copy(ni);
        this.nr = SpecBytes.copy(nr);
    }

    /** Returns SK_d(n-1). */
    public SecretKey previousSkD() {
        return previousSkD;
    }

    /** Returns the shared secret SK(n). */
    public SecretKey sharedSecret() {
        return sharedSecret;
    }

    /** Returns a copy of the initiator's nonce Ni, or null if it was null. */
    public byte[] ni() {
        return SpecBytes.copy(ni);
    }

    /** Returns a copy of the responder's nonce Nr, or null if it was null. */
    public byte[] nr() {
        return SpecBytes.copy(nr);
    }
}
