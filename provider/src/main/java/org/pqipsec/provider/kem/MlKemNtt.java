package org.pqipsec.provider.kem;

import java.util.Arrays;

/**
 * The number-theoretic transform of FIPS 203 §4.3: NTT (Algorithm 9), NTT^-1 (Algorithm 10) and
 * the products in T_q (Algorithms 11 and 12).
 *
 * <p>The transforms multiply by twiddle factors in Montgomery form (ζ^k · 2^16 mod q) with
 * {@link MlKemField#montgomeryReduce}, which returns the plain product ζ^k · x mod q. Between the
 * layers the coefficients are signed and not fully reduced. Each method states the bound that
 * keeps every intermediate value inside an int and inside the domain of the reduction it feeds,
 * and each ends with {@link MlKemField#canonical}, so that every output is in [0, q).
 *
 * <p>Constant time: loop bounds and table indices depend only on positions, never on
 * coefficients, and all reductions are the branch-free ones of {@link MlKemField}.
 */
final class MlKemNtt {

    /** ζ = 17, the primitive 256th root of unity mod q. */
    static final int ZETA = 17;

    /** ZETAS[i] = ζ^BitRev7(i) mod q, the twiddle factors of Algorithms 9 and 10. */
    static final int[] ZETAS = new int[128];

    /** GAMMAS[i] = ζ^(2·BitRev7(i) + 1) mod q, the moduli X^2 - γ_i of Algorithm 11. */
    static final int[] GAMMAS = new int[128];

    /** 128^-1 mod q: the scaling step at the end of Algorithm 10. */
    static final int INVERSE_128 = 3303;

    /** ZETAS[i] · 2^16 mod q, centred in [-(q - 1)/2, (q - 1)/2]. */
    static final int[] ZETAS_MONTGOMERY = new int[128];

    /** 128^-1 · 2^16 mod q, centred like {@link #ZETAS_MONTGOMERY}. */
    static final int INVERSE_128_MONTGOMERY;

    static {
        // Tests recompute ZETAS and GAMMAS with BigInteger and check the Montgomery forms.
        int[] powers = new int[256];
        powers[0] = 1;
        for (int e = 1; e < 256; e++) {
            powers[e] = MlKemField.multiply(powers[e - 1], ZETA);
        }
        for (int i = 0; i < 128; i++) {
            int reversed = Integer.reverse(i) >>> 25;
            ZETAS[i] = powers[reversed];
            GAMMAS[i] = powers[2 * reversed + 1];
            ZETAS_MONTGOMERY[i] = centred(MlKemField.multiply(ZETAS[i], MlKemField.MONTGOMERY_R));
        }
        INVERSE_128_MONTGOMERY = centred(MlKemField.multiply(INVERSE_128, MlKemField.MONTGOMERY_R));
    }

    /** Maps a public constant in [0, q) to its representative in [-(q - 1)/2, (q - 1)/2]. */
    private static int centred(int a) {
        return a > MlKemField.Q / 2 ? a - MlKemField.Q : a;
    }

    private MlKemNtt() {}

    /** Returns NTT(f) (FIPS 203 Algorithm 9) in a new array; {@code f} is not modified. */
    static NttElement ntt(RingElement f) {
        int[] a = f.f.clone();
        transform(a);
        return new NttElement(a);
    }

    /**
     * Returns NTT(f) (FIPS 203 Algorithm 9) computed in the array of {@code f}, which the
     * returned element now owns: the caller must not use {@code f} afterwards.
     */
    static NttElement nttInPlace(RingElement f) {
        transform(f.f);
        return new NttElement(f.f);
    }

    /** Returns NTT^-1(f̂) (FIPS 203 Algorithm 10) in a new array; {@code f̂} is not modified. */
    static RingElement inverse(NttElement fHat) {
        int[] a = fHat.f.clone();
        inverseTransform(a);
        return new RingElement(a);
    }

    /**
     * Returns NTT^-1(f̂) (FIPS 203 Algorithm 10) computed in the array of {@code f̂}, which the
     * returned element now owns: the caller must not use {@code f̂} afterwards.
     */
    static RingElement inverseInPlace(NttElement fHat) {
        inverseTransform(fHat.f);
        return new RingElement(fHat.f);
    }

