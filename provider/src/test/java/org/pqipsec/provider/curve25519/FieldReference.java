package org.pqipsec.provider.curve25519;

import java.math.BigInteger;

/** Conversions between limb arrays and {@link BigInteger}, the reference for GF(2^255 - 19). */
final class FieldReference {

    static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));

    private FieldReference() {}

    /** Returns the integer sum limbs[i] 2^(51 i), not reduced. */
    static BigInteger toInteger(long[] limbs) {
        BigInteger value = BigInteger.ZERO;
        for (int i = limbs.length - 1; i >= 0; i--) {
            value = value.shiftLeft(51).add(BigInteger.valueOf(limbs[i]));
        }
        return value;
    }

    /** Returns limbs below 2^51 for an integer in [0, 2^255). */
    static long[] toLimbs(BigInteger value) {
        long[] limbs = new long[Field25519.LIMBS];
        for (int i = 0; i < limbs.length; i++) {
            limbs[i] = value.shiftRight(51 * i).longValue() & Field25519.MASK_51;
        }
        return limbs;
    }

    static BigInteger fromLittleEndian(byte[] bytes) {
        byte[] bigEndian = new byte[bytes.length + 1];
        for (int i = 0; i < bytes.length; i++) {
            bigEndian[bytes.length - i] = bytes[i];
        }
        return new BigInteger(bigEndian);
    }

    /** Returns the 32-byte little-endian encoding of an integer in [0, 2^256). */
    static byte[] toLittleEndian(BigInteger value) {
        byte[] out = new byte[32];
        byte[] bigEndian = value.toByteArray();
        for (int i = 0; i < bigEndian.length && i < out.length; i++) {
            out[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return out;
    }
}
