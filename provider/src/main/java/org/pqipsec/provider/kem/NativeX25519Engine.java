package org.pqipsec.provider.kem;

import org.pqipsec.provider.curve25519.X25519;

/**
 * {@link X25519Engine} on this provider's own constant-time Curve25519 arithmetic: the
 * Montgomery ladder for X25519(k, u) and an edwards25519 base point table for X25519(k, 9).
 */
final class NativeX25519Engine implements X25519Engine {

    @Override
    public byte[] x25519(byte[] k, byte[] u) {
        return X25519.scalarMult(k, u);
    }

    @Override
    public byte[] x25519Base(byte[] k) {
        return X25519.scalarMultBase(k);
    }

    @Override
    public boolean hasSmallOrder(byte[] u) {
        return X25519.hasSmallOrder(u);
    }
}
