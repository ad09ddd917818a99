package org.pqipsec.provider.kem;

/**
 * The X25519 function of RFC 7748 §5, the only Curve25519 arithmetic that the X25519 and
 * X25519MLKEM768 services need: a public key is X25519(k, 9) and a shared secret is
 * X25519(k, u), both as in RFC 7748 §6.1.
 *
 * <p>Implementations are stateless and safe for concurrent use. {@link Engines#x25519()} selects
 * the one in use.
 */
interface X25519Engine {

    /** Length in bytes of a scalar, a u-coordinate and an output. */
    int LENGTH = 32;

    /** Returns the u-coordinate 9 of the base point, encoded as in RFC 7748 §5. */
    static byte[] basePoint() {
        byte[] u = new byte[LENGTH];
        u[0] = 9;
        return u;
    }

    /**
     * Computes X25519(k, u) of RFC 7748 §5.
     *
     * <p>{@code k} and {@code u} are 32-byte little-endian strings. The function clamps {@code k}
     * (decodeScalar25519) and masks the top bit of {@code u} (decodeUCoordinate) itself, and
     * accepts non-canonical u-coordinates. Neither argument is modified.
     *
     * @return the 32-byte output, which is all zero when {@code u} is a point of small order and
     *     which callers check for that case
     */
    byte[] x25519(byte[] k, byte[] u);

    /**
     * Computes X25519(k, 9) of RFC 7748 §5, the public key of the private key {@code k}
     * (RFC 7748 §6.1). Equal to {@code x25519(k, basePoint())}.
     *
     * <p>{@code k} is a 32-byte little-endian string that the function clamps itself; it is not
     * modified.
     *
     * @return the 32-byte public key
     */
    byte[] x25519Base(byte[] k);

    /**
     * Returns whether the u-coordinate {@code u} has small order, so that X25519(k, u) is all
     * zero for every scalar k (RFC 7748 §6.1). {@code u} is decoded with its top bit masked.
     *
     * <p>X25519 clamps every scalar to a multiple of 8 in [2^254, 2^255), and no such number is a
     * multiple of the large prime factor of the curve order (8 times a 253-bit prime) or of the
     * twist order (4 times a 253-bit prime). So X25519(k, u) is all zero for one clamped k
     * exactly when it is for all of them. This default runs one trial with a fixed scalar.
     */
    default boolean hasSmallOrder(byte[] u) {
        byte[] trial = x25519(new byte[LENGTH], u);
        return KemSupport.isAllZero(trial, 0, LENGTH);
    }
}
