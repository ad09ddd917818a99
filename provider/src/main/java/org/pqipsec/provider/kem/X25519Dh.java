package org.pqipsec.provider.kem;

import java.security.InvalidKeyException;
import java.security.ProviderException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.DecapsulateException;

/**
 * X25519 Diffie-Hellman used as a KEM (RFC 7748 §6.1), as IKEv2 group 31 (RFC 8031) and the
 * X25519 half of X25519MLKEM768 use it. The encapsulation is an ephemeral public key
 * X25519(r, 9) and the shared secret is X25519(r, u), where u is the recipient's public key.
 *
 * <p>An all-zero shared secret is rejected, as RFC 7748 §6.1 allows and RFC 8031 §2.1 and
 * RFC 8446 §7.4.2 require.
 */
final class X25519Dh {

    /** Length in bytes of keys, encapsulations and shared secrets. */
    static final int LENGTH = X25519Engine.LENGTH;

    private X25519Dh() {}

    /** Draws a 32-byte private key (RFC 7748 §6.1) from {@code random}. */
    static byte[] newPrivateKey(SecureRandom random) {
        byte[] k = new byte[LENGTH];
        random.nextBytes(k);
        return k;
    }

    /** Computes the public key X25519(k, 9) of RFC 7748 §6.1. */
    static byte[] publicKey(byte[] k) {
        return Engines.x25519().x25519Base(k);
    }

    /**
     * Rejects a recipient public key u of small order, for which every shared secret would be all
     * zero, so the check decides it for the ephemeral scalar drawn later
     * ({@link X25519Engine#hasSmallOrder}).
     *
     * @throws InvalidKeyException if u has small order
     */
    static void checkRecipientKey(byte[] u, String algorithm) throws InvalidKeyException {
        if (Engines.x25519().hasSmallOrder(u)) {
            throw new InvalidKeyException(algorithm + " public key contains an X25519 point"
                    + " of small order, which gives an all-zero shared secret (RFC 7748 §6.1)");
        }
    }

    /**
     * Encapsulates to the recipient public key u (already passed through
     * {@link #checkRecipientKey}).
     *
     * <p>Writes the ephemeral public key X25519(r, 9) to {@code encapsulation} at
     * {@code encapsulationOffset} and the shared secret X25519(r, u) to {@code secret} at
     * {@code secretOffset}, 32 bytes each. The ephemeral scalar r is drawn from {@code random}.
     *
     * @throws ProviderException if the shared secret is all zero, which the recipient key check
     *     rules out
     */
    static void encapsulate(byte[] u, SecureRandom random, byte[] encapsulation,
            int encapsulationOffset, byte[] secret, int secretOffset) {
        byte[] r = newPrivateKey(random);
        byte[] sharedSecret = null;
        try {
            byte[] ephemeralPublicKey = publicKey(r);
            sharedSecret = Engines.x25519().x25519(r, u);

            if (KemSupport.isAllZero(sharedSecret, 0, LENGTH)) {
                throw new ProviderException("X25519 shared secret is all zero although the"
                        + " public key passed the small-order check");
            }

            System.arraycopy(ephemeralPublicKey, 0, encapsulation, encapsulationOffset, LENGTH);
            System.arraycopy(sharedSecret, 0, secret, secretOffset, LENGTH);
        } finally {
            Arrays.fill(r, (byte) 0);
            if (sharedSecret != null) {
                Arrays.fill(sharedSecret, (byte) 0);
            }
        }
    }

    /**
     * Decapsulates with private key k: writes X25519(k, e) to {@code secret} at
     * {@code secretOffset}, where e is the ephemeral public key at {@code encapsulationOffset}.
     *
     * @throws DecapsulateException if the shared secret is all zero, because e has small order
     */
    static void decapsulate(byte[] k, byte[] encapsulation, int encapsulationOffset,
            byte[] secret, int secretOffset, String algorithm) throws DecapsulateException {
        byte[] e = Arrays.copyOfRange(encapsulation, encapsulationOffset,
                encapsulationOffset + LENGTH);
        byte[] sharedSecret = Engines.x25519().x25519(k, e);
        try {
            if (KemSupport.isAllZero(sharedSecret, 0, LENGTH)) {
                throw new DecapsulateException(algorithm + " encapsulation contains an X25519"
                        + " point of small order, which gives an all-zero shared secret"
                        + " (RFC 7748 §6.1)");
            }
            System.arraycopy(sharedSecret, 0, secret, secretOffset, LENGTH);
        } finally {
            Arrays.fill(sharedSecret, (byte) 0);
        }
    }
}
