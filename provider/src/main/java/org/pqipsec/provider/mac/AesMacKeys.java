package org.pqipsec.provider.mac;

import java.security.InvalidKeyException;
import java.util.Arrays;

import javax.crypto.Cipher;

/** Subkey generation of AES-XCBC-MAC and AES-CMAC, and the PRF key rules of RFC 4434 and 4615. */
final class AesMacKeys {

    private AesMacKeys() {}

    /**
     * Creates the AES-XCBC-MAC state for a 16-byte key (RFC 3566 §4, steps 1 and 2):
     * K1 = E(K, 0x0101...01), K2 = E(K, 0x0202...02), K3 = E(K, 0x0303...03).
     */
    static ChainedAesMac xcbc(byte[] key) throws InvalidKeyException {
        Cipher aes = ChainedAesMac.newAesEcb(key);
        byte[] k1 = constantBlock(aes, (byte) 0x01);
        byte[] k2 = constantBlock(aes, (byte) 0x02);
        byte[] k3 = constantBlock(aes, (byte) 0x03);

        // The chain encrypts under K1 (RFC 3566 §4, step 3), so the same cipher takes K1 now.
        try {
            ChainedAesMac.rekey(aes, k1);
        } catch (InvalidKeyException e) {
            Arrays.fill(k2, (byte) 0);
            Arrays.fill(k3, (byte) 0);
            throw e;
        } finally {
            Arrays.fill(k1, (byte) 0);
        }
        return new ChainedAesMac(aes, k2, k3);
    }

    /**
     * Creates the AES-CMAC state for a 16-, 24- or 32-byte key (RFC 4493 §2.3, NIST SP 800-38B
     * §6.1): L = E(K, 0^128), K1 = dbl(L), K2 = dbl(K1).
     */
    static ChainedAesMac cmac(byte[] key) throws InvalidKeyException {
        Cipher aes = ChainedAesMac.newAesEcb(key);
        byte[] l = constantBlock(aes, (byte) 0x00);
        byte[] k1 = l.clone();
        doubleInPlace(k1);
        byte[] k2 = k1.clone();
        doubleInPlace(k2);
        Arrays.fill(l, (byte) 0);

        // The chain encrypts under K itself, so the cipher that computed L is reused.
        return new ChainedAesMac(aes, k1, k2);
    }

    /**
     * Returns the 16-byte AES-XCBC-PRF-128 key for a key of any length (RFC 4434 §2): a 16-byte
     * key is used as is, a shorter one is padded with zero bytes, and a longer one becomes
     * AES-XCBC-MAC(0^128, key). The caller wipes both arrays.
     */
    static byte[] xcbcPrfKey(byte[] key) throws InvalidKeyException {
        if (key.length == ChainedAesMac.BLOCK_LENGTH) {
            return key.clone();
        }
        if (key.length < ChainedAesMac.BLOCK_LENGTH) {
            return Arrays.copyOf(key, ChainedAesMac.BLOCK_LENGTH);
        }
        return tagWithZeroKey(xcbc(new byte[ChainedAesMac.BLOCK_LENGTH]), key);
    }

    /**
     * Returns the 16-byte AES-CMAC-PRF-128 key for a key of any length (RFC 4615 §3): a 16-byte
     * key is used as is, and any other length, shorter ones included, becomes
     * AES-CMAC(0^128, key). Unlike RFC 4434, short keys are not zero-padded. The caller wipes
     * both arrays.
     */
    static byte[] cmacPrfKey(byte[] key) throws InvalidKeyException {
        if (key.length == ChainedAesMac.BLOCK_LENGTH) {
            return key.clone();
        }
        return tagWithZeroKey(cmac(new byte[ChainedAesMac.BLOCK_LENGTH]), key);
    }

    private static byte[] tagWithZeroKey(ChainedAesMac zeroKeyMac, byte[] key) {
        byte[] tag = new byte[ChainedAesMac.BLOCK_LENGTH];
        zeroKeyMac.update(key, 0, key.length);
        zeroKeyMac.doFinal(tag);
        zeroKeyMac.destroy();
        return tag;
    }

    private static byte[] constantBlock(Cipher aes, byte value) {
        byte[] block = new byte[ChainedAesMac.BLOCK_LENGTH];
        Arrays.fill(block, value);
        ChainedAesMac.encryptBlock(aes, block);
        return block;
    }

    /**
     * Multiplies a 128-bit block by x in GF(2^128) with the polynomial x^128 + x^7 + x^2 + x + 1
     * (RFC 4493 §2.3). The branching form is
     * {@code if (msb(b) == 1) b = (b << 1) ^ 0x87 else b = b << 1}. The subkey is secret, so the
     * carried-out bit is spread into a mask and the constant is XORed in unconditionally.
     */
    static void doubleInPlace(byte[] block) {
        int carry = (block[0] >>> 7) & 1;
        for (int i = 0; i < ChainedAesMac.BLOCK_LENGTH - 1; i++) {
            block[i] = (byte) ((block[i] << 1) | ((block[i + 1] >>> 7) & 1));
        }
        block[ChainedAesMac.BLOCK_LENGTH - 1] =
                (byte) ((block[ChainedAesMac.BLOCK_LENGTH - 1] << 1) ^ (0x87 & -carry));
    }
}
