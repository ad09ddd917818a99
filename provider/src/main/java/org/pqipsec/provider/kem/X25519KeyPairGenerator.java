package org.pqipsec.provider.kem;

import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidParameterException;
import java.security.KeyPair;
import java.security.KeyPairGeneratorSpi;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;

/**
 * KeyPairGenerator {@code X25519}: draws the 32-byte private key k from the caller's
 * {@link SecureRandom} in one call and computes the public key X25519(k, 9) (RFC 7748 §6.1).
 * Keys are the JDK's {@link java.security.interfaces.XECPublicKey} and
 * {@link java.security.interfaces.XECPrivateKey}, created by SunEC.
 *
 * <p>{@code initialize} takes the key size 255 or {@link NamedParameterSpec#X25519}. Without a
 * call to it the generator uses a default {@link SecureRandom}.
 */
final class X25519KeyPairGenerator extends KeyPairGeneratorSpi {

    private static final int KEY_SIZE = 255;

    private SecureRandom random;

    X25519KeyPairGenerator() {}

    @Override
    public void initialize(int keysize, SecureRandom random) {
        if (keysize != KEY_SIZE) {
            throw new InvalidParameterException("X25519 key size must be 255 bits, got " + keysize);
        }
        this.random = random;
    }

    @Override
    public void initialize(AlgorithmParameterSpec params, SecureRandom random)
            throws InvalidAlgorithmParameterException {
        if (!(params instanceof NamedParameterSpec named)
                || !X25519Keys.ALGORITHM.equalsIgnoreCase(named.getName())) {
            throw new InvalidAlgorithmParameterException(
                    "X25519 key pair generator requires NamedParameterSpec X25519, got " + params);
        }
        this.random = random;
    }

    @Override
    public KeyPair generateKeyPair() {
        byte[] k = X25519Dh.newPrivateKey(KemSupport.orDefault(random));
        try {
            return new KeyPair(X25519Keys.publicKey(X25519Dh.publicKey(k)),
                    X25519Keys.privateKey(k));
        } finally {
            Arrays.fill(k, (byte) 0);
        }
    }
}