    /**
     * NTT (Algorithm 9) in place, for coefficients in [0, q); the output is in [0, q).
     *
     * <p>The layers run in the order of Algorithm 9 with its twiddle factors. The layers with
     * len = 128 to 8 run in {@link #forwardLayer}, with len a constant at each call, so that the
     * JIT compiler can see that a[j] and a[j + len] never overlap and can vectorize the loop. The
     * layers with len = 4 and 2 run on blocks of eight coefficients held in local variables.
     *
     * <p>Bounds: the product ζ·a[j + len] with |ζ| ≤ (q - 1)/2 and |a| < 8q is below 2^15·q, so
     * t = montgomeryReduce(ζ·a[j + len]) is in (-q, q). Each of the seven layers therefore
     * widens the range by less than q: |a| < 8q = 26632 at the end, inside the domain of
     * {@link MlKemField#canonical}.
     */
    static void transform(int[] a) {
        forwardLayer(a, 128, 1);
        forwardLayer(a, 64, 2);
        forwardLayer(a, 32, 4);
        forwardLayer(a, 16, 8);
        forwardLayer(a, 8, 16);

        // Block b holds the group of ZETAS[32 + b] in the len = 4 layer, and the groups of
        // ZETAS[64 + 2b] and ZETAS[65 + 2b] in the len = 2 layer.
        for (int block = 0; block < 32; block++) {
            int o = 8 * block;
            int zeta4 = ZETAS_MONTGOMERY[32 + block];
            int zeta2a = ZETAS_MONTGOMERY[64 + 2 * block];
            int zeta2b = ZETAS_MONTGOMERY[65 + 2 * block];
            int x0 = a[o];
            int x1 = a[o + 1];
            int x2 = a[o + 2];
            int x3 = a[o + 3];
            int x4 = a[o + 4];
            int x5 = a[o + 5];
            int x6 = a[o + 6];
            int x7 = a[o + 7];

            int t = MlKemField.montgomeryReduce(zeta4 * x4);
            x4 = x0 - t;
            x0 = x0 + t;
            t = MlKemField.montgomeryReduce(zeta4 * x5);
            x5 = x1 - t;
            x1 = x1 + t;
            t = MlKemField.montgomeryReduce(zeta4 * x6);
            x6 = x2 - t;
            x2 = x2 + t;
            t = MlKemField.montgomeryReduce(zeta4 * x7);
            x7 = x3 - t;
            x3 = x3 + t;

            t = MlKemField.montgomeryReduce(zeta2a * x2);
            x2 = x0 - t;
            x0 = x0 + t;
            t = MlKemField.montgomeryReduce(zeta2a * x3);
            x3 = x1 - t;
            x1 = x1 + t;
            t = MlKemField.montgomeryReduce(zeta2b * x6);
            x6 = x4 - t;
            x4 = x4 + t;
            t = MlKemField.montgomeryReduce(zeta2b * x7);
            x7 = x5 - t;
            x5 = x5 + t;

            a[o] = x0;
            a[o + 1] = x1;
            a[o + 2] = x2;
            a[o + 3] = x3;
            a[o + 4] = x4;
            a[o + 5] = x5;
            a[o + 6] = x6;
            a[o + 7] = x7;
        }

        for (int j = 0; j < 256; j++) {
            a[j] = MlKemField.canonical(a[j]);
        }
    }

    /** One layer of Algorithm 9: the groups of length {@code length}, from ZETAS[k] on. */
    private static void forwardLayer(int[] a, int length, int k) {
        for (int start = 0; start < 256; start += 2 * length) {
            int zeta = ZETAS_MONTGOMERY[k++];
            for (int j = start; j < start + length; j++) {
                int t = MlKemField.montgomeryReduce(zeta * a[j + length]);
                a[j + length] = a[j] - t;
                a[j] = a[j] + t;
            }
        }
    }

    /**
     * NTT^-1 (Algorithm 10) in place, for coefficients in [0, q); the output is in [0, q).
     *
     * <p>The layers run in the order of Algorithm 10 with its twiddle factors: len = 2 and 4 on
     * blocks of eight coefficients held in local variables, then len = 8 to 128 in
     * {@link #inverseLayer}, which the JIT compiler can vectorize as in {@link #transform}.
     *
     * <p>Bounds: if every |a| ≤ M with M ≥ q before a layer, the sum a[j] + a[j + len] is at most
     * 2M, and montgomeryReduce(ζ·(a[j + len] - a[j])) is at most (q·M + 2^15·q) / 2^16 < M.
     * After seven layers |a| ≤ 128q = 426112, so ζ·a stays below 2^31 - 2^15·q. The final
     * multiplication by 128^-1 gives |a| < (1664 · 426112 + 2^15·q) / 2^16 < 12500, inside the
     * domain of {@link MlKemField#canonical}.
     */
    static void inverseTransform(int[] a) {
        // Block b holds the groups of ZETAS[127 - 2b] and ZETAS[126 - 2b] in the len = 2 layer,
        // and the group of ZETAS[63 - b] in the len = 4 layer.
        for (int block = 0; block < 32; block++) {
            int o = 8 * block;
            int zeta2a = ZETAS_MONTGOMERY[127 - 2 * block];
            int zeta2b = ZETAS_MONTGOMERY[126 - 2 * block];
            int zeta4 = ZETAS_MONTGOMERY[63 - block];
            int x0 = a[o];
            int x1 = a[o + 1];
            int x2 = a[o + 2];
            int x3 = a[o + 3];
            int x4 = a[o + 4];
            int x5 = a[o + 5];
            int x6 = a[o + 6];
            int x7 = a[o + 7];

            int t = x0;
            x0 = t + x2;
            x2 = MlKemField.montgomeryReduce(zeta2a * (x2 - t));
            t = x1;
            x1 = t + x3;
            x3 = MlKemField.montgomeryReduce(zeta2a * (x3 - t));
            t = x4;
            x4 = t + x6;
            x6 = MlKemField.montgomeryReduce(zeta2b * (x6 - t));
            t = x5;
            x5 = t + x7;
            x7 = MlKemField.montgomeryReduce(zeta2b * (x7 - t));

            t = x0;
            x0 = t + x4;
            x4 = MlKemField.montgomeryReduce(zeta4 * (x4 - t));
            t = x1;
            x1 = t + x5;
            x5 = MlKemField.montgomeryReduce(zeta4 * (x5 - t));
            t = x2;
            x2 = t + x6;
            x6 = MlKemField.montgomeryReduce(zeta4 * (x6 - t));
            t = x3;
            x3 = t + x7;
            x7 = MlKemField.montgomeryReduce(zeta4 * (x7 - t));

            a[o] = x0;
            a[o + 1] = x1;
            a[o + 2] = x2;
            a[o + 3] = x3;
            a[o + 4] = x4;
            a[o + 5] = x5;
            a[o + 6] = x6;
            a[o + 7] = x7;
        }

        inverseLayer(a, 8, 31);
        inverseLayer(a, 16, 15);
        inverseLayer(a, 32, 7);
        inverseLayer(a, 64, 3);
        inverseLayer(a, 128, 1);

        for (int j = 0; j < 256; j++) {
            a[j] = MlKemField.canonical(
                    MlKemField.montgomeryReduce(INVERSE_128_MONTGOMERY * a[j]));
        }
    }

