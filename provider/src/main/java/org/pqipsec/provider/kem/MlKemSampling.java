package org.pqipsec.provider.kem;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * SampleNTT (FIPS 203 Algorithm 7), SamplePolyCBD_η (Algorithm 8) and the PRF_η of §4.1.
 *
 * <p>Constant time: SampleNTT rejects on values derived from the public seed ρ, so its branches
 * and its running time leak nothing secret. SamplePolyCBD adds bits with masks and shifts and has
 * no data-dependent branch.
 */
final class MlKemSampling {

    private MlKemSampling() {}

    private static final VarHandle LITTLE_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Blocks of SHAKE128 output that SampleNTT squeezes first: 112 candidates each. */
    private static final int FIRST_BLOCKS = 3;

    /**
     * SampleNTT(ρ ‖ j ‖ i) (Algorithm 7): rejection sampling of 12-bit values from SHAKE128.
     * Returns the entry Â[i, j] of the public matrix.
     */
    static NttElement sampleNtt(byte[] rho, int j, int i) {
        return sampleNtt(Keccak.shake128(), new long[FIRST_BLOCKS * LANES_PER_BLOCK], rho, j, i);
    }

    /** 64-bit lanes in one SHAKE128 block: 168 / 8 = 21, seven groups of three. */
    private static final int LANES_PER_BLOCK = Keccak.SHAKE128_RATE / 8;

    /**
     * SampleNTT(ρ ‖ j ‖ i) with a caller's sponge and buffer of {@code FIRST_BLOCKS} blocks of
     * lanes, so that expanding a matrix allocates them once. The sponge is cleared before use.
     *
     * <p>Three blocks give 336 candidates, and about 81% of them (q / 4096) are accepted, so
     * almost every call squeezes once. The loop then squeezes one block at a time until 256
     * values are accepted. The output stays in 64-bit lanes, the byte order of FIPS 202, so it is
     * never copied to bytes and read back.
     */
    private static NttElement sampleNtt(Keccak xof, long[] lanes, byte[] rho, int j, int i) {
        xof.clear();
        xof.absorb(rho, 0, 32);
        xof.absorb((byte) j);
        xof.absorb((byte) i);

        int[] a = new int[RingElement.N];
        int length = lanes.length;
        xof.squeezeLanes(lanes, length);
        int count = 0;
        while (true) {
            int lane = 0;
            // Three lanes are 16 consecutive 12-bit candidates in the order of Algorithm 7. A
            // block of 21 lanes holds seven such groups, so no group spans two blocks.
            while (lane < length && count <= RingElement.N - 16) {
                long w0 = lanes[lane];
                long w1 = lanes[lane + 1];
                long w2 = lanes[lane + 2];
                count = append(a, count, (int) w0);
                count = append(a, count, (int) (w0 >>> 12));
                count = append(a, count, (int) (w0 >>> 24));
                count = append(a, count, (int) (w0 >>> 36));
                count = append(a, count, (int) (w0 >>> 48));
                count = append(a, count, (int) (w0 >>> 60 | w1 << 4));
                count = append(a, count, (int) (w1 >>> 8));
                count = append(a, count, (int) (w1 >>> 20));
                count = append(a, count, (int) (w1 >>> 32));
                count = append(a, count, (int) (w1 >>> 44));
                count = append(a, count, (int) (w1 >>> 56 | w2 << 8));
                count = append(a, count, (int) (w2 >>> 4));
                count = append(a, count, (int) (w2 >>> 16));
                count = append(a, count, (int) (w2 >>> 28));
                count = append(a, count, (int) (w2 >>> 40));
                count = append(a, count, (int) (w2 >>> 52));
                lane += 3;
            }
            // Fewer than 16 values are missing: take the rest three bytes (two candidates) at a
            // time, byte p of the output being byte p mod 8 of lane p / 8.
            int p = 8 * lane;
            int end = 8 * length;
            while (p < end && count < RingElement.N) {
                int b0 = byteAt(lanes, p);
                int b1 = byteAt(lanes, p + 1);
                int b2 = byteAt(lanes, p + 2);
                int d1 = b0 | (b1 & 0x0f) << 8;
                int d2 = b1 >>> 4 | b2 << 4;
                if (d1 < MlKemField.Q) {
                    a[count++] = d1;
                }
                if (d2 < MlKemField.Q && count < RingElement.N) {
                    a[count++] = d2;
                }
                p += 3;
            }
            if (count == RingElement.N) {
                return new NttElement(a);
            }
            length = LANES_PER_BLOCK;
            xof.squeezeLanes(lanes, length);
        }
    }

