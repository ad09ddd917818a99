package org.pqipsec.provider.kem;

import java.util.List;

/**
 * u-coordinates that give an all-zero X25519 output for every scalar, as Wycheproof's
 * x25519_test.json lists them (flag LowOrderPublic). They are 0, 1, the two points of order 8,
 * p - 1, and p and p + 1 (non-canonical 0 and 1), each also with the top bit of byte 31 set.
 */
final class X25519LowOrderPoints {

    private X25519LowOrderPoints() {}

    static List<String> canonical() {
        return List.of(
                "0000000000000000000000000000000000000000000000000000000000000000",
                "0100000000000000000000000000000000000000000000000000000000000000",
                "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
                "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
                "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
                "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
                "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
    }

    /** Returns the seven values above and the same seven with the top bit set, 14 in all. */
    static List<String> all() {
        List<String> canonical = canonical();
        java.util.ArrayList<String> all = new java.util.ArrayList<>(canonical);
        for (String u : canonical) {
            int last = Integer.parseInt(u.substring(62), 16) | 0x80;
            all.add(u.substring(0, 62) + String.format("%02x", last));
        }
        return List.copyOf(all);
    }
}
