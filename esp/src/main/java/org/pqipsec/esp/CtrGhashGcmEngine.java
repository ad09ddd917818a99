package org.pqipsec.esp;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.ProviderException;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.spec.IvParameterSpec;

/**
 * AES-GCM (NIST SP 800-38D §7) composed from the JDK's {@code AES/ECB} and {@code AES/CTR}
 * ciphers and {@link Ghash}, for tag lengths that {@code AES/GCM/NoPadding} in SunJCE does not
 * offer, such as the 8-byte ICV of ENCR_AES_GCM_8 (RFC 4106 §6). The tag is the first
 * {@code tagLength} bytes of the full GCM tag (SP 800-38D §7.1 step 6).
 *
 * <p>Open verifies the tag over the ciphertext before it decrypts, so a forged packet yields no
 * plaintext. Each thread keeps its own two ciphers and scratch blocks.
 */
final class CtrGhashGcmEngine implements AeadEngine {

    private final int tagLength;
    private final RawSecretKey key;

    /** Hash subkey H = AES_K(0^128) (SP 800-38D §7.1 step 1), wiped by {@link #destroy()}. */
    private long subkeyHi;
    private long subkeyLo;

    private final ThreadLocal<State> statePerThread = ThreadLocal.withInitial(this::newState);
    private final ConcurrentLinkedQueue<State> states = new ConcurrentLinkedQueue<>();
    private volatile boolean destroyed;

    /** One thread's ciphers and scratch blocks. */
    private static final class State {
        final Cipher ecb;
        final Cipher ctr;
        final Ghash ghash = new Ghash();
        final byte[] counter = new byte[16];
        final byte[] encryptedJ0 = new byte[16];
        final byte[] tag = new byte[16];
        final byte[] receivedTag = new byte[16];

        State(Cipher ecb, Cipher ctr) {
            this.ecb = ecb;
            this.ctr = ctr;
        }

        void wipe() {
            Arrays.fill(counter, (byte) 0);
            Arrays.fill(encryptedJ0, (byte) 0);
            Arrays.fill(tag, (byte) 0);
            Arrays.fill(receivedTag, (byte) 0);
            ghash.wipe();
        }
    }

    /**
     * Creates an engine for a 16-, 24- or 32-byte AES key, which it copies, with tags of
     * {@code tagLength} bytes (4 to 16).
     */
    CtrGhashGcmEngine(byte[] key, int tagLength) throws InvalidKeyException {
        Objects.requireNonNull(key, "key");
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new InvalidKeyException(
                    "AES key must be 16, 24 or 32 bytes, got " + key.length + " bytes");
        }
        if (tagLength < 4 || tagLength > 16) {
            throw new IllegalArgumentException("tagLength must be 4 to 16 bytes, got " + tagLength);
        }
        this.tagLength = tagLength;
        this.key = new RawSecretKey("AES", key);

