package org.pqipsec.benchmarks;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Key pairs and encapsulations built before measurement, so that encapsulation and
 * decapsulation benchmarks cycle through {@value #SIZE} different keys and never pay for key
 * generation. {@link #build} checks every pair once: decapsulation must return the sender's
 * secret, so a broken implementation fails at setup and is never timed.
 *
 * <p>Not thread-safe: each JMH thread needs its own set (benchmarks here run one thread).
 */
final class KemKeySet<K, E> {

    /** Number of key pairs, a power of two so the index wraps with a mask. */
    static final int SIZE = 16;

    private final KemCandidate<K, E> kem;
    private final List<K> keyPairs;
    private final List<E> encapsulations;
    private int next;

    private KemKeySet(KemCandidate<K, E> kem, List<K> keyPairs, List<E> encapsulations) {
        this.kem = kem;
        this.keyPairs = keyPairs;
        this.encapsulations = encapsulations;
    }

    /**
     * Generates {@value #SIZE} key pairs with {@code kem}, encapsulates once to each, and checks
     * that each decapsulation returns the sender's secret.
     *
     * @throws IllegalStateException if a decapsulated secret differs from the sender's
     */
    static <K, E> KemKeySet<K, E> build(KemCandidate<K, E> kem, String name)
            throws GeneralSecurityException {
        List<K> keyPairs = new ArrayList<>(SIZE);
        List<E> encapsulations = new ArrayList<>(SIZE);
        for (int i = 0; i < SIZE; i++) {
            K keyPair = kem.generateKeyPair();
            E encapsulated = kem.encapsulate(keyPair);
            byte[] received = kem.decapsulate(keyPair, encapsulated);
            if (!Arrays.equals(received, kem.senderSecret(encapsulated))) {
                throw new IllegalStateException(name + ": decapsulated secret of key pair " + i
                        + " differs from the sender's secret");
            }
            keyPairs.add(keyPair);
            encapsulations.add(encapsulated);
        }
        return new KemKeySet<>(kem, List.copyOf(keyPairs), List.copyOf(encapsulations));
    }

    K generateKeyPair() throws GeneralSecurityException {
        return kem.generateKeyPair();
    }

    /** Encapsulates to the next pre-built public key. */
    E encapsulate() throws GeneralSecurityException {
        return kem.encapsulate(keyPairs.get(nextIndex()));
    }

    /** Decapsulates the next pre-built encapsulation with its private key. */
    byte[] decapsulate() throws GeneralSecurityException {
        int index = nextIndex();
        return kem.decapsulate(keyPairs.get(index), encapsulations.get(index));
    }

    private int nextIndex() {
        int index = next;
        next = (index + 1) & (SIZE - 1);
        return index;
    }
}
