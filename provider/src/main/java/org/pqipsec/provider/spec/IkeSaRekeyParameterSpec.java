package org.pqipsec.provider.spec;

import java.security.spec.AlgorithmParameterSpec;
import java.util.List;

import javax.crypto.SecretKey;

/**
 * Derivation parameters for SKEYSEED of a new IKE SA that rekeys an old one with
 * CREATE_CHILD_SA (RFC 7296 §2.18), optionally followed by IKE_FOLLOWUP_KE exchanges with
 * additional key exchanges (RFC 9370 §2.2.4):
 *
 * <pre>
 * SKEYSEED = prf(SK_d (old), g^ir (new) | Ni | Nr)
 * SKEYSEED = prf(SK_d (old), SK(0) | Ni | Nr | SK(1) | ... | SK(n))    (RFC 9370)
 * </pre>
 *
 * <p>SK(0) is the shared secret of the key exchange in CREATE_CHILD_SA and SK(1) to SK(n) those
 * of the IKE_FOLLOWUP_KE exchanges, in order. Ni and Nr are the nonces of the CREATE_CHILD_SA
 * exchange. {@code deriveData} returns SKEYSEED, whose length is the PRF output length. The
 * caller then derives the new IKE SA keys with an {@link IkeSaKeysParameterSpec} over this
 * SKEYSEED, the new nonces and the new SPIs (SPIi is the SPI of the side that started the rekey).
 *
 * <p>The KDF rejects with {@code InvalidAlgorithmParameterException}: an old SK_d that is not as
 * long as the PRF output, an empty list, a missing or empty shared secret, and an empty nonce.
 */
public final class IkeSaRekeyParameterSpec implements AlgorithmParameterSpec {

    private final SecretKey oldSkD;
    private final List<SecretKey> sharedSecrets;
    private final byte[] ni;
    private final byte[] nr;

    /**
     * Creates the parameters for the SKEYSEED of a rekeyed IKE SA.
     *
     * @param oldSkD SK_d of the IKE SA being rekeyed
     * @param sharedSecrets SK(0), the CREATE_CHILD_SA shared secret g^ir (new), followed by the
     *     shared secrets of the IKE_FOLLOWUP_KE exchanges, if any
     * @param ni the initiator's nonce of the CREATE_CHILD_SA exchange
     * @param nr the responder's nonce of the CREATE_CHILD_SA exchange
     * @throws NullPointerException if {@code sharedSecrets} is null
     */
    public IkeSaRekeyParameterSpec(
            SecretKey oldSkD, List<SecretKey> sharedSecrets, byte[] ni, byte[] nr) {
        this.oldSkD = oldSkD;
        this.sharedSecrets = SharedSecrets.copy(sharedSecrets, "sharedSecrets");
        this.ni = SpecBytes.copy(ni);
        this.nr = SpecBytes.copy(nr);
    }

    /** Returns SK_d of the old IKE SA. */
    public SecretKey oldSkD() {
        return oldSkD;
    }

    /** Returns SK(0) to SK(n), an unmodifiable list. */
    public List<SecretKey> sharedSecrets() {
        return sharedSecrets;
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
