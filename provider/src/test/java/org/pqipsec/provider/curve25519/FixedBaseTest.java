package org.pqipsec.provider.curve25519;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pqipsec.provider.curve25519.FieldReference.P;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The fixed-base path: its table, its scalar recoding and its agreement with the ladder. */
class FixedBaseTest {

    private static final BigInteger D = BigInteger.valueOf(-121665)
            .multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);

    private final SplittableRandom random = new SplittableRandom(8032);

    private static byte[] basePoint() {
        byte[] u = new byte[32];
        u[0] = 9;
        return u;
    }

    @Test
    void fixedBaseMatchesLadderOnRandomScalars() {
        byte[] k = new byte[32];
        for (int i = 0; i < 5000; i++) {
            random.nextBytes(k);
            assertArrayEquals(X25519.scalarMult(k, basePoint()), X25519.scalarMultBase(k),
                    "k=" + HexFormat.of().formatHex(k));
        }
    }

    @Test
    void fixedBaseMatchesLadderOnEdgeScalars() {
        for (byte[] k : X25519Test.edgeScalars()) {
            assertArrayEquals(X25519.scalarMult(k, basePoint()), X25519.scalarMultBase(k),
                    "k=" + HexFormat.of().formatHex(k));
        }
        // Every single clamped bit: 2^254 + 2^i for i = 3..253.
        for (int bit = 3; bit < 254; bit++) {
            byte[] k = new byte[32];
            k[31] = 0x40;
            k[bit >>> 3] |= (byte) (1 << (bit & 7));
            assertArrayEquals(X25519.scalarMult(k, basePoint()), X25519.scalarMultBase(k),
                    "bit " + bit);
        }
    }

    @Test
    void edwardsConstantsMatchRfc7748() {
        assertEquals(new BigInteger(
                "37095705934669439343138083508754565189542113879843219016388785533085940283555"),
                D, "d of RFC 7748 §4.1");
        assertEquals(D.shiftLeft(1).mod(P), FieldReference.toInteger(BasePointTable.D2).mod(P));

        // B is on -x^2 + y^2 = 1 + d x^2 y^2 and maps to u = (1 + y) / (1 - y) = 9.
        EdwardsPoint b = BasePointTable.basePoint();
        BigInteger x = FieldReference.toInteger(b.x).mod(P);
        BigInteger y = FieldReference.toInteger(b.y).mod(P);
        BigInteger left = y.pow(2).subtract(x.pow(2)).mod(P);
        BigInteger right = BigInteger.ONE.add(D.multiply(x.pow(2)).multiply(y.pow(2))).mod(P);
        assertEquals(right, left, "B on edwards25519");
        BigInteger u = BigInteger.ONE.add(y).multiply(BigInteger.ONE.subtract(y).modInverse(P)).mod(P);
        assertEquals(BigInteger.valueOf(9), u);
    }

    /**
     * Every entry (j, m) of the table must be the affine point m 256^j B: on the curve, with
     * the u-coordinate that the reference ladder gives for m 256^j on u = 9, and with the
     * stored 2 d x y consistent with its x and y.
     */
    @Test
    void tableEntriesAreMultiplesOfBase() {
        BigInteger inverseOfTwo = BigInteger.TWO.modInverse(P);
        for (int j = 0; j < BasePointTable.SUBTABLES; j++) {
            for (int m = 1; m <= BasePointTable.ENTRIES; m++) {
                long[][] entry = BasePointTable.entry(j, m);
                BigInteger yPlusX = FieldReference.toInteger(entry[0]);
                BigInteger yMinusX = FieldReference.toInteger(entry[1]);
                BigInteger xy2d = FieldReference.toInteger(entry[2]);
                for (long[] element : entry) {
                    assertTrue(FieldReference.toInteger(element).compareTo(P) < 0, "canonical");
                }
                BigInteger x = yPlusX.subtract(yMinusX).multiply(inverseOfTwo).mod(P);
                BigInteger y = yPlusX.add(yMinusX).multiply(inverseOfTwo).mod(P);

                BigInteger left = y.pow(2).subtract(x.pow(2)).mod(P);
                BigInteger right = BigInteger.ONE.add(D.multiply(x.pow(2)).multiply(y.pow(2))).mod(P);
                assertEquals(right, left, "entry " + j + "," + m + " on the curve");
                assertEquals(D.shiftLeft(1).multiply(x).multiply(y).mod(P), xy2d,
                        "entry " + j + "," + m + " 2dxy");

                BigInteger scalar = BigInteger.valueOf(m).shiftLeft(8 * j);
                BigInteger u = BigInteger.ONE.add(y)
                        .multiply(BigInteger.ONE.subtract(y).modInverse(P)).mod(P);
                assertEquals(ReferenceX25519.ladder(scalar, BigInteger.valueOf(9), 260), u,
                        "entry " + j + "," + m + " u-coordinate");
            }
        }
    }

    @Test
    void recodingIsSignedRadix16() {
        byte[] k = new byte[32];
        byte[] digits = new byte[64];
        int[] fills = {0x88, 0x77, 0xff};
        for (int i = 0; i < 2000; i++) {
            random.nextBytes(k);
            if (i < fills.length) {
                java.util.Arrays.fill(k, (byte) fills[i]);
            }
            k[31] &= 0x7f;
            FixedBase.recode(digits, k);
            BigInteger sum = BigInteger.ZERO;
            for (int d = 63; d >= 0; d--) {
                assertTrue(digits[d] >= -8, "digit " + d + " = " + digits[d]);
                assertTrue(digits[d] <= 8, "digit " + d + " = " + digits[d]);
                sum = sum.shiftLeft(4).add(BigInteger.valueOf(digits[d]));
            }
            assertEquals(FieldReference.fromLittleEndian(k), sum);
        }
    }

    @Test
    void selectHandlesSignsAndZero() {
        long[] yPlusX = Field25519.create();
        long[] yMinusX = Field25519.create();
        long[] xy2d = Field25519.create();
        long[] scratch = Field25519.create();
        for (int j : new int[] {0, 17, 31}) {
            BasePointTable.select(j, 0, yPlusX, yMinusX, xy2d, scratch);
            assertEquals(BigInteger.ONE, FieldReference.toInteger(yPlusX));
            assertEquals(BigInteger.ONE, FieldReference.toInteger(yMinusX));
            assertEquals(BigInteger.ZERO, FieldReference.toInteger(xy2d));
            for (int digit = -8; digit <= 8; digit++) {
                if (digit == 0) {
                    continue;
                }
                long[][] entry = BasePointTable.entry(j, Math.abs(digit));
                BasePointTable.select(j, digit, yPlusX, yMinusX, xy2d, scratch);
                if (digit > 0) {
                    assertArrayEquals(entry[0], yPlusX);
                    assertArrayEquals(entry[1], yMinusX);
                    assertArrayEquals(entry[2], xy2d);
                } else {
                    assertArrayEquals(entry[1], yPlusX);
                    assertArrayEquals(entry[0], yMinusX);
                    assertEquals(FieldReference.toInteger(entry[2]).negate().mod(P),
                            FieldReference.toInteger(xy2d).mod(P));
                }
            }
        }
    }
}
