package org.pqipsec.provider.curve25519;

import java.math.BigInteger;

/**
 * Multiples of the edwards25519 base point B for the fixed-base scalar multiplication: entry
 * (j, m) is m 256^j B for j = 0..31 and m = 1..8, in affine form (y + x, y - x, 2 d x y). The
 * table is computed at class initialisation from B with this package's own point formulas.
 */
final class BasePointTable {

    /** Number of sub-tables, one per pair of radix-16 digits. */
    static final int SUBTABLES = 32;

    /** Entries per sub-table: the multiples 1..8 that a signed radix-16 digit needs. */
    static final int ENTRIES = 8;

    /** Longs per entry: three field elements of five limbs. */
    private static final int ENTRY_LONGS = 3 * Field25519.LIMBS;

    /**
     * The base point of edwards25519 (RFC 7748 §4.1), the image of the curve25519 base point
     * u = 9 under the birational map.
     */
    private static final BigInteger BASE_X = new BigInteger(
            "15112221349535400772501151409588531511454012693041857206046113283949847762202");
    private static final BigInteger BASE_Y = new BigInteger(
            "46316835694926478169428394003475163141307993866256225615783033603165251855960");

    /** 2 d, with d = -121665 / 121666 the edwards25519 constant of RFC 7748 §4.1. */
    static final long[] D2 = twiceD();

    /**
     * The entries as y + x, y - x and 2 d x y with limbs below 2^51, ordered by sub-table, then
     * by limb (15 per entry), then by multiple, so that one limb of all eight multiples is
     * contiguous.
     */
    private static final long[] TABLE = build();

    private BasePointTable() {}

    /**
     * Writes the affine form of {@code digit} 256^j B to the three output elements, for a
     * secret {@code digit} in [-8, 8] and a public {@code j}. Every entry of sub-table j is read,
     * and the digit only forms masks. A digit of 0 gives the neutral element (1, 1, 0).
     * {@code scratch} receives -2 d x y before the sign is applied.
     */
    static void select(int j, int digit, long[] yPlusX, long[] yMinusX, long[] xy2d,
            long[] scratch) {
        // sign is 1 for a negative digit and 0 otherwise, and magnitude is |digit|, both
        // computed without a branch.
        int sign = digit >>> 31;
        int magnitude = (digit ^ -sign) + sign;

        // mask_m = all ones when magnitude == m: (magnitude ^ m) - 1 is negative only for 0.
        long mask0 = -(long) ((magnitude - 1) >>> 31);
        long mask1 = -(long) (((magnitude ^ 1) - 1) >>> 31);
        long mask2 = -(long) (((magnitude ^ 2) - 1) >>> 31);
        long mask3 = -(long) (((magnitude ^ 3) - 1) >>> 31);
        long mask4 = -(long) (((magnitude ^ 4) - 1) >>> 31);
        long mask5 = -(long) (((magnitude ^ 5) - 1) >>> 31);
        long mask6 = -(long) (((magnitude ^ 6) - 1) >>> 31);
        long mask7 = -(long) (((magnitude ^ 7) - 1) >>> 31);
        long mask8 = -(long) (((magnitude ^ 8) - 1) >>> 31);

        // Limb l of the eight entries is a run of eight longs, and exactly one mask (none for a
        // zero digit) keeps its entry.
        int offset = j * ENTRY_LONGS * ENTRIES;
        gather(yPlusX, offset, mask1, mask2, mask3, mask4, mask5, mask6, mask7, mask8);
        offset += Field25519.LIMBS * ENTRIES;
        gather(yMinusX, offset, mask1, mask2, mask3, mask4, mask5, mask6, mask7, mask8);
        offset += Field25519.LIMBS * ENTRIES;
        gather(xy2d, offset, mask1, mask2, mask3, mask4, mask5, mask6, mask7, mask8);

        // The neutral element (1, 1, 0) for a zero digit.
        yPlusX[0] |= mask0 & 1;
        yMinusX[0] |= mask0 & 1;

        // -(x, y) = (-x, y): y + x and y - x trade places and 2 d x y changes sign.
        Field25519.conditionalSwap(yPlusX, yMinusX, sign);
        Field25519.negate(scratch, xy2d);
        Field25519.conditionalMove(xy2d, scratch, 0, -(long) sign);
    }

    /** Sets limb l of h to the OR of the masked runs of eight longs from {@code offset}. */
    private static void gather(long[] h, int offset, long mask1, long mask2, long mask3,
            long mask4, long mask5, long mask6, long mask7, long mask8) {
        for (int l = 0; l < Field25519.LIMBS; l++) {
            int run = offset + l * ENTRIES;
            h[l] = (mask1 & TABLE[run]) | (mask2 & TABLE[run + 1])
                    | (mask3 & TABLE[run + 2]) | (mask4 & TABLE[run + 3])
                    | (mask5 & TABLE[run + 4]) | (mask6 & TABLE[run + 5])
                    | (mask7 & TABLE[run + 6]) | (mask8 & TABLE[run + 7]);
        }
    }