    /** Returns byte {@code p} of the little-endian lanes. */
    private static int byteAt(long[] lanes, int p) {
        return (int) (lanes[p >>> 3] >>> ((p & 7) << 3)) & 0xff;
    }

    /**
     * Writes the low 12 bits of {@code candidate} at {@code a[count]} and returns count + 1 if
     * they are below q, else count, so that the next candidate overwrites a rejected one. The
     * caller keeps count below a.length.
     */
    private static int append(int[] a, int count, int candidate) {
        int d = candidate & 0xfff;
        a[count] = d;
        return count + ((d - MlKemField.Q) >>> 31);
    }

    /** Returns the public matrix Â with Â[i][j] = SampleNTT(ρ ‖ j ‖ i) (Algorithm 13, line 6). */
    static NttElement[][] expandMatrix(byte[] rho, int k) {
        Keccak xof = Keccak.shake128();
        long[] buffer = new long[FIRST_BLOCKS * LANES_PER_BLOCK];
        NttElement[][] matrix = new NttElement[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                matrix[i][j] = sampleNtt(xof, buffer, rho, j, i);
            }
        }
        return matrix;
    }

    /**
     * Returns SamplePolyCBD_η(PRF_η(s, b)) (Algorithm 8 over the PRF of §4.1, which is
     * SHAKE256(s ‖ b) cut to 64·η bytes), for η in {2, 3}.
     */
    static RingElement sampleCbd(byte[] s, int b, int eta) {
        // Two spare bytes let sampleCbd3 read its last 6-byte group as a long.
        byte[] prf = new byte[64 * eta + 2];
        Keccak shake = Keccak.shake256();
        shake.absorb(s, 0, 32);
        shake.absorb((byte) b);
        shake.squeeze(prf, 0, 64 * eta);
        shake.clear();

        int[] f = new int[RingElement.N];
        if (eta == 2) {
            sampleCbd2(prf, f);
        } else {
            sampleCbd3(prf, f);
        }
        Arrays.fill(prf, (byte) 0);
        return new RingElement(f);
    }

    /**
     * η = 2: four bits per coefficient, sixteen coefficients per little-endian 64-bit word.
     * Adding the even bits of a word to its odd bits gives 2-bit sums in which x is bits
     * [4i, 4i + 2) and y bits [4i + 2, 4i + 4). Then x + 2 - y lies in [0, 4] for every nibble,
     * so one word-wide addition and subtraction compute all sixteen without a borrow between
     * nibbles.
     */
    private static void sampleCbd2(byte[] bytes, int[] f) {
        for (int word = 0; word < 16; word++) {
            long t = (long) LITTLE_ENDIAN_LONG.get(bytes, 8 * word);
            long sums = (t & 0x5555555555555555L) + ((t >>> 1) & 0x5555555555555555L);
            // Each nibble becomes x - y + 2.
            long shifted = (sums & 0x3333333333333333L) + 0x2222222222222222L
                    - ((sums >>> 2) & 0x3333333333333333L);
            int offset = 16 * word;
            for (int c = 0; c < 16; c++) {
                f[offset + c] = toField(((int) (shifted >>> (4 * c)) & 0xf) - 2);
            }
        }
    }

    /**
     * η = 3: six bits per coefficient, eight coefficients per 48-bit group. Adding the three bits
     * of each triple gives 3-bit sums in which x is bits [6i, 6i + 3) and y bits [6i + 3, 6i + 6).
     * Then x + 3 - y lies in [0, 6] for every 6-bit field, so one group-wide addition and
     * subtraction compute all eight without a borrow between fields. Each group is read as a
     * little-endian long whose top 16 bits are ignored, so {@code bytes} needs two bytes after
     * the 192 that the PRF fills.
     */
    private static void sampleCbd3(byte[] bytes, int[] f) {
        for (int group = 0; group < 32; group++) {
            long t = (long) LITTLE_ENDIAN_LONG.get(bytes, 6 * group) & 0xffffffffffffL;
            long sums = (t & 0x249249249249L) + ((t >>> 1) & 0x249249249249L)
                    + ((t >>> 2) & 0x249249249249L);
            // Each 6-bit field becomes x - y + 3.
            long shifted = (sums & 0x1c71c71c71c7L) + 0xc30c30c30c3L
                    - ((sums >>> 3) & 0x1c71c71c71c7L);
            int offset = 8 * group;
            for (int c = 0; c < 8; c++) {
                f[offset + c] = toField(((int) (shifted >>> (6 * c)) & 0x3f) - 3);
            }
        }
    }

    /**
     * Maps v in [-q, q) to v mod q.
     *
     * <pre>{@code  // branching version: return v < 0 ? v + Q : v;}</pre>
     */
    private static int toField(int v) {
        return v + ((v >> 31) & MlKemField.Q);
    }
}
