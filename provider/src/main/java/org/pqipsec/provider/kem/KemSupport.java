package org.pqipsec.provider.kem;

import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.EncodedKeySpec;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.KeySpec;
import java.util.Arrays;
import java.util.Objects;

import javax.crypto.SecretKey;

import org.pqipsec.provider.key.DestroyableSecretKey;
import org.pqipsec.provider.spec.RawKeySpec;

/**
 * Argument checks and conversions shared by the KEM, KeyPairGenerator and KeyFactory
 * implementations of this package.
 *
 * <p>Constant-time policy of the package's own code: no secret value chooses a branch, an array
 * index or a division. Lengths, key types and the result of an all-zero check are public. The
 * arithmetic behind {@link X25519Engine} and {@link MlKemEngine} is the engines' own concern.
 */
final class KemSupport {

    private KemSupport() {}

    /**
     * Checks the {@code from}, {@code to} and {@code algorithm} arguments of
     * {@code KEMSpi.EncapsulatorSpi.engineEncapsulate} and
     * {@code KEMSpi.DecapsulatorSpi.engineDecapsulate}.
     *
     * @throws IndexOutOfBoundsException if {@code from < 0}, {@code from > to} or
     *     {@code to > secretSize}
     * @throws NullPointerException if {@code algorithm} is null
     * @throws UnsupportedOperationException if {@code from == to}, because a {@link SecretKey}
     *     cannot be empty
     */
    static void checkSecretRange(int from, int to, int secretSize, String algorithm) {
        Objects.checkFromToIndex(from, to, secretSize);
        Objects.requireNonNull(algorithm, "algorithm");
        if (from == to) {
            throw new UnsupportedOperationException(
                    "an empty secret key is not supported: from and to are both " + from);
        }
    }

    /**
     * Copies {@code secret[from, to)} into a {@link DestroyableSecretKey} of the given algorithm
     * and zeroes {@code secret}, also when the copy fails.
     */
    static SecretKey toSecretKey(byte[] secret, int from, int to, String algorithm) {
        try {
            return new DestroyableSecretKey(secret, from, to - from, algorithm);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /**
     * Returns whether {@code value[offset, offset + length)} is all zero. The running time does not
     * depend on the bytes: they are OR-accumulated and only the accumulated result is branched on.
     */
    static boolean isAllZero(byte[] value, int offset, int length) {
        int accumulator = 0;
        for (int i = offset; i < offset + length; i++) {
            accumulator |= value[i];
        }
        return accumulator == 0;
    }

    /** Returns {@code random}, or the package's shared default source when it is null. */
    static SecureRandom orDefault(SecureRandom random) {
        return random != null ? random : DefaultRandom.INSTANCE;
    }

    /**
     * Rejects a non-null parameter spec: none of the KEMs of this package takes parameters.
     *
     * @throws InvalidAlgorithmParameterException if {@code spec} is not null
     */
    static void requireNoSpec(AlgorithmParameterSpec spec, String algorithm)
            throws InvalidAlgorithmParameterException {
        if (spec != null) {
            throw new InvalidAlgorithmParameterException(
                    algorithm + " KEM takes no AlgorithmParameterSpec, got "
                            + spec.getClass().getName());
        }
    }

    /** A step that checks part of an imported key and keeps the result in the key object. */
    @FunctionalInterface
    interface ImportCheck<K> {
        Object check(K key) throws InvalidKeyException;
    }

    /**
     * Runs {@code check} on a newly imported key and returns the key, so the KeyFactory rejects
     * an invalid key and the key object keeps the checked part for its first use.
     *
     * @throws InvalidKeySpecException with the message of the {@link InvalidKeyException} that
     *     {@code check} throws
     */
    static <K> K checkedAtImport(K key, ImportCheck<K> check) throws InvalidKeySpecException {
        try {
            check.check(key);
        } catch (InvalidKeyException e) {
            throw new InvalidKeySpecException(e.getMessage(), e);
        }
        return key;
    }

    /** Returns whether {@code spec} is an {@link EncodedKeySpec} whose format is {@code "RAW"}. */
    static boolean isRaw(KeySpec spec) {
        return spec instanceof EncodedKeySpec encoded
                && RawKeySpec.FORMAT.equalsIgnoreCase(encoded.getFormat());
    }

    /** Returns whether {@code key} reports the format {@code "RAW"}. */
    static boolean isRaw(Key key) {
        return RawKeySpec.FORMAT.equalsIgnoreCase(key.getFormat());
    }

    /**
     * Returns a short description of a key for error messages: its class, algorithm and format,
     * never its bytes.
     */
    static String describe(Key key) {
        if (key == null) {
            return "null";
        }
        return key.getClass().getName() + " (algorithm " + key.getAlgorithm() + ", format "
                + key.getFormat() + ")";
    }

    /**
     * Lazily created default randomness source, shared because the JDK's default SecureRandom is
     * safe for concurrent use.
     */
    private static final class DefaultRandom {
        static final SecureRandom INSTANCE = new SecureRandom();
    }
}
