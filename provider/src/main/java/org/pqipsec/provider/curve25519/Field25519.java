package org.pqipsec.provider.curve25519;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Arithmetic in GF(p), p = 2^255 - 19, the field of RFC 7748 §4.1, on five 51-bit limbs.
 *
 * <p>Limb bounds: a <em>tight</em> element has every limb below 2^51 + 2^24, and a
 * <em>loose</em> element has every limb below 2^53. {@link #mul}, {@link #square},
 * {@link #mulSmall} and {@link #carry} return tight elements; {@link #add} and {@link #sub} of
 * two tight elements return loose ones. {@link #mul} and {@link #square} accept loose inputs. No
 * operation reduces fully except {@link #encode}, so equal values can have different limbs.
 *
 * <p>Every method allows the output array to be one of the inputs.
 */
final class Field25519 {

    /** Number of limbs. */
    static final int LIMBS = 5;

    /** Length in bytes of an encoded element (RFC 7748 §5). */
    static final int ENCODED_LENGTH = 32;

    static final long MASK_51 = (1L << 51) - 1;

    private static final VarHandle LITTLE_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Field25519() {}

    /** Returns a new element equal to 0. */
    static long[] create() {
        return new long[LIMBS];
    }

    static void zero(long[] h) {
        h[0] = 0;
        h[1] = 0;
        h[2] = 0;
        h[3] = 0;
        h[4] = 0;
    }

    static void one(long[] h) {
        h[0] = 1;
        h[1] = 0;
        h[2] = 0;
        h[3] = 0;
        h[4] = 0;
    }

    static void copy(long[] h, long[] f) {
        h[0] = f[0];
        h[1] = f[1];
        h[2] = f[2];
        h[3] = f[3];
        h[4] = f[4];
    }

    /** Computes h = f + g without carrying. Tight inputs give a loose output. */
    static void add(long[] h, long[] f, long[] g) {
        h[0] = f[0] + g[0];
        h[1] = f[1] + g[1];
        h[2] = f[2] + g[2];
        h[3] = f[3] + g[3];
        h[4] = f[4] + g[4];
    }

    /**
     * Computes h = f - g + 2p without carrying. The limbs of 2p (2^52 - 38, then 2^52 - 2) exceed
     * every limb of a tight g, so no limb turns negative, and tight inputs give a loose output.
     */
    static void sub(long[] h, long[] f, long[] g) {
        h[0] = f[0] + 0xFFFFFFFFFFFDAL - g[0];
        h[1] = f[1] + 0xFFFFFFFFFFFFEL - g[1];
        h[2] = f[2] + 0xFFFFFFFFFFFFEL - g[2];
        h[3] = f[3] + 0xFFFFFFFFFFFFEL - g[3];
        h[4] = f[4] + 0xFFFFFFFFFFFFEL - g[4];
    }

    /** Computes h = -f as 2p - f. A tight f gives a loose h. */
    static void negate(long[] h, long[] f) {
        h[0] = 0xFFFFFFFFFFFDAL - f[0];
        h[1] = 0xFFFFFFFFFFFFEL - f[1];
        h[2] = 0xFFFFFFFFFFFFEL - f[2];
        h[3] = 0xFFFFFFFFFFFFEL - f[3];
        h[4] = 0xFFFFFFFFFFFFEL - f[4];
    }

    /**
     * Carries every limb of f into the next one at once, the top carry wrapping around as
     * 2^255 = 19 (mod p). Limbs below 2^62 give a tight h: each limb ends below 2^51 plus a
     * carry below 2^11, times 19 for limb 0.
     */
    static void carry(long[] h, long[] f) {
        long r0 = f[0];
        long r1 = f[1];
        long r2 = f[2];
        long r3 = f[3];
        long r4 = f[4];

        h[0] = (r0 & MASK_51) + 19 * (r4 >>> 51);
        h[1] = (r1 & MASK_51) + (r0 >>> 51);
        h[2] = (r2 & MASK_51) + (r1 >>> 51);
        h[3] = (r3 & MASK_51) + (r2 >>> 51);
        h[4] = (r4 & MASK_51) + (r3 >>> 51);
    }

    /**
     * Computes h = f g. Inputs must be loose (limbs below 2^53), and the output is tight.
     *
     * <p>Each limb product f_i g_j (below 2^106, or 2^111 with the factor 19) is split as
     * floor(f_i g_j / 2^51) 2^51 + (f_i g_j mod 2^51). Scaling the operands to F = f_i 2^11 and
     * G = g_j 2^2 (both below 2^64 as unsigned values) makes the 128-bit product F G equal
     * f_i g_j 2^13, so its high half, {@code Math.unsignedMultiplyHigh(F, G)}, is the quotient
     * and its low half shifted right by 13 is the remainder. The quotients of column i move to
     * column i + 1, and those of column 4 wrap to columns 0 and 1 as 2^255 = 19.
     */
    static void mul(long[] h, long[] f, long[] g) {
        long f0 = f[0] << 11;
        long f1 = f[1] << 11;
        long f2 = f[2] << 11;
        long f3 = f[3] << 11;
        long f4 = f[4] << 11;

        long g0 = g[0] << 2;
        long g1 = g[1] << 2;
        long g2 = g[2] << 2;
        long g3 = g[3] << 2;
        long g4 = g[4] << 2;
        long g1x19 = g[1] * 76;
        long g2x19 = g[2] * 76;
        long g3x19 = g[3] * 76;
        long g4x19 = g[4] * 76;

        // h0 = f0 g0 + 19 (f1 g4 + f2 g3 + f3 g2 + f4 g1)
        long l0 = (f0 * g0 >>> 13) + (f1 * g4x19 >>> 13) + (f2 * g3x19 >>> 13)
                + (f3 * g2x19 >>> 13) + (f4 * g1x19 >>> 13);
        long q0 = Math.unsignedMultiplyHigh(f0, g0) + Math.unsignedMultiplyHigh(f1, g4x19)
                + Math.unsignedMultiplyHigh(f2, g3x19) + Math.unsignedMultiplyHigh(f3, g2x19)
                + Math.unsignedMultiplyHigh(f4, g1x19);

        // h1 = f0 g1 + f1 g0 + 19 (f2 g4 + f3 g3 + f4 g2)
        long l1 = (f0 * g1 >>> 13) + (f1 * g0 >>> 13) + (f2 * g4x19 >>> 13)
                + (f3 * g3x19 >>> 13) + (f4 * g2x19 >>> 13);
        long q1 = Math.unsignedMultiplyHigh(f0, g1) + Math.unsignedMultiplyHigh(f1, g0)
                + Math.unsignedMultiplyHigh(f2, g4x19) + Math.unsignedMultiplyHigh(f3, g3x19)
                + Math.unsignedMultiplyHigh(f4, g2x19);

        // h2 = f0 g2 + f1 g1 + f2 g0 + 19 (f3 g4 + f4 g3)
        long l2 = (f0 * g2 >>> 13) + (f1 * g1 >>> 13) + (f2 * g0 >>> 13)
                + (f3 * g4x19 >>> 13) + (f4 * g3x19 >>> 13);
        long q2 = Math.unsignedMultiplyHigh(f0, g2) + Math.unsignedMultiplyHigh(f1, g1)
                + Math.unsignedMultiplyHigh(f2, g0) + Math.unsignedMultiplyHigh(f3, g4x19)
                + Math.unsignedMultiplyHigh(f4, g3x19);

        // h3 = f0 g3 + f1 g2 + f2 g1 + f3 g0 + 19 f4 g4
        long l3 = (f0 * g3 >>> 13) + (f1 * g2 >>> 13) + (f2 * g1 >>> 13)
                + (f3 * g0 >>> 13) + (f4 * g4x19 >>> 13);
        long q3 = Math.unsignedMultiplyHigh(f0, g3) + Math.unsignedMultiplyHigh(f1, g2)
                + Math.unsignedMultiplyHigh(f2, g1) + Math.unsignedMultiplyHigh(f3, g0)
                + Math.unsignedMultiplyHigh(f4, g4x19);

        // h4 = f0 g4 + f1 g3 + f2 g2 + f3 g1 + f4 g0
        long l4 = (f0 * g4 >>> 13) + (f1 * g3 >>> 13) + (f2 * g2 >>> 13)
                + (f3 * g1 >>> 13) + (f4 * g0 >>> 13);
        long q4 = Math.unsignedMultiplyHigh(f0, g4) + Math.unsignedMultiplyHigh(f1, g3)
                + Math.unsignedMultiplyHigh(f2, g2) + Math.unsignedMultiplyHigh(f3, g1)
                + Math.unsignedMultiplyHigh(f4, g0);

        combine(h, l0, l1, l2, l3, l4, q0, q1, q2, q3, q4);
    }

    /**
     * Writes h = sum (l_i + 2^51 q_i) 2^(51 i) as a tight element, for l_i below 2^54 and q_i
     * below 2^62. Column 4's quotient is 2^255 q_4 = 19 q_4 (mod p), split as
     * 19 (q_4 mod 2^51) into column 0 and 19 floor(q_4 / 2^51) into column 1 so that no sum
     * exceeds 2^63.
     */
    private static void combine(long[] h, long l0, long l1, long l2, long l3, long l4,
            long q0, long q1, long q2, long q3, long q4) {
        long r0 = l0 + 19 * (q4 & MASK_51);
        long r1 = l1 + q0 + 19 * (q4 >>> 51);
        long r2 = l2 + q1;
        long r3 = l3 + q2;
        long r4 = l4 + q3;

        h[0] = (r0 & MASK_51) + 19 * (r4 >>> 51);
        h[1] = (r1 & MASK_51) + (r0 >>> 51);
        h[2] = (r2 & MASK_51) + (r1 >>> 51);
        h[3] = (r3 & MASK_51) + (r2 >>> 51);
        h[4] = (r4 & MASK_51) + (r3 >>> 51);
    }

    /**
     * Computes h = f k for a constant 0 <= k < 2^17, such as a24 = 121665 of RFC 7748 §5. A
     * loose f gives a tight h, because each quotient floor(f_i k / 2^51) stays below 2^19.
     */
    static void mulSmall(long[] h, long[] f, int k) {
        long scaled = (long) k << 2;

        long f0 = f[0] << 11;
        long f1 = f[1] << 11;
        long f2 = f[2] << 11;
        long f3 = f[3] << 11;
        long f4 = f[4] << 11;

        long q4 = Math.unsignedMultiplyHigh(f4, scaled);
        h[0] = (f0 * scaled >>> 13) + 19 * q4;
        h[1] = (f1 * scaled >>> 13) + Math.unsignedMultiplyHigh(f0, scaled);
        h[2] = (f2 * scaled >>> 13) + Math.unsignedMultiplyHigh(f1, scaled);
        h[3] = (f3 * scaled >>> 13) + Math.unsignedMultiplyHigh(f2, scaled);
        h[4] = (f4 * scaled >>> 13) + Math.unsignedMultiplyHigh(f3, scaled);
    }

    /** Computes h = f^2. Same bounds as {@link #mul}. */
    static void square(long[] h, long[] f) {
        squareTimes(h, f, 1);
    }

    /**
     * Computes h = f^(2^n) by n squarings, n >= 1 (n is public). Inputs must be loose, and the
     * output is tight. The limbs stay in local variables between squarings.
     *
     * <p>Each squaring takes 15 limb products in place of 25, with the column split of
     * {@link #mul}. The doubled and 19-fold factors go on the second operand (8 f_j, 76 f_j and
     * 152 f_j, all below 2^64 for f_j below 2^53), so the scaling of {@link #mul} still holds.
     */
    static void squareTimes(long[] h, long[] f, int n) {
        long f0 = f[0];
        long f1 = f[1];
        long f2 = f[2];
        long f3 = f[3];
        long f4 = f[4];
        for (int i = 0; i < n; i++) {
            long s0 = f0 << 11;
            long s1 = f1 << 11;
            long s2 = f2 << 11;
            long s3 = f3 << 11;
            long s4 = f4 << 11;
            long g0 = f0 << 2;
            long g1 = f1 << 2;
            long g2 = f2 << 2;
            long g1x2 = f1 << 3;
            long g2x2 = f2 << 3;
            long g3x2 = f3 << 3;
            long g4x2 = f4 << 3;
            long g3x19 = f3 * 76;
            long g4x19 = f4 * 76;
            long g3x38 = f3 * 152;
            long g4x38 = f4 * 152;

            // h0 = f0^2 + 38 f1 f4 + 38 f2 f3
            long l0 = (s0 * g0 >>> 13) + (s1 * g4x38 >>> 13) + (s2 * g3x38 >>> 13);
            long q0 = Math.unsignedMultiplyHigh(s0, g0) + Math.unsignedMultiplyHigh(s1, g4x38)
                    + Math.unsignedMultiplyHigh(s2, g3x38);

            // h1 = 2 f0 f1 + 38 f2 f4 + 19 f3^2
            long l1 = (s0 * g1x2 >>> 13) + (s2 * g4x38 >>> 13) + (s3 * g3x19 >>> 13);
            long q1 = Math.unsignedMultiplyHigh(s0, g1x2) + Math.unsignedMultiplyHigh(s2, g4x38)
                    + Math.unsignedMultiplyHigh(s3, g3x19);

            // h2 = 2 f0 f2 + f1^2 + 38 f3 f4
            long l2 = (s0 * g2x2 >>> 13) + (s1 * g1 >>> 13) + (s3 * g4x38 >>> 13);
            long q2 = Math.unsignedMultiplyHigh(s0, g2x2) + Math.unsignedMultiplyHigh(s1, g1)
                    + Math.unsignedMultiplyHigh(s3, g4x38);

            // h3 = 2 f0 f3 + 2 f1 f2 + 19 f4^2
            long l3 = (s0 * g3x2 >>> 13) + (s1 * g2x2 >>> 13) + (s4 * g4x19 >>> 13);
            long q3 = Math.unsignedMultiplyHigh(s0, g3x2) + Math.unsignedMultiplyHigh(s1, g2x2)
                    + Math.unsignedMultiplyHigh(s4, g4x19);

            // h4 = 2 f0 f4 + 2 f1 f3 + f2^2
            long l4 = (s0 * g4x2 >>> 13) + (s1 * g3x2 >>> 13) + (s2 * g2 >>> 13);
            long q4 = Math.unsignedMultiplyHigh(s0, g4x2) + Math.unsignedMultiplyHigh(s1, g3x2)
                    + Math.unsignedMultiplyHigh(s2, g2);

            // The carries of combine, on local variables.
            long r0 = l0 + 19 * (q4 & MASK_51);
            long r1 = l1 + q0 + 19 * (q4 >>> 51);
            long r2 = l2 + q1;
            long r3 = l3 + q2;
            long r4 = l4 + q3;
            f0 = (r0 & MASK_51) + 19 * (r4 >>> 51);
            f1 = (r1 & MASK_51) + (r0 >>> 51);
            f2 = (r2 & MASK_51) + (r1 >>> 51);
            f3 = (r3 & MASK_51) + (r2 >>> 51);
            f4 = (r4 & MASK_51) + (r3 >>> 51);
        }
        h[0] = f0;
        h[1] = f1;
        h[2] = f2;
        h[3] = f3;
        h[4] = f4;
    }

    /**
     * Computes h = f^(p - 2) = f^-1 (Fermat), and 0 for f = 0, as RFC 7748 §5 computes
     * z_2^(p - 2).
     *
     * <p>The addition chain builds f^(2^k - 1) for k = 5, 10, 20, 40, 50, 100, 200, 250 and ends
     * with p - 2 = (2^250 - 1) 2^5 + 11: 254 squarings and 11 multiplications.
     */
    static void invert(long[] h, long[] f) {
        long[] t0 = create();
        long[] t1 = create();
        long[] t2 = create();
        long[] t3 = create();
        try {
            // t0 = f^2, t1 = f^9, t0 = f^11 (kept for the last step), t2 = f^(2^5 - 1)
            square(t0, f);
            squareTimes(t1, t0, 2);
            mul(t1, t1, f);
            mul(t0, t0, t1);
            square(t2, t0);
            mul(t1, t1, t2);

            // t1 = f^(2^10 - 1), t2 = f^(2^20 - 1), t3 = f^(2^40 - 1), t1 = f^(2^50 - 1)
            squareTimes(t2, t1, 5);
            mul(t1, t2, t1);
            squareTimes(t2, t1, 10);
            mul(t2, t2, t1);
            squareTimes(t3, t2, 20);
            mul(t3, t3, t2);
            squareTimes(t3, t3, 10);
            mul(t1, t3, t1);

            // t2 = f^(2^100 - 1), t3 = f^(2^200 - 1), t2 = f^(2^250 - 1)
            squareTimes(t2, t1, 50);
            mul(t2, t2, t1);
            squareTimes(t3, t2, 100);
            mul(t3, t3, t2);
            squareTimes(t3, t3, 50);
            mul(t2, t3, t1);

            // h = f^((2^250 - 1) 2^5 + 11) = f^(2^255 - 21)
            squareTimes(t2, t2, 5);
            mul(h, t2, t0);
        } finally {
            zero(t0);
            zero(t1);
            zero(t2);
            zero(t3);
        }
    }

    /**
     * Swaps f and g when {@code swap} is 1 and leaves them when it is 0, reading and writing
     * both in either case (RFC 7748 §5 cswap).
     */
    static void conditionalSwap(long[] f, long[] g, long swap) {
        // Branch-free form of: if (swap == 1) { exchange f and g }
        long mask = -swap;
        long x0 = mask & (f[0] ^ g[0]);
        long x1 = mask & (f[1] ^ g[1]);
        long x2 = mask & (f[2] ^ g[2]);
        long x3 = mask & (f[3] ^ g[3]);
        long x4 = mask & (f[4] ^ g[4]);
        f[0] ^= x0;
        f[1] ^= x1;
        f[2] ^= x2;
        f[3] ^= x3;
        f[4] ^= x4;
        g[0] ^= x0;
        g[1] ^= x1;
        g[2] ^= x2;
        g[3] ^= x3;
        g[4] ^= x4;
    }

    /**
     * Sets h to the five limbs of {@code table} starting at {@code offset} where {@code mask} is
     * all ones, and leaves h unchanged where it is 0.
     */
    static void conditionalMove(long[] h, long[] table, int offset, long mask) {
        h[0] ^= mask & (h[0] ^ table[offset]);
        h[1] ^= mask & (h[1] ^ table[offset + 1]);
        h[2] ^= mask & (h[2] ^ table[offset + 2]);
        h[3] ^= mask & (h[3] ^ table[offset + 3]);
        h[4] ^= mask & (h[4] ^ table[offset + 4]);
    }

    /**
     * Decodes a u-coordinate as RFC 7748 §5 decodeUCoordinate does for curve25519: 32 bytes
     * little-endian with bit 255 masked. Values from p to 2^255 - 1 are accepted, and the arithmetic
     * reduces them. The result has limbs below 2^51.
     */
    static void decode(long[] h, byte[] in, int offset) {
        long w0 = (long) LITTLE_ENDIAN_LONG.get(in, offset);
        long w1 = (long) LITTLE_ENDIAN_LONG.get(in, offset + 8);
        long w2 = (long) LITTLE_ENDIAN_LONG.get(in, offset + 16);
        long w3 = (long) LITTLE_ENDIAN_LONG.get(in, offset + 24);

        h[0] = w0 & MASK_51;
        h[1] = ((w0 >>> 51) | (w1 << 13)) & MASK_51;
        h[2] = ((w1 >>> 38) | (w2 << 26)) & MASK_51;
        h[3] = ((w2 >>> 25) | (w3 << 39)) & MASK_51;
        // Masking 51 bits of w3 >>> 12 drops bit 255.
        h[4] = (w3 >>> 12) & MASK_51;
    }

    /**
     * Encodes f, whose limbs must be below 2^62, as 32 little-endian bytes of its canonical
     * representative in [0, p) (RFC 7748 §5 encodeUCoordinate).
     */
    static void encode(byte[] out, int offset, long[] f) {
        long h0 = f[0];
        long h1 = f[1];
        long h2 = f[2];
        long h3 = f[3];
        long h4 = f[4];

        // Two carry passes bring every limb below 2^51, so the value v is below 2^255. In the
        // second pass the top carry is at most 1, and only when limb 0 has just carried out.
        for (int pass = 0; pass < 2; pass++) {
            h1 += h0 >>> 51;
            h0 &= MASK_51;
            h2 += h1 >>> 51;
            h1 &= MASK_51;
            h3 += h2 >>> 51;
            h2 &= MASK_51;
            h4 += h3 >>> 51;
            h3 &= MASK_51;
            h0 += 19 * (h4 >>> 51);
            h4 &= MASK_51;
        }

        // q = 1 exactly when v >= p, that is when v + 19 carries out of bit 255.
        long q = (h0 + 19) >>> 51;
        q = (h1 + q) >>> 51;
        q = (h2 + q) >>> 51;
        q = (h3 + q) >>> 51;
        q = (h4 + q) >>> 51;

        // v - q p = v + 19 q - q 2^255: add 19 q, carry, and drop bit 255.
        h0 += 19 * q;
        h1 += h0 >>> 51;
        h0 &= MASK_51;
        h2 += h1 >>> 51;
        h1 &= MASK_51;
        h3 += h2 >>> 51;
        h2 &= MASK_51;
        h4 += h3 >>> 51;
        h3 &= MASK_51;
        h4 &= MASK_51;

        LITTLE_ENDIAN_LONG.set(out, offset, h0 | (h1 << 51));
        LITTLE_ENDIAN_LONG.set(out, offset + 8, (h1 >>> 13) | (h2 << 38));
        LITTLE_ENDIAN_LONG.set(out, offset + 16, (h2 >>> 26) | (h3 << 25));
        LITTLE_ENDIAN_LONG.set(out, offset + 24, (h3 >>> 39) | (h4 << 12));
    }
}
