package org.pqipsec.provider.mac;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.ProviderException;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The CBC-MAC with a masked last block that AES-XCBC-MAC (RFC 3566 §4) and AES-CMAC (RFC 4493
 * §2.4) share. Both chain E = AES(K', M[i] ^ E) over all blocks but the last. The last block is
 * XORed with one subkey when it is complete and with another after 10* padding when it is not,
 * or when the message is empty.
 *
 * <p>The last block stays in {@link #buffer} until more input arrives, because only the end of
 * the message shows whether it is the last one.
 */
final class ChainedAesMac {

    static final int BLOCK_LENGTH = 16;

    private final Cipher cipher;
    private final byte[] completeBlockMask;
    private final byte[] paddedBlockMask;
    private final byte[] state = new byte[BLOCK_LENGTH];
    private final byte[] buffer = new byte[BLOCK_LENGTH];
    private int buffered;

    /**
     * Creates the MAC state over an AES cipher that is already in encrypt mode with K', the key
     * of the chain. The cipher and the arrays become owned by this object, and
     * {@link #destroy()} wipes the arrays.
     *
     * @param cipher {@code AES/ECB/NoPadding} with K1 of XCBC or K of CMAC
     * @param completeBlockMask K2 of XCBC or K1 of CMAC
     * @param paddedBlockMask K3 of XCBC or K2 of CMAC
     */
    ChainedAesMac(Cipher cipher, byte[] completeBlockMask, byte[] paddedBlockMask) {
        this.cipher = cipher;
        this.completeBlockMask = completeBlockMask;
        this.paddedBlockMask = paddedBlockMask;
    }

    /** Returns an {@code AES/ECB/NoPadding} cipher in encrypt mode with {@code key}. */
    static Cipher newAesEcb(byte[] key) throws InvalidKeyException {
        Cipher aes;
        try {
            aes = Cipher.getInstance("AES/ECB/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new ProviderException("AES/ECB/NoPadding is not available", e);
        }
        rekey(aes, key);
        return aes;
    }

    /**
     * Re-initializes {@code aes} in encrypt mode with {@code key}. Reusing a cipher skips the
     * provider lookup of {@code Cipher.getInstance}, which on JDK 25 costs several times the AES
     * key expansion.
     */
    static void rekey(Cipher aes, byte[] key) throws InvalidKeyException {
        // NOTE: SecretKeySpec keeps its own copy of the key until garbage collection. The JDK's
        // AES keeps the key and its schedule until the next init, which wipes them (JDK 25).
        // Only the arrays of this class are wiped on destroy().
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
    }

    /** Encrypts one block in place with {@code aes}. */
    static void encryptBlock(Cipher aes, byte[] block) {
        try {
            aes.update(block, 0, BLOCK_LENGTH, block, 0);
        } catch (GeneralSecurityException e) {
            throw new ProviderException("AES block encryption failed", e);
        }
    }

    void update(byte input) {
        if (buffered == BLOCK_LENGTH) {
            chainBuffer();
        }
        buffer[buffered++] = input;
    }

    void update(byte[] input, int offset, int length) {
        int end = offset + length;
        while (offset < end) {
            if (buffered == BLOCK_LENGTH) {
                chainBuffer();
            }
            int take = Math.min(BLOCK_LENGTH - buffered, end - offset);
            System.arraycopy(input, offset, buffer, buffered, take);
            buffered += take;
            offset += take;
        }
    }

    /** Writes the 16-byte tag to {@code tag} and resets the state for the next message. */
    void doFinal(byte[] tag) {
        // M[n] complete:     T = E(K', M[n] ^ E ^ complete mask)
        // M[n] incomplete:   T = E(K', (M[n] | 10*) ^ E ^ padded mask)
        byte[] mask;
        if (buffered == BLOCK_LENGTH) {
            mask = completeBlockMask;
        } else {
            buffer[buffered] = (byte) 0x80;
            Arrays.fill(buffer, buffered + 1, BLOCK_LENGTH, (byte) 0);
            mask = paddedBlockMask;
        }
        for (int i = 0; i < BLOCK_LENGTH; i++) {
            state[i] ^= (byte) (buffer[i] ^ mask[i]);
        }
        encryptBlock(cipher, state);

        System.arraycopy(state, 0, tag, 0, BLOCK_LENGTH);
        reset();
    }

    /** Clears the chaining state and the buffered input; the key stays. */
    void reset() {
        Arrays.fill(state, (byte) 0);
        Arrays.fill(buffer, (byte) 0);
        buffered = 0;
    }

    /** Wipes the subkeys and the state. */
    void destroy() {
        reset();
        Arrays.fill(completeBlockMask, (byte) 0);
        Arrays.fill(paddedBlockMask, (byte) 0);
    }

    /** E = E(K', M[i] ^ E) for the buffered block, which is now known not to be the last. */
    private void chainBuffer() {
        for (int i = 0; i < BLOCK_LENGTH; i++) {
            state[i] ^= buffer[i];
        }
        encryptBlock(cipher, state);
        buffered = 0;
    }
}
