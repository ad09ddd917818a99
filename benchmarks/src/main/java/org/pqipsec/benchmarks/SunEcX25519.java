package org.pqipsec.benchmarks;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;

import javax.crypto.KeyAgreement;

/**
 * X25519 used as a KEM through SunEC's {@code KeyPairGenerator} and {@code KeyAgreement}: the
 * sender generates an ephemeral key pair and agrees with the recipient's public key. One
 * {@code KeyAgreement} object is kept and re-initialized per agreement, which spares the
 * provider lookup a per-call {@code getInstance} would cost.
 */
final class SunEcX25519 implements KemCandidate<KeyPair, SunEcX25519.Ephemeral> {

    /** The sender's output: its ephemeral key pair and the shared secret it computed. */
    record Ephemeral(KeyPair keyPair, byte[] secret) {}

    private final KeyPairGenerator generator;
    private final KeyAgreement agreement;

    SunEcX25519() throws GeneralSecurityException {
        generator = KeyPairGenerator.getInstance("X25519", Providers.jdk("SunEC"));
        agreement = KeyAgreement.getInstance("X25519", Providers.jdk("SunEC"));
    }

    @Override
    public KeyPair generateKeyPair() {
        return generator.generateKeyPair();
    }

    @Override
    public Ephemeral encapsulate(KeyPair recipient) throws GeneralSecurityException {
        KeyPair ephemeral = generator.generateKeyPair();
        return new Ephemeral(ephemeral, agree(ephemeral, recipient));
    }

    @Override
    public byte[] decapsulate(KeyPair recipient, Ephemeral encapsulated) throws GeneralSecurityException {
        return agree(recipient, encapsulated.keyPair());
    }

    @Override
    public byte[] senderSecret(Ephemeral encapsulated) {
        return encapsulated.secret();
    }

    private byte[] agree(KeyPair own, KeyPair peer) throws GeneralSecurityException {
        agreement.init(own.getPrivate());
        agreement.doPhase(peer.getPublic(), true);
        return agreement.generateSecret();
    }
}
