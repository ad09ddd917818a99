package org.pqipsec.provider.spec;

import java.security.InvalidAlgorithmParameterException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

import javax.crypto.KDF;
import javax.crypto.SecretKey;
import javax.security.auth.Destroyable;

import org.pqipsec.provider.key.DestroyableSecretKey;

/**
 * The keys of an ESP or AH Child SA pair, split from KEYMAT (RFC 7296 §2.17) in this order:
 *
 * <pre>
 * KEYMAT = encryption key (i-&gt;r) | integrity key (i-&gt;r)
 *        | encryption key (r-&gt;i) | integrity key (r-&gt;i)
 * </pre>
 *
 * <p>The initiator-to-responder keys protect the SA that carries traffic from the initiator of
 * the exchange that created the Child SA. Either key of a direction may be absent: an AEAD cipher
 * has no integrity key, and AH or ESP with ENCR_NULL has no encryption key.
 *
 * <p>The keys are raw. {@link #derive(KDF, ChildSaKeymatParameterSpec, EncryptionTransform,
 * IntegrityAlgorithm)} names them after the transforms, for example {@code ENCR_AES_GCM_16-256};
 * the other methods use {@link IkeSaKeys#ENCRYPTION_KEY_ALGORITHM} and
 * {@link IkeSaKeys#INTEGRITY_KEY_ALGORITHM}. The caller builds the cipher's key from these bytes;
 * for AES-GCM the last 4 bytes of the encryption key are the salt (RFC 4106 §8.1).
 *
 * <p>{@link #destroy()} overwrites every key with zeros.
 */
public final class ChildSaKeys implements Destroyable {

    private final DestroyableSecretKey initiatorToResponderEncryptionKey;
    private final DestroyableSecretKey initiatorToResponderIntegrityKey;
    private final DestroyableSecretKey responderToInitiatorEncryptionKey;
    private final DestroyableSecretKey responderToInitiatorIntegrityKey;

    private ChildSaKeys(byte[] keymat, int integrityKeyLength, int encryptionKeyLength,
            String integrityKeyAlgorithm, String encryptionKeyAlgorithm) {
        int offset = 0;

        initiatorToResponderEncryptionKey =
                key(keymat, offset, encryptionKeyLength, encryptionKeyAlgorithm);
        offset += encryptionKeyLength;
        initiatorToResponderIntegrityKey =
                key(keymat, offset, integrityKeyLength, integrityKeyAlgorithm);
        offset += integrityKeyLength;

        responderToInitiatorEncryptionKey =
                key(keymat, offset, encryptionKeyLength, encryptionKeyAlgorithm);
        offset += encryptionKeyLength;
        responderToInitiatorIntegrityKey =
                key(keymat, offset, integrityKeyLength, integrityKeyAlgorithm);
    }

    private static DestroyableSecretKey key(byte[] keymat, int offset, int length, String algorithm) {
        return length == 0 ? null : new DestroyableSecretKey(keymat, offset, length, algorithm);
    }

    /**
     * Returns the KEYMAT length for one Child SA pair of these transforms: twice the encryption
     * key material (salt included) and twice the integrity key.
     *
     * @param encryption the encryption transform
     * @param integrity the integrity algorithm, or null for an AEAD cipher
     */
    public static int keymatLength(EncryptionTransform encryption, IntegrityAlgorithm integrity) {
        Objects.requireNonNull(encryption, "encryption");
        int integrityKeyLength = integrity == null ? 0 : integrity.keyLength();
        return 2 * (encryption.keyMaterialLength() + integrityKeyLength);
    }

