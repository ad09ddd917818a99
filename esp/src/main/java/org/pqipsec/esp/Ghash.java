package org.pqipsec.esp;

import java.nio.ByteBuffer;

/**
 * GHASH of NIST SP 800-38D §6.4 over GF(2^128), written for constant time: the multiplication
 * walks all 128 bits of the operand and folds each bit in through a mask, with no branch and no
 * table lookup indexed by secret data. The hash subkey H and every intermediate value are
 * secret; the blocks hashed (AAD and ciphertext) are public.
 *
 * <p>A value is two longs, {@code hi} holding bytes 0 to 7 and {@code lo} bytes 8 to 15, both
 * big-endian, so bit 0 of the standard's bit order is the top bit of {@code hi}. Instances are
 * not thread-safe.
 */
final class Ghash {

    /** R = 11100001 ‖ 0^120, the reduction constant of SP 800-38D §6.3, as its top long. */
    private static final long R_HI = 0xE100_0000_0000_0000L;

    private long hHi;
    private long hLo;
    private long yHi;
    private long yLo;
    private final byte[] block = new byte[16];

    /** Starts a hash with subkey H = {@code subkey[0, 16)} and Y = 0. */
    void reset(long subkeyHi, long subkeyLo) {
        hHi = subkeyHi;
        hLo = subkeyLo;
        yHi = 0;
        yLo = 0;
    }

    /** Hashes {@code array[offset, offset + length)}, zero-padded to whole blocks. */
    void update(byte[] array, int offset, int length) {
        for (int done = 0; done < length; done += 16) {
            int n = Math.min(16, length - done);
            System.arraycopy(array, offset + done, block, 0, n);
            java.util.Arrays.fill(block, n, 16, (byte) 0);
            absorbBlock();
        }
    }

    /** Hashes {@code buffer[offset, offset + length)}, zero-padded to whole blocks. */
    void update(ByteBuffer buffer, int offset, int length) {
        for (int done = 0; done < length; done += 16) {
            int n = Math.min(16, length - done);
            buffer.get(offset + done, block, 0, n);
            java.util.Arrays.fill(block, n, 16, (byte) 0);
            absorbBlock();
        }
    }

    /** Hashes the final block len(A) ‖ len(C) in bits (SP 800-38D §7.1 step 5). */
    void updateLengths(long aadLength, long ciphertextLength) {
        yHi ^= aadLength * 8;
        yLo ^= ciphertextLength * 8;
        multiplyByH();
    }

    /** Writes S = Y into {@code out[0, 16)} after XOR with {@code mask[0, 16)}, then wipes Y. */
    void finish(byte[] mask, byte[] out) {
        Buffers.putLong(out, 0, yHi ^ Buffers.getLong(mask, 0));
        Buffers.putLong(out, 8, yLo ^ Buffers.getLong(mask, 8));
        wipe();
    }

    void wipe() {
        yHi = 0;
        yLo = 0;
        hHi = 0;
        hLo = 0;
        java.util.Arrays.fill(block, (byte) 0);
    }

    private void absorbBlock() {
        yHi ^= Buffers.getLong(block, 0);
        yLo ^= Buffers.getLong(block, 8);
        multiplyByH();
    }

    /**
     * Sets Y = Y · H (SP 800-38D §6.3, Algorithm 1). The branching form is
     * {@code if (bit i of Y) Z ^= V; V = (V has low bit) ? (V >> 1) ^ R : V >> 1}; here both
     * conditions become all-ones or all-zero masks.
     */
    private void multiplyByH() {
        long zHi = 0;
        long zLo = 0;
        long vHi = hHi;
        long vLo = hLo;
        for (int i = 0; i < 128; i++) {
            long word = i < 64 ? yHi : yLo;
            long bitMask = -((word >>> (63 - (i & 63))) & 1);
            zHi ^= vHi & bitMask;
            zLo ^= vLo & bitMask;

            long carryMask = -(vLo & 1);
            vLo = (vLo >>> 1) | (vHi << 63);
            vHi = (vHi >>> 1) ^ (R_HI & carryMask);
        }
        yHi = zHi;
        yLo = zLo;
    }
}
