package org.pqipsec.provider.spec;

import java.util.Objects;

/**
 * A negotiated encryption transform: the algorithm and its Key Length attribute in bits (RFC 7296
 * §3.3.5).
 *
 * @param algorithm the encryption algorithm
 * @param keyBits the cipher key length in bits, without the salt
 */
public record EncryptionTransform(EncryptionAlgorithm algorithm, int keyBits) {

    /**
     * Checks the key length.
     *
     * @throws IllegalArgumentException if {@code algorithm} does not take {@code keyBits}
     */
    public EncryptionTransform {
        Objects.requireNonNull(algorithm, "algorithm");
        if (!algorithm.acceptsKeyBits(keyBits)) {
            throw new IllegalArgumentException("keyBits " + keyBits + " is not a key length of "
                    + algorithm.ianaName() + "; expected "
                    + (algorithm == EncryptionAlgorithm.CHACHA20_POLY1305
                            ? "256" : "128, 192 or 256"));
        }
    }

    /** Returns the key material length in bytes of one direction: the key plus the salt. */
    public int keyMaterialLength() {
        return keyBits / 8 + algorithm.saltLength();
    }

    /**
     * Returns the name given to keys of this transform, for example
     * {@code ENCR_AES_GCM_16-256}: the IANA name and the key length in bits.
     */
    public String keyAlgorithm() {
        return algorithm.ianaName() + "-" + keyBits;
    }
}
