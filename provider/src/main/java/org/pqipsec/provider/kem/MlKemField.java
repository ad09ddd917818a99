package org.pqipsec.provider.kem;

/**
 * Arithmetic in Z_q, q = 3329, the field of FIPS 203 §2.3, and the Compress and Decompress maps of
 * FIPS 203 §4.2.1.
 *
 * <p>Constant time: every function here runs the same instructions for every input in its stated
 * range. Reductions use multiply-and-shift (Barrett and Montgomery) and a sign mask in place of
 * {@code %}, a division or a comparison branch, so the class compiles to no {@code idiv},
 * {@code irem}, {@code ldiv} or {@code lrem} instruction (a test reads the class file to check
 * this).
 */
final class MlKemField {

    /** The modulus q. */
    static final int Q = 3329;

    /** 2^32 / q rounded down, the Barrett constant of {@link #reduce}. */
    private static final long BARRETT_MULTIPLIER = 1290167L;

    /** q^-1 mod 2^16 as a signed 16-bit value: q · QINV ≡ 1 (mod 2^16). */
    static final int QINV = -3327;

    /** R mod q for the Montgomery radix R = 2^16. */
    static final int MONTGOMERY_R = 2285;

    /** 2^26 / q rounded to the nearest integer, the Barrett constant of {@link #canonical}. */
    private static final int SIGNED_BARRETT_MULTIPLIER = 20159;

    private MlKemField() {}

    /**
     * Returns {@code a - q} if {@code a >= q}, else {@code a}, for {@code 0 <= a < 2q}.
     *
     * <pre>{@code  // branching version: return a >= Q ? a - Q : a;}</pre>
     */
    static int reduceOnce(int a) {
        int t = a - Q;
        return t + ((t >> 31) & Q);
    }

    /**
     * Returns the quotient ⌊a / q⌋ for {@code 0 <= a < 2^31}. The Barrett estimate is ⌊a / q⌋ or
     * one less, because 2^32 / q - {@code BARRETT_MULTIPLIER} < 1 and a < 2^32; the remainder
     * then lies in [0, 2q) and one masked step corrects the estimate.
     */
    static int quotient(int a) {
        int estimate = (int) ((a * BARRETT_MULTIPLIER) >>> 32);
        int remainder = a - estimate * Q;
        // branching version: if (remainder >= Q) estimate++;
        return estimate + ((Q - 1 - remainder) >>> 31);
    }

    /** Returns a mod q for {@code 0 <= a < 2^31}. */
    static int reduce(int a) {
        int estimate = (int) ((a * BARRETT_MULTIPLIER) >>> 32);
        return reduceOnce(a - estimate * Q);
    }

    /**
     * Montgomery reduction: returns r ≡ a · 2^-16 (mod q) with |r| ≤ (|a| + 2^15·q) / 2^16, for
     * |a| ≤ 2^31 - 2^15·q. In particular |r| < q when |a| < 2^15·q.
     *
     * <p>t = a · q^-1 mod 2^16, taken as a signed 16-bit value, makes a - t·q a multiple of 2^16,
     * so the arithmetic shift divides exactly. The bound on |a| keeps a - t·q inside an int.
     */
    static int montgomeryReduce(int a) {
        int t = (short) (a * QINV);
        return (a - t * Q) >> 16;
    }

    /**
     * Returns a mod q in [0, q) for |a| < 2^16, including negative a.
     *
     * <p>t = ⌊(a · 20159 + 2^25) / 2^26⌋ is a / q rounded to the nearest integer, off by at most
     * 2^-12 more because 20159 / 2^26 exceeds 1/q by less than 2^-28. So a - t·q lies in
     * (-q, q), and a sign mask adds q to a negative result. The arithmetic shift rounds toward
     * minus infinity for negative a as well. A test checks every a in the domain.
     */
    static int canonical(int a) {
        int t = (a * SIGNED_BARRETT_MULTIPLIER + (1 << 25)) >> 26;
        int r = a - t * Q;
        // branching version: return r < 0 ? r + Q : r;
        return r + ((r >> 31) & Q);
    }

    /** Returns (a + b) mod q for a, b in [0, q). */
    static int add(int a, int b) {
        return reduceOnce(a + b);
    }

    /** Returns (a - b) mod q for a, b in [0, q). */
    static int subtract(int a, int b) {
        return reduceOnce(a - b + Q);
    }

    /** Returns a·b mod q for a, b in [0, q). */
    static int multiply(int a, int b) {
        return reduce(a * b);
    }

    /**
     * Compress_d(x) = ⌈(2^d / q)·x⌋ mod 2^d (FIPS 203 equation 4.7) for x in [0, q) and d in
     * [1, 11]. The rounding is ⌊(2^(d+1)·x + q) / (2q)⌋, computed as ⌊⌊(2^(d+1)·x + q) / q⌋ / 2⌋
     * with {@link #quotient} and a shift. No tie can occur because q is an odd prime.
     */
    static int compress(int x, int d) {
        int rounded = quotient((x << (d + 1)) + Q) >>> 1;
        return rounded & ((1 << d) - 1);
    }

    /**
     * Decompress_d(y) = ⌈(q / 2^d)·y⌋ (FIPS 203 equation 4.8) for y in [0, 2^d) and d in [1, 11]:
     * ⌊(q·y + 2^(d-1)) / 2^d⌋, a shift because the divisor is a power of two.
     */
    static int decompress(int y, int d) {
        return (y * Q + (1 << (d - 1))) >>> d;
    }
}
