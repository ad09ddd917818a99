package org.pqipsec.provider.kem;

import java.util.Arrays;

/**
 * An element of R_q = Z_q[X] / (X^256 + 1) in coefficient form (FIPS 203 §2.4.4): 256
 * coefficients, each in [0, q). {@link NttElement} is the same ring in NTT form, and the two types
 * keep the domains from mixing.
 */
final class RingElement {

    static final int N = 256;

    /** Coefficients f_0 to f_255, each in [0, q). */
    final int[] f;

    RingElement() {
        this.f = new int[N];
    }

    RingElement(int[] coefficients) {
        this.f = coefficients;
    }

    /** Adds {@code other} to this element in place and returns this element. */
    RingElement addInPlace(RingElement other) {
        for (int i = 0; i < N; i++) {
            f[i] = MlKemField.add(f[i], other.f[i]);
        }
        return this;
    }

    /** Subtracts {@code other} from this element in place and returns this element. */
    RingElement subtractInPlace(RingElement other) {
        for (int i = 0; i < N; i++) {
            f[i] = MlKemField.subtract(f[i], other.f[i]);
        }
        return this;
    }

    /** Zeroes the coefficients. */
    void clear() {
        Arrays.fill(f, 0);
    }
}
