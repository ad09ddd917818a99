package org.pqipsec.provider.spec;

import java.security.spec.AlgorithmParameterSpec;
import java.util.Objects;
import java.util.Optional;

import javax.crypto.SecretKey;

/**
 * Derivation parameters for the keys of an IKE SA (RFC 7296 §2.14):
 *
 * <pre>
 * {SK_d | SK_ai | SK_ar | SK_ei | SK_er | SK_pi | SK_pr} = prf+ (SKEYSEED, Ni | Nr | SPIi | SPIr)
 * </pre>
 *
 * <p>{@code deriveData} returns the concatenated keys in that order. SK_d, SK_pi and SK_pr have
 * the PRF output length, SK_ai and SK_ar have {@code integrityKeyLength} bytes, and SK_ei and
 * SK_er have {@code encryptionKeyLength} bytes. {@link IkeSaKeys} splits the stream.
 *
 * <p>The same spec derives the keys after each additional key exchange of RFC 9370 §2.2.2 (with
 * SKEYSEED(n) from {@link AdditionalKeyExchangeParameterSpec}) and after an IKE SA rekey of RFC
 * 7296 §2.18. In both cases the nonces and SPIs are those of the exchange that created the SA:
 * IKE_SA_INIT for RFC 9370, CREATE_CHILD_SA for a rekey.
 *
 * <p>The spec copies the byte arrays it takes and returns, and keeps references to the keys.
 * The KDF checks the values when it derives and rejects bad ones with
 * {@code InvalidAlgorithmParameterException}: SKEYSEED must be extractable and as long as the PRF
 * output, both nonces must be non-empty, both SPIs must be 8 bytes, {@code integrityKeyLength}
 * must not be negative, {@code encryptionKeyLength} must be at least 1, and the total must not
 * exceed 255 times the PRF output length.
 */
public final class IkeSaKeysParameterSpec implements AlgorithmParameterSpec {

    private final SecretKey skeyseed;
    private final byte[] ni;
    private final byte[] nr;
    private final byte[] spiI;
    private final byte[] spiR;
    private final int integrityKeyLength;
    private final int encryptionKeyLength;
    private final EncryptionTransform encryption;
    private final IntegrityAlgorithm integrity;

    /**
     * Creates the parameters for the IKE SA keys.
     *
     * @param skeyseed SKEYSEED
     * @param ni the initiator's nonce Ni
     * @param nr the responder's nonce Nr
     * @param spiI the initiator's 8-byte IKE SPI
     * @param spiR the responder's 8-byte IKE SPI
     * @param integrityKeyLength the key length in bytes of the integrity algorithm, the length of
     *     SK_ai and SK_ar; 0 for an AEAD cipher, which has no separate integrity key
     * @param encryptionKeyLength the length in bytes of SK_ei and SK_er. It includes the salt
     *     when the cipher takes one from the key material, for example 32 + 4 for AES-256-GCM
     *     (RFC 5282 §7.1)
     */
    public IkeSaKeysParameterSpec(
            SecretKey skeyseed,
            byte[] ni,
            byte[] nr,
            byte[] spiI,
            byte[] spiR,
            int integrityKeyLength,
            int encryptionKeyLength) {
        this.skeyseed = skeyseed;
        this.ni = SpecBytes.copy(ni);
        this.nr = SpecBytes.copy(nr);
        this.spiI = SpecBytes.copy(spiI);
        this.spiR = SpecBytes.copy(spiR);
        this.integrityKeyLength = integrityKeyLength;
        this.encryptionKeyLength = encryptionKeyLength;
        this.encryption = null;
        this.integrity = null;
    }

    /**
     * Creates the parameters for the IKE SA keys of a negotiated transform set, which sets the
     * key lengths. An AEAD cipher (AES-GCM, AES-CCM, ChaCha20-Poly1305) has no integrity
     * algorithm, so SK_ai and SK_ar are empty, and its SK_ei and SK_er carry the salt after the
     * key (RFC 5282 §7.1, RFC 7634 §2). {@link IkeSaKeys#derive} names the keys after the
     * transforms.
     *
     * @param skeyseed SKEYSEED
     * @param ni the initiator's nonce Ni
     * @param nr the responder's nonce Nr
     * @param spiI the initiator's 8-byte IKE SPI
     * @param spiR the responder's 8-byte IKE SPI
     * @param encryption the encryption transform
     * @param integrity the integrity algorithm, or null for an AEAD cipher; the KDF rejects a
     *     missing one for a non-AEAD cipher and a present one for an AEAD cipher
     * @throws NullPointerException if {@code encryption} is null
     */
    public IkeSaKeysParameterSpec(
            SecretKey skeyseed,
            byte[] ni,
            byte[] nr,
            byte[] spiI,
            byte[] spiR,
            EncryptionTransform encryption,
            IntegrityAlgorithm integrity) {
        this.skeyseed = skeyseed;
        this.ni = SpecBytes.copy(ni);
        this.nr = SpecBytes.copy(nr);
        this.spiI = SpecBytes.copy(spiI);
        this.spiR = SpecBytes.copy(spiR);
        this.encryption = Objects.requireNonNull(encryption, "encryption");
        this.integrity = integrity;
        this.integrityKeyLength = integrity == null ? 0 : integrity.keyLength();
        this.encryptionKeyLength = encryption.keyMaterialLength();
    }

    /** Returns the encryption transform, if the spec was created from transforms. */
    public Optional<EncryptionTransform> encryption() {
        return Optional.ofNullable(encryption);
    }

    /** Returns the integrity algorithm, if the spec was created from transforms with one. */
    public Optional<IntegrityAlgorithm> integrity() {
        return Optional.ofNullable(integrity);
    }

    /** Returns SKEYSEED. */
    public SecretKey skeyseed() {
        return skeyseed;
    }

    /** Returns a copy of the initiator's nonce Ni, or null if it was null. */
    public byte[] ni() {
        return SpecBytes.copy(ni);
    }

    /** Returns a copy of the responder's nonce Nr, or null if it was null. */
    public byte[] nr() {
        return SpecBytes.copy(nr);
    }

    /** Returns a copy of the initiator's IKE SPI, or null if it was null. */
    public byte[] spiI() {
        return SpecBytes.copy(spiI);
    }

    /** Returns a copy of the responder's IKE SPI, or null if it was null. */
    public byte[] spiR() {
        return SpecBytes.copy(spiR);
    }

    /** Returns the length in bytes of SK_ai and SK_ar. */
    public int integrityKeyLength() {
        return integrityKeyLength;
    }

    /** Returns the length in bytes of SK_ei and SK_er. */
    public int encryptionKeyLength() {
        return encryptionKeyLength;
    }
}