        State state = statePerThread.get();
        byte[] h = new byte[16];
        try {
            state.ecb.doFinal(h, 0, 16, h, 0);
            subkeyHi = Buffers.getLong(h, 0);
            subkeyLo = Buffers.getLong(h, 8);
        } catch (GeneralSecurityException e) {
            throw new ProviderException("AES/ECB/NoPadding failed to derive the GHASH subkey", e);
        } finally {
            Arrays.fill(h, (byte) 0);
        }
    }

    private State newState() {
        try {
            Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, key);
            State state = new State(ecb, Cipher.getInstance("AES/CTR/NoPadding"));
            states.add(state);
            return state;
        } catch (NoSuchAlgorithmException | NoSuchPaddingException e) {
            throw new ProviderException("no provider offers AES/ECB and AES/CTR", e);
        } catch (InvalidKeyException e) {
            throw new ProviderException("AES/ECB/NoPadding rejected a checked AES key", e);
        }
    }

    @Override
    public int tagLength() {
        return tagLength;
    }

    @Override
    public void seal(byte[] nonce, byte[] aad, int aadLength, ByteBuffer buffer, int offset, int length) {
        Buffers.checkRange(buffer, offset, length + tagLength);
        requireNonceLength(nonce);
        requireNotDestroyed();
        State state = statePerThread.get();
        try {
            startCounter(state, nonce);
            runCtr(state, buffer, offset, length, buffer, offset);
            computeTag(state, aad, aadLength, buffer, offset, length);
            for (int i = 0; i < tagLength; i++) {
                buffer.put(offset + length + i, state.tag[i]);
            }
        } catch (GeneralSecurityException e) {
            throw new ProviderException("AES-GCM encryption failed", e);
        } finally {
            state.wipe();
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
        int ciphertextLength = length - tagLength;
        Buffers.checkRange(output, outputOffset, ciphertextLength);
        requireNonceLength(nonce);
        requireNotDestroyed();
        State state = statePerThread.get();
        try {
            startCounter(state, nonce);
            computeTag(state, aad, aadLength, input, offset, ciphertextLength);
            input.get(offset + ciphertextLength, state.receivedTag, 0, tagLength);

            // Tag comparison in constant time: OR together the XOR of every byte pair, so the
            // time does not depend on where the first difference lies.
            int difference = 0;
            for (int i = 0; i < tagLength; i++) {
                difference |= state.tag[i] ^ state.receivedTag[i];
            }
            if (difference != 0) {
                throw new AEADBadTagException("GCM tag mismatch");
            }

            runCtr(state, input, offset, ciphertextLength, output, outputOffset);
            return ciphertextLength;
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new ProviderException("AES-GCM decryption failed", e);
        } finally {
            state.wipe();
        }
    }

    /**
     * Sets the counter to J0 = nonce ‖ 0^31 ‖ 1 (SP 800-38D §7.1 step 2), stores E(K, J0) for
     * the tag, and advances the counter to inc32(J0), the first keystream block.
     */
    private static void startCounter(State state, byte[] nonce) throws GeneralSecurityException {
        System.arraycopy(nonce, 0, state.counter, 0, NONCE_LENGTH);
        Buffers.putInt(state.counter, NONCE_LENGTH, 1);
        state.ecb.doFinal(state.counter, 0, 16, state.encryptedJ0, 0);
        Buffers.putInt(state.counter, NONCE_LENGTH, 2);
    }

    /** XORs the keystream from inc32(J0) into the data (SP 800-38D §7.1 step 3, GCTR). */
    private void runCtr(State state, ByteBuffer in, int inOffset, int length, ByteBuffer out,
            int outOffset) throws GeneralSecurityException {
        if (length == 0) {
            return;
        }
        state.ctr.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(state.counter));
        if (in.hasArray() && out.hasArray()) {
            state.ctr.doFinal(in.array(), in.arrayOffset() + inOffset, length,
                    out.array(), out.arrayOffset() + outOffset);
        } else {
            state.ctr.doFinal(Buffers.range(in, inOffset, length), Buffers.range(out, outOffset, length));
        }
    }

    /** Computes T = GHASH_H(A, C) XOR E(K, J0) into {@code state.tag} (SP 800-38D §7.1 steps 5-6). */
    private void computeTag(State state, byte[] aad, int aadLength, ByteBuffer ciphertext,
            int offset, int length) {
        Ghash ghash = state.ghash;
        ghash.reset(subkeyHi, subkeyLo);
        ghash.update(aad, 0, aadLength);
        ghash.update(ciphertext, offset, length);
        ghash.updateLengths(aadLength, length);
        ghash.finish(state.encryptedJ0, state.tag);
    }

    /** Wipes the key copy, H and every thread's scratch; call it after every thread has finished. */
    @Override
    public void destroy() {
        synchronized (this) {
            if (destroyed) {
                return;
            }
            destroyed = true;
        }
        key.destroy();
        subkeyHi = 0;
        subkeyLo = 0;
        for (State state : states) {
            state.wipe();
        }
        states.clear();
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

    private static void requireNonceLength(byte[] nonce) {
        if (nonce.length != NONCE_LENGTH) {
            throw new IllegalArgumentException(
                    "nonce must be " + NONCE_LENGTH + " bytes, got " + nonce.length);
        }
    }
}
