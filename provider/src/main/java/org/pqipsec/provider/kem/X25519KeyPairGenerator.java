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
 * KeyPairGenerator {@code X25519} (RFC 7748 §6.1), producing {@link X25519PublicKey} and
 * {@link X25519PrivateKey}.
 *
 * <p>Randomness: the 32-byte private key k is one {@code nextBytes} call of 32 bytes on the
 * {@link SecureRandom} given to {@code initialize}, or on a default {@code SecureRandom} when
 * {@code initialize} was not called or got null. k is stored as drawn, because X25519 clamps it
 * itself. The public key is X25519(k, 9).
 *
 * <p>{@code initialize} takes the key size 255 ({@link InvalidParameterException} otherwise) or
 * {@link NamedParameterSpec#X25519} ({@link InvalidAlgorithmParameterException} for any other
 * spec, null included).
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
        if (!X25519Keys.isX25519(params)) {
            throw new InvalidAlgorithmParameterException("X25519 KeyPairGenerator requires"
                    + " NamedParameterSpec X25519, got " + X25519Keys.describe(params));
        }
        this.random = random;
    }

    @Override
    public KeyPair generateKeyPair() {
        byte[] k = X25519Dh.newPrivateKey(KemSupport.orDefault(random));
        try {
            return new KeyPair(new X25519PublicKey(X25519Dh.publicKey(k)),
                    new X25519PrivateKey(k));
        } finally {
            Arrays.fill(k, (byte) 0);
        }
    }
}