    /** Returns a copy of entry (j, m) as y + x, y - x and 2 d x y, for tests. */
    static long[][] entry(int j, int m) {
        long[][] elements = new long[3][Field25519.LIMBS];
        for (int element = 0; element < 3; element++) {
            for (int l = 0; l < Field25519.LIMBS; l++) {
                elements[element][l] = TABLE[index(j, m, element * Field25519.LIMBS + l)];
            }
        }
        return elements;
    }

    /** Position of limb l (0..14) of entry (j, m): sub-table, then limb, then multiple. */
    private static int index(int j, int m, int l) {
        return (j * ENTRY_LONGS + l) * ENTRIES + m - 1;
    }

    /** Returns the base point B in extended coordinates with Z = 1. */
    static EdwardsPoint basePoint() {
        EdwardsPoint b = new EdwardsPoint();
        fromInteger(b.x, BASE_X);
        fromInteger(b.y, BASE_Y);
        Field25519.one(b.z);
        Field25519.mul(b.t, b.x, b.y);
        return b;
    }

    // d = -121665 / 121666
    private static long[] twiceD() {
        long[] numerator = Field25519.create();
        long[] d = Field25519.create();
        numerator[0] = 121665;
        Field25519.negate(numerator, numerator);
        d[0] = 121666;
        Field25519.invert(d, d);
        Field25519.mul(d, d, numerator);
        Field25519.add(d, d, d);
        Field25519.carry(d, d);
        return d;
    }

    private static long[] build() {
        EdwardsPoint.Scratch scratch = new EdwardsPoint.Scratch();
        EdwardsPoint[] points = new EdwardsPoint[SUBTABLES * ENTRIES];

        // points[8 j + m - 1] = m 256^j B, by repeated addition of 256^j B, which 8 doublings
        // of the previous 256^(j - 1) B give.
        EdwardsPoint power = basePoint();
        for (int j = 0; j < SUBTABLES; j++) {
            EdwardsPoint multiple = new EdwardsPoint();
            multiple.set(power);
            for (int m = 0; m < ENTRIES; m++) {
                points[j * ENTRIES + m] = new EdwardsPoint();
                points[j * ENTRIES + m].set(multiple);
                multiple.add(power, D2, scratch);
            }
            for (int i = 0; i < 8; i++) {
                power.doublePoint(scratch);
            }
        }

        long[][] inverses = invertAll(points);
        long[] table = new long[SUBTABLES * ENTRIES * ENTRY_LONGS];
        long[] x = Field25519.create();
        long[] y = Field25519.create();
        long[] element = Field25519.create();
        for (int i = 0; i < points.length; i++) {
            // x = X / Z, y = Y / Z
            Field25519.mul(x, points[i].x, inverses[i]);
            Field25519.mul(y, points[i].y, inverses[i]);

            // i = 8 j + m - 1
            int j = i >>> 3;
            int m = (i & 7) + 1;
            Field25519.add(element, y, x);
            storeReduced(table, j, m, 0, element);
            Field25519.sub(element, y, x);
            storeReduced(table, j, m, Field25519.LIMBS, element);
            Field25519.mul(element, x, y);
            Field25519.mul(element, element, D2);
            storeReduced(table, j, m, 2 * Field25519.LIMBS, element);
        }
        return table;
    }

    /**
     * Returns 1 / Z of every point with one field inversion (Montgomery's simultaneous
     * inversion): prefix products, one inverse, then a backward pass.
     */
    private static long[][] invertAll(EdwardsPoint[] points) {
        int n = points.length;
        long[][] prefix = new long[n][];
        prefix[0] = points[0].z.clone();
        for (int i = 1; i < n; i++) {
            prefix[i] = Field25519.create();
            Field25519.mul(prefix[i], prefix[i - 1], points[i].z);
        }

        long[][] inverses = new long[n][];
        long[] inverse = Field25519.create();
        Field25519.invert(inverse, prefix[n - 1]);
        for (int i = n - 1; i > 0; i--) {
            // inverse = 1 / (Z_0 ... Z_i), so 1 / Z_i = inverse * (Z_0 ... Z_(i-1)).
            inverses[i] = Field25519.create();
            Field25519.mul(inverses[i], inverse, prefix[i - 1]);
            Field25519.mul(inverse, inverse, points[i].z);
        }
        inverses[0] = inverse;
        return inverses;
    }

    /** Stores the canonical limbs of f, each below 2^51, as limbs first..first + 4 of (j, m). */
    private static void storeReduced(long[] table, int j, int m, int first, long[] f) {
        byte[] encoded = new byte[Field25519.ENCODED_LENGTH];
        Field25519.encode(encoded, 0, f);
        long[] reduced = Field25519.create();
        Field25519.decode(reduced, encoded, 0);
        for (int l = 0; l < Field25519.LIMBS; l++) {
            table[index(j, m, first + l)] = reduced[l];
        }
    }

    /** Converts a public integer in [0, p) to limbs. */
    private static void fromInteger(long[] h, BigInteger value) {
        byte[] bigEndian = value.toByteArray();
        byte[] littleEndian = new byte[Field25519.ENCODED_LENGTH];
        for (int i = 0; i < bigEndian.length && i < littleEndian.length; i++) {
            littleEndian[i] = bigEndian[bigEndian.length - 1 - i];
        }
        Field25519.decode(h, littleEndian, 0);
    }
}
