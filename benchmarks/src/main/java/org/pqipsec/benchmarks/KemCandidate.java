package org.pqipsec.benchmarks;

import java.security.GeneralSecurityException;

/**
 * One implementation of a key encapsulation mechanism as a benchmark drives it, with its own key
 * and message types. Diffie-Hellman peers implement it the way a KEM wraps Diffie-Hellman: the
 * encapsulation is an ephemeral public key and the secret is the shared value.
 *
 * @param <K> the recipient's key pair
 * @param <E> the sender's output: the encapsulation together with the sender's copy of the secret
 */
interface KemCandidate<K, E> {

    /** Generates a recipient key pair. */
    K generateKeyPair() throws GeneralSecurityException;

    /** Encapsulates a fresh secret to the public half of {@code recipient}. */
    E encapsulate(K recipient) throws GeneralSecurityException;

    /** Recovers the secret of {@code encapsulated} with the private half of {@code recipient}. */
    byte[] decapsulate(K recipient, E encapsulated) throws GeneralSecurityException;

    /** Returns the sender's copy of the secret in {@code encapsulated}. */
    byte[] senderSecret(E encapsulated);
}
