package org.pqipsec.provider.kem;

import java.util.Arrays;

/**
 * The Keccak-f[1600] sponge of FIPS 202, with the four functions that ML-KEM needs: SHA3-256 (H),
 * SHA3-512 (G), SHAKE128 (the XOF of SampleNTT) and SHAKE256 (PRF and J). FIPS 203 §4.1 defines
 * them over these FIPS 202 functions.
 *
 * <p>An instance absorbs, then squeezes. It is not safe for concurrent use. The permutation has no
 * data-dependent branch, index or division, so it runs in constant time on secret input.
 */
final class Keccak {

    /** Rate in bytes of SHAKE128. */
    static final int SHAKE128_RATE = 168;
    /** Rate in bytes of SHAKE256 and SHA3-256. */
    static final int SHAKE256_RATE = 136;
    /** Rate in bytes of SHA3-512. */
    static final int SHA3_512_RATE = 72;

    private static final byte SHA3_PADDING = 0x06;
    private static final byte SHAKE_PADDING = 0x1f;

    /**
     * Round constants RC[i] of the ι step (FIPS 202 Algorithm 6). Tests derive them again from the
     * rc(t) linear feedback shift register of FIPS 202 Algorithm 5.
     */
    static final long[] ROUND_CONSTANTS = {
        0x0000000000000001L, 0x0000000000008082L, 0x800000000000808aL, 0x8000000080008000L,
        0x000000000000808bL, 0x0000000080000001L, 0x8000000080008081L, 0x8000000000008009L,
        0x000000000000008aL, 0x0000000000000088L, 0x0000000080008009L, 0x000000008000000aL,
        0x000000008000808bL, 0x800000000000008bL, 0x8000000000008089L, 0x8000000000008003L,
        0x8000000000008002L, 0x8000000000000080L, 0x000000000000800aL, 0x800000008000000aL,
        0x8000000080008081L, 0x8000000000008080L, 0x0000000080000001L, 0x8000000080008008L,
    };

    /**
     * Rotation offset of lane x + 5y in the ρ step (FIPS 202 Table 2, taken mod 64). Tests derive
     * them again from FIPS 202 Algorithm 2.
     */
    static final int[] RHO_OFFSETS = {
        0, 1, 62, 28, 27,
        36, 44, 6, 55, 20,
        3, 10, 43, 25, 39,
        41, 45, 15, 21, 8,
        18, 2, 61, 56, 14,
    };

    /**
     * Source lane of each destination lane in the π step: A'[x, y] = A[(x + 3y) mod 5, x], with
     * lane index x + 5y.
     */
    static final int[] PI_SOURCES = {
        0, 6, 12, 18, 24,
        3, 9, 10, 16, 22,
        1, 7, 13, 19, 20,
        4, 5, 11, 17, 23,
        2, 8, 14, 15, 21,
    };

    private final long[] state = new long[25];
    private final long[] scratch = new long[25];
    private final int rate;
    private final byte padding;
    private int position;
    private boolean squeezing;

    private Keccak(int rate, byte padding) {
        this.rate = rate;
        this.padding = padding;
    }

    static Keccak shake128() {
        return new Keccak(SHAKE128_RATE, SHAKE_PADDING);
    }

    static Keccak shake256() {
        return new Keccak(SHAKE256_RATE, SHAKE_PADDING);
    }

    /** Returns SHA3-256(input), the function H of FIPS 203 §4.1. */
    static byte[] sha3_256(byte[] input) {
        Keccak sponge = new Keccak(SHAKE256_RATE, SHA3_PADDING);
        sponge.absorb(input, 0, input.length);
        byte[] digest = new byte[32];
        sponge.squeeze(digest, 0, 32);
        sponge.clear();
        return digest;
    }

    /** Returns SHA3-512 over the concatenation of {@code first} and {@code second}. */
    static byte[] sha3_512(byte[] first, byte[] second) {
        Keccak sponge = new Keccak(SHA3_512_RATE, SHA3_PADDING);
        sponge.absorb(first, 0, first.length);
        sponge.absorb(second, 0, second.length);
        byte[] digest = new byte[64];
        sponge.squeeze(digest, 0, 64);
        sponge.clear();
        return digest;
    }

