package org.pqipsec.provider.ikev2;

import java.security.InvalidAlgorithmParameterException;
import java.util.Arrays;
import java.util.Optional;

import javax.crypto.SecretKey;

import org.pqipsec.provider.spec.EncryptionAlgorithm;
import org.pqipsec.provider.spec.EncryptionTransform;
import org.pqipsec.provider.spec.IkePrf;
import org.pqipsec.provider.spec.IntegrityAlgorithm;

/**
 * Checks the fields of the derivation specs for one PRF. Each failure is an
 * {@link InvalidAlgorithmParameterException} whose message names the field and the expected
 * length; a message never contains key bytes.
 */
final class InputChecks {

    /** The IKE SPI length of RFC 7296 §3.1. */
    static final int SPI_LENGTH = 8;

    /** The prf+ counter is one octet, so prf+ yields at most 255 blocks (RFC 7296 §2.13). */
    static final int MAX_PRF_PLUS_BLOCKS = 255;

    /** The nonce bytes that form the SKEYSEED key of a fixed-key PRF (RFC 7296 §2.14). */
    static final int FIXED_KEY_NONCE_PREFIX = 8;

    private final IkePrf prf;

    InputChecks(IkePrf prf) {
        this.prf = prf;
    }

    /** Returns the most bytes that prf+ can produce with this PRF. */
    int maxPrfPlusLength() {
        return MAX_PRF_PLUS_BLOCKS * prf.outputLength();
    }

    /** Rejects a null or empty nonce; any other length is accepted. */
    void requireNonce(byte[] nonce, String field) throws InvalidAlgorithmParameterException {
        if (nonce == null) {
            throw new InvalidAlgorithmParameterException(
                    field + " is missing; expected a nonce of 1 byte or more");
        }
        if (nonce.length == 0) {
            throw new InvalidAlgorithmParameterException(
                    field + " is empty; expected a nonce of 1 byte or more");
        }
    }

    /**
     * Rejects a nonce shorter than the 64 bits that SKEYSEED takes from it when the PRF has a
     * fixed key size (RFC 7296 §2.14).
     */
    void requireFixedKeyNonce(byte[] nonce, String field)
            throws InvalidAlgorithmParameterException {
        if (nonce.length < FIXED_KEY_NONCE_PREFIX) {
            throw new InvalidAlgorithmParameterException(field + " must be at least "
                    + FIXED_KEY_NONCE_PREFIX + " bytes for " + prf + ", whose SKEYSEED key is"
                    + " the first 8 bytes of Ni and of Nr, got " + nonce.length);
        }
    }

    /**
     * Rejects an integrity algorithm next to an AEAD cipher and a missing one next to another
     * cipher. A spec built from key lengths has no transforms and passes.
     */
    void requireTransforms(Optional<EncryptionTransform> encryption,
            Optional<IntegrityAlgorithm> integrity) throws InvalidAlgorithmParameterException {
        if (encryption.isEmpty()) {
            return;
        }
        EncryptionAlgorithm cipher = encryption.get().algorithm();
        if (cipher.isAead() && integrity.isPresent()) {
            throw new InvalidAlgorithmParameterException("integrity must be absent for "
                    + cipher.ianaName() + ", an AEAD cipher, got " + integrity.get().ianaName());
        }
        if (!cipher.isAead() && integrity.isEmpty()) {
            throw new InvalidAlgorithmParameterException("integrity is missing; "
                    + cipher.ianaName() + " needs an integrity algorithm");
        }
    }

    /** Rejects an IKE SPI that is not exactly 8 bytes. */
    void requireSpi(byte[] spi, String field) throws InvalidAlgorithmParameterException {
        if (spi == null) {
            throw new InvalidAlgorithmParameterException(
                    field + " is missing; expected an SPI of " + SPI_LENGTH + " bytes");
        }
        if (spi.length != SPI_LENGTH) {
            throw new InvalidAlgorithmParameterException(
                    field + " must be " + SPI_LENGTH + " bytes, got " + spi.length);
        }
    }

