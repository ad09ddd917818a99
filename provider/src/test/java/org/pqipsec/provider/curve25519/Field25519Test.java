package org.pqipsec.provider.curve25519;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pqipsec.provider.curve25519.FieldReference.P;
import static org.pqipsec.provider.curve25519.FieldReference.toInteger;
import static org.pqipsec.provider.curve25519.FieldReference.toLimbs;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Checks every operation of {@link Field25519} against {@link BigInteger} arithmetic mod p. */
class Field25519Test {

    private static final int RANDOM_CASES = 5000;

    /** Largest limb of a tight element: 2^51 + 2^24 - 1. */
    private static final long TIGHT_MAX = (1L << 51) + (1L << 24) - 1;

    /** Largest limb of a loose element: 2^53 - 1. */
    private static final long LOOSE_MAX = (1L << 53) - 1;

    private static final BigInteger TWO_255 = BigInteger.ONE.shiftLeft(255);

    private final SplittableRandom random = new SplittableRandom(0x25519L);

    /** Canonical edge values, all below 2^255 so that they fit five 51-bit limbs. */
    private static List<BigInteger> edgeValues() {
        List<BigInteger> values = new ArrayList<>();
        values.add(BigInteger.ZERO);
        values.add(BigInteger.ONE);
        values.add(BigInteger.TWO);
        values.add(BigInteger.valueOf(19));
        values.add(P.subtract(BigInteger.ONE));
        values.add(P.subtract(BigInteger.TWO));
        values.add(P);
        values.add(P.add(BigInteger.ONE));
        values.add(P.add(BigInteger.valueOf(18)));
        values.add(TWO_255.subtract(BigInteger.ONE));
        values.add(BigInteger.ONE.shiftLeft(51));
        values.add(BigInteger.ONE.shiftLeft(51).subtract(BigInteger.ONE));
        values.add(BigInteger.ONE.shiftLeft(204));
        values.add(BigInteger.ONE.shiftLeft(254));
        return values;
    }

    /** Limb arrays at the bounds of the lazy reduction. */
    private static List<long[]> edgeLimbs(long max) {
        List<long[]> values = new ArrayList<>();
        values.add(new long[] {max, max, max, max, max});
        values.add(new long[] {max, 0, max, 0, max});
        values.add(new long[] {0, max, 0, max, 0});
        values.add(new long[] {max, 0, 0, 0, 0});
        values.add(new long[] {0, 0, 0, 0, max});
        for (BigInteger value : edgeValues()) {
            values.add(toLimbs(value));
        }
        return values;
    }

    private long[] randomLimbs(long max) {
        long[] limbs = new long[Field25519.LIMBS];
        for (int i = 0; i < limbs.length; i++) {
            // Half of the limbs come from the top 1/1024 of the range to reach the bounds.
            limbs[i] = random.nextBoolean() ? random.nextLong(max + 1)
                    : max - random.nextLong((max >>> 10) + 1);
        }
        return limbs;
    }

    private long[] randomCanonical() {
        return toLimbs(new BigInteger(255, new java.util.Random(random.nextLong())).mod(P));
    }

    private static BigInteger value(long[] limbs) {
        return toInteger(limbs).mod(P);
    }

    private static void assertTight(long[] h, String operation) {
        for (int i = 0; i < h.length; i++) {
            assertTrue(h[i] >= 0, operation + ": limb " + i + " = " + h[i]);
            assertTrue(h[i] <= TIGHT_MAX, operation + ": limb " + i + " = " + h[i]);
        }
    }

    private static void assertLoose(long[] h, String operation) {
        for (int i = 0; i < h.length; i++) {
            assertTrue(h[i] >= 0, operation + ": limb " + i + " = " + h[i]);
            assertTrue(h[i] <= LOOSE_MAX, operation + ": limb " + i + " = " + h[i]);
        }
    }

    private void checkMul(long[] f, long[] g) {
        long[] h = Field25519.create();
        Field25519.mul(h, f, g);
        assertEquals(value(f).multiply(value(g)).mod(P), value(h), "mul");
        assertTight(h, "mul");
    }

    private void checkSquare(long[] f) {
        long[] h = Field25519.create();
        Field25519.square(h, f);
        assertEquals(value(f).pow(2).mod(P), value(h), "square");
        assertTight(h, "square");
    }

    @Test
    void mulMatchesBigInteger() {
        for (int i = 0; i < RANDOM_CASES; i++) {
            checkMul(randomLimbs(LOOSE_MAX), randomLimbs(LOOSE_MAX));
            checkMul(randomCanonical(), randomCanonical());
        }
        for (long[] f : edgeLimbs(LOOSE_MAX)) {
            for (long[] g : edgeLimbs(LOOSE_MAX)) {
                checkMul(f, g);
            }
        }
    }

    @Test
    void squareMatchesBigInteger() {
        for (int i = 0; i < RANDOM_CASES; i++) {
            checkSquare(randomLimbs(LOOSE_MAX));
            checkSquare(randomCanonical());
        }
        for (long[] f : edgeLimbs(LOOSE_MAX)) {
            checkSquare(f);
        }
    }

    @Test
    void squareTimesMatchesBigInteger() {
        long[] f = randomLimbs(LOOSE_MAX);
        long[] h = Field25519.create();
        Field25519.squareTimes(h, f, 10);
        assertEquals(value(f).modPow(BigInteger.ONE.shiftLeft(10), P), value(h));
    }

