package org.pqipsec.provider.spec;

import java.security.spec.AlgorithmParameterSpec;

import javax.crypto.SecretKey;

/**
 * Derivation parameters for the raw prf+ function of RFC 7296 §2.13:
 *
 * <pre>
 * prf+ (K,S) = T1 | T2 | T3 | ...
 * T1 = prf (K, S | 0x01)
 * Tn = prf (K, Tn-1 | S | n)      (n is one octet, so at most 255 blocks)
 * </pre>
 *
 * <p>{@code deriveData} returns the first {@code length} bytes of that stream.
 *
 * <p>The spec copies the byte arrays it takes and returns, and keeps references to the keys.
 * The KDF checks the values when it derives and rejects bad ones with
 * {@code InvalidAlgorithmParameterException}. The key must be extractable and non-empty, the seed
 * must not be null (it may be empty), and {@code length} must be between 1 and 255 times the PRF
 * output length.
 */
public final class PrfPlusParameterSpec implements AlgorithmParameterSpec {

    private final SecretKey key;
    private final byte[] seed;
    private final int length;

    /**
     * Creates the parameters for prf+ with key {@code key} (K) and seed {@code seed} (S).
     *
     * @param key the PRF key K, for example SKEYSEED or SK_d
     * @param seed the seed S
     * @param length the number of output bytes
     */
    public PrfPlusParameterSpec(SecretKey key, byte[] seed, int length) {
        this.key = key;
        this.seed = SpecBytes.copy(seed);
        this.length = length;
    }

    /** Returns the PRF key K. */
    public SecretKey key() {
        return key;
    }

    /** Returns a copy of the seed S, or null if it was null. */
    public byte[] seed() {
        return SpecBytes.copy(seed);
    }

    /** Returns the number of output bytes. */
    public int length() {
        return length;
    }
}
