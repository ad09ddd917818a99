package org.pqipsec.provider.curve25519;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.pqipsec.provider.curve25519.FieldReference.P;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * {@link X25519} against the RFC 7748 test vectors and against {@link ReferenceX25519}, a
 * BigInteger transcription of RFC 7748 §5.
 */
class X25519Test {

    private static final HexFormat HEX = HexFormat.of();

    private final SplittableRandom random = new SplittableRandom(7748);

    private byte[] randomBytes() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] hex(String value) {
        return HEX.parseHex(value);
    }

    private static byte[] basePoint() {
        byte[] u = new byte[32];
        u[0] = 9;
        return u;
    }

    @Test
    void rfc7748Section52Vectors() {
        String[][] vectors = {
            {"a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4",
                "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c",
                "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552"},
            // The u-coordinate has bit 255 set, which decodeUCoordinate masks.
            {"4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d",
                "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493",
                "95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957"},
        };
        for (String[] vector : vectors) {
            assertEquals(vector[2], HEX.formatHex(X25519.scalarMult(hex(vector[0]), hex(vector[1]))));
            assertEquals(vector[2], HEX.formatHex(ReferenceX25519.x25519(hex(vector[0]),
                    hex(vector[1]))), "reference implementation");
        }
    }

    @Test
    void rfc7748Section61DiffieHellman() {
        byte[] alicePrivate = hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
        byte[] bobPrivate = hex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
        String alicePublic = "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a";
        String bobPublic = "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f";
        String shared = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";

        assertEquals(alicePublic, HEX.formatHex(X25519.scalarMultBase(alicePrivate)));
        assertEquals(bobPublic, HEX.formatHex(X25519.scalarMultBase(bobPrivate)));
        assertEquals(alicePublic, HEX.formatHex(X25519.scalarMult(alicePrivate, basePoint())));
        assertEquals(bobPublic, HEX.formatHex(X25519.scalarMult(bobPrivate, basePoint())));
        assertEquals(shared, HEX.formatHex(X25519.scalarMult(alicePrivate, hex(bobPublic))));
        assertEquals(shared, HEX.formatHex(X25519.scalarMult(bobPrivate, hex(alicePublic))));
    }

    /** RFC 7748 §5.2: k = u = 9, then repeatedly k, u = X25519(k, u), k. */
    static byte[] iterate(int iterations) {
        byte[] k = basePoint();
        byte[] u = basePoint();
        for (int i = 0; i < iterations; i++) {
            byte[] output = X25519.scalarMult(k, u);
            u = k;
            k = output;
        }
        return k;
    }

    @Test
    void rfc7748IteratedOnce() {
        assertEquals("422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079",
                HEX.formatHex(iterate(1)));
    }

    @Test
    void rfc7748IteratedThousandTimes() {
        assertEquals("684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51",
                HEX.formatHex(iterate(1000)));
    }

    @Test
    void ladderMatchesReference() {
        for (int i = 0; i < 1000; i++) {
            byte[] k = randomBytes();
            byte[] u = randomBytes();
            assertArrayEquals(ReferenceX25519.x25519(k, u), X25519.scalarMult(k, u),
                    "k=" + HEX.formatHex(k) + " u=" + HEX.formatHex(u));
        }
    }

    @Test
    void ladderMatchesReferenceOnEdgeCoordinates() {
        List<BigInteger> coordinates = new ArrayList<>();
        BigInteger two255 = BigInteger.ONE.shiftLeft(255);
        for (long small = 0; small < 20; small++) {
            coordinates.add(BigInteger.valueOf(small));
            coordinates.add(P.add(BigInteger.valueOf(small)).min(two255.subtract(BigInteger.ONE)));
            coordinates.add(P.subtract(BigInteger.valueOf(small + 1)));
        }
        coordinates.add(two255.subtract(BigInteger.ONE));
        for (BigInteger coordinate : coordinates) {
            for (byte[] k : edgeScalars()) {
                byte[] u = FieldReference.toLittleEndian(coordinate);
                assertArrayEquals(ReferenceX25519.x25519(k, u), X25519.scalarMult(k, u),
                        "k=" + HEX.formatHex(k) + " u=" + coordinate.toString(16));
            }
        }
    }

    @Test
    void nonCanonicalAndTopBitCoordinates() {
        byte[] k = randomBytes();
        for (int i = 0; i < 200; i++) {
            // u in [0, 19) and u + p encode the same element; so do u with bit 255 set or clear.
            int small = i % 19;
            byte[] canonical = FieldReference.toLittleEndian(BigInteger.valueOf(small));
            byte[] nonCanonical = FieldReference.toLittleEndian(P.add(BigInteger.valueOf(small)));
            byte[] expected = X25519.scalarMult(k, canonical);
            assertArrayEquals(expected, X25519.scalarMult(k, nonCanonical), "u = p + " + small);

            byte[] u = randomBytes();
            u[31] &= 0x7f;
            byte[] topBit = u.clone();
            topBit[31] |= (byte) 0x80;
            assertArrayEquals(X25519.scalarMult(k, u), X25519.scalarMult(k, topBit));
            k = randomBytes();
        }
    }

    @Test
    void lowOrderPointsGiveZero() {
        byte[] zero = new byte[32];
        for (BigInteger u : LowOrderPoints.all()) {
            // The list is right only if 8 times each point is the neutral element.
            assertEquals(BigInteger.ZERO, ReferenceX25519.ladder(BigInteger.valueOf(8), u, 4),
                    "8 * u for u=" + u.toString(16));
            for (int i = 0; i < 20; i++) {
                byte[] k = randomBytes();
                assertArrayEquals(zero, X25519.scalarMult(k, FieldReference.toLittleEndian(u)),
                        "u=" + u.toString(16));
                byte[] topBit = FieldReference.toLittleEndian(u);
                topBit[31] |= (byte) 0x80;
                assertArrayEquals(zero, X25519.scalarMult(k, topBit), "u=" + u.toString(16)
                        + " with bit 255 set");
            }
        }
    }

    @Test
    void argumentsAreNotModified() {
        byte[] k = randomBytes();
        byte[] u = randomBytes();
        byte[] kCopy = k.clone();
        byte[] uCopy = u.clone();
        X25519.scalarMult(k, u);
        X25519.scalarMultBase(k);
        assertArrayEquals(kCopy, k);
        assertArrayEquals(uCopy, u);
    }

    @Test
    void writesIntoCallerArray() {
        byte[] k = randomBytes();
        byte[] u = randomBytes();
        byte[] out = new byte[40];
        X25519.scalarMult(k, u, out, 5);
        assertArrayEquals(X25519.scalarMult(k, u), java.util.Arrays.copyOfRange(out, 5, 37));
        X25519.scalarMultBase(k, out, 8);
        assertArrayEquals(X25519.scalarMultBase(k), java.util.Arrays.copyOfRange(out, 8, 40));
    }

    @Test
    void rejectsWrongLengths() {
        byte[] good = new byte[32];
        IllegalArgumentException shortScalar = assertThrows(IllegalArgumentException.class,
                () -> X25519.scalarMult(new byte[31], good));
        assertEquals("X25519 scalar k must be 32 bytes, got 31", shortScalar.getMessage());
        IllegalArgumentException longU = assertThrows(IllegalArgumentException.class,
                () -> X25519.scalarMult(good, new byte[33]));
        assertEquals("X25519 u-coordinate must be 32 bytes, got 33", longU.getMessage());
        assertThrows(IllegalArgumentException.class, () -> X25519.scalarMultBase(new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> X25519.scalarMultBase(null));
        assertThrows(IllegalArgumentException.class,
                () -> X25519.scalarMultBase(good, new byte[40], 9));
        assertThrows(IllegalArgumentException.class,
                () -> X25519.scalarMult(good, good, new byte[32], -1));
    }

    /** Scalars at the edges of clamping and of the signed radix-16 recoding. */
    static List<byte[]> edgeScalars() {
        List<byte[]> scalars = new ArrayList<>();
        for (int fill : new int[] {0x00, 0xff, 0x88, 0x77, 0x80, 0x08, 0xf0, 0x0f, 0x55, 0xaa}) {
            byte[] k = new byte[32];
            java.util.Arrays.fill(k, (byte) fill);
            scalars.add(k);
        }
        // Clamped values 2^254 and 2^254 + 8, and the largest clamped value.
        byte[] smallest = new byte[32];
        smallest[31] = 0x40;
        scalars.add(smallest);
        byte[] next = smallest.clone();
        next[0] = 8;
        scalars.add(next);
        byte[] largest = new byte[32];
        java.util.Arrays.fill(largest, (byte) 0xff);
        largest[0] = (byte) 0xf8;
        largest[31] = 0x7f;
        scalars.add(largest);
        return scalars;
    }
}
