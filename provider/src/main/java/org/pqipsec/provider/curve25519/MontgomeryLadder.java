package org.pqipsec.provider.curve25519;

import java.util.Arrays;

/**
 * Variable-base X25519: the Montgomery ladder of RFC 7748 §5 on projective u-coordinates
 * (x, z), with u = x / z.
 */
final class MontgomeryLadder {

    /** a24 = (486662 - 2) / 4, the constant of the curve25519 ladder step (RFC 7748 §5). */
    private static final int A24 = 121665;

    /** Number of ladder steps: bits 254 down to 0 of the clamped scalar. */
    private static final int BITS = 255;

    private MontgomeryLadder() {}

    /**
     * Computes X25519(k, u) of RFC 7748 §5 and writes the encoded u-coordinate to
     * {@code out[outOffset..outOffset + 31]}. {@code k} must already be clamped
     * (decodeScalar25519), and {@code u} is decoded with bit 255 masked.
     */
    static void scalarMult(byte[] out, int outOffset, byte[] k, byte[] u) {
        long[] x1 = Field25519.create();
        long[] x2 = Field25519.create();
        long[] z2 = Field25519.create();
        long[] x3 = Field25519.create();
        long[] z3 = Field25519.create();
        long[] a = Field25519.create();
        long[] aa = Field25519.create();
        long[] b = Field25519.create();
        long[] bb = Field25519.create();
        long[] c = Field25519.create();
        long[] d = Field25519.create();
        long[] e = Field25519.create();
        try {
            // x_1 = u, x_2 = 1, z_2 = 0, x_3 = u, z_3 = 1
            Field25519.decode(x1, u, 0);
            Field25519.one(x2);
            Field25519.copy(x3, x1);
            Field25519.one(z3);

            long swap = 0;
            for (int t = BITS - 1; t >= 0; t--) {
                // k_t = (k >> t) & 1. Because t is public, indexing k by t >>> 3 leaks nothing.
                long kt = (k[t >>> 3] >>> (t & 7)) & 1;
                swap ^= kt;
                Field25519.conditionalSwap(x2, x3, swap);
                Field25519.conditionalSwap(z2, z3, swap);
                swap = kt;

                step(x1, x2, z2, x3, z3, a, aa, b, bb, c, d, e);
            }
            Field25519.conditionalSwap(x2, x3, swap);
            Field25519.conditionalSwap(z2, z3, swap);

            // Return x_2 * (z_2^(p - 2))
            Field25519.invert(z2, z2);
            Field25519.mul(x2, x2, z2);
            Field25519.encode(out, outOffset, x2);
        } finally {
            for (long[] element : new long[][] {x1, x2, z2, x3, z3, a, aa, b, bb, c, d, e}) {
                Arrays.fill(element, 0);
            }
        }
    }

    /**
     * Returns whether u, decoded with bit 255 masked, is the u-coordinate of a point whose order
     * divides 8, on curve25519 or on its twist.
     *
     * <p>The doubling of the ladder step maps (x : z) to (x' : z') with x' = (x + z)^2 (x - z)^2
     * and z' = E (AA + a24 E). Three doublings of (u : 1) give [8](u : 1), which is the point at
     * infinity, z = 0, exactly when the order divides 8. The curve order is 8 times a prime and
     * the twist order 4 times a prime, and a clamped scalar is a multiple of 8 that the large
     * primes never divide. So these are exactly the u for which X25519(k, u) is all zero for
     * every k. u is public, so the final comparison may branch.
     */
    static boolean hasSmallOrder(byte[] u) {
        long[] x = Field25519.create();
        long[] z = Field25519.create();
        long[] a = Field25519.create();
        long[] aa = Field25519.create();
        long[] bb = Field25519.create();
        long[] e = Field25519.create();

        // (x : z) = (u : 1)
        Field25519.decode(x, u, 0);
        Field25519.one(z);

        for (int i = 0; i < 3; i++) {
            // AA = (x + z)^2, BB = (x - z)^2, E = AA - BB
            Field25519.add(a, x, z);
            Field25519.square(aa, a);
            Field25519.sub(a, x, z);
            Field25519.square(bb, a);
            Field25519.sub(e, aa, bb);

            finishDoubling(x, z, aa, bb, e);
        }

        byte[] encoded = new byte[X25519.LENGTH];
        Field25519.encode(encoded, 0, z);
        int bits = 0;
        for (byte b : encoded) {
            bits |= b;
        }
        return bits == 0;
    }

    /**
     * One ladder step of RFC 7748 §5: a differential addition of (x_2 : z_2) and (x_3 : z_3)
     * with difference x_1 into (x_3 : z_3), and a doubling of (x_2 : z_2). The other seven
     * arrays are scratch space.
     */
    private static void step(long[] x1, long[] x2, long[] z2, long[] x3, long[] z3,
            long[] a, long[] aa, long[] b, long[] bb, long[] c, long[] d, long[] e) {
        // A = x_2 + z_2, AA = A^2, B = x_2 - z_2, BB = B^2, E = AA - BB
        Field25519.add(a, x2, z2);
        Field25519.square(aa, a);
        Field25519.sub(b, x2, z2);
        Field25519.square(bb, b);
        Field25519.sub(e, aa, bb);

        // C = x_3 + z_3, D = x_3 - z_3, DA = D * A, CB = C * B
        Field25519.add(c, x3, z3);
        Field25519.sub(d, x3, z3);
        Field25519.mul(d, d, a);
        Field25519.mul(c, c, b);

        // x_3 = (DA + CB)^2, z_3 = x_1 * (DA - CB)^2
        Field25519.add(x3, d, c);
        Field25519.square(x3, x3);
        Field25519.sub(z3, d, c);
        Field25519.square(z3, z3);
        Field25519.mul(z3, x1, z3);

        finishDoubling(x2, z2, aa, bb, e);
    }

    /**
     * Completes the doubling of RFC 7748 §5 from AA = (x + z)^2, BB = (x - z)^2 and E = AA - BB:
     * x = AA * BB, z = E * (AA + a24 * E).
     */
    private static void finishDoubling(long[] x, long[] z, long[] aa, long[] bb, long[] e) {
        Field25519.mul(x, aa, bb);
        Field25519.mulSmall(z, e, A24);
        Field25519.add(z, aa, z);
        Field25519.mul(z, e, z);
    }
}
