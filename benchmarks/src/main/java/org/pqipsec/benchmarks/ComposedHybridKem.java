package org.pqipsec.benchmarks;

import java.security.GeneralSecurityException;

/**
 * A hybrid KEM composed from two separate KEMs, the way a user without a hybrid implementation
 * would build it: both halves run side by side and the secret is the first half's secret
 * followed by the second's. For X25519MLKEM768 the first half is ML-KEM-768 and the second
 * X25519; for the ECDHE-MLKEM hybrids of draft-ietf-tls-ecdhe-mlkem the first half is ECDH. The
 * wire encoding of the combined public key and encapsulation is left out, so the composition
 * does slightly less work than the hybrid KEM.
 */
final class ComposedHybridKem<K1, E1, K2, E2>
        implements KemCandidate<ComposedHybridKem.Pair<K1, K2>, ComposedHybridKem.Pair<E1, E2>> {

    record Pair<A, B>(A first, B second) {}

    private final KemCandidate<K1, E1> first;
    private final KemCandidate<K2, E2> second;

    /**
     * @param first the half whose secret comes first in the combined secret
     * @param second the half whose secret follows
     */
    ComposedHybridKem(KemCandidate<K1, E1> first, KemCandidate<K2, E2> second) {
        this.first = first;
        this.second = second;
    }

    @Override
    public Pair<K1, K2> generateKeyPair() throws GeneralSecurityException {
        return new Pair<>(first.generateKeyPair(), second.generateKeyPair());
    }

    @Override
    public Pair<E1, E2> encapsulate(Pair<K1, K2> recipient) throws GeneralSecurityException {
        return new Pair<>(first.encapsulate(recipient.first()), second.encapsulate(recipient.second()));
    }

    @Override
    public byte[] decapsulate(Pair<K1, K2> recipient, Pair<E1, E2> encapsulated)
            throws GeneralSecurityException {
        return concat(first.decapsulate(recipient.first(), encapsulated.first()),
                second.decapsulate(recipient.second(), encapsulated.second()));
    }

    @Override
    public byte[] senderSecret(Pair<E1, E2> encapsulated) {
        return concat(first.senderSecret(encapsulated.first()), second.senderSecret(encapsulated.second()));
    }

    private static byte[] concat(byte[] head, byte[] tail) {
        byte[] joined = new byte[head.length + tail.length];
        System.arraycopy(head, 0, joined, 0, head.length);
        System.arraycopy(tail, 0, joined, head.length, tail.length);
        return joined;
    }
}
