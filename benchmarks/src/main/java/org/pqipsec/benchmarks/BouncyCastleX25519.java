package org.pqipsec.benchmarks;

import java.security.SecureRandom;

import org.bouncycastle.crypto.agreement.X25519Agreement;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

/**
 * X25519 used as a KEM through BouncyCastle's lightweight {@link X25519Agreement}. Key
 * generation computes the public key too, as a JCA {@code KeyPairGenerator} does.
 */
final class BouncyCastleX25519
        implements KemCandidate<BouncyCastleX25519.KeyPair, BouncyCastleX25519.Ephemeral> {

    record KeyPair(X25519PrivateKeyParameters privateKey, X25519PublicKeyParameters publicKey) {}

    /** The sender's output: its ephemeral public key and the shared secret it computed. */
    record Ephemeral(X25519PublicKeyParameters publicKey, byte[] secret) {}

    private final SecureRandom random;
    private final X25519Agreement agreement = new X25519Agreement();

    BouncyCastleX25519(SecureRandom random) {
        this.random = random;
    }

    @Override
    public KeyPair generateKeyPair() {
        X25519PrivateKeyParameters privateKey = new X25519PrivateKeyParameters(random);
        return new KeyPair(privateKey, privateKey.generatePublicKey());
    }

    @Override
    public Ephemeral encapsulate(KeyPair recipient) {
        KeyPair ephemeral = generateKeyPair();
        return new Ephemeral(ephemeral.publicKey(), agree(ephemeral.privateKey(), recipient.publicKey()));
    }

    @Override
    public byte[] decapsulate(KeyPair recipient, Ephemeral encapsulated) {
        return agree(recipient.privateKey(), encapsulated.publicKey());
    }

    @Override
    public byte[] senderSecret(Ephemeral encapsulated) {
        return encapsulated.secret();
    }

    private byte[] agree(X25519PrivateKeyParameters own, X25519PublicKeyParameters peer) {
        agreement.init(own);
        byte[] secret = new byte[agreement.getAgreementSize()];
        agreement.calculateAgreement(peer, secret, 0);
        return secret;
    }
}
