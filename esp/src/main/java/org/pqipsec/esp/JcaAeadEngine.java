package org.pqipsec.esp;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.ProviderException;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;

/**
 * {@link AeadEngine} on the JDK's {@code AES/GCM/NoPadding} (12- and 16-byte tags, and GMAC) and
 * {@code ChaCha20-Poly1305} ciphers, from the first installed provider that offers them.
 *
 * <p>Each thread gets its own {@link Cipher} for this key, created on its first packet and
 * re-initialized with each packet's nonce, so threads never wait for each other. SunJCE in
 * JDK 25 keeps the AES key schedule across re-initializations with an unchanged key.
 *
 * <p>NOTE: each packet still allocates the JCA parameter object ({@link GCMParameterSpec} or
 * {@link IvParameterSpec}), because {@code Cipher.init} takes no reusable nonce holder.
 */
final class JcaAeadEngine implements AeadEngine {

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final EspTransform.Cipher algorithm;
    private final int tagLength;
    private final String transformation;
    private final RawSecretKey key;
    private final ThreadLocal<Cipher> cipherPerThread = ThreadLocal.withInitial(this::newCipher);

    /** Every cipher handed to a thread, so {@link #destroy()} can re-key them all. */
    private final ConcurrentLinkedQueue<Cipher> ciphers = new ConcurrentLinkedQueue<>();

    private volatile boolean destroyed;

    /**
     * Creates an engine for {@code transform}, copying {@code key}.
     *
     * @throws InvalidKeyException if the key length does not fit the transform
     * @throws ProviderException if no installed provider offers the cipher
     */
    JcaAeadEngine(EspTransform transform, byte[] key) throws InvalidKeyException {
        Objects.requireNonNull(key, "key");
        if (!transform.isValidKeyLength(key.length)) {
            throw new InvalidKeyException(transform + " key must be "
                    + (transform.cipher() == EspTransform.Cipher.CHACHA20_POLY1305 ? "32" : "16, 24 or 32")
                    + " bytes, got " + key.length + " bytes");
        }
        if (transform.cipher() == EspTransform.Cipher.AES_GCM && transform.icvLength() < 12) {
            throw new InvalidKeyException(transform + " needs a " + transform.icvLength()
                    + "-byte tag, which the JCA AES/GCM cipher does not offer");
        }
        this.algorithm = transform.cipher();
        this.tagLength = transform.icvLength();
        boolean chacha = algorithm == EspTransform.Cipher.CHACHA20_POLY1305;
        this.transformation = chacha ? "ChaCha20-Poly1305" : "AES/GCM/NoPadding";
        this.key = new RawSecretKey(chacha ? "ChaCha20" : "AES", key);
        cipherPerThread.get();
    }

    private Cipher newCipher() {
        try {
            Cipher cipher = Cipher.getInstance(transformation);
            ciphers.add(cipher);
            return cipher;
        } catch (NoSuchAlgorithmException | NoSuchPaddingException e) {
            throw new ProviderException("no provider offers " + transformation, e);
        }
    }

    @Override
    public int tagLength() {
        return tagLength;
    }

    private AlgorithmParameterSpec parameters(byte[] nonce) {
        if (nonce.length != NONCE_LENGTH) {
            throw new IllegalArgumentException(
                    "nonce must be " + NONCE_LENGTH + " bytes, got " + nonce.length);
        }
        return algorithm == EspTransform.Cipher.CHACHA20_POLY1305
                ? new IvParameterSpec(nonce)
                : new GCMParameterSpec(tagLength * 8, nonce);
    }

