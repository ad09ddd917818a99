package org.pqipsec.provider.kem;

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
     * <p>Bounds: the product ζ·a[j + len] with |ζ| ≤ (q - 1)/2 and |a| < 8q is below 2^15·q, so
     * t = montgomeryReduce(ζ·a[j + len]) is in (-q, q). Each of the seven layers therefore
     * widens the range by less than q: |a| < 8q = 26632 at the end, inside the domain of
     * {@link MlKemField#canonical}.
     */
    static void transform(int[] a) {
        int k = 1;
        for (int length = 128; length >= 2; length >>>= 1) {
            for (int start = 0; start < 256; start += 2 * length) {
                int zeta = ZETAS_MONTGOMERY[k++];
                for (int j = start; j < start + length; j++) {
                    int t = MlKemField.montgomeryReduce(zeta * a[j + length]);
                    a[j + length] = a[j] - t;
                    a[j] = a[j] + t;
                }
            }
        }
        for (int j = 0; j < 256; j++) {
            a[j] = MlKemField.canonical(a[j]);
        }
    }

    /**
     * NTT^-1 (Algorithm 10) in place, for coefficients in [0, q); the output is in [0, q).
     *
     * <p>Bounds: if every |a| ≤ M with M ≥ q before a layer, the sum a[j] + a[j + len] is at most
     * 2M, and montgomeryReduce(ζ·(a[j + len] - a[j])) is at most (q·M + 2^15·q) / 2^16 < M.
     * After seven layers |a| ≤ 128q = 426112, so ζ·a stays below 2^31 - 2^15·q. The final
     * multiplication by 128^-1 gives |a| < (1664 · 426112 + 2^15·q) / 2^16 < 12500, inside the
     * domain of {@link MlKemField#canonical}.
     */
    static void inverseTransform(int[] a) {
        int k = 127;
        for (int length = 2; length <= 128; length <<= 1) {
            for (int start = 0; start < 256; start += 2 * length) {
                int zeta = ZETAS_MONTGOMERY[k--];
                for (int j = start; j < start + length; j++) {
                    int t = a[j];
                    a[j] = t + a[j + length];
                    a[j + length] = MlKemField.montgomeryReduce(zeta * (a[j + length] - t));
                }
            }
        }
        for (int j = 0; j < 256; j++) {
            a[j] = MlKemField.canonical(
                    MlKemField.montgomeryReduce(INVERSE_128_MONTGOMERY * a[j]));
        }
    }

    /**
     * Returns Σ_j a[j] × b[j] in T_q: MultiplyNTTs (Algorithm 11, with BaseCaseMultiply of
     * Algorithm 12) summed over j, the row-times-column product of Â∘ŝ and its relatives.
     *
     * <p>Sums are reduced once per coefficient. Each product term is below (q - 1)^2 after
     * reducing a_1·b_1 before the multiplication by γ, so one j adds less than 2(q - 1)^2
     * ≈ 2.2·10^7 and four add less than 2^31.
     */
    static NttElement dot(NttElement[] a, NttElement[] b) {
        int[] out = new int[256];
        for (int j = 0; j < a.length; j++) {
            int[] x = a[j].f;
            int[] y = b[j].f;
            for (int i = 0; i < 128; i++) {
                int a0 = x[2 * i];
                int a1 = x[2 * i + 1];
                int b0 = y[2 * i];
                int b1 = y[2 * i + 1];
                out[2 * i] += a0 * b0 + MlKemField.reduce(a1 * b1) * GAMMAS[i];
                out[2 * i + 1] += a0 * b1 + a1 * b0;
            }
        }
        for (int i = 0; i < 256; i++) {
            out[i] = MlKemField.reduce(out[i]);
        }
        return new NttElement(out);
    }
}
