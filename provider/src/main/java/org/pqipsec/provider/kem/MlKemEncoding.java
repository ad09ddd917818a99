package org.pqipsec.provider.kem;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * ByteEncode_d and ByteDecode_d (FIPS 203 Algorithms 5 and 6) for d in {1, 4, 5, 10, 11, 12},
 * and the modulus check of FIPS 203 §7.2.
 *
 * <p>Constant time: bit positions depend only on d and the coefficient index. The reduction of
 * decoded 12-bit values uses {@link MlKemField#reduceOnce}.
 */
final class MlKemEncoding {

    /** Length in bytes of one ByteEncode_12 polynomial: 256 · 12 / 8. */
    static final int POLYNOMIAL_BYTES = 384;

    private static final VarHandle LITTLE_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private MlKemEncoding() {}

    /**
     * ByteEncode_d(F) (Algorithm 5): writes 32·d bytes to {@code out} at {@code offset}. Each
     * coefficient must be below 2^d, and below q when d = 12.
     */
    static void encode(int[] f, int d, byte[] out, int offset) {
        switch (d) {
            case 12 -> encode12(f, out, offset);
            case 11 -> encode11(f, out, offset);
            case 10 -> encode10(f, out, offset);
            case 4 -> encode4(f, out, offset);
            case 1 -> encode1(f, out, offset);
            default -> encodeBits(f, d, out, offset);
        }
    }

    /** ByteEncode_d for any d in [1, 11], through a bit buffer. */
    private static void encodeBits(int[] f, int d, byte[] out, int offset) {
        long buffer = 0;
        int bits = 0;
        int position = offset;
        for (int i = 0; i < RingElement.N; i++) {
            buffer |= (long) f[i] << bits;
            bits += d;
            while (bits >= 8) {
                out[position++] = (byte) buffer;
                buffer >>>= 8;
                bits -= 8;
            }
        }
    }

    /**
     * ByteDecode_d(B) (Algorithm 6) of the 32·d bytes at {@code offset}. For d = 12 the result is
     * taken mod q, as Algorithm 6 defines, so a decapsulation key with coefficients of q or more
     * still decodes to field elements.
     */
    static int[] decode(byte[] in, int offset, int d) {
        return switch (d) {
            case 12 -> decode12(in, offset);
            case 11 -> decode11(in, offset);
            case 10 -> decode10(in, offset);
            case 4 -> decode4(in, offset);
            case 1 -> decode1(in, offset);
            default -> decodeBits(in, offset, d);
        };
    }

    /** ByteDecode_d for any d in [1, 11], through a bit buffer. */
    private static int[] decodeBits(byte[] in, int offset, int d) {
        int[] f = new int[RingElement.N];
        int mask = (1 << d) - 1;
        long buffer = 0;
        int bits = 0;
        int position = offset;
        for (int i = 0; i < RingElement.N; i++) {
            while (bits < d) {
                buffer |= (in[position++] & 0xffL) << bits;
                bits += 8;
            }
            f[i] = (int) buffer & mask;
            buffer >>>= d;
            bits -= d;
        }
        return f;
    }

    /** ByteEncode_4: two coefficients per byte, the first in the low nibble. */
    private static void encode4(int[] f, byte[] out, int offset) {
        for (int i = 0; i < RingElement.N / 2; i++) {
            out[offset + i] = (byte) (f[2 * i] | f[2 * i + 1] << 4);
        }
    }

    /** ByteDecode_4: the inverse of {@link #encode4}. */
    private static int[] decode4(byte[] in, int offset) {
        int[] f = new int[RingElement.N];
        for (int i = 0; i < RingElement.N / 2; i++) {
            int b = in[offset + i];
            f[2 * i] = b & 0x0f;
            f[2 * i + 1] = (b >>> 4) & 0x0f;
        }
        return f;
    }

    /** ByteEncode_1: eight coefficients per byte, the first in the lowest bit. */
    private static void encode1(int[] f, byte[] out, int offset) {
        for (int i = 0; i < RingElement.N / 8; i++) {
            int o = 8 * i;
            out[offset + i] = (byte) (f[o] | f[o + 1] << 1 | f[o + 2] << 2 | f[o + 3] << 3
                    | f[o + 4] << 4 | f[o + 5] << 5 | f[o + 6] << 6 | f[o + 7] << 7);
        }
    }

    /** ByteDecode_1: the inverse of {@link #encode1}. */
    private static int[] decode1(byte[] in, int offset) {
        int[] f = new int[RingElement.N];
        for (int i = 0; i < RingElement.N; i++) {
            f[i] = (in[offset + (i >>> 3)] >>> (i & 7)) & 1;
        }
        return f;
    }

    /**
     * ByteEncode_10: eight coefficients fill ten bytes, an 80-bit little-endian group whose low
     * 64 bits are written as one long.
     */
    private static void encode10(int[] f, byte[] out, int offset) {
        for (int g = 0; g < RingElement.N / 8; g++) {
            int i = 8 * g;
            int position = offset + 10 * g;
            long low = (long) f[i] | (long) f[i + 1] << 10 | (long) f[i + 2] << 20
                    | (long) f[i + 3] << 30 | (long) f[i + 4] << 40 | (long) f[i + 5] << 50
                    | (long) f[i + 6] << 60;
            int high = f[i + 6] >>> 4 | f[i + 7] << 6;
            LITTLE_ENDIAN_LONG.set(out, position, low);
            out[position + 8] = (byte) high;
            out[position + 9] = (byte) (high >>> 8);
        }
    }

    /**
     * ByteEncode_11: eight coefficients fill eleven bytes, an 88-bit little-endian group whose
     * low 64 bits are written as one long.
     */
    private static void encode11(int[] f, byte[] out, int offset) {
        for (int g = 0; g < RingElement.N / 8; g++) {
            int i = 8 * g;
            int position = offset + 11 * g;
            long low = (long) f[i] | (long) f[i + 1] << 11 | (long) f[i + 2] << 22
                    | (long) f[i + 3] << 33 | (long) f[i + 4] << 44 | (long) f[i + 5] << 55;
            int high = f[i + 5] >>> 9 | f[i + 6] << 2 | f[i + 7] << 13;
            LITTLE_ENDIAN_LONG.set(out, position, low);
            out[position + 8] = (byte) high;
            out[position + 9] = (byte) (high >>> 8);
            out[position + 10] = (byte) (high >>> 16);
        }
    }

    /** ByteDecode_10: the inverse of {@link #encode10}. */
    private static int[] decode10(byte[] in, int offset) {
        int[] f = new int[RingElement.N];
        for (int g = 0; g < RingElement.N / 8; g++) {
            int i = 8 * g;
            int position = offset + 10 * g;
            long low = (long) LITTLE_ENDIAN_LONG.get(in, position);
            int high = (in[position + 8] & 0xff) | (in[position + 9] & 0xff) << 8;
            f[i] = (int) low & 0x3ff;
            f[i + 1] = (int) (low >>> 10) & 0x3ff;
            f[i + 2] = (int) (low >>> 20) & 0x3ff;
            f[i + 3] = (int) (low >>> 30) & 0x3ff;
            f[i + 4] = (int) (low >>> 40) & 0x3ff;
            f[i + 5] = (int) (low >>> 50) & 0x3ff;
            f[i + 6] = ((int) (low >>> 60) | high << 4) & 0x3ff;
            f[i + 7] = high >>> 6;
        }
        return f;
    }

    /** ByteDecode_11: the inverse of {@link #encode11}. */
    private static int[] decode11(byte[] in, int offset) {
        int[] f = new int[RingElement.N];
        for (int g = 0; g < RingElement.N / 8; g++) {
            int i = 8 * g;
            int position = offset + 11 * g;
            long low = (long) LITTLE_ENDIAN_LONG.get(in, position);
            int high = (in[position + 8] & 0xff) | (in[position + 9] & 0xff) << 8
                    | (in[position + 10] & 0xff) << 16;
            f[i] = (int) low & 0x7ff;
            f[i + 1] = (int) (low >>> 11) & 0x7ff;
            f[i + 2] = (int) (low >>> 22) & 0x7ff;
            f[i + 3] = (int) (low >>> 33) & 0x7ff;
            f[i + 4] = (int) (low >>> 44) & 0x7ff;
            f[i + 5] = ((int) (low >>> 55) | high << 9) & 0x7ff;
            f[i + 6] = (high >>> 2) & 0x7ff;
            f[i + 7] = high >>> 13;
        }
        return f;
    }

    /** ByteEncode_12: each pair of coefficients fills three bytes. */
    private static void encode12(int[] f, byte[] out, int offset) {
        for (int i = 0; i < RingElement.N / 2; i++) {
            int x = f[2 * i];
            int y = f[2 * i + 1];
            int position = offset + 3 * i;
            out[position] = (byte) x;
            out[position + 1] = (byte) (x >>> 8 | y << 4);
            out[position + 2] = (byte) (y >>> 4);
        }
    }

    /** ByteDecode_12, with each value taken mod q by one masked subtraction. */
    private static int[] decode12(byte[] in, int offset) {
        int[] f = new int[RingElement.N];
        for (int i = 0; i < RingElement.N / 2; i++) {
            int position = offset + 3 * i;
            int b0 = in[position] & 0xff;
            int b1 = in[position + 1] & 0xff;
            int b2 = in[position + 2] & 0xff;
            f[2 * i] = MlKemField.reduceOnce(b0 | (b1 & 0x0f) << 8);
            f[2 * i + 1] = MlKemField.reduceOnce(b1 >>> 4 | b2 << 4);
        }
        return f;
    }

    /** Returns ByteEncode_12 of each element of {@code vector}, concatenated. */
    static byte[] encodeVector(NttElement[] vector) {
        byte[] out = new byte[POLYNOMIAL_BYTES * vector.length];
        for (int i = 0; i < vector.length; i++) {
            encode(vector[i].f, 12, out, POLYNOMIAL_BYTES * i);
        }
        return out;
    }

    /** Returns ByteDecode_12 of {@code k} consecutive polynomials at {@code offset}. */
    static NttElement[] decodeVector(byte[] in, int offset, int k) {
        NttElement[] vector = new NttElement[k];
        for (int i = 0; i < k; i++) {
            vector[i] = new NttElement(decode(in, offset + POLYNOMIAL_BYTES * i, 12));
        }
        return vector;
    }

    /**
     * Finds the first 12-bit value of q or more among the {@code 256 · k} values encoded at the
     * start of {@code ek}: the FIPS 203 §7.2 modulus check, which holds exactly when
     * ByteEncode_12(ByteDecode_12(ek)) = ek. It returns the value's index, or -1 when every value
     * is below q. The encapsulation key is public, so this check may branch.
     */
    static int firstValueNotBelowQ(byte[] ek, int k) {
        int count = RingElement.N * k;
        for (int i = 0; i < count; i += 2) {
            int position = 3 * (i >>> 1);
            int b0 = ek[position] & 0xff;
            int b1 = ek[position + 1] & 0xff;
            int b2 = ek[position + 2] & 0xff;
            if ((b0 | (b1 & 0x0f) << 8) >= MlKemField.Q) {
                return i;
            }
            if ((b1 >>> 4 | b2 << 4) >= MlKemField.Q) {
                return i + 1;
            }
        }
        return -1;
    }

    /** Returns the 12-bit value at {@code index} of the ByteEncode_12 data in {@code ek}. */
    static int valueAt(byte[] ek, int index) {
        int position = 3 * (index >>> 1);
        int b0 = ek[position] & 0xff;
        int b1 = ek[position + 1] & 0xff;
        int b2 = ek[position + 2] & 0xff;
        return (index & 1) == 0 ? b0 | (b1 & 0x0f) << 8 : b1 >>> 4 | b2 << 4;
    }
}
