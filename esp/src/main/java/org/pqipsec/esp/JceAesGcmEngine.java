package org.pqipsec.esp;

import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.ProviderException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * {@link AeadEngine} on the JDK's {@code AES/GCM/NoPadding} cipher, taken from whichever
 * installed provider ranks first (SunJCE on a stock JDK).
 *
 * <p>The engine keeps one {@link Cipher} and serializes calls on it, so one instance per SA
 * costs one cipher object. Each call re-initializes the cipher with the packet's nonce, and
 * SunJCE (JDK 25) then skips the AES key expansion because the key is unchanged.
 */
public final class JceAesGcmEngine implements AeadEngine {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final AesKey key;
    private final Cipher cipher;
    private boolean destroyed;

    /**
     * Creates an engine for {@code key}, which it copies.
     *
     * @throws InvalidKeyException if {@code key} is not 16, 24 or 32 bytes
     * @throws ProviderException if no installed provider offers {@code AES/GCM/NoPadding}
     */
    public JceAesGcmEngine(byte[] key) throws InvalidKeyException {
        Objects.requireNonNull(key, "key");
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new InvalidKeyException(
                    "AES key must be 16, 24 or 32 bytes, got " + key.length + " bytes");
        }
        this.key = new AesKey(key);
        try {
            this.cipher = Cipher.getInstance(TRANSFORMATION);
        } catch (NoSuchAlgorithmException | NoSuchPaddingException e) {
            this.key.destroy();
            throw new ProviderException("no provider offers " + TRANSFORMATION, e);
        }
    }

    @Override
    public synchronized void seal(byte[] nonce, byte[] aad, byte[] buffer, int offset, int length) {
        requireNonceLength(nonce);
        Objects.requireNonNull(aad, "aad");
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (buffer.length - offset - length < TAG_LENGTH) {
            throw new IndexOutOfBoundsException("buffer has no room for the " + TAG_LENGTH
                    + "-byte tag after offset " + offset + " and length " + length);
        }
        requireNotDestroyed();

        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, nonce));
            cipher.updateAAD(aad);
            cipher.doFinal(buffer, offset, length, buffer, offset);
        } catch (GeneralSecurityException e) {
            // The key, nonce and buffer room were checked above. SunJCE (JDK 25) then raises
            // InvalidAlgorithmParameterException only when a nonce repeats the previous one.
            throw new ProviderException(TRANSFORMATION + " encryption failed", e);
        }
    }

    @Override
    public synchronized int open(byte[] nonce, byte[] aad, byte[] input, int inputOffset,
            int inputLength, byte[] output, int outputOffset) throws AEADBadTagException {
        requireNonceLength(nonce);
        Objects.requireNonNull(aad, "aad");
        Objects.checkFromIndexSize(inputOffset, inputLength, input.length);
        if (inputLength < TAG_LENGTH) {
            throw new IllegalArgumentException("inputLength must be at least the " + TAG_LENGTH
                    + "-byte tag, got " + inputLength);
        }
        int plaintextLength = inputLength - TAG_LENGTH;
        Objects.checkFromIndexSize(outputOffset, plaintextLength, output.length);
        requireNotDestroyed();

        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(input, inputOffset, inputLength, output, outputOffset);
        } catch (AEADBadTagException e) {
            // SunJCE (JDK 25) already zeroes the output on a tag mismatch, but other providers
            // may not.
            Arrays.fill(output, outputOffset, outputOffset + plaintextLength, (byte) 0);
            throw e;
        } catch (GeneralSecurityException e) {
            throw new ProviderException(TRANSFORMATION + " decryption failed", e);
        }
    }

    /**
     * Wipes this engine's copy of the key and re-keys the cipher with an all-zero key.
     *
     * <p>NOTE: the cipher keeps its own key copy and key schedule. Re-keying makes SunJCE in
     * JDK 25 overwrite both, but the JCA API does not promise that, so treat it as best effort.
     */
    @Override
    public synchronized void destroy() {
        if (destroyed) {
            return;
        }
        destroyed = true;
        int keyLength = key.length();
        key.destroy();

        byte[] zeroKey = new byte[keyLength];
        AesKey scrubKey = new AesKey(zeroKey);
        try {
            cipher.init(Cipher.ENCRYPT_MODE, scrubKey,
                    new GCMParameterSpec(TAG_LENGTH * 8, new byte[NONCE_LENGTH]));
        } catch (GeneralSecurityException e) {
            // The engine's own key copy is already wiped, so a provider that rejects the
            // re-key leaves only its internal state behind.
        } finally {
            scrubKey.destroy();
        }
    }

    @Override
    public synchronized boolean isDestroyed() {
        return destroyed;
    }

    private void requireNotDestroyed() {
        if (destroyed) {
            throw new IllegalStateException("AEAD engine is destroyed");
        }
    }

    private static void requireNonceLength(byte[] nonce) {
        if (nonce.length != NONCE_LENGTH) {
            throw new IllegalArgumentException(
                    "nonce must be " + NONCE_LENGTH + " bytes, got " + nonce.length);
        }
    }

    /**
     * AES key in RAW format that, unlike {@code SecretKeySpec}, supports {@link #destroy()} and
     * refuses serialization.
     */
    private static final class AesKey implements SecretKey {

        @Serial
        private static final long serialVersionUID = 1L;

        private final byte[] encoded;
        private volatile boolean destroyed;

        AesKey(byte[] key) {
            this.encoded = key.clone();
        }

        int length() {
            return encoded.length;
        }

        @Override
        public String getAlgorithm() {
            return "AES";
        }

        @Override
        public String getFormat() {
            return "RAW";
        }

        /** Returns a fresh copy of the key, so the cipher can wipe its copy independently. */
        @Override
        public byte[] getEncoded() {
            if (destroyed) {
                throw new IllegalStateException("AES key is destroyed");
            }
            return encoded.clone();
        }

        @Override
        public void destroy() {
            destroyed = true;
            Arrays.fill(encoded, (byte) 0);
        }

        @Override
        public boolean isDestroyed() {
            return destroyed;
        }

        @Serial
        private void writeObject(ObjectOutputStream out) throws NotSerializableException {
            throw new NotSerializableException("AES key material is not serializable");
        }
    }
}
