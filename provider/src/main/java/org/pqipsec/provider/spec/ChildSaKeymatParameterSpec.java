package org.pqipsec.provider.spec;

import java.security.spec.AlgorithmParameterSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.crypto.SecretKey;

/**
 * Derivation parameters for the keying material of a Child SA (RFC 7296 §2.17):
 *
 * <pre>
 * KEYMAT = prf+(SK_d, Ni | Nr)
 * KEYMAT = prf+(SK_d, g^ir (new) | Ni | Nr)      (with a key exchange in CREATE_CHILD_SA)
 * KEYMAT = prf+(SK_d, SK(0) | Ni | Nr | SK(1) | ... | SK(n))
 *                               (with IKE_FOLLOWUP_KE exchanges, RFC 9370 §2.2.4)
 * </pre>
 *
 * <p>{@code deriveData} returns the first {@code length} bytes of KEYMAT. RFC 7296 §2.17 takes
 * the keys from KEYMAT in this order: the initiator-to-responder keys first, then the
 * responder-to-initiator keys, and in each direction the encryption key before the integrity key
 * (the ESP and AH order of RFC 4301). {@link ChildSaKeys} splits KEYMAT in that order. One
 * KEYMAT contains the keys of both SAs of the pair, so {@code length} is twice the sum of the
 * encryption and integrity key lengths.
 *
 * <p>For the first Child SA, created in IKE_AUTH, Ni and Nr are the IKE_SA_INIT nonces. For a
 * Child SA created or rekeyed with CREATE_CHILD_SA, they are the nonces of that exchange.
 *
 * <p>The spec copies the byte arrays it takes and returns, and keeps references to the keys.
 * The KDF checks the values when it derives and rejects bad ones with
 * {@code InvalidAlgorithmParameterException}: SK_d must be extractable and as long as the PRF
 * output, both nonces must be non-empty, a shared secret must be extractable and non-empty, and
 * {@code length} must be between 1 and 255 times the PRF output length.
 */
public final class ChildSaKeymatParameterSpec implements AlgorithmParameterSpec {

    private final SecretKey skD;
    private final List<SecretKey> sharedSecrets;
    private final byte[] ni;
    private final byte[] nr;
    private final int length;

    /**
     * Creates the parameters for KEYMAT without a new key exchange.
     *
     * @param skD SK_d of the IKE SA
     * @param ni the initiator's nonce Ni
     * @param nr the responder's nonce Nr
     * @param length the number of KEYMAT bytes
     */
    public ChildSaKeymatParameterSpec(SecretKey skD, byte[] ni, byte[] nr, int length) {
        this.skD = skD;
        this.sharedSecrets = List.of();
        this.ni = SpecBytes.copy(ni);
        this.nr = SpecBytes.copy(nr);
        this.length = length;
    }

    /**
     * Creates the parameters for KEYMAT with the shared secret of a key exchange in the
     * CREATE_CHILD_SA exchange, which gives the Child SA perfect forward secrecy.
     *
     * @param skD SK_d of the IKE SA
     * @param sharedSecret the new shared secret g^ir (new)
     * @param ni the initiator's nonce Ni
     * @param nr the responder's nonce Nr
     * @param length the number of KEYMAT bytes
     * @throws NullPointerException if {@code sharedSecret} is null; use the constructor without a
     *     shared secret for a Child SA without a new key exchange
     */
    public ChildSaKeymatParameterSpec(
            SecretKey skD, SecretKey sharedSecret, byte[] ni, byte[] nr, int length) {
        this.skD = skD;
        this.sharedSecrets = List.of(Objects.requireNonNull(sharedSecret, "sharedSecret"));
        this.ni = SpecBytes.copy(ni);
        this.nr = SpecBytes.copy(nr);
        this.length = length;
    }

    /**
     * Creates the parameters for KEYMAT after a CREATE_CHILD_SA key exchange and its additional
     * key exchanges in IKE_FOLLOWUP_KE exchanges (RFC 9370 §2.2.4). With an empty list it is
     * the KEYMAT without a key exchange, and with one secret the KEYMAT of RFC 7296 §2.17.
     *
     * @param skD SK_d of the IKE SA
     * @param sharedSecrets SK(0), the CREATE_CHILD_SA shared secret, then SK(1) to SK(n)
     * @param ni the initiator's nonce of the CREATE_CHILD_SA exchange
     * @param nr the responder's nonce of the CREATE_CHILD_SA exchange
     * @param length the number of KEYMAT bytes
     * @throws NullPointerException if {@code sharedSecrets} is null
     */
    public static ChildSaKeymatParameterSpec withKeyExchanges(SecretKey skD,
            List<SecretKey> sharedSecrets, byte[] ni, byte[] nr, int length) {
        return new ChildSaKeymatParameterSpec(
                skD, SharedSecrets.copy(sharedSecrets, "sharedSecrets"), ni, nr, length);
    }

    private ChildSaKeymatParameterSpec(SecretKey skD, List<SecretKey> sharedSecrets, byte[] ni,
            byte[] nr, int length) {
        this.skD = skD;
        this.sharedSecrets = sharedSecrets;
        this.ni = SpecBytes.copy(ni);
        this.nr = SpecBytes.copy(nr);
        this.length = length;
    }

    /** Returns SK_d. */
    public SecretKey skD() {
        return skD;
    }

    /**
     * Returns the new shared secret g^ir (new), SK(0) in RFC 9370 terms, or an empty result
     * without a key exchange.
     */
    public Optional<SecretKey> sharedSecret() {
        return sharedSecrets.isEmpty()
                ? Optional.empty()
                : Optional.ofNullable(sharedSecrets.get(0));
    }

    /** Returns SK(0) to SK(n), an unmodifiable list that is empty without a key exchange. */
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

    /** Returns the number of KEYMAT bytes. */
    public int length() {
        return length;
    }
}
