package org.pqipsec.provider.curve25519;

/**
 * A point of edwards25519, -x^2 + y^2 = 1 + d x^2 y^2 (RFC 7748 §4.1), in extended coordinates
 * (X : Y : Z : T) with x = X / Z, y = Y / Z and x y = T / Z, and the addition and doubling
 * formulas of RFC 8032 §5.1.4. These formulas are complete on edwards25519, so they need no
 * case distinction for equal points or the neutral element.
 */
final class EdwardsPoint {

    final long[] x = Field25519.create();
    final long[] y = Field25519.create();
    final long[] z = Field25519.create();
    final long[] t = Field25519.create();

    /** Sets this point to the neutral element (0, 1). */
    void setNeutral() {
        Field25519.zero(x);
        Field25519.one(y);
        Field25519.one(z);
        Field25519.zero(t);
    }

    void zeroize() {
        Field25519.zero(x);
        Field25519.zero(y);
        Field25519.zero(z);
        Field25519.zero(t);
    }

    /** Scratch field elements for the point formulas, allocated once per scalar multiplication. */
    static final class Scratch {
        final long[] a = Field25519.create();
        final long[] b = Field25519.create();
        final long[] c = Field25519.create();
        final long[] d = Field25519.create();
        final long[] e = Field25519.create();
        final long[] f = Field25519.create();
        final long[] g = Field25519.create();
        final long[] h = Field25519.create();

        void zeroize() {
            for (long[] element : new long[][] {a, b, c, d, e, f, g, h}) {
                Field25519.zero(element);
            }
        }
    }

    /**
     * Doubles this point in place (RFC 8032 §5.1.4, doubling): A = X1^2, B = Y1^2,
     * C = 2 Z1^2, H = A + B, E = H - (X1 + Y1)^2, G = A - B, F = C + G, X3 = E F, Y3 = G H,
     * T3 = E H, Z3 = F G.
     */
    void doublePoint(Scratch s) {
        Field25519.square(s.a, x);
        Field25519.square(s.b, y);
        Field25519.square(s.c, z);
        Field25519.add(s.c, s.c, s.c);

        // H is carried because it is the minuend of E; F is carried because C + G is the sum
        // of a loose and a loose element.
        Field25519.add(s.h, s.a, s.b);
        Field25519.carry(s.h, s.h);
        Field25519.add(s.e, x, y);
        Field25519.square(s.e, s.e);
        Field25519.sub(s.e, s.h, s.e);
        Field25519.sub(s.g, s.a, s.b);
        Field25519.add(s.f, s.c, s.g);
        Field25519.carry(s.f, s.f);

        Field25519.mul(x, s.e, s.f);
        Field25519.mul(y, s.g, s.h);
        Field25519.mul(t, s.e, s.h);
        Field25519.mul(z, s.f, s.g);
    }

    /**
     * Adds the affine point q, given as (y + x, y - x, 2 d x y) with Z2 = 1, to this point in
     * place (RFC 8032 §5.1.4, addition): A = (Y1 - X1)(y2 - x2), B = (Y1 + X1)(y2 + x2),
     * C = T1 2 d x2 y2, D = 2 Z1, E = B - A, F = D - C, G = D + C, H = B + A, X3 = E F,
     * Y3 = G H, T3 = E H, Z3 = F G. The three elements of q may be loose.
     */
    void addAffine(long[] yPlusX, long[] yMinusX, long[] xy2d, Scratch s) {
        Field25519.sub(s.a, y, x);
        Field25519.mul(s.a, s.a, yMinusX);
        Field25519.add(s.b, y, x);
        Field25519.mul(s.b, s.b, yPlusX);
        Field25519.mul(s.c, t, xy2d);
        // D is carried because it is the minuend of F.
        Field25519.add(s.d, z, z);
        Field25519.carry(s.d, s.d);

        Field25519.sub(s.e, s.b, s.a);
        Field25519.sub(s.f, s.d, s.c);
        Field25519.add(s.g, s.d, s.c);
        Field25519.add(s.h, s.b, s.a);

        Field25519.mul(x, s.e, s.f);
        Field25519.mul(y, s.g, s.h);
        Field25519.mul(t, s.e, s.h);
        Field25519.mul(z, s.f, s.g);
    }

    /**
     * Adds q to this point in place (RFC 8032 §5.1.4, addition, with Z2 and T2 general).
     * {@code d2} is 2 d. Used only to build the base point table.
     */
    void add(EdwardsPoint q, long[] d2, Scratch s) {
        Field25519.sub(s.a, y, x);
        Field25519.sub(s.e, q.y, q.x);
        Field25519.mul(s.a, s.a, s.e);
        Field25519.add(s.b, y, x);
        Field25519.add(s.e, q.y, q.x);
        Field25519.mul(s.b, s.b, s.e);
        Field25519.mul(s.c, t, q.t);
        Field25519.mul(s.c, s.c, d2);
        Field25519.mul(s.d, z, q.z);
        Field25519.add(s.d, s.d, s.d);
        Field25519.carry(s.d, s.d);

        Field25519.sub(s.e, s.b, s.a);
        Field25519.sub(s.f, s.d, s.c);
        Field25519.add(s.g, s.d, s.c);
        Field25519.add(s.h, s.b, s.a);

        Field25519.mul(x, s.e, s.f);
        Field25519.mul(y, s.g, s.h);
        Field25519.mul(t, s.e, s.h);
        Field25519.mul(z, s.f, s.g);
    }

    void set(EdwardsPoint p) {
        Field25519.copy(x, p.x);
        Field25519.copy(y, p.y);
        Field25519.copy(z, p.z);
        Field25519.copy(t, p.t);
    }
}
