package org.pqipsec.provider.kem;

import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.security.auth.Destroyable;

/**
 * The ML-KEM arithmetic of FIPS 203 for one parameter set, as the ML-KEM and X25519MLKEM768
 * services use it. {@link Engines#mlKem} selects the implementation in use. Implementations and
 * the objects they return are safe for concurrent use.
 */
interface MlKemEngine {

    MlKemParameterSet parameterSet();

    /**
     * Runs FIPS 203 Algorithm 16 ML-KEM.KeyGen_internal(d, z) on {@code seed} = d ‖ z (64 bytes)
     * and returns ek with the expanded dk, which the caller zeroes. {@code seed} is not modified.
     */
    ExpandedKeyPair generateKeyPair(byte[] seed);

    /** The output of ML-KEM.KeyGen: the encapsulation key ek and the decapsulation key dk. */
    record ExpandedKeyPair(byte[] encapsulationKey, byte[] decapsulationKey) {}

    /**
     * Runs Algorithm 16 on {@code seed} = d ‖ z as {@link #generateKeyPair} does, and also
     * returns the two keys ready for use where the engine can make them from the values that key
     * generation computed. The caller zeroes dk and destroys the decapsulation key it does not
     * keep. {@code seed} is not modified.
     *
     * <p>The default prepares nothing, so callers check and parse ek and dk on first use.
     */
    default GeneratedKeyPair generatePreparedKeyPair(byte[] seed) {
        ExpandedKeyPair keys = generateKeyPair(seed);
        return new GeneratedKeyPair(keys.encapsulationKey(), keys.decapsulationKey(), null, null);
    }

    /**
     * The output of ML-KEM.KeyGen with the prepared keys: {@code preparedEncapsulationKey} and
     * {@code preparedDecapsulationKey} are null when the engine did not make them.
     */
    record GeneratedKeyPair(byte[] encapsulationKey, byte[] decapsulationKey,
            EncapsulationKey preparedEncapsulationKey,
            DecapsulationKey preparedDecapsulationKey) {}

    /**
     * Checks an expanded decapsulation key as FIPS 203 §7.3 requires (its length, and the hash
     * of its embedded ek) and returns it ready to decapsulate. {@code dk} is not modified.
     *
     * @throws InvalidKeyException if {@code dk} fails the check
     */
    DecapsulationKey newDecapsulationKey(byte[] dk) throws InvalidKeyException;

    /**
     * Runs Algorithm 16 on {@code seed} = d ‖ z and returns the decapsulation key ready to
     * decapsulate. {@code seed} is not modified.
     */
    default DecapsulationKey generateKey(byte[] seed) {
        GeneratedKeyPair keys = generatePreparedKeyPair(seed);
        byte[] dk = keys.decapsulationKey();
        try {
            if (keys.preparedDecapsulationKey() != null) {
                return keys.preparedDecapsulationKey();
            }
            return newDecapsulationKey(dk);
        } catch (InvalidKeyException e) {
            throw new java.security.ProviderException(parameterSet()
                    + " key generation produced a key that fails the FIPS 203 §7.3 check", e);
        } finally {
            Arrays.fill(dk, (byte) 0);
        }
    }

    /**
     * Checks an encapsulation key as FIPS 203 §7.2 requires before ML-KEM.Encaps (its length, and
     * each coefficient below q), and returns it prepared for any number of encapsulators.
     * {@code ek} is not modified.
     *
     * @throws InvalidKeyException if {@code ek} fails the check
     */
    EncapsulationKey newEncapsulationKey(byte[] ek) throws InvalidKeyException;

    /**
     * Returns {@code ek} prepared as {@link #newEncapsulationKey} does, for a key that has passed
     * the FIPS 203 §7.2 checks already. The default checks again. {@code ek} is not modified.
     *
     * @throws InvalidKeyException if the implementation checks again and {@code ek} fails
     */
    default EncapsulationKey newCheckedEncapsulationKey(byte[] ek) throws InvalidKeyException {
        return newEncapsulationKey(ek);
    }

    /**
     * Checks an encapsulation key as {@link #newEncapsulationKey} does, and returns an
     * encapsulator for it that draws the message m from {@code random}.
     *
     * @throws InvalidKeyException if {@code ek} fails the check
     */
    default Encapsulator newEncapsulator(byte[] ek, SecureRandom random)
            throws InvalidKeyException {
        return newEncapsulationKey(ek).newEncapsulator(random);
    }

    /**
     * An encapsulation key that passed the FIPS 203 §7.2 check, with the work that depends only on
     * the key done once: parsing, and for this provider's engine the matrix Â. It contains no
     * secret.
     */
    interface EncapsulationKey {

        /** Returns an encapsulator for this key that draws the message m from {@code random}. */
        Encapsulator newEncapsulator(SecureRandom random);
    }

    /** An encapsulation key that passed the FIPS 203 §7.2 check, bound to a randomness source. */
    interface Encapsulator {

        /**
         * Runs FIPS 203 Algorithm 20 ML-KEM.Encaps(ek): draws m (32 bytes, one
         * {@code nextBytes} call) and runs Algorithm 17.
         *
         * @return the shared secret K (32 bytes), which the caller zeroes, and the ciphertext c
         */
        Encapsulation encapsulate();
    }

    /** Output of ML-KEM.Encaps: the shared secret K and the ciphertext c. */
    record Encapsulation(byte[] sharedSecret, byte[] ciphertext) {}

    /** An expanded decapsulation key dk with its encapsulation key ek. */
    interface DecapsulationKey extends Destroyable {

        /** Returns a copy of the encapsulation key ek. */
        byte[] encapsulationKey();

        /**
         * Runs FIPS 203 Algorithm 21 ML-KEM.Decaps(dk, c) on a ciphertext of the exact length.
         * A malformed ciphertext yields the implicit-rejection secret, not an error.
         *
         * @return the shared secret K (32 bytes), which the caller zeroes
         */
        byte[] decapsulate(byte[] c);

        /**
         * Returns an independent copy of this key, which destroying this key leaves usable.
         *
         * @throws IllegalStateException if this key is destroyed
         */
        DecapsulationKey copy();

        /** Zeroes the secret parts of this key; later calls of {@link #decapsulate} throw. */
        @Override
        void destroy();
    }
}