    @Test
    void addAndSubMatchBigInteger() {
        List<long[]> inputs = edgeLimbs(TIGHT_MAX);
        for (int i = 0; i < RANDOM_CASES; i++) {
            inputs.add(randomLimbs(TIGHT_MAX));
        }
        long[] h = Field25519.create();
        for (int i = 0; i < inputs.size(); i++) {
            long[] f = inputs.get(i);
            long[] g = inputs.get((i * 7 + 3) % inputs.size());

            Field25519.add(h, f, g);
            assertEquals(value(f).add(value(g)).mod(P), value(h), "add");
            assertLoose(h, "add");

            Field25519.sub(h, f, g);
            assertEquals(value(f).subtract(value(g)).mod(P), value(h), "sub");
            assertLoose(h, "sub");

            Field25519.negate(h, f);
            assertEquals(value(f).negate().mod(P), value(h), "negate");
            assertLoose(h, "negate");
        }
    }

    @Test
    void mulSmallMatchesBigInteger() {
        int[] constants = {0, 1, 2, 19, 121665, 121666, (1 << 17) - 1};
        List<long[]> inputs = edgeLimbs(LOOSE_MAX);
        for (int i = 0; i < RANDOM_CASES; i++) {
            inputs.add(randomLimbs(LOOSE_MAX));
        }
        long[] h = Field25519.create();
        for (long[] f : inputs) {
            for (int k : constants) {
                Field25519.mulSmall(h, f, k);
                assertEquals(value(f).multiply(BigInteger.valueOf(k)).mod(P), value(h),
                        "mulSmall by " + k);
                assertTight(h, "mulSmall by " + k);
            }
        }
    }

    @Test
    void carryReachesTightBound() {
        long max = (1L << 62) - 1;
        List<long[]> inputs = edgeLimbs(max);
        for (int i = 0; i < RANDOM_CASES; i++) {
            inputs.add(randomLimbs(max));
        }
        long[] h = Field25519.create();
        for (long[] f : inputs) {
            Field25519.carry(h, f);
            assertEquals(value(f), value(h), "carry");
            assertTight(h, "carry");
        }
    }

    @Test
    void invertMatchesBigInteger() {
        List<long[]> inputs = edgeLimbs(TIGHT_MAX);
        for (int i = 0; i < 200; i++) {
            inputs.add(randomLimbs(LOOSE_MAX));
        }
        long[] h = Field25519.create();
        for (long[] f : inputs) {
            Field25519.invert(h, f);
            BigInteger expected = value(f).signum() == 0 ? BigInteger.ZERO : value(f).modInverse(P);
            assertEquals(expected, value(h), "invert");
        }
    }

    @Test
    void encodeIsCanonical() {
        long max = (1L << 62) - 1;
        List<long[]> inputs = edgeLimbs(max);
        inputs.addAll(edgeLimbs(LOOSE_MAX));
        inputs.addAll(edgeLimbs(TIGHT_MAX));
        for (int i = 0; i < RANDOM_CASES; i++) {
            inputs.add(randomLimbs(max));
            inputs.add(randomLimbs(TIGHT_MAX));
        }
        byte[] out = new byte[34];
        for (long[] f : inputs) {
            Field25519.encode(out, 1, f);
            byte[] encoded = java.util.Arrays.copyOfRange(out, 1, 33);
            assertEquals(value(f), FieldReference.fromLittleEndian(encoded), "encode");
        }
    }

    @Test
    void decodeMasksBit255AndKeepsNonCanonical() {
        List<BigInteger> inputs = edgeValues();
        inputs.add(TWO_255.add(BigInteger.valueOf(5)));
        inputs.add(BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE));
        for (int i = 0; i < RANDOM_CASES; i++) {
            inputs.add(new BigInteger(256, new java.util.Random(random.nextLong())));
        }
        long[] h = Field25519.create();
        for (BigInteger input : inputs) {
            byte[] bytes = new byte[33];
            System.arraycopy(FieldReference.toLittleEndian(input), 0, bytes, 1, 32);
            Field25519.decode(h, bytes, 1);
            BigInteger masked = input.clearBit(255);
            assertEquals(masked, toInteger(h), "decode keeps the integer below 2^255");
            for (long limb : h) {
                assertTrue(limb >= 0, "limb " + limb);
                assertTrue(limb <= Field25519.MASK_51, "limb " + limb);
            }
        }
    }

    @Test
    void encodeReducesNonCanonicalInputs() {
        // p, p + 1, p + 18 and 2^255 - 1 encode as 0, 1, 18 and 18.
        long[] h = Field25519.create();
        byte[] out = new byte[32];
        BigInteger[][] cases = {
            {P, BigInteger.ZERO},
            {P.add(BigInteger.ONE), BigInteger.ONE},
            {P.add(BigInteger.valueOf(18)), BigInteger.valueOf(18)},
            {TWO_255.subtract(BigInteger.ONE), BigInteger.valueOf(18)},
        };
        for (BigInteger[] testCase : cases) {
            Field25519.decode(h, FieldReference.toLittleEndian(testCase[0]), 0);
            Field25519.encode(out, 0, h);
            assertArrayEquals(FieldReference.toLittleEndian(testCase[1]), out,
                    testCase[0].toString(16));
        }
    }

    @Test
    void conditionalSwapAndMove() {
        long[] f = randomLimbs(TIGHT_MAX);
        long[] g = randomLimbs(TIGHT_MAX);
        long[] f0 = f.clone();
        long[] g0 = g.clone();

        Field25519.conditionalSwap(f, g, 0);
        assertArrayEquals(f0, f);
        assertArrayEquals(g0, g);
        Field25519.conditionalSwap(f, g, 1);
        assertArrayEquals(g0, f);
        assertArrayEquals(f0, g);

        long[] table = new long[7];
        System.arraycopy(f0, 0, table, 2, 5);
        long[] h = g0.clone();
        Field25519.conditionalMove(h, table, 2, 0);
        assertArrayEquals(g0, h);
        Field25519.conditionalMove(h, table, 2, -1);
        assertArrayEquals(f0, h);
    }
}
