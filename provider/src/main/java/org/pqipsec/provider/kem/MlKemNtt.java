package org.pqipsec.provider.kem;

/**
 * The number-theoretic transform of FIPS 203 §4.3: NTT (Algorithm 9), NTT^-1 (Algorithm 10) and
 * the products in T_q (Algorithms 11 and 12).
 *
 * <p>Constant time: loop bounds and table indices depend only on positions, never on
 * coefficients, and all arithmetic goes through {@link MlKemField}.
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

    static {
        // Tests recompute both tables with BigInteger.
        int[] powers = new int[256];
        powers[0] = 1;
        for (int e = 1; e < 256; e++) {
            powers[e] = MlKemField.multiply(powers[e - 1], ZETA);
        }
        for (int i = 0; i < 128; i++) {
            int reversed = Integer.reverse(i) >>> 25;
            ZETAS[i] = powers[reversed];
            GAMMAS[i] = powers[2 * reversed + 1];
        }
    }

    private MlKemNtt() {}

    /** Returns NTT(f) (FIPS 203 Algorithm 9) in a new array; {@code f} is not modified. */
    static NttElement ntt(RingElement f) {
        int[] a = f.f.clone();
        int k = 1;
        for (int length = 128; length >= 2; length >>>= 1) {
            for (int start = 0; start < 256; start += 2 * length) {
                int zeta = ZETAS[k++];
                for (int j = start; j < start + length; j++) {
                    int t = MlKemField.multiply(zeta, a[j + length]);
                    a[j + length] = MlKemField.subtract(a[j], t);
                    a[j] = MlKemField.add(a[j], t);
                }
            }
        }
        return new NttElement(a);
    }

    /** Returns NTT^-1(f̂) (FIPS 203 Algorithm 10) in a new array; {@code f̂} is not modified. */
    static RingElement inverse(NttElement fHat) {
        int[] a = fHat.f.clone();
        int k = 127;
        for (int length = 2; length <= 128; length <<= 1) {
            for (int start = 0; start < 256; start += 2 * length) {
                int zeta = ZETAS[k--];
                for (int j = start; j < start + length; j++) {
                    int t = a[j];
                    a[j] = MlKemField.add(t, a[j + length]);
                    a[j + length] = MlKemField.multiply(zeta, MlKemField.subtract(a[j + length], t));
                }
            }
        }
        for (int j = 0; j < 256; j++) {
            a[j] = MlKemField.multiply(a[j], INVERSE_128);
        }
        return new RingElement(a);
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
        for (int i = 0; i < 128; i++) {
            int gamma = GAMMAS[i];
            int c0 = 0;
            int c1 = 0;
            for (int j = 0; j < a.length; j++) {
                int a0 = a[j].f[2 * i];
                int a1 = a[j].f[2 * i + 1];
                int b0 = b[j].f[2 * i];
                int b1 = b[j].f[2 * i + 1];
                c0 += a0 * b0 + MlKemField.reduce(a1 * b1) * gamma;
                c1 += a0 * b1 + a1 * b0;
            }
            out[2 * i] = MlKemField.reduce(c0);
            out[2 * i + 1] = MlKemField.reduce(c1);
        }
        return new NttElement(out);
    }
}
