package org.pqipsec.provider.spec;

import java.security.spec.AlgorithmParameterSpec;
import java.util.Optional;

import javax.crypto.SecretKey;

/**
 * Derivation parameters for one link of the IntAuth chain over IKE_INTERMEDIATE messages (RFC
 * 9242 §3.3.2), which the AUTH payloads of IKE_AUTH then cover:
 *
 * <pre>
 * IntAuth_i1 = prf(SK_pi1,              IntAuth_i1_A [| IntAuth_i1_P])
 * IntAuth_iN = prf(SK_piN, IntAuth_iN-1 | IntAuth_iN_A [| IntAuth_iN_P])
 * </pre>
 *
 * <p>and the same for the responder with SK_pr. SK_pi and SK_pr are the keys in effect for the
 * N-th IKE_INTERMEDIATE exchange, which change after each additional key exchange of RFC 9370.
 * IntAuth_*_A is the message from the first octet of the IKE header up to the last octet of the
 * Encrypted payload header (the Length fields as sent); IntAuth_*_P is the plaintext of the inner
 * payloads, absent when there are none. {@code deriveData} returns IntAuth_N, whose length is the
 * PRF output length.
 *
 * <p>The KDF rejects with {@code InvalidAlgorithmParameterException}: an SK_p that is not as long
 * as the PRF output, an empty unprotected part, and a previous IntAuth of the wrong length.
 */
public final class IntermediateAuthParameterSpec implements AlgorithmParameterSpec {

    private final SecretKey skP;
    private final byte[] previousIntAuth;
    private final byte[] unprotectedPart;
    private final byte[] protectedPart;

    /**
     * Creates the parameters for IntAuth_N.
     *
     * @param skP SK_pi for the initiator's chain or SK_pr for the responder's, as in effect for
     *     this exchange
     * @param previousIntAuth IntAuth_N-1 of the same chain, or null for the first exchange
     * @param unprotectedPart IntAuth_N_A
     * @param protectedPart IntAuth_N_P, or null or empty when the message has no inner payloads
     */
    public IntermediateAuthParameterSpec(SecretKey skP, byte[] previousIntAuth,
            byte[] unprotectedPart, byte[] protectedPart) {
        this.skP = skP;
        this.previousIntAuth = SpecBytes.copy(previousIntAuth);
        this.unprotectedPart = SpecBytes.copy(unprotectedPart);
        this.protectedPart = protectedPart == null ? new byte[0] : protectedPart.clone();
    }

    /** Returns SK_pi or SK_pr. */
    public SecretKey skP() {
        return skP;
    }

    /** Returns a copy of IntAuth_N-1, or an empty result for the first exchange. */
    public Optional<byte[]> previousIntAuth() {
        return Optional.ofNullable(SpecBytes.copy(previousIntAuth));
    }

    /** Returns a copy of IntAuth_N_A, or null if it was null. */
    public byte[] unprotectedPart() {
        return SpecBytes.copy(unprotectedPart);
    }

    /** Returns a copy of IntAuth_N_P; empty when the message has no inner payloads. */
    public byte[] protectedPart() {
        return protectedPart.clone();
    }
}
