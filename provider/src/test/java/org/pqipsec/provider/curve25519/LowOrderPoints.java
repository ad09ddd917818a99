package org.pqipsec.provider.curve25519;

import static org.pqipsec.provider.curve25519.FieldReference.P;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The u-coordinates below 2^255 of the points of order 1, 2, 4 and 8 on curve25519 and its
 * twist: the canonical values, and their non-canonical forms u + p where those are below 2^255.
 */
final class LowOrderPoints {

    /** The published small-order u-coordinates of curve25519 (canonical, little-endian hex). */
    private static final String[] CANONICAL = {
        "0000000000000000000000000000000000000000000000000000000000000000",
        "0100000000000000000000000000000000000000000000000000000000000000",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
        "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
    };

    private LowOrderPoints() {}

    static List<BigInteger> all() {
        List<BigInteger> points = new ArrayList<>();
        BigInteger two255 = BigInteger.ONE.shiftLeft(255);
        for (String hex : CANONICAL) {
            BigInteger u = FieldReference.fromLittleEndian(java.util.HexFormat.of().parseHex(hex));
            points.add(u);
            BigInteger nonCanonical = u.add(P);
            if (nonCanonical.compareTo(two255) < 0) {
                points.add(nonCanonical);
            }
        }
        return points;
    }
}
