package org.pqipsec.provider.kem;

import java.security.spec.InvalidKeySpecException;
import java.util.Arrays;

/**
 * DER encodings of X25519 keys (RFC 8410): the X.509 SubjectPublicKeyInfo of §4 and the PKCS#8
 * OneAsymmetricKey (RFC 5958) of §7, whose privateKey OCTET STRING wraps the CurvePrivateKey
 * OCTET STRING. Decoding is strict DER: definite minimal lengths, no trailing bytes, and the
 * AlgorithmIdentifier parameters absent as §3 requires.
 *
 * <p>Error messages name the field and the expected value or length and never contain key bytes.
 */
final class X25519Der {

    /** Length in bytes of a u-coordinate and of a scalar. */
    static final int LENGTH = X25519Engine.LENGTH;

    // DER of an X25519 SubjectPublicKeyInfo (RFC 8410 §4), followed by the 32-byte u:
    //   30 2a              SEQUENCE, 42 bytes
    //     30 05            SEQUENCE (AlgorithmIdentifier), 5 bytes
    //       06 03 2b 65 6e OBJECT IDENTIFIER 1.3.101.110 (id-X25519)
    //     03 21 00         BIT STRING, 33 bytes, 0 unused bits
    private static final byte[] SPKI_PREFIX = {
        0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x03, 0x21, 0x00
    };

    // DER of an X25519 OneAsymmetricKey v1 (RFC 8410 §7), followed by the 32-byte scalar k:
    //   30 2e              SEQUENCE, 46 bytes
    //     02 01 00         INTEGER 0 (v1)
    //     30 05 06 03 2b 65 6e  AlgorithmIdentifier id-X25519
    //     04 22            OCTET STRING privateKey, 34 bytes
    //       04 20          OCTET STRING CurvePrivateKey, 32 bytes
    private static final byte[] PKCS8_PREFIX = {
        0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x04, 0x22,
        0x04, 0x20
    };

    /** Content octets of the OBJECT IDENTIFIER id-X25519, 1.3.101.110. */
    private static final byte[] OID_X25519 = {0x2b, 0x65, 0x6e};

    /** Content octets of the OBJECT IDENTIFIER id-X448, 1.3.101.111. */
    private static final byte[] OID_X448 = {0x2b, 0x65, 0x6f};

    private static final int TAG_INTEGER = 0x02;
    private static final int TAG_BIT_STRING = 0x03;
    private static final int TAG_OCTET_STRING = 0x04;
    private static final int TAG_OID = 0x06;
    private static final int TAG_SEQUENCE = 0x30;
    /** OneAsymmetricKey attributes, [0] IMPLICIT SET OF Attribute. */
    private static final int TAG_ATTRIBUTES = 0xa0;
    /** OneAsymmetricKey publicKey, [1] IMPLICIT BIT STRING. */
    private static final int TAG_PUBLIC_KEY = 0x81;

    private X25519Der() {}

    /** A decoded OneAsymmetricKey: the scalar k and the optional public key u (or null). */
    record PrivateKeyInfo(byte[] k, byte[] publicKey) {}