    /** Rejects a null seed; an empty seed is valid for prf+. */
    void requireSeed(byte[] seed, String field) throws InvalidAlgorithmParameterException {
        if (seed == null) {
            throw new InvalidAlgorithmParameterException(
                    field + " is missing; expected a byte array, which may be empty");
        }
    }

    /** Rejects an output length below 1 or beyond what prf+ can produce with this PRF. */
    void requireOutputLength(long length, String field) throws InvalidAlgorithmParameterException {
        if (length < 1) {
            throw new InvalidAlgorithmParameterException(
                    field + " must be 1 or more, got " + length);
        }
        if (length > maxPrfPlusLength()) {
            throw new InvalidAlgorithmParameterException(field + " must be at most "
                    + maxPrfPlusLength() + " bytes (" + MAX_PRF_PLUS_BLOCKS + " blocks of the "
                    + prf.outputLength() + "-byte " + prf + " output), got " + length);
        }
    }

    /**
     * Returns the length of {SK_d | SK_ai | SK_ar | SK_ei | SK_er | SK_pi | SK_pr} (RFC 7296
     * §2.14) after checking the key lengths. SK_ai and SK_ar may be empty, SK_ei and SK_er may
     * not, and the total must fit in prf+.
     */
    int ikeSaKeysLength(int integrityKeyLength, int encryptionKeyLength)
            throws InvalidAlgorithmParameterException {
        if (integrityKeyLength < 0) {
            throw new InvalidAlgorithmParameterException(
                    "integrityKeyLength must be 0 or more, got " + integrityKeyLength);
        }
        if (encryptionKeyLength < 1) {
            throw new InvalidAlgorithmParameterException(
                    "encryptionKeyLength must be 1 or more, got " + encryptionKeyLength);
        }

        // SK_d, SK_pi and SK_pr have the PRF output length. Each direction has one integrity key
        // and one encryption key.
        long length = 3L * prf.outputLength() + 2L * integrityKeyLength + 2L * encryptionKeyLength;
        if (length > maxPrfPlusLength()) {
            throw new InvalidAlgorithmParameterException("integrityKeyLength " + integrityKeyLength
                    + " and encryptionKeyLength " + encryptionKeyLength + " need " + length
                    + " bytes of prf+ output (3 * " + prf.outputLength() + " + 2 * "
                    + integrityKeyLength + " + 2 * " + encryptionKeyLength + "), but prf+ with "
                    + prf + " yields at most " + maxPrfPlusLength() + " bytes ("
                    + MAX_PRF_PLUS_BLOCKS + " blocks)");
        }
        return (int) length;
    }

    /**
     * Returns the bytes of a secret of any non-empty length. The caller owns the returned copy and
     * wipes it after its last use.
     */
    byte[] secretBytes(SecretKey key, String field) throws InvalidAlgorithmParameterException {
        if (key == null) {
            throw new InvalidAlgorithmParameterException(field + " is missing");
        }
        byte[] encoded = key.getEncoded();
        if (encoded == null) {
            throw new InvalidAlgorithmParameterException(field + " is not extractable:"
                    + " getEncoded() returned null; expected the raw key bytes");
        }
        if (encoded.length == 0) {
            throw new InvalidAlgorithmParameterException(
                    field + " is empty; expected 1 byte or more");
        }
        return encoded;
    }

    /**
     * Returns the bytes of a PRF output used as a key (SKEYSEED, SK_d), which must be exactly as
     * long as the PRF output. The caller owns the returned copy and wipes it after its last use.
     */
    byte[] prfOutputKeyBytes(SecretKey key, String field)
            throws InvalidAlgorithmParameterException {
        byte[] encoded = secretBytes(key, field);
        if (encoded.length != prf.outputLength()) {
            int actual = encoded.length;
            Arrays.fill(encoded, (byte) 0);
            throw new InvalidAlgorithmParameterException(field + " must be " + prf.outputLength()
                    + " bytes, the output length of " + prf + ", got " + actual);
        }
        return encoded;
    }

    /** Overwrites {@code secret} with zeros; null is ignored. */
    static void wipe(byte[] secret) {
        if (secret != null) {
            Arrays.fill(secret, (byte) 0);
        }
    }
}
