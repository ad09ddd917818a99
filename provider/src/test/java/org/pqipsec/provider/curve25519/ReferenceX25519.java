package org.pqipsec.provider.curve25519;

import static org.pqipsec.provider.curve25519.FieldReference.P;

import java.math.BigInteger;

/**
 * A direct {@link BigInteger} transcription of the RFC 7748 §5 pseudocode, independent of the
 * limb arithmetic under test. Slow and not constant-time.
 */
final class ReferenceX25519 {

    private static final BigInteger A24 = BigInteger.valueOf(121665);

    private ReferenceX25519() {}

    /** decodeScalar25519: clear bits 0, 1, 2 and 255, set bit 254. */
    static BigInteger decodeScalar(byte[] k) {
        BigInteger scalar = FieldReference.fromLittleEndian(k);
        return scalar.clearBit(0).clearBit(1).clearBit(2).clearBit(255).setBit(254);
    }

    /** decodeUCoordinate: mask bit 255; the value may be p or more. */
    static BigInteger decodeU(byte[] u) {
        return FieldReference.fromLittleEndian(u).clearBit(255);
    }

    /** X25519(k, u) with RFC 7748 §5 decoding. */
    static byte[] x25519(byte[] k, byte[] u) {
        return FieldReference.toLittleEndian(ladder(decodeScalar(k), decodeU(u), 255));
    }

    /**
     * Runs the ladder of RFC 7748 §5 for any non-negative scalar below 2^bits and returns
     * x_2 / z_2 mod p, which is 0 when z_2 = 0.
     */
    static BigInteger ladder(BigInteger k, BigInteger u, int bits) {
        BigInteger x1 = u.mod(P);
        BigInteger x2 = BigInteger.ONE;
        BigInteger z2 = BigInteger.ZERO;
        BigInteger x3 = x1;
        BigInteger z3 = BigInteger.ONE;
        boolean swap = false;
        for (int t = bits - 1; t >= 0; t--) {
            boolean kt = k.testBit(t);
            swap ^= kt;
            if (swap) {
                BigInteger tmp = x2;
                x2 = x3;
                x3 = tmp;
                tmp = z2;
                z2 = z3;
                z3 = tmp;
            }
            swap = kt;

            BigInteger a = x2.add(z2).mod(P);
            BigInteger aa = a.multiply(a).mod(P);
            BigInteger b = x2.subtract(z2).mod(P);
            BigInteger bb = b.multiply(b).mod(P);
            BigInteger e = aa.subtract(bb).mod(P);
            BigInteger c = x3.add(z3).mod(P);
            BigInteger d = x3.subtract(z3).mod(P);
            BigInteger da = d.multiply(a).mod(P);
            BigInteger cb = c.multiply(b).mod(P);
            x3 = da.add(cb).pow(2).mod(P);
            z3 = x1.multiply(da.subtract(cb).pow(2)).mod(P);
            x2 = aa.multiply(bb).mod(P);
            z2 = e.multiply(aa.add(A24.multiply(e))).mod(P);
        }
        if (swap) {
            x2 = x3;
            z2 = z3;
        }
        return x2.multiply(z2.modPow(P.subtract(BigInteger.TWO), P)).mod(P);
    }
}