    /** Returns the 44-byte SubjectPublicKeyInfo of the 32-byte u-coordinate {@code u}. */
    static byte[] encodePublicKey(byte[] u) {
        byte[] encoded = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + LENGTH);
        System.arraycopy(u, 0, encoded, SPKI_PREFIX.length, LENGTH);
        return encoded;
    }

    /** Returns the 48-byte OneAsymmetricKey v1 of the 32-byte scalar {@code k}. */
    static byte[] encodePrivateKey(byte[] k) {
        byte[] encoded = Arrays.copyOf(PKCS8_PREFIX, PKCS8_PREFIX.length + LENGTH);
        System.arraycopy(k, 0, encoded, PKCS8_PREFIX.length, LENGTH);
        return encoded;
    }

    /**
     * Decodes an X25519 SubjectPublicKeyInfo and returns the 32 bytes of subjectPublicKey as
     * they are, a set top bit included.
     *
     * @throws InvalidKeySpecException naming the field that is not as RFC 8410 §4 defines it
     */
    static byte[] decodePublicKey(byte[] der) throws InvalidKeySpecException {
        String structure = "X25519 SubjectPublicKeyInfo";
        Reader outer = new Reader(der, 0, der.length, structure);
        Reader spki = outer.child(TAG_SEQUENCE, "outer SEQUENCE");
        outer.requireEnd("the outer SEQUENCE");

        checkAlgorithm(spki.child(TAG_SEQUENCE, "algorithm AlgorithmIdentifier"), structure);

        byte[] bits = spki.child(TAG_BIT_STRING, "subjectPublicKey BIT STRING").remaining();
        spki.requireEnd("subjectPublicKey");
        return bitStringKey(bits, structure + " subjectPublicKey");
    }

    /**
     * Decodes an X25519 OneAsymmetricKey: version v1 (0) without a public key, or v2 (1) with
     * an optional one. Attributes are skipped. The caller zeroes the returned scalar.
     *
     * @throws InvalidKeySpecException naming the field that is not as RFC 8410 §7 and RFC 5958
     *     define it
     */
    static PrivateKeyInfo decodePrivateKey(byte[] der) throws InvalidKeySpecException {
        String structure = "X25519 PKCS#8 OneAsymmetricKey";
        Reader outer = new Reader(der, 0, der.length, structure);
        Reader info = outer.child(TAG_SEQUENCE, "outer SEQUENCE");
        outer.requireEnd("the outer SEQUENCE");

        byte[] version = info.child(TAG_INTEGER, "version INTEGER").remaining();
        if (version.length != 1 || (version[0] != 0 && version[0] != 1)) {
            throw new InvalidKeySpecException(structure + " version must be 0 (v1) or 1 (v2)");
        }

        checkAlgorithm(info.child(TAG_SEQUENCE, "privateKeyAlgorithm AlgorithmIdentifier"),
                structure);

        Reader privateKey = info.child(TAG_OCTET_STRING, "privateKey OCTET STRING");
        Reader curvePrivateKey = privateKey.child(TAG_OCTET_STRING,
                "CurvePrivateKey OCTET STRING inside privateKey");
        privateKey.requireEnd("privateKey");
        if (curvePrivateKey.length() != LENGTH) {
            throw new InvalidKeySpecException(structure + " CurvePrivateKey must be 32 bytes, got "
                    + curvePrivateKey.length());
        }

        if (info.peekTag() == TAG_ATTRIBUTES) {
            info.child(TAG_ATTRIBUTES, "attributes");
        }
        byte[] publicKey = null;
        if (info.peekTag() == TAG_PUBLIC_KEY) {
            if (version[0] != 1) {
                throw new InvalidKeySpecException(structure + " publicKey requires version 1 (v2),"
                        + " got version 0 (RFC 5958 §2)");
            }
            byte[] bits = info.child(TAG_PUBLIC_KEY, "publicKey [1] BIT STRING").remaining();
            publicKey = bitStringKey(bits, structure + " publicKey");
        }
        info.requireEnd("the last field");

        return new PrivateKeyInfo(curvePrivateKey.remaining(), publicKey);
    }

    /** Checks an AlgorithmIdentifier: id-X25519 and no parameters (RFC 8410 §3). */
    private static void checkAlgorithm(Reader algorithm, String structure)
            throws InvalidKeySpecException {
        byte[] oid = algorithm.child(TAG_OID, "algorithm OBJECT IDENTIFIER").remaining();
        if (Arrays.equals(oid, OID_X448)) {
            throw new InvalidKeySpecException(structure + " algorithm is id-X448 (1.3.101.111),"
                    + " expected id-X25519 (1.3.101.110)");
        }
        if (!Arrays.equals(oid, OID_X25519)) {
            throw new InvalidKeySpecException(structure + " algorithm is " + dotted(oid)
                    + ", expected id-X25519 (1.3.101.110)");
        }
        if (algorithm.length() != 0) {
            throw new InvalidKeySpecException(structure + " AlgorithmIdentifier parameters must be"
                    + " absent (RFC 8410 §3)");
        }
    }

    /**
     * Returns the dotted form of DER OBJECT IDENTIFIER contents (X.690 §8.19), for messages. The
     * first arc encodes 40 X + Y, and every arc is base-128 with the top bit marking continuation.
     */
    static String dotted(byte[] oid) {
        if (oid.length == 0) {
            return "an empty OBJECT IDENTIFIER";
        }
        StringBuilder text = new StringBuilder();
        long arc = 0;
        boolean first = true;
        for (byte b : oid) {
            arc = (arc << 7) | (b & 0x7f);
            if ((b & 0x80) != 0) {
                if (arc > (1L << 56)) {
                    return "an OBJECT IDENTIFIER with an arc too large to print";
                }
                continue;
            }
            if (first) {
                long top = Math.min(arc / 40, 2);
                text.append(top).append('.').append(arc - 40 * top);
                first = false;
            } else {
                text.append('.').append(arc);
            }
            arc = 0;
        }
        return text.toString();
    }

    /** Returns the 32 key bytes of BIT STRING contents: a zero unused-bits byte, then u. */
    private static byte[] bitStringKey(byte[] bits, String field) throws InvalidKeySpecException {
        if (bits.length != LENGTH + 1) {
            throw new InvalidKeySpecException(field + " must be 32 bytes, got "
                    + Math.max(0, bits.length - 1));
        }
        if (bits[0] != 0) {
            throw new InvalidKeySpecException(field + " BIT STRING must have 0 unused bits");
        }
        return Arrays.copyOfRange(bits, 1, bits.length);
    }

    /** Reads DER tag-length-value triples from {@code der[offset, end)}. */
    private static final class Reader {

        private final byte[] der;
        private final int end;
        private final String structure;
        private int position;

        Reader(byte[] der, int offset, int end, String structure) {
            this.der = der;
            this.position = offset;
            this.end = end;
            this.structure = structure;
        }

        int length() {
            return end - position;
        }

        int peekTag() {
            return position < end ? der[position] & 0xff : -1;
        }

        /** Returns a copy of the unread bytes. */
        byte[] remaining() {
            return Arrays.copyOfRange(der, position, end);
        }

        void requireEnd(String field) throws InvalidKeySpecException {
            if (position != end) {
                throw new InvalidKeySpecException(structure + " has " + (end - position)
                        + ((end - position) == 1 ? " unexpected byte" : " unexpected bytes")
                        + " after " + field);
            }
        }

        /**
         * Reads one element with tag {@code tag} and returns a reader over its contents.
         *
         * @throws InvalidKeySpecException if the element is missing, has another tag or has a
         *     length that is not minimal DER or runs past the enclosing element
         */
        Reader child(int tag, String field) throws InvalidKeySpecException {
            if (position >= end) {
                throw new InvalidKeySpecException(structure + " is truncated: " + field
                        + " is missing");
            }
            int actual = der[position] & 0xff;
            if (actual != tag) {
                throw new InvalidKeySpecException(structure + " " + field + " must have DER tag "
                        + String.format("0x%02x, got 0x%02x", tag, actual));
            }
            position++;
            int length = readLength(field);
            if (length > end - position) {
                throw new InvalidKeySpecException(structure + " is truncated: " + field + " is "
                        + length + " bytes, " + (end - position) + " remain");
            }
            Reader contents = new Reader(der, position, position + length, structure);
            position += length;
            return contents;
        }

        private int readLength(String field) throws InvalidKeySpecException {
            if (position >= end) {
                throw new InvalidKeySpecException(structure + " is truncated: " + field
                        + " has no length");
            }
            int first = der[position++] & 0xff;
            if (first < 0x80) {
                return first;
            }
            int count = first & 0x7f;
            if (count == 0 || count > 2 || count > end - position) {
                throw new InvalidKeySpecException(structure + " " + field + " has an unsupported"
                        + " or truncated DER length");
            }
            int length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | (der[position++] & 0xff);
            }
            // DER (X.690 §10.1) takes the shortest length form.
            if (length < 0x80 || (count == 2 && length < 0x100)) {
                throw new InvalidKeySpecException(structure + " " + field + " has a DER length that"
                        + " is not in its shortest form");
            }
            return length;
        }
    }
}
