package org.pqipsec.provider.curve25519;

import java.util.Arrays;

/**
 * The X25519 function of RFC 7748 §5 on curve25519, computed in constant time by this
 * package's own field and curve arithmetic.
 *
 * <p>Scalars and u-coordinates are 32-byte little-endian strings. Every method clamps the scalar
 * (decodeScalar25519), masks bit 255 of u and accepts non-canonical u (decodeUCoordinate), and
 * returns the canonical encoding of the result (encodeUCoordinate). No argument is modified.
 *
 * <p>A u-coordinate of small order gives an all-zero output, and this class returns it. Callers
 * that must reject that output (RFC 7748 §6.1) check for it themselves.
 */
public final class X25519 {

    /** Length in bytes of a scalar, a u-coordinate and an output. */
    public static final int LENGTH = 32;

    private X25519() {}

    /**
     * Computes X25519(k, u) (RFC 7748 §5) with the Montgomery ladder.
     *
     * @param k the scalar, 32 bytes
     * @param u the u-coordinate, 32 bytes
     * @return the 32-byte u-coordinate of k times the point
     * @throws IllegalArgumentException if {@code k} or {@code u} is not 32 bytes long
     */
    public static byte[] scalarMult(byte[] k, byte[] u) {
        byte[] out = new byte[LENGTH];
        scalarMult(k, u, out, 0);
        return out;
    }

    /**
     * Computes X25519(k, u) (RFC 7748 §5) into {@code out[outOffset..outOffset + 31]}.
     *
     * @throws IllegalArgumentException if {@code k} or {@code u} is not 32 bytes long, or
     *     {@code out} has fewer than 32 bytes from {@code outOffset}
     */
    public static void scalarMult(byte[] k, byte[] u, byte[] out, int outOffset) {
        checkLength("scalar k", k);
        checkLength("u-coordinate", u);
        checkOutput(out, outOffset);
        byte[] clamped = clamp(k);
        try {
            MontgomeryLadder.scalarMult(out, outOffset, clamped, u);
        } finally {
            Arrays.fill(clamped, (byte) 0);
        }
    }

    /**
     * Computes X25519(k, 9) (RFC 7748 §5 with the base point of §4.1), the public key of the
     * private key k (RFC 7748 §6.1), from precomputed multiples of the base point.
     *
     * @param k the scalar, 32 bytes
     * @return the 32-byte u-coordinate of k times the base point
     * @throws IllegalArgumentException if {@code k} is not 32 bytes long
     */
    public static byte[] scalarMultBase(byte[] k) {
        byte[] out = new byte[LENGTH];
        scalarMultBase(k, out, 0);
        return out;
    }

    /**
     * Computes X25519(k, 9) (RFC 7748 §5) into {@code out[outOffset..outOffset + 31]}.
     *
     * @throws IllegalArgumentException if {@code k} is not 32 bytes long, or {@code out} has
     *     fewer than 32 bytes from {@code outOffset}
     */
    public static void scalarMultBase(byte[] k, byte[] out, int outOffset) {
        checkLength("scalar k", k);
        checkOutput(out, outOffset);
        byte[] clamped = clamp(k);
        try {
            FixedBase.scalarMultBase(out, outOffset, clamped);
        } finally {
            Arrays.fill(clamped, (byte) 0);
        }
    }

    /**
     * Returns whether the u-coordinate u has small order, which is when X25519(k, u) is all zero
     * for every scalar k (RFC 7748 §6.1). Costs three point doublings, against the 255 ladder
     * steps of a trial multiplication.
     *
     * @param u the u-coordinate, 32 bytes, decoded with bit 255 masked
     * @throws IllegalArgumentException if {@code u} is not 32 bytes long
     */
    public static boolean hasSmallOrder(byte[] u) {
        checkLength("u-coordinate", u);
        return MontgomeryLadder.hasSmallOrder(u);
    }

    /**
     * Returns a clamped copy of k (RFC 7748 §5 decodeScalar25519): bits 0, 1, 2 and 255
     * cleared, bit 254 set.
     */
    static byte[] clamp(byte[] k) {
        byte[] clamped = k.clone();
        clamped[0] &= (byte) 248;
        clamped[31] &= 127;
        clamped[31] |= 64;
        return clamped;
    }

    private static void checkLength(String field, byte[] value) {
        if (value == null) {
            throw new IllegalArgumentException("X25519 " + field + " must not be null");
        }
        if (value.length != LENGTH) {
            throw new IllegalArgumentException("X25519 " + field + " must be " + LENGTH
                    + " bytes, got " + value.length);
        }
    }

    private static void checkOutput(byte[] out, int outOffset) {
        if (out == null) {
            throw new IllegalArgumentException("X25519 output array must not be null");
        }
        if (outOffset < 0 || outOffset > out.length - LENGTH) {
            throw new IllegalArgumentException("X25519 output needs " + LENGTH
                    + " bytes from offset " + outOffset + ", array length " + out.length);
        }
    }
}
