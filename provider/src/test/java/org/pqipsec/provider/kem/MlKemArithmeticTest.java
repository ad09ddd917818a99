package org.pqipsec.provider.kem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Random;

import org.bouncycastle.crypto.digests.SHAKEDigest;
import org.junit.jupiter.api.Test;

/** Field, NTT, encoding and Keccak building blocks of the ML-KEM implementation. */
class MlKemArithmeticTest {

    private static final int Q = 3329;
    private static final BigInteger BIG_Q = BigInteger.valueOf(Q);

    @Test
    void zetaTablesMatchBigInteger() {
        BigInteger zeta = BigInteger.valueOf(17);
        for (int i = 0; i < 128; i++) {
            int reversed = 0;
            for (int bit = 0; bit < 7; bit++) {
                reversed |= ((i >> bit) & 1) << (6 - bit);
            }
            assertEquals(zeta.modPow(BigInteger.valueOf(reversed), BIG_Q).intValue(),
                    MlKemNtt.ZETAS[i], "ZETAS[" + i + "]");
            assertEquals(zeta.modPow(BigInteger.valueOf(2L * reversed + 1), BIG_Q).intValue(),
                    MlKemNtt.GAMMAS[i], "GAMMAS[" + i + "]");
        }
        assertEquals(BigInteger.valueOf(128).modInverse(BIG_Q).intValue(), MlKemNtt.INVERSE_128);
        assertEquals(Q - 1, zeta.modPow(BigInteger.valueOf(128), BIG_Q).intValue());
    }

    @Test
    void reductionsExhaustiveBelow2To25() {
        for (int a = 0; a < (1 << 25); a++) {
            if (MlKemField.quotient(a) != a / Q || MlKemField.reduce(a) != a % Q) {
                assertEquals(a / Q, MlKemField.quotient(a), "quotient(" + a + ")");
                assertEquals(a % Q, MlKemField.reduce(a), "reduce(" + a + ")");
            }
        }
        Random random = new Random(7);
        for (int n = 0; n < 1_000_000; n++) {
            int a = random.nextInt(Integer.MAX_VALUE);
            assertEquals(a % Q, MlKemField.reduce(a), "reduce(" + a + ")");
        }
        assertEquals(Integer.MAX_VALUE % Q, MlKemField.reduce(Integer.MAX_VALUE));
    }

    @Test
    void compressExhaustive() {
        for (int d : new int[] {1, 4, 5, 10, 11}) {
            for (int x = 0; x < Q; x++) {
                // ⌈(2^d / q)·x⌋ mod 2^d, rounding half up, with exact rationals.
                BigInteger numerator = BigInteger.valueOf(x).shiftLeft(d + 1).add(BIG_Q);
                int expected = numerator.divide(BIG_Q.shiftLeft(1)).intValue() & ((1 << d) - 1);
                assertEquals(expected, MlKemField.compress(x, d), "Compress_" + d + "(" + x + ")");
            }
            for (int y = 0; y < (1 << d); y++) {
                BigInteger numerator = BigInteger.valueOf(y).multiply(BIG_Q).shiftLeft(1)
                        .add(BigInteger.ONE.shiftLeft(d));
                int expected = numerator.shiftRight(d + 1).intValue();
                assertEquals(expected, MlKemField.decompress(y, d),
                        "Decompress_" + d + "(" + y + ")");
            }
        }
    }

    @Test
    void nttInverseRoundTrip() {
        RingElement f = randomElement(new Random(1));
        RingElement back = MlKemNtt.inverse(MlKemNtt.ntt(f));
        assertArrayEquals(f.f, back.f);
    }

    @Test
    void nttProductIsNegacyclicProduct() {
        Random random = new Random(2);
        for (int trial = 0; trial < 20; trial++) {
            RingElement a = randomElement(random);
            RingElement b = randomElement(random);
            long[] expected = new long[256];
            for (int i = 0; i < 256; i++) {
                for (int j = 0; j < 256; j++) {
                    long product = (long) a.f[i] * b.f[j];
                    if (i + j < 256) {
                        expected[i + j] += product;
                    } else {
                        expected[i + j - 256] -= product;
                    }
                }
            }
            RingElement product = MlKemNtt.inverse(MlKemNtt.dot(
                    new NttElement[] {MlKemNtt.ntt(a)}, new NttElement[] {MlKemNtt.ntt(b)}));
            for (int i = 0; i < 256; i++) {
                assertEquals(Math.floorMod(expected[i], Q), product.f[i], "coefficient " + i);
            }
        }
    }

