package org.pqipsec.provider.kem;

import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
import java.util.Objects;

import javax.crypto.KeyAgreementSpi;
import javax.crypto.SecretKey;
import javax.crypto.ShortBufferException;

import org.pqipsec.provider.key.DestroyableSecretKey;

/**
 * KeyAgreement {@code X25519}: the Diffie-Hellman of RFC 7748 §6.1, K = X25519(k, u) for our
 * private key k and the peer's public key u.
 *
 * <p>{@code init} takes any {@link java.security.interfaces.XECPrivateKey} with the X25519
 * parameters (this provider's, SunEC's, BouncyCastle's) and, as parameters, null or
 * {@link java.security.spec.NamedParameterSpec#X25519}. {@code doPhase} takes any
 * {@link java.security.interfaces.XECPublicKey} with the X25519 parameters and requires
 * {@code lastPhase == true}, because X25519 has two parties. It computes K at once and throws
 * {@link InvalidKeyException} if K is all zero: RFC 7748 §6.1 allows that check, RFC 8031 §2.1
 * requires it for IKEv2, and SunEC makes it as well. Only a public key of small order gives an
 * all-zero K.
 *
 * <p>{@code generateSecret} returns the 32 bytes of K. {@code generateSecret(String)} returns
 * them as a {@link DestroyableSecretKey} named {@code "Generic"} or {@code "TlsPremasterSecret"},
 * the names SunEC (JDK 25) accepts. K is not uniformly random, so any other key goes through a KDF first.
 * After a successful {@code generateSecret}, the object is back in the state after {@code init}:
 * it keeps the private key and needs another {@code doPhase}. A {@link ShortBufferException}
 * leaves the secret in place for a retry.
 *
 * <p>The object keeps a copy of the scalar until the next {@code init}. K is zeroed after it is
 * copied out. Like every {@code KeyAgreement}, an instance is not safe for concurrent use.
 */
final class X25519KeyAgreement extends KeyAgreementSpi {

    private static final String USAGE = "X25519 KeyAgreement";

    private static final int LENGTH = X25519Engine.LENGTH;

    /** Copy of the private scalar k after {@code init}, or null. */
    private byte[] k;

    /** K = X25519(k, u) after {@code doPhase}, until {@code generateSecret}, or null. */
    private byte[] secret;

    X25519KeyAgreement() {}

    @Override
    protected void engineInit(Key key, SecureRandom random) throws InvalidKeyException {
        X25519PrivateKey privateKey = X25519Keys.toPrivateKey(key, USAGE);
        byte[] scalar;
        try {
            scalar = privateKey.scalar();
        } catch (IllegalStateException destroyed) {
            throw new InvalidKeyException(USAGE + ": the X25519 private key is destroyed",
                    destroyed);
        } finally {
            if (privateKey != key) {
                privateKey.destroy();
            }
        }
        clear();
        k = scalar;
    }

    @Override
    protected void engineInit(Key key, AlgorithmParameterSpec params, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        if (params != null && !X25519Keys.isX25519(params)) {
            throw new InvalidAlgorithmParameterException(USAGE + " takes null or"
                    + " NamedParameterSpec X25519, got " + X25519Keys.describe(params));
        }
        engineInit(key, random);
    }

    /**
     * Computes K = X25519(k, u) (RFC 7748 §6.1) and keeps it for {@code generateSecret}.
     *
     * @return null, because X25519 has no intermediate key
     * @throws IllegalStateException if {@code init} was not called, {@code lastPhase} is false,
     *     or a secret from an earlier {@code doPhase} was not collected yet
     * @throws InvalidKeyException if {@code key} is not an X25519 public key, or if K is all
     *     zero because u has small order
     */
    @Override
    protected Key engineDoPhase(Key key, boolean lastPhase) throws InvalidKeyException {
        if (k == null) {
            throw new IllegalStateException(USAGE + " is not initialized: call init first");
        }
        if (!lastPhase) {
            throw new IllegalStateException(USAGE + " has two parties: lastPhase must be true");
        }
        if (secret != null) {
            throw new IllegalStateException(USAGE + " already ran doPhase: call generateSecret"
                    + " or init first");
        }
        byte[] u = X25519Keys.toPublicKey(key, USAGE).rawU();

        byte[] output = Engines.x25519().x25519(k, u);

        // RFC 7748 §6.1: the all-zero check, on the finished output only.
        if (KemSupport.isAllZero(output, 0, LENGTH)) {
            throw new InvalidKeyException(USAGE + ": the public key has small order, so the"
                    + " shared secret is all zero (RFC 7748 §6.1)");
        }
        secret = output;
        return null;
    }

    @Override
    protected byte[] engineGenerateSecret() {
        byte[] result = requireSecret().clone();
        reset();
        return result;
    }

    @Override
    protected int engineGenerateSecret(byte[] sharedSecret, int offset)
            throws ShortBufferException {
        Objects.requireNonNull(sharedSecret, "sharedSecret");
        byte[] current = requireSecret();
        if (offset < 0 || offset > sharedSecret.length) {
            throw new IndexOutOfBoundsException("offset " + offset + " is outside the"
                    + " sharedSecret array of length " + sharedSecret.length);
        }
        if (sharedSecret.length - offset < LENGTH) {
            throw new ShortBufferException(USAGE + " needs 32 bytes in sharedSecret from offset "
                    + offset + ", got " + (sharedSecret.length - offset));
        }
        System.arraycopy(current, 0, sharedSecret, offset, LENGTH);
        reset();
        return LENGTH;
    }

    @Override
    protected SecretKey engineGenerateSecret(String algorithm) throws NoSuchAlgorithmException {
        if (algorithm == null) {
            throw new NoSuchAlgorithmException(USAGE + " requires a secret key algorithm, got"
                    + " null");
        }
        if (!algorithm.equalsIgnoreCase("Generic")
                && !algorithm.equalsIgnoreCase("TlsPremasterSecret")) {
            throw new NoSuchAlgorithmException(USAGE + " returns keys of algorithm Generic or"
                    + " TlsPremasterSecret, got " + algorithm + "; derive other keys with a KDF");
        }
        byte[] current = requireSecret();
        try {
            return new DestroyableSecretKey(current, algorithm);
        } finally {
            reset();
        }
    }

    private byte[] requireSecret() {
        if (secret == null) {
            throw new IllegalStateException(USAGE + " has no secret: call doPhase with"
                    + " lastPhase true first");
        }
        return secret;
    }

    /** Returns to the state after {@code init}: zeroes and drops K, keeps k. */
    private void reset() {
        if (secret != null) {
            Arrays.fill(secret, (byte) 0);
            secret = null;
        }
    }

    /** Zeroes and drops K and k. */
    private void clear() {
        reset();
        if (k != null) {
            Arrays.fill(k, (byte) 0);
            k = null;
        }
    }
}
