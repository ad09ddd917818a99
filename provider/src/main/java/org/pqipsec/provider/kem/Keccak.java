package org.pqipsec.provider.kem;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The Keccak-f[1600] sponge of FIPS 202, with the four functions that ML-KEM needs: SHA3-256 (H),
 * SHA3-512 (G), SHAKE128 (the XOF of SampleNTT) and SHAKE256 (PRF and J). FIPS 203 §4.1 defines
 * them over these FIPS 202 functions.
 *
 * <p>An instance absorbs, then squeezes, and {@link #clear} makes it ready to absorb again. It is
 * not safe for concurrent use. The permutation has no data-dependent branch, index or division,
 * so it runs in constant time on secret input. Absorbing and squeezing move whole 64-bit lanes
 * where the position allows, and single bytes elsewhere. The choice between the two depends
 * only on lengths and positions.
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
     * them again from FIPS 202 Algorithm 2. {@link #permute(long[])} has them written out, and a
     * test checks it against a loop over this table and {@link #PI_SOURCES}.
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

    /** Reads and writes the bytes of a lane: FIPS 202 orders a lane's bytes little-endian. */
    private static final VarHandle LANE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final long[] state = new long[25];
    private final int rate;
    private final byte padding;
    /** Next byte of the rate to absorb into or squeeze from, in [0, rate]. */
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
        byte[] digest = new byte[32];
        sha3_256(input, 0, input.length, digest, 0);
        return digest;
    }

    /** Writes SHA3-256 of {@code input[offset, offset + length)} to 32 bytes of {@code out}. */
    static void sha3_256(byte[] input, int offset, int length, byte[] out, int outOffset) {
        Keccak sponge = new Keccak(SHAKE256_RATE, SHA3_PADDING);
        sponge.absorb(input, offset, length);
        sponge.squeeze(out, outOffset, 32);
        sponge.clear();
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
        int end = offset + length;
        int i = offset;
        while (i < end) {
            // The rate is a multiple of 8, so a lane that starts inside the rate ends inside it.
            if ((position & 7) == 0 && end - i >= 8) {
                state[position >>> 3] ^= (long) LANE.get(input, i);
                i += 8;
                position += 8;
            } else {
                xorByte(position, input[i]);
                i++;
                position++;
            }
            if (position == rate) {
                permute(state);
                position = 0;
            }
        }
    }

    /** Absorbs one byte. */
    void absorb(byte value) {
        if (squeezing) {
            throw new IllegalStateException("Keccak sponge already squeezing");
        }
        xorByte(position, value);
        position++;
        if (position == rate) {
            permute(state);
            position = 0;
        }
    }

    /** Writes the next {@code length} output bytes to {@code output[offset, offset + length)}. */
    void squeeze(byte[] output, int offset, int length) {
        if (!squeezing) {
            xorByte(position, padding);
            xorByte(rate - 1, (byte) 0x80);
            permute(state);
            position = 0;
            squeezing = true;
        }
        int end = offset + length;
        int i = offset;
        while (i < end) {
            if (position == rate) {
                permute(state);
                position = 0;
            }
            if ((position & 7) == 0 && end - i >= 8) {
                LANE.set(output, i, state[position >>> 3]);
                i += 8;
                position += 8;
            } else {
                output[i] = (byte) (state[position >>> 3] >>> ((position & 7) << 3));
                i++;
                position++;
            }
        }
    }

    /**
     * Writes the next {@code count} output lanes (8 bytes each, little-endian as FIPS 202 orders
     * them) to {@code output[0, count)}. The output read so far must be a whole number of lanes.
     */
    void squeezeLanes(long[] output, int count) {
        if (!squeezing) {
            xorByte(position, padding);
            xorByte(rate - 1, (byte) 0x80);
            permute(state);
            position = 0;
            squeezing = true;
        }
        if ((position & 7) != 0) {
            throw new IllegalStateException("Keccak output is not at a lane boundary");
        }
        for (int i = 0; i < count; i++) {
            if (position == rate) {
                permute(state);
                position = 0;
            }
            output[i] = state[position >>> 3];
            position += 8;
        }
    }

    /** Zeroes the state, so that no secret input stays in memory, and starts a new absorb. */
    void clear() {
        Arrays.fill(state, 0L);
        position = 0;
        squeezing = false;
    }

    private void xorByte(int index, byte value) {
        state[index >>> 3] ^= (value & 0xffL) << ((index & 7) << 3);
    }

    /**
     * Keccak-f[1600] on the 25 lanes of {@code s}, lane x + 5y at index x + 5y: 24 rounds of θ, ρ,
     * π, χ and ι (FIPS 202 Algorithm 7). The lanes live in local variables for the whole
     * permutation, so that the JIT compiler can keep them in registers.
     */
    static void permute(long[] s) {
        long a0 = s[0];
        long a1 = s[1];
        long a2 = s[2];
        long a3 = s[3];
        long a4 = s[4];
        long a5 = s[5];
        long a6 = s[6];
        long a7 = s[7];
        long a8 = s[8];
        long a9 = s[9];
        long a10 = s[10];
        long a11 = s[11];
        long a12 = s[12];
        long a13 = s[13];
        long a14 = s[14];
        long a15 = s[15];
        long a16 = s[16];
        long a17 = s[17];
        long a18 = s[18];
        long a19 = s[19];
        long a20 = s[20];
        long a21 = s[21];
        long a22 = s[22];
        long a23 = s[23];
        long a24 = s[24];

        for (int round = 0; round < 24; round++) {
            // θ: the parities of the five columns, then D[x] = C[x - 1] ^ rot(C[x + 1], 1).
            long c0 = a0 ^ a5 ^ a10 ^ a15 ^ a20;
            long c1 = a1 ^ a6 ^ a11 ^ a16 ^ a21;
            long c2 = a2 ^ a7 ^ a12 ^ a17 ^ a22;
            long c3 = a3 ^ a8 ^ a13 ^ a18 ^ a23;
            long c4 = a4 ^ a9 ^ a14 ^ a19 ^ a24;
            long d0 = c4 ^ Long.rotateLeft(c1, 1);
            long d1 = c0 ^ Long.rotateLeft(c2, 1);
            long d2 = c1 ^ Long.rotateLeft(c3, 1);
            long d3 = c2 ^ Long.rotateLeft(c4, 1);
            long d4 = c3 ^ Long.rotateLeft(c0, 1);

            // ρ and π, with θ's XOR folded in: lane i takes lane PI_SOURCES[i], rotated.
            long b0 = a0 ^ d0;
            long b1 = Long.rotateLeft(a6 ^ d1, 44);
            long b2 = Long.rotateLeft(a12 ^ d2, 43);
            long b3 = Long.rotateLeft(a18 ^ d3, 21);
            long b4 = Long.rotateLeft(a24 ^ d4, 14);
            long b5 = Long.rotateLeft(a3 ^ d3, 28);
            long b6 = Long.rotateLeft(a9 ^ d4, 20);
            long b7 = Long.rotateLeft(a10 ^ d0, 3);
            long b8 = Long.rotateLeft(a16 ^ d1, 45);
            long b9 = Long.rotateLeft(a22 ^ d2, 61);
            long b10 = Long.rotateLeft(a1 ^ d1, 1);
            long b11 = Long.rotateLeft(a7 ^ d2, 6);
            long b12 = Long.rotateLeft(a13 ^ d3, 25);
            long b13 = Long.rotateLeft(a19 ^ d4, 8);
            long b14 = Long.rotateLeft(a20 ^ d0, 18);
            long b15 = Long.rotateLeft(a4 ^ d4, 27);
            long b16 = Long.rotateLeft(a5 ^ d0, 36);
            long b17 = Long.rotateLeft(a11 ^ d1, 10);
            long b18 = Long.rotateLeft(a17 ^ d2, 15);
            long b19 = Long.rotateLeft(a23 ^ d3, 56);
            long b20 = Long.rotateLeft(a2 ^ d2, 62);
            long b21 = Long.rotateLeft(a8 ^ d3, 55);
            long b22 = Long.rotateLeft(a14 ^ d4, 39);
            long b23 = Long.rotateLeft(a15 ^ d0, 41);
            long b24 = Long.rotateLeft(a21 ^ d1, 2);

            // χ on each row, then ι on lane (0, 0).
            a0 = b0 ^ (~b1 & b2);
            a1 = b1 ^ (~b2 & b3);
            a2 = b2 ^ (~b3 & b4);
            a3 = b3 ^ (~b4 & b0);
            a4 = b4 ^ (~b0 & b1);
            a5 = b5 ^ (~b6 & b7);
            a6 = b6 ^ (~b7 & b8);
            a7 = b7 ^ (~b8 & b9);
            a8 = b8 ^ (~b9 & b5);
            a9 = b9 ^ (~b5 & b6);
            a10 = b10 ^ (~b11 & b12);
            a11 = b11 ^ (~b12 & b13);
            a12 = b12 ^ (~b13 & b14);
            a13 = b13 ^ (~b14 & b10);
            a14 = b14 ^ (~b10 & b11);
            a15 = b15 ^ (~b16 & b17);
            a16 = b16 ^ (~b17 & b18);
            a17 = b17 ^ (~b18 & b19);
            a18 = b18 ^ (~b19 & b15);
            a19 = b19 ^ (~b15 & b16);
            a20 = b20 ^ (~b21 & b22);
            a21 = b21 ^ (~b22 & b23);
            a22 = b22 ^ (~b23 & b24);
            a23 = b23 ^ (~b24 & b20);
            a24 = b24 ^ (~b20 & b21);
            a0 ^= ROUND_CONSTANTS[round];

        }

        s[0] = a0;
        s[1] = a1;
        s[2] = a2;
        s[3] = a3;
        s[4] = a4;
        s[5] = a5;
        s[6] = a6;
        s[7] = a7;
        s[8] = a8;
        s[9] = a9;
        s[10] = a10;
        s[11] = a11;
        s[12] = a12;
        s[13] = a13;
        s[14] = a14;
        s[15] = a15;
        s[16] = a16;
        s[17] = a17;
        s[18] = a18;
        s[19] = a19;
        s[20] = a20;
        s[21] = a21;
        s[22] = a22;
        s[23] = a23;
        s[24] = a24;
    }
}
