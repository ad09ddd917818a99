package org.pqipsec.benchmarks;

import java.security.GeneralSecurityException;

/**
 * X25519MLKEM768 composed from a separate ML-KEM-768 and X25519, the way a user without a hybrid
 * implementation would build it: both halves run side by side and the secret is the ML-KEM secret
 * followed by the X25519 secret, the order of the hybrid's 64-byte secret. The wire encoding of
 * the combined public key and encapsulation is left out, so the composition does slightly less
 * work than the hybrid KEM.
 */
final class ComposedHybridKem<K1, E1, K2, E2>
        implements KemCandidate<ComposedHybridKem.Pair<K1, K2>, ComposedHybridKem.Pair<E1, E2>> {

    record Pair<A, B>(A mlKem, B x25519) {}

    private final KemCandidate<K1, E1> mlKem;
    private final KemCandidate<K2, E2> x25519;

    ComposedHybridKem(KemCandidate<K1, E1> mlKem, KemCandidate<K2, E2> x25519) {
        this.mlKem = mlKem;
        this.x25519 = x25519;
    }

    @Override
    public Pair<K1, K2> generateKeyPair() throws GeneralSecurityException {
        return new Pair<>(mlKem.generateKeyPair(), x25519.generateKeyPair());
    }

    @Override
    public Pair<E1, E2> encapsulate(Pair<K1, K2> recipient) throws GeneralSecurityException {
        return new Pair<>(mlKem.encapsulate(recipient.mlKem()), x25519.encapsulate(recipient.x25519()));
    }

    @Override
    public byte[] decapsulate(Pair<K1, K2> recipient, Pair<E1, E2> encapsulated)
            throws GeneralSecurityException {
        return concat(mlKem.decapsulate(recipient.mlKem(), encapsulated.mlKem()),
                x25519.decapsulate(recipient.x25519(), encapsulated.x25519()));
    }

    @Override
    public byte[] senderSecret(Pair<E1, E2> encapsulated) {
        return concat(mlKem.senderSecret(encapsulated.mlKem()), x25519.senderSecret(encapsulated.x25519()));
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = new byte[first.length + second.length];
        System.arraycopy(first, 0, joined, 0, first.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }
}