    @Override
    public void seal(byte[] nonce, byte[] aad, int aadLength, ByteBuffer buffer, int offset, int length) {
        Buffers.checkRange(buffer, offset, length + tagLength);
        AlgorithmParameterSpec parameters = parameters(nonce);
        requireNotDestroyed();
        Cipher cipher = cipherPerThread.get();

        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, parameters);
            cipher.updateAAD(aad, 0, aadLength);
            if (buffer.hasArray()) {
                byte[] array = buffer.array();
                int start = buffer.arrayOffset() + offset;
                if (algorithm == EspTransform.Cipher.AES_GMAC) {
                    cipher.updateAAD(array, start, length);
                    cipher.doFinal(array, start + length);
                } else {
                    cipher.doFinal(array, start, length, array, start);
                }
            } else if (algorithm == EspTransform.Cipher.AES_GMAC) {
                cipher.updateAAD(Buffers.range(buffer, offset, length));
                cipher.doFinal(EMPTY.duplicate(), Buffers.range(buffer, offset + length, tagLength));
            } else {
                cipher.doFinal(Buffers.range(buffer, offset, length),
                        Buffers.range(buffer, offset, length + tagLength));
            }
        } catch (GeneralSecurityException e) {
            // Key, nonce length and room were checked above. SunJCE (JDK 25) then raises
            // InvalidAlgorithmParameterException only when a nonce repeats the previous one.
            throw new ProviderException(transformation + " encryption failed", e);
        }
    }

    @Override
    public int open(byte[] nonce, byte[] aad, int aadLength, ByteBuffer input, int offset, int length,
            ByteBuffer output, int outputOffset) throws AEADBadTagException {
        if (length < tagLength) {
            throw new IllegalArgumentException(
                    "length must be at least the " + tagLength + "-byte tag, got " + length);
        }
        Buffers.checkRange(input, offset, length);
        int plaintextLength = length - tagLength;
        Buffers.checkRange(output, outputOffset, plaintextLength);
        AlgorithmParameterSpec parameters = parameters(nonce);
        requireNotDestroyed();
        Cipher cipher = cipherPerThread.get();

        try {
            cipher.init(Cipher.DECRYPT_MODE, key, parameters);
            cipher.updateAAD(aad, 0, aadLength);
            if (algorithm == EspTransform.Cipher.AES_GMAC) {
                verifyGmac(cipher, input, offset, plaintextLength);
                copy(input, offset, output, outputOffset, plaintextLength);
            } else if (input.hasArray() && output.hasArray()) {
                cipher.doFinal(input.array(), input.arrayOffset() + offset, length,
                        output.array(), output.arrayOffset() + outputOffset);
            } else {
                cipher.doFinal(Buffers.range(input, offset, length),
                        Buffers.range(output, outputOffset, plaintextLength));
            }
            return plaintextLength;
        } catch (AEADBadTagException e) {
            // SunJCE (JDK 25) releases no plaintext on a tag mismatch; other providers may.
            Buffers.fill(output, outputOffset, plaintextLength, (byte) 0);
            throw e;
        } catch (GeneralSecurityException e) {
            throw new ProviderException(transformation + " decryption failed", e);
        }
    }

    /** Authenticates the data as AAD and checks the tag that follows it (RFC 4543 §3). */
    private void verifyGmac(Cipher cipher, ByteBuffer input, int offset, int dataLength)
            throws GeneralSecurityException {
        if (input.hasArray()) {
            byte[] array = input.array();
            int start = input.arrayOffset() + offset;
            cipher.updateAAD(array, start, dataLength);
            cipher.doFinal(array, start + dataLength, tagLength, array, start);
        } else {
            cipher.updateAAD(Buffers.range(input, offset, dataLength));
            cipher.doFinal(Buffers.range(input, offset + dataLength, tagLength), EMPTY.duplicate());
        }
    }

    private static void copy(ByteBuffer from, int fromOffset, ByteBuffer to, int toOffset, int length) {
        to.put(toOffset, from, fromOffset, length);
    }

    /**
     * Wipes this engine's key copy and re-keys every thread's cipher with an all-zero key. Call
     * it only after every thread has finished with the engine.
     *
     * <p>NOTE: each cipher keeps its own key copy and key schedule. Re-keying makes SunJCE in
     * JDK 25 overwrite both, but the JCA API does not promise that, so it is best effort.
     */
    @Override
    public void destroy() {
        synchronized (this) {
            if (destroyed) {
                return;
            }
            destroyed = true;
        }
        int keyLength = key.length();
        String keyAlgorithm = key.getAlgorithm();
        key.destroy();
        RawSecretKey scrubKey = new RawSecretKey(keyAlgorithm, new byte[keyLength]);
        byte[] scrubNonce = new byte[NONCE_LENGTH];
        scrubNonce[0] = 1;
        for (Cipher cipher : ciphers) {
            try {
                cipher.init(Cipher.DECRYPT_MODE, scrubKey, parameters(scrubNonce));
            } catch (GeneralSecurityException e) {
                // The engine's own key copy is already wiped; a provider that rejects the
                // re-key keeps only its internal state.
            }
        }
        ciphers.clear();
        scrubKey.destroy();
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    private void requireNotDestroyed() {
        if (destroyed) {
            throw new IllegalStateException("AEAD engine is destroyed");
        }
    }
}