    @Test
    void encodeDecodeRoundTrip() {
        Random random = new Random(3);
        for (int d : new int[] {1, 4, 5, 10, 11, 12}) {
            int[] f = new int[256];
            for (int i = 0; i < 256; i++) {
                f[i] = random.nextInt(d == 12 ? Q : 1 << d);
            }
            byte[] encoded = new byte[32 * d];
            MlKemEncoding.encode(f, d, encoded, 0);
            assertArrayEquals(f, MlKemEncoding.decode(encoded, 0, d), "d = " + d);
        }
    }

    @Test
    void decode12ReducesModQ() {
        byte[] encoded = new byte[384];
        java.util.Arrays.fill(encoded, (byte) 0xff);
        int[] f = MlKemEncoding.decode(encoded, 0, 12);
        for (int value : f) {
            assertEquals(4095 - Q, value);
        }
        assertEquals(0, MlKemEncoding.firstValueNotBelowQ(encoded, 1));
    }

    @Test
    void keccakMatchesJdkSha3() throws Exception {
        Random random = new Random(4);
        for (int length : new int[] {0, 1, 71, 72, 73, 135, 136, 137, 500}) {
            byte[] input = new byte[length];
            random.nextBytes(input);
            assertArrayEquals(MessageDigest.getInstance("SHA3-256").digest(input),
                    Keccak.sha3_256(input), "SHA3-256 of " + length + " bytes");
            assertArrayEquals(MessageDigest.getInstance("SHA3-512").digest(input),
                    Keccak.sha3_512(input, new byte[0]), "SHA3-512 of " + length + " bytes");
        }
    }

    @Test
    void shakeMatchesBouncyCastle() {
        Random random = new Random(5);
        for (int bits : new int[] {128, 256}) {
            for (int length : new int[] {0, 34, 167, 168, 169, 400}) {
                byte[] input = new byte[length];
                random.nextBytes(input);
                SHAKEDigest reference = new SHAKEDigest(bits);
                reference.update(input, 0, input.length);
                byte[] expected = new byte[700];
                reference.doFinal(expected, 0, expected.length);

                Keccak shake = bits == 128 ? Keccak.shake128() : Keccak.shake256();
                shake.absorb(input, 0, input.length);
                byte[] actual = new byte[700];
                shake.squeeze(actual, 0, 100);
                shake.squeeze(actual, 100, 600);
                assertArrayEquals(expected, actual, "SHAKE" + bits + " of " + length + " bytes");
            }
        }
    }

    @Test
    void keccakConstantsMatchFips202() {
        // Round constants from rc(t) (FIPS 202 Algorithm 5) placed at bit 2^j - 1 (Algorithm 6).
        for (int round = 0; round < 24; round++) {
            long expected = 0;
            for (int j = 0; j <= 6; j++) {
                if (rc(j + 7 * round)) {
                    expected |= 1L << ((1 << j) - 1);
                }
            }
            assertEquals(expected, Keccak.ROUND_CONSTANTS[round], "RC[" + round + "]");
        }
        // ρ offsets (FIPS 202 Algorithm 2): walk (x, y) → (y, 2x + 3y) from (1, 0).
        int[] offsets = new int[25];
        int x = 1;
        int y = 0;
        for (int t = 0; t < 24; t++) {
            offsets[x + 5 * y] = ((t + 1) * (t + 2) / 2) % 64;
            int next = (2 * x + 3 * y) % 5;
            x = y;
            y = next;
        }
        assertArrayEquals(offsets, Keccak.RHO_OFFSETS);
        // π (FIPS 202 Algorithm 3): A'[x, y] = A[(x + 3y) mod 5, x].
        for (int i = 0; i < 25; i++) {
            int px = i % 5;
            int py = i / 5;
            assertEquals((px + 3 * py) % 5 + 5 * px, Keccak.PI_SOURCES[i], "π source of " + i);
        }
    }

    private static boolean rc(int t) {
        if (t % 255 == 0) {
            return true;
        }
        // Bit i of r is R[i]; R starts as 10000000.
        int r = 1;
        for (int i = 1; i <= t % 255; i++) {
            r <<= 1;
            if ((r & 0x100) != 0) {
                r ^= 0x171;
            }
        }
        return (r & 1) != 0;
    }

    private static RingElement randomElement(Random random) {
        int[] f = new int[256];
        for (int i = 0; i < 256; i++) {
            f[i] = random.nextInt(Q);
        }
        return new RingElement(f);
    }
}