    /**
     * Derives KEYMAT with {@code kdf} for the transforms and splits it, naming the keys after the
     * transforms ({@link EncryptionTransform#keyAlgorithm()},
     * {@link IntegrityAlgorithm#ianaName()}).
     *
     * @param kdf a KDF of this provider for the negotiated PRF
     * @param spec the derivation parameters; {@code spec.length()} must equal
     *     {@link #keymatLength(EncryptionTransform, IntegrityAlgorithm)}
     * @param encryption the encryption transform
     * @param integrity the integrity algorithm, or null for an AEAD cipher
     * @throws InvalidAlgorithmParameterException if the length does not match the transforms, an
     *     AEAD cipher comes with an integrity algorithm, a non-AEAD cipher comes without one, or
     *     {@code kdf} rejects {@code spec}
     */
    public static ChildSaKeys derive(KDF kdf, ChildSaKeymatParameterSpec spec,
            EncryptionTransform encryption, IntegrityAlgorithm integrity)
            throws InvalidAlgorithmParameterException {
        Objects.requireNonNull(kdf, "kdf");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(encryption, "encryption");
        if (encryption.algorithm().isAead() && integrity != null) {
            throw new InvalidAlgorithmParameterException("integrity must be absent for "
                    + encryption.algorithm().ianaName() + ", an AEAD cipher, got "
                    + integrity.ianaName());
        }
        if (!encryption.algorithm().isAead() && integrity == null) {
            throw new InvalidAlgorithmParameterException("integrity is missing; "
                    + encryption.algorithm().ianaName() + " needs an integrity algorithm");
        }
        int expected = keymatLength(encryption, integrity);
        if (spec.length() != expected) {
            throw new InvalidAlgorithmParameterException("length must be " + expected + " for "
                    + encryption.keyAlgorithm() + " and "
                    + (integrity == null ? "no integrity algorithm" : integrity.ianaName())
                    + ", got " + spec.length());
        }

        int integrityKeyLength = integrity == null ? 0 : integrity.keyLength();
        byte[] keymat = kdf.deriveData(spec);
        try {
            checkLength(keymat, integrityKeyLength, encryption.keyMaterialLength());
            return new ChildSaKeys(keymat, integrityKeyLength, encryption.keyMaterialLength(),
                    integrity == null ? IkeSaKeys.INTEGRITY_KEY_ALGORITHM : integrity.ianaName(),
                    encryption.keyAlgorithm());
        } finally {
            Arrays.fill(keymat, (byte) 0);
        }
    }

    /**
     * Derives KEYMAT with {@code kdf} and splits it. The intermediate KEYMAT is wiped before this
     * method returns.
     *
     * @param kdf a KDF of this provider for the negotiated PRF
     * @param spec the derivation parameters; {@code spec.length()} must equal
     *     2 * (integrityKeyLength + encryptionKeyLength)
     * @param integrityKeyLength the length in bytes of each integrity key; 0 for none
     * @param encryptionKeyLength the length in bytes of each encryption key, salt included; 0 for
     *     none
     * @throws InvalidAlgorithmParameterException if {@code spec.length()} does not match the key
     *     lengths, or {@code kdf} rejects {@code spec}
     * @throws IllegalArgumentException if a key length is negative or both are 0
     */
    public static ChildSaKeys derive(
            KDF kdf,
            ChildSaKeymatParameterSpec spec,
            int integrityKeyLength,
            int encryptionKeyLength)
            throws InvalidAlgorithmParameterException {
        Objects.requireNonNull(kdf, "kdf");
        Objects.requireNonNull(spec, "spec");
        long expected = requiredLength(integrityKeyLength, encryptionKeyLength);
        if (spec.length() != expected) {
            throw new InvalidAlgorithmParameterException("length must be " + expected
                    + " for integrityKeyLength " + integrityKeyLength + " and encryptionKeyLength "
                    + encryptionKeyLength + ", got " + spec.length());
        }

        byte[] keymat = kdf.deriveData(spec);
        try {
            return split(keymat, integrityKeyLength, encryptionKeyLength);
        } finally {
            Arrays.fill(keymat, (byte) 0);
        }
    }