    /** Absorbs {@code input[offset, offset + length)}. It is valid only before the first squeeze. */
    void absorb(byte[] input, int offset, int length) {
        if (squeezing) {
            throw new IllegalStateException("Keccak sponge already squeezing");
        }
        for (int i = 0; i < length; i++) {
            xorByte(position, input[offset + i]);
            position++;
            if (position == rate) {
                permute();
                position = 0;
            }
        }
    }

    /** Absorbs one byte. */
    void absorb(byte value) {
        xorByte(position, value);
        position++;
        if (position == rate) {
            permute();
            position = 0;
        }
    }

    /** Writes the next {@code length} output bytes to {@code output[offset, offset + length)}. */
    void squeeze(byte[] output, int offset, int length) {
        if (!squeezing) {
            xorByte(position, padding);
            xorByte(rate - 1, (byte) 0x80);
            permute();
            position = 0;
            squeezing = true;
        }
        for (int i = 0; i < length; i++) {
            if (position == rate) {
                permute();
                position = 0;
            }
            output[offset + i] = (byte) (state[position >>> 3] >>> ((position & 7) << 3));
            position++;
        }
    }

    /** Zeroes the state, so that no secret input stays in memory. */
    void clear() {
        Arrays.fill(state, 0L);
        Arrays.fill(scratch, 0L);
        position = 0;
        squeezing = false;
    }

    private void xorByte(int index, byte value) {
        state[index >>> 3] ^= (value & 0xffL) << ((index & 7) << 3);
    }

    /** Keccak-f[1600]: 24 rounds of θ, ρ, π, χ and ι (FIPS 202 Algorithm 7). */
    private void permute() {
        long[] a = state;
        long[] b = scratch;
        for (int round = 0; round < 24; round++) {
            // θ: XOR each lane with the parities of two neighbouring columns.
            long c0 = a[0] ^ a[5] ^ a[10] ^ a[15] ^ a[20];
            long c1 = a[1] ^ a[6] ^ a[11] ^ a[16] ^ a[21];
            long c2 = a[2] ^ a[7] ^ a[12] ^ a[17] ^ a[22];
            long c3 = a[3] ^ a[8] ^ a[13] ^ a[18] ^ a[23];
            long c4 = a[4] ^ a[9] ^ a[14] ^ a[19] ^ a[24];
            long d0 = c4 ^ Long.rotateLeft(c1, 1);
            long d1 = c0 ^ Long.rotateLeft(c2, 1);
            long d2 = c1 ^ Long.rotateLeft(c3, 1);
            long d3 = c2 ^ Long.rotateLeft(c4, 1);
            long d4 = c3 ^ Long.rotateLeft(c0, 1);
            for (int y = 0; y < 25; y += 5) {
                a[y] ^= d0;
                a[y + 1] ^= d1;
                a[y + 2] ^= d2;
                a[y + 3] ^= d3;
                a[y + 4] ^= d4;
            }

            // ρ and π together: rotate each lane and move it to its new position.
            for (int i = 0; i < 25; i++) {
                int source = PI_SOURCES[i];
                b[i] = Long.rotateLeft(a[source], RHO_OFFSETS[source]);
            }

            // χ: combine each row non-linearly; ι: add the round constant to lane (0, 0).
            for (int y = 0; y < 25; y += 5) {
                long b0 = b[y];
                long b1 = b[y + 1];
                long b2 = b[y + 2];
                long b3 = b[y + 3];
                long b4 = b[y + 4];
                a[y] = b0 ^ (~b1 & b2);
                a[y + 1] = b1 ^ (~b2 & b3);
                a[y + 2] = b2 ^ (~b3 & b4);
                a[y + 3] = b3 ^ (~b4 & b0);
                a[y + 4] = b4 ^ (~b0 & b1);
            }
            a[0] ^= ROUND_CONSTANTS[round];
        }
    }
}
