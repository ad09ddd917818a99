package org.pqipsec.provider.spec;

import java.security.InvalidAlgorithmParameterException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

import javax.crypto.KDF;
import javax.crypto.SecretKey;
import javax.security.auth.Destroyable;

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
 * <p>The keys are raw with the algorithm names {@link IkeSaKeys#ENCRYPTION_KEY_ALGORITHM} and
 * {@link IkeSaKeys#INTEGRITY_KEY_ALGORITHM}. The caller builds the cipher's key from these bytes;
 * for AES-GCM the last 4 bytes of the encryption key are the salt (RFC 4106 §8.1).
 *
 * <p>{@link #destroy()} overwrites every key with zeros.
 */
public final class ChildSaKeys implements Destroyable {

    private final DerivedSecretKey initiatorToResponderEncryptionKey;
    private final DerivedSecretKey initiatorToResponderIntegrityKey;
    private final DerivedSecretKey responderToInitiatorEncryptionKey;
    private final DerivedSecretKey responderToInitiatorIntegrityKey;

    private ChildSaKeys(byte[] keymat, int integrityKeyLength, int encryptionKeyLength) {
        int offset = 0;

        initiatorToResponderEncryptionKey = encryptionKey(keymat, offset, encryptionKeyLength);
        offset += encryptionKeyLength;
        initiatorToResponderIntegrityKey = integrityKey(keymat, offset, integrityKeyLength);
        offset += integrityKeyLength;

        responderToInitiatorEncryptionKey = encryptionKey(keymat, offset, encryptionKeyLength);
        offset += encryptionKeyLength;
        responderToInitiatorIntegrityKey = integrityKey(keymat, offset, integrityKeyLength);
    }

    private static DerivedSecretKey encryptionKey(byte[] keymat, int offset, int length) {
        return length == 0
                ? null
                : new DerivedSecretKey(keymat, offset, length, IkeSaKeys.ENCRYPTION_KEY_ALGORITHM);
    }

    private static DerivedSecretKey integrityKey(byte[] keymat, int offset, int length) {
        return length == 0
                ? null
                : new DerivedSecretKey(keymat, offset, length, IkeSaKeys.INTEGRITY_KEY_ALGORITHM);
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
        Objects.requireNonNull(keymat, "keymat");
        long expected = requiredLength(integrityKeyLength, encryptionKeyLength);
        if (keymat.length != expected) {
            throw new IllegalArgumentException("keymat must be " + expected
                    + " bytes for integrityKeyLength " + integrityKeyLength
                    + " and encryptionKeyLength " + encryptionKeyLength + ", got " + keymat.length);
        }
        return new ChildSaKeys(keymat, integrityKeyLength, encryptionKeyLength);
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

    private static void destroyIfPresent(DerivedSecretKey key) {
        if (key != null) {
            key.destroy();
        }
    }

    /** Returns whether {@link #destroy()} has run. */
    @Override
    public boolean isDestroyed() {
        DerivedSecretKey any = initiatorToResponderEncryptionKey != null
                ? initiatorToResponderEncryptionKey
                : initiatorToResponderIntegrityKey;
        return any.isDestroyed();
    }
}
