package org.pqipsec.provider.kem;

import java.util.Arrays;

/**
 * An element of T_q, the NTT form of R_q (FIPS 203 §4.3): 128 degree-one residues
 * (f̂_2i, f̂_2i+1), each coefficient in [0, q).
 */
final class NttElement {

    /** Coefficients f̂_0 to f̂_255, each in [0, q). */
    final int[] f;

    NttElement() {
        this.f = new int[RingElement.N];
    }

    NttElement(int[] coefficients) {
        this.f = coefficients;
    }

    /** Adds {@code other} to this element in place and returns this element. */
    NttElement addInPlace(NttElement other) {
        for (int i = 0; i < RingElement.N; i++) {
            f[i] = MlKemField.add(f[i], other.f[i]);
        }
        return this;
    }

    /** Zeroes the coefficients. */
    void clear() {
        Arrays.fill(f, 0);
    }
}