    /**
     * Splits KEYMAT into the keys of both directions. The keys are copies, so the caller still
     * owns {@code keymat} and should wipe it.
     *
     * @param keymat the first 2 * (integrityKeyLength + encryptionKeyLength) bytes of KEYMAT
     * @param integrityKeyLength the length in bytes of each integrity key; 0 for none
     * @param encryptionKeyLength the length in bytes of each encryption key, salt included; 0 for
     *     none
     * @throws IllegalArgumentException if a key length is negative, both are 0, or
     *     {@code keymat} does not have exactly the required length
     */
    public static ChildSaKeys split(
            byte[] keymat, int integrityKeyLength, int encryptionKeyLength) {
        checkLength(keymat, integrityKeyLength, encryptionKeyLength);
        return new ChildSaKeys(keymat, integrityKeyLength, encryptionKeyLength,
                IkeSaKeys.INTEGRITY_KEY_ALGORITHM, IkeSaKeys.ENCRYPTION_KEY_ALGORITHM);
    }

    private static void checkLength(byte[] keymat, int integrityKeyLength,
            int encryptionKeyLength) {
        Objects.requireNonNull(keymat, "keymat");
        long expected = requiredLength(integrityKeyLength, encryptionKeyLength);
        if (keymat.length != expected) {
            throw new IllegalArgumentException("keymat must be " + expected
                    + " bytes for integrityKeyLength " + integrityKeyLength
                    + " and encryptionKeyLength " + encryptionKeyLength + ", got " + keymat.length);
        }
    }

    private static long requiredLength(int integrityKeyLength, int encryptionKeyLength) {
        if (integrityKeyLength < 0) {
            throw new IllegalArgumentException(
                    "integrityKeyLength must be 0 or more, got " + integrityKeyLength);
        }
        if (encryptionKeyLength < 0) {
            throw new IllegalArgumentException(
                    "encryptionKeyLength must be 0 or more, got " + encryptionKeyLength);
        }
        if (integrityKeyLength == 0 && encryptionKeyLength == 0) {
            throw new IllegalArgumentException("integrityKeyLength and encryptionKeyLength"
                    + " are both 0; a Child SA needs at least one key");
        }
        return 2L * integrityKeyLength + 2L * encryptionKeyLength;
    }

    /** Returns the encryption key for traffic from initiator to responder, if the SA encrypts. */
    public Optional<SecretKey> initiatorToResponderEncryptionKey() {
        return Optional.ofNullable(initiatorToResponderEncryptionKey);
    }

    /** Returns the integrity key for traffic from initiator to responder, if the SA has one. */
    public Optional<SecretKey> initiatorToResponderIntegrityKey() {
        return Optional.ofNullable(initiatorToResponderIntegrityKey);
    }

    /** Returns the encryption key for traffic from responder to initiator, if the SA encrypts. */
    public Optional<SecretKey> responderToInitiatorEncryptionKey() {
        return Optional.ofNullable(responderToInitiatorEncryptionKey);
    }

    /** Returns the integrity key for traffic from responder to initiator, if the SA has one. */
    public Optional<SecretKey> responderToInitiatorIntegrityKey() {
        return Optional.ofNullable(responderToInitiatorIntegrityKey);
    }

    /** Overwrites all keys with zeros. */
    @Override
    public void destroy() {
        destroyIfPresent(initiatorToResponderEncryptionKey);
        destroyIfPresent(initiatorToResponderIntegrityKey);
        destroyIfPresent(responderToInitiatorEncryptionKey);
        destroyIfPresent(responderToInitiatorIntegrityKey);
    }

    private static void destroyIfPresent(DestroyableSecretKey key) {
        if (key != null) {
            key.destroy();
        }
    }

    /** Returns whether {@link #destroy()} has run. */
    @Override
    public boolean isDestroyed() {
        DestroyableSecretKey any = initiatorToResponderEncryptionKey != null
                ? initiatorToResponderEncryptionKey
                : initiatorToResponderIntegrityKey;
        return any.isDestroyed();
    }
}
