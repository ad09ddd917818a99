package org.pqipsec.provider.kem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.HexFormat;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** {@link NativeX25519Engine} against {@link JdkX25519Engine}, SunEC's X25519, as the oracle. */
class NativeX25519EngineTest {

    private final X25519Engine engine = new NativeX25519Engine();
    private final X25519Engine oracle = new JdkX25519Engine();
    private final SplittableRandom random = new SplittableRandom(25519);

    @Test
    void enginesSelectsNativeEngine() {
        assertInstanceOf(NativeX25519Engine.class, Engines.x25519());
    }

    @Test
    void x25519MatchesSunEc() {
        byte[] k = new byte[32];
        byte[] u = new byte[32];
        for (int i = 0; i < 2000; i++) {
            random.nextBytes(k);
            random.nextBytes(u);
            assertArrayEquals(oracle.x25519(k, u), engine.x25519(k, u),
                    "k=" + HexFormat.of().formatHex(k) + " u=" + HexFormat.of().formatHex(u));
        }
    }

    @Test
    void x25519BaseMatchesSunEc() {
        byte[] k = new byte[32];
        for (int i = 0; i < 2000; i++) {
            random.nextBytes(k);
            byte[] expected = oracle.x25519Base(k);
            assertArrayEquals(expected, engine.x25519Base(k), "k=" + HexFormat.of().formatHex(k));
            assertArrayEquals(expected, engine.x25519(k, X25519Engine.basePoint()));
        }
    }

    @Test
    void smallOrderPointGivesZeroLikeSunEc() {
        byte[] k = new byte[32];
        random.nextBytes(k);
        byte[] uOne = new byte[32];
        uOne[0] = 1;
        assertArrayEquals(new byte[32], engine.x25519(k, uOne));
        assertArrayEquals(oracle.x25519(k, uOne), engine.x25519(k, uOne));
    }

    @Test
    void hasSmallOrderOnEveryLowOrderPoint() {
        for (String hex : X25519LowOrderPoints.all()) {
            byte[] u = HexFormat.of().parseHex(hex);
            assertEquals(true, engine.hasSmallOrder(u), "native, u=" + hex);
            assertEquals(true, oracle.hasSmallOrder(u), "trial multiplication, u=" + hex);
        }
    }

    @Test
    void hasSmallOrderMatchesTrialMultiplication() {
        byte[] u = new byte[32];
        for (int i = 0; i < 2000; i++) {
            random.nextBytes(u);
            assertEquals(oracle.hasSmallOrder(u), engine.hasSmallOrder(u),
                    "u=" + HexFormat.of().formatHex(u));
        }

        // Neighbours of the low-order points, which have large order on the curve or the twist.
        for (String hex : X25519LowOrderPoints.all()) {
            for (int delta : new int[] {-1, 1, 2}) {
                byte[] near = HexFormat.of().parseHex(hex);
                near[0] = (byte) (near[0] + delta);
                assertEquals(oracle.hasSmallOrder(near), engine.hasSmallOrder(near),
                        "u=" + HexFormat.of().formatHex(near));
            }
        }
        assertEquals(false, engine.hasSmallOrder(X25519Engine.basePoint()));
    }

    @Test
    void rejectsWrongLengthLikeSunEc() {
        IllegalArgumentException nativeError = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> engine.x25519(new byte[31], new byte[32]));
        assertEquals("X25519 scalar k must be 32 bytes, got 31", nativeError.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> oracle.x25519(new byte[31], new byte[32]));
    }
}
