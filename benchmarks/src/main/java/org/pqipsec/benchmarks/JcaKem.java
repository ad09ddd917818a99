package org.pqipsec.benchmarks;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;

import javax.crypto.KEM;

/**
 * A KEM reached through {@code javax.crypto.KEM} and {@code KeyPairGenerator} of one provider.
 * Each encapsulation and decapsulation creates its encapsulator or decapsulator, as a key
 * exchange with a fresh peer key must.
 */
final class JcaKem implements KemCandidate<KeyPair, KEM.Encapsulated> {

    private final KEM kem;
    private final KeyPairGenerator generator;

    JcaKem(String algorithm, Provider provider) throws GeneralSecurityException {
        this.kem = KEM.getInstance(algorithm, provider);
        this.generator = KeyPairGenerator.getInstance(algorithm, provider);
    }

    @Override
    public KeyPair generateKeyPair() {
        return generator.generateKeyPair();
    }

    @Override
    public KEM.Encapsulated encapsulate(KeyPair recipient) throws GeneralSecurityException {
        return kem.newEncapsulator(recipient.getPublic()).encapsulate();
    }

    @Override
    public byte[] decapsulate(KeyPair recipient, KEM.Encapsulated encapsulated)
            throws GeneralSecurityException {
        return kem.newDecapsulator(recipient.getPrivate())
                .decapsulate(encapsulated.encapsulation())
                .getEncoded();
    }

    @Override
    public byte[] senderSecret(KEM.Encapsulated encapsulated) {
        return encapsulated.key().getEncoded();
    }
}
