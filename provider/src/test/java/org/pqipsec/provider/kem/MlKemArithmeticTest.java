package org.pqipsec.provider.kem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
    void montgomeryReduceExhaustiveBelow2To15q() {
        BigInteger inverseR = BigInteger.ONE.shiftLeft(16).modInverse(BIG_Q);
        int inverseRInt = inverseR.intValue();
        int limit = (1 << 15) * Q;
        for (int a = -limit + 1; a < limit; a++) {
            int r = MlKemField.montgomeryReduce(a);
            // r ≡ a · 2^-16 (mod q), checked as (r - a · 2^-16) mod q = 0 in long arithmetic.
            if (r <= -Q || r >= Q || Math.floorMod(r - (long) a * inverseRInt, Q) != 0) {
                assertEquals(Math.floorMod((long) a * inverseRInt, Q), Math.floorMod(r, Q),
                        "montgomeryReduce(" + a + ") congruence");
                assertEquals(true, Math.abs(r) < Q, "montgomeryReduce(" + a + ") = " + r);
            }
        }
    }

    @Test
    void montgomeryReduceWholeDomain() {
        // The stated domain |a| ≤ 2^31 - 2^15·q, sampled, with its two ends.
        int bound = Integer.MAX_VALUE - (1 << 15) * Q;
        Random random = new Random(8);
        int[] samples = new int[1_000_002];
        samples[0] = bound;
        samples[1] = -bound;
        for (int n = 2; n < samples.length; n++) {
            samples[n] = random.nextInt(-bound, bound + 1);
        }
        BigInteger inverseR = BigInteger.ONE.shiftLeft(16).modInverse(BIG_Q);
        for (int a : samples) {
            int r = MlKemField.montgomeryReduce(a);
            assertEquals(BigInteger.valueOf(a).multiply(inverseR).mod(BIG_Q).intValue(),
                    Math.floorMod(r, Q), "montgomeryReduce(" + a + ") congruence");
            long limit = (Math.abs((long) a) + (1L << 15) * Q) >> 16;
            assertEquals(true, Math.abs(r) <= limit, "montgomeryReduce(" + a + ") = " + r);
        }
    }

    @Test
    void canonicalExhaustive() {
        for (int a = -(1 << 16) + 1; a < (1 << 16); a++) {
            assertEquals(Math.floorMod(a, Q), MlKemField.canonical(a), "canonical(" + a + ")");
        }
    }

    @Test
    void montgomeryTwiddlesMatchZetas() {
        BigInteger r = BigInteger.ONE.shiftLeft(16);
        for (int i = 0; i < 128; i++) {
            int value = MlKemNtt.ZETAS_MONTGOMERY[i];
            assertEquals(BigInteger.valueOf(MlKemNtt.ZETAS[i]).multiply(r).mod(BIG_Q).intValue(),
                    Math.floorMod(value, Q), "ZETAS_MONTGOMERY[" + i + "]");
            assertEquals(true, Math.abs(value) <= (Q - 1) / 2, "ZETAS_MONTGOMERY[" + i + "]");
        }
        int scale = MlKemNtt.INVERSE_128_MONTGOMERY;
        assertEquals(BigInteger.valueOf(MlKemNtt.INVERSE_128).multiply(r).mod(BIG_Q).intValue(),
                Math.floorMod(scale, Q));
        assertEquals(true, Math.abs(scale) <= (Q - 1) / 2, "INVERSE_128_MONTGOMERY " + scale);
    }

    @Test
    void nttMatchesAlgorithms9And10() {
        List<int[]> inputs = new ArrayList<>();
        // Extremes for the bounds of the lazy reductions: all q - 1, alternating 0 and q - 1,
        // and a single q - 1 in each half.
        int[] top = new int[256];
        Arrays.fill(top, Q - 1);
        inputs.add(top);
        int[] alternating = new int[256];
        for (int i = 0; i < 256; i += 2) {
            alternating[i] = Q - 1;
        }
        inputs.add(alternating);
        int[] first = new int[256];
        first[0] = Q - 1;
        inputs.add(first);
        int[] last = new int[256];
        last[255] = Q - 1;
        inputs.add(last);
        inputs.add(new int[256]);
        Random random = new Random(9);
        for (int n = 0; n < 200; n++) {
            inputs.add(randomElement(random).f);
        }

        for (int[] input : inputs) {
            assertArrayEquals(referenceNtt(input), MlKemNtt.ntt(new RingElement(input)).f);
            assertArrayEquals(referenceInverse(input),
                    MlKemNtt.inverse(new NttElement(input)).f);
        }
    }

    /** Algorithm 9 with exact long arithmetic and floorMod, away from the code under test. */
    private static int[] referenceNtt(int[] f) {
        long[] a = new long[256];
        for (int i = 0; i < 256; i++) {
            a[i] = f[i];
        }
        int k = 1;
        for (int length = 128; length >= 2; length /= 2) {
            for (int start = 0; start < 256; start += 2 * length) {
                long zeta = BigInteger.valueOf(17).modPow(BigInteger.valueOf(bitReverse7(k++)),
                        BIG_Q).longValue();
                for (int j = start; j < start + length; j++) {
                    long t = Math.floorMod(zeta * a[j + length], Q);
                    a[j + length] = Math.floorMod(a[j] - t, Q);
                    a[j] = Math.floorMod(a[j] + t, Q);
                }
            }
        }
        return toInts(a);
    }

    /** Algorithm 10 with exact long arithmetic and floorMod. */
    private static int[] referenceInverse(int[] f) {
        long[] a = new long[256];
        for (int i = 0; i < 256; i++) {
            a[i] = f[i];
        }
        int k = 127;
        for (int length = 2; length <= 128; length *= 2) {
            for (int start = 0; start < 256; start += 2 * length) {
                long zeta = BigInteger.valueOf(17).modPow(BigInteger.valueOf(bitReverse7(k--)),
                        BIG_Q).longValue();
                for (int j = start; j < start + length; j++) {
                    long t = a[j];
                    a[j] = Math.floorMod(t + a[j + length], Q);
                    a[j + length] = Math.floorMod(zeta * (a[j + length] - t), Q);
                }
            }
        }
        for (int j = 0; j < 256; j++) {
            a[j] = Math.floorMod(a[j] * 3303, Q);
        }
        return toInts(a);
    }

    private static int bitReverse7(int i) {
        int reversed = 0;
        for (int bit = 0; bit < 7; bit++) {
            reversed |= ((i >> bit) & 1) << (6 - bit);
        }
        return reversed;
    }

    private static int[] toInts(long[] a) {
        int[] out = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (int) a[i];
        }
        return out;
    }

    @Test
    void sampleNttMatchesAlgorithm7() {
        Random random = new Random(10);
        int longStreams = 0;
        for (int n = 0; n < 2000; n++) {
            byte[] rho = new byte[32];
            random.nextBytes(rho);
            int j = random.nextInt(4);
            int i = random.nextInt(4);

            // Algorithm 7 over one long SHAKE128 stream, three bytes at a time.
            SHAKEDigest xof = new SHAKEDigest(128);
            xof.update(rho, 0, 32);
            xof.update((byte) j);
            xof.update((byte) i);
            byte[] stream = new byte[168 * 8];
            xof.doFinal(stream, 0, stream.length);
            int[] expected = new int[256];
            int count = 0;
            int position = 0;
            while (count < 256) {
                int d1 = (stream[position] & 0xff) | (stream[position + 1] & 0x0f) << 8;
                int d2 = (stream[position + 1] & 0xff) >>> 4 | (stream[position + 2] & 0xff) << 4;
                if (d1 < Q) {
                    expected[count++] = d1;
                }
                if (d2 < Q && count < 256) {
                    expected[count++] = d2;
                }
                position += 3;
            }
            if (position > 3 * 168) {
                longStreams++;
            }

            assertArrayEquals(expected, MlKemSampling.sampleNtt(rho, j, i).f,
                    "SampleNTT sample " + n);
            assertArrayEquals(expected, MlKemSampling.expandMatrix(rho, 4)[i][j].f,
                    "Â[" + i + "][" + j + "] of sample " + n);
        }
        // About 1% of seeds need more than the three blocks that SampleNTT squeezes first.
        assertEquals(true, longStreams > 0, "seeds that needed a fourth block: " + longStreams);
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
    void encodeMatchesBitwiseByteEncode() {
        Random random = new Random(5);
        for (int d : new int[] {1, 4, 5, 10, 11, 12}) {
            int[] f = new int[256];
            for (int i = 0; i < 256; i++) {
                f[i] = random.nextInt(d == 12 ? Q : 1 << d);
            }
            // Algorithm 5: bit j of F[i] is bit i·d + j of the output, bytes little-endian.
            byte[] expected = new byte[3 + 32 * d];
            for (int i = 0; i < 256; i++) {
                for (int j = 0; j < d; j++) {
                    int bit = 8 * 3 + i * d + j;
                    expected[bit >>> 3] |= (byte) (((f[i] >>> j) & 1) << (bit & 7));
                }
            }
            byte[] encoded = new byte[3 + 32 * d];
            MlKemEncoding.encode(f, d, encoded, 3);
            assertArrayEquals(expected, encoded, "d = " + d);
            assertArrayEquals(f, MlKemEncoding.decode(expected, 3, d), "d = " + d);
        }
    }

    @Test
    void sampleCbdMatchesBitwiseAlgorithm8() {
        Random random = new Random(6);
        byte[] seed = new byte[32];
        for (int eta : new int[] {2, 3}) {
            for (int b = 0; b < 4; b++) {
                random.nextBytes(seed);
                // PRF_η(s, b) = SHAKE256(s ‖ b, 64·η bytes), computed by BouncyCastle.
                SHAKEDigest shake = new SHAKEDigest(256);
                shake.update(seed, 0, 32);
                shake.update((byte) b);
                byte[] prf = new byte[64 * eta];
                shake.doFinal(prf, 0, prf.length);

                int[] f = MlKemSampling.sampleCbd(seed, b, eta).f;
                for (int i = 0; i < 256; i++) {
                    int x = 0;
                    int y = 0;
                    for (int j = 0; j < eta; j++) {
                        x += bit(prf, 2 * i * eta + j);
                        y += bit(prf, 2 * i * eta + eta + j);
                    }
                    assertEquals(Math.floorMod(x - y, Q), f[i],
                            "η = " + eta + ", b = " + b + ", coefficient " + i);
                }
            }
        }
    }

    private static int bit(byte[] bytes, int index) {
        return (bytes[index >>> 3] >>> (index & 7)) & 1;
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
    void shakeAbsorbAndSqueezeInPieces() {
        Random random = new Random(12);
        byte[] input = new byte[1000];
        random.nextBytes(input);
        SHAKEDigest reference = new SHAKEDigest(256);
        reference.update(input, 0, input.length);
        byte[] expected = new byte[1000];
        reference.doFinal(expected, 0, expected.length);

        // Piece lengths that move the sponge position on and off lane boundaries.
        int[] pieces = {1, 3, 8, 13, 16, 7, 64, 135, 136, 200};
        Keccak shake = Keccak.shake256();
        int offset = 0;
        for (int n = 0; offset < input.length; n++) {
            int length = Math.min(pieces[n % pieces.length], input.length - offset);
            shake.absorb(input, offset, length);
            offset += length;
        }
        byte[] actual = new byte[1000];
        offset = 0;
        for (int n = 0; offset < actual.length; n++) {
            int length = Math.min(pieces[(n + 3) % pieces.length], actual.length - offset);
            shake.squeeze(actual, offset, length);
            offset += length;
        }
        assertArrayEquals(expected, actual);
    }

    @Test
    void keccakPermutationMatchesTableDriven() {
        Random random = new Random(11);
        for (int n = 0; n < 100; n++) {
            long[] state = new long[25];
            for (int i = 0; i < 25; i++) {
                state[i] = n == 0 ? 0 : random.nextLong();
            }
            long[] expected = state.clone();
            referencePermute(expected);
            Keccak.permute(state);
            assertArrayEquals(expected, state, "state " + n);
        }
    }

    /** Keccak-f[1600] as loops over the tables of {@link Keccak} (FIPS 202 Algorithm 7). */
    private static void referencePermute(long[] a) {
        long[] b = new long[25];
        for (int round = 0; round < 24; round++) {
            long[] c = new long[5];
            for (int x = 0; x < 5; x++) {
                c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
            }
            for (int i = 0; i < 25; i++) {
                int x = i % 5;
                a[i] ^= c[(x + 4) % 5] ^ Long.rotateLeft(c[(x + 1) % 5], 1);
            }
            for (int i = 0; i < 25; i++) {
                int source = Keccak.PI_SOURCES[i];
                b[i] = Long.rotateLeft(a[source], Keccak.RHO_OFFSETS[source]);
            }
            for (int i = 0; i < 25; i++) {
                int y = i - i % 5;
                a[i] = b[i] ^ (~b[y + (i + 1) % 5] & b[y + (i + 2) % 5]);
            }
            a[0] ^= Keccak.ROUND_CONSTANTS[round];
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