    /** One layer of Algorithm 10: the groups of length {@code length}, from ZETAS[k] down. */
    private static void inverseLayer(int[] a, int length, int k) {
        for (int start = 0; start < 256; start += 2 * length) {
            int zeta = ZETAS_MONTGOMERY[k--];
            for (int j = start; j < start + length; j++) {
                int t = a[j];
                a[j] = t + a[j + length];
                a[j + length] = MlKemField.montgomeryReduce(zeta * (a[j + length] - t));
            }
        }
    }

    /**
     * Returns Σ_j a[j] × b[j] in T_q: MultiplyNTTs (Algorithm 11, with BaseCaseMultiply of
     * Algorithm 12) summed over j, the row-times-column product of Â∘ŝ and its relatives.
     */
    static NttElement dot(NttElement[] a, NttElement[] b) {
        int[][] bGamma = gammaProducts(b);
        try {
            return dot(a, b, bGamma);
        } finally {
            clear(bGamma);
        }
    }

    /**
     * Returns, for each element b̂ of {@code b}, the 128 values b̂_{2i+1}·γ_i mod q that the first
     * output coefficient of BaseCaseMultiply (Algorithm 12) needs. A vector that meets several
     * rows (ŷ in Encrypt, ŝ in KeyGen) reduces these products once instead of once per row. The
     * values derive from b, so the caller zeroes them when b is secret ({@link #clear}).
     */
    static int[][] gammaProducts(NttElement[] b) {
        int[][] products = new int[b.length][128];
        for (int j = 0; j < b.length; j++) {
            int[] y = b[j].f;
            int[] out = products[j];
            for (int i = 0; i < 128; i++) {
                out[i] = MlKemField.multiply(y[2 * i + 1], GAMMAS[i]);
            }
        }
        return products;
    }

    /**
     * Returns Σ_j a[j] × b[j] in T_q as {@link #dot(NttElement[], NttElement[])} does, with
     * {@code bGamma} = {@link #gammaProducts}(b).
     *
     * <p>BaseCaseMultiply gives c_0 = a_0·b_0 + a_1·(b_1·γ) and c_1 = a_0·b_1 + a_1·b_0. Every
     * factor is in [0, q), so one j adds less than 2(q - 1)^2 ≈ 2.2·10^7 to each coefficient and
     * the k ≤ 4 terms add less than 8.9·10^7 < 2^31. The sums are reduced once at the end.
     */
    static NttElement dot(NttElement[] a, NttElement[] b, int[][] bGamma) {
        int[] out = new int[256];
        for (int j = 0; j < a.length; j++) {
            int[] x = a[j].f;
            int[] y = b[j].f;
            int[] yGamma = bGamma[j];
            for (int i = 0; i < 128; i++) {
                int a0 = x[2 * i];
                int a1 = x[2 * i + 1];
                int b0 = y[2 * i];
                int b1 = y[2 * i + 1];
                out[2 * i] += a0 * b0 + a1 * yGamma[i];
                out[2 * i + 1] += a0 * b1 + a1 * b0;
            }
        }
        for (int i = 0; i < 256; i++) {
            out[i] = MlKemField.reduce(out[i]);
        }
        return new NttElement(out);
    }

    /** Zeroes the arrays of {@link #gammaProducts}. */
    static void clear(int[][] products) {
        for (int[] row : products) {
            Arrays.fill(row, 0);
        }
    }
}
