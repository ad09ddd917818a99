package org.pqipsec.provider.curve25519;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.HexFormat;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** {@link X25519} against BouncyCastle's {@code org.bouncycastle.math.ec.rfc7748.X25519}. */
class BouncyCastleDifferentialTest {

    private final SplittableRandom random = new SplittableRandom(1748);

    @Test
    void scalarMultMatchesBouncyCastle() {
        byte[] k = new byte[32];
        byte[] u = new byte[32];
        byte[] expected = new byte[32];
        for (int i = 0; i < 5000; i++) {
            random.nextBytes(k);
            random.nextBytes(u);
            org.bouncycastle.math.ec.rfc7748.X25519.scalarMult(k, 0, u, 0, expected, 0);
            assertArrayEquals(expected, X25519.scalarMult(k, u),
                    "k=" + HexFormat.of().formatHex(k) + " u=" + HexFormat.of().formatHex(u));
        }
    }

    @Test
    void scalarMultBaseMatchesBouncyCastle() {
        byte[] k = new byte[32];
        byte[] expected = new byte[32];
        for (int i = 0; i < 5000; i++) {
            random.nextBytes(k);
            org.bouncycastle.math.ec.rfc7748.X25519.scalarMultBase(k, 0, expected, 0);
            assertArrayEquals(expected, X25519.scalarMultBase(k),
                    "k=" + HexFormat.of().formatHex(k));
        }
    }
}
