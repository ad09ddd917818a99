package org.pqipsec.provider.curve25519;

import java.util.Arrays;

/**
 * Fixed-base X25519, X25519(k, 9), computed as k B on edwards25519 and mapped to the
 * u-coordinate with the birational map of RFC 7748 §4.1, u = (1 + y) / (1 - y).
 *
 * <p>The clamped scalar is recoded into 64 signed radix-16 digits e_i in [-8, 8], so that
 * k = sum e_i 16^i. With B_j = 256^j B, k B = 16 (sum e_(2j+1) B_j) + sum e_(2j) B_j, which
 * takes 64 table additions and 4 doublings.
 */
final class FixedBase {

    /** Number of radix-16 digits of a 256-bit scalar. */
    private static final int DIGITS = 64;

    private FixedBase() {}

    /**
     * Computes X25519(k, 9) for a clamped scalar {@code k} (RFC 7748 §5 decodeScalar25519) and
     * writes the encoded u-coordinate to {@code out[outOffset..outOffset + 31]}.
     */
    static void scalarMultBase(byte[] out, int outOffset, byte[] k) {
        byte[] digits = new byte[DIGITS];
        EdwardsPoint point = new EdwardsPoint();
        EdwardsPoint.Scratch scratch = new EdwardsPoint.Scratch();
        long[] yPlusX = Field25519.create();
        long[] yMinusX = Field25519.create();
        long[] xy2d = Field25519.create();
        long[] negated = Field25519.create();
        try {
            recode(digits, k);

            // point = sum e_(2j+1) B_j, then 16 times that.
            point.setNeutral();
            for (int i = 1; i < DIGITS; i += 2) {
                BasePointTable.select(i >>> 1, digits[i], yPlusX, yMinusX, xy2d, negated);
                point.addAffine(yPlusX, yMinusX, xy2d, scratch);
            }
            for (int i = 0; i < 4; i++) {
                point.doublePoint(scratch);
            }

            // point += sum e_(2j) B_j
            for (int i = 0; i < DIGITS; i += 2) {
                BasePointTable.select(i >>> 1, digits[i], yPlusX, yMinusX, xy2d, negated);
                point.addAffine(yPlusX, yMinusX, xy2d, scratch);
            }

            // u = (1 + y) / (1 - y) = (Z + Y) / (Z - Y). A clamped k is never a multiple of the
            // order of B, so Z - Y is never 0.
            Field25519.add(scratch.a, point.z, point.y);
            Field25519.sub(scratch.b, point.z, point.y);
            Field25519.invert(scratch.b, scratch.b);
            Field25519.mul(scratch.a, scratch.a, scratch.b);
            Field25519.encode(out, outOffset, scratch.a);
        } finally {
            Arrays.fill(digits, (byte) 0);
            point.zeroize();
            scratch.zeroize();
            Field25519.zero(yPlusX);
            Field25519.zero(yMinusX);
            Field25519.zero(xy2d);
            Field25519.zero(negated);
        }
    }

    /**
     * Writes the signed radix-16 digits of the little-endian scalar k, which must be below
     * 2^255: e_i in [-8, 8) for i < 63 and e_63 in [0, 8].
     */
    static void recode(byte[] digits, byte[] k) {
        for (int i = 0; i < 32; i++) {
            digits[2 * i] = (byte) (k[i] & 15);
            digits[2 * i + 1] = (byte) ((k[i] >>> 4) & 15);
        }

        // Move digits of 8 or more to [-8, 0) by carrying 1 into the next digit. The carry is
        // (e_i + 8) >> 4, an arithmetic shift, so no branch depends on the digit.
        int carry = 0;
        for (int i = 0; i < DIGITS - 1; i++) {
            int digit = digits[i] + carry;
            carry = (digit + 8) >> 4;
            digits[i] = (byte) (digit - (carry << 4));
        }
        digits[DIGITS - 1] += (byte) carry;
    }
}
