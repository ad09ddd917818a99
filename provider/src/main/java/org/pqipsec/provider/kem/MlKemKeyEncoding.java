package org.pqipsec.provider.kem;

import java.io.ByteArrayOutputStream;
import java.security.InvalidKeyException;
import java.util.Arrays;

/**
 * DER encodings of ML-KEM keys from the IETF LAMPS draft "Algorithm Identifiers for the
 * Module-Lattice-Based Key-Encapsulation Mechanism (ML-KEM)" (draft-ietf-lamps-kyber-certificates):
 *
 * <pre>
 * SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING }
 * OneAsymmetricKey     ::= SEQUENCE { version INTEGER, privateKeyAlgorithm AlgorithmIdentifier,
 *                          privateKey OCTET STRING, [0] attributes OPTIONAL,
 *                          [1] publicKey OPTIONAL }
 * ML-KEM-PrivateKey    ::= CHOICE { seed [0] OCTET STRING (SIZE (64)),
 *                          expandedKey OCTET STRING,
 *                          both SEQUENCE { seed OCTET STRING (SIZE (64)), expandedKey OCTET STRING } }
 * </pre>
 *
 * The AlgorithmIdentifier is id-alg-ml-kem-512, -768 or -1024 (2.16.840.1.101.3.4.4.1, .2, .3)
 * with absent parameters. The subjectPublicKey contains ek, and the privateKey OCTET STRING contains the
 * DER of ML-KEM-PrivateKey. Parsing is strict DER: definite, minimal lengths and no trailing
 * bytes.
 */
final class MlKemKeyEncoding {

    /** DER of the object identifier 2.16.840.1.101.3.4.4 without its last arc. */
    private static final byte[] OID_PREFIX = {
        0x06, 0x09, 0x60, (byte) 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x04,
    };

    private static final int SEQUENCE = 0x30;
    private static final int INTEGER = 0x02;
    private static final int BIT_STRING = 0x03;
    private static final int OCTET_STRING = 0x04;
    private static final int SEED_TAG = 0x80;
    private static final int ATTRIBUTES_TAG = 0xa0;
    private static final int PUBLIC_KEY_TAG = 0x81;

    private MlKemKeyEncoding() {}

    /** A decoded private key: either part may be null, not both. */
    record PrivateKeyParts(MlKemParameterSet set, byte[] seed, byte[] expandedKey,
            byte[] publicKey) {}

    /** A decoded SubjectPublicKeyInfo. */
    record PublicKeyParts(MlKemParameterSet set, byte[] ek) {}

    /** Returns the SubjectPublicKeyInfo DER of {@code ek}. */
    static byte[] encodePublicKey(MlKemParameterSet set, byte[] ek) {
        byte[] bits = new byte[ek.length + 1];
        System.arraycopy(ek, 0, bits, 1, ek.length);
        return tlv(SEQUENCE, concat(algorithmIdentifier(set), tlv(BIT_STRING, bits)));
    }

    /** Returns the OneAsymmetricKey DER (version 0) with the seed form of ML-KEM-PrivateKey. */
    static byte[] encodeSeedPrivateKey(MlKemParameterSet set, byte[] seed) {
        return privateKeyInfo(set, tlv(SEED_TAG, seed));
    }

    /** Returns the OneAsymmetricKey DER (version 0) with the expandedKey form. */
    static byte[] encodeExpandedPrivateKey(MlKemParameterSet set, byte[] dk) {
        return privateKeyInfo(set, tlv(OCTET_STRING, dk));
    }

    private static byte[] privateKeyInfo(MlKemParameterSet set, byte[] choice) {
        byte[] inner = tlv(OCTET_STRING, choice);
        Arrays.fill(choice, (byte) 0);
        byte[] body = concat(new byte[] {INTEGER, 1, 0}, algorithmIdentifier(set), inner);
        Arrays.fill(inner, (byte) 0);
        byte[] der = tlv(SEQUENCE, body);
        Arrays.fill(body, (byte) 0);
        return der;
    }

    /**
     * Decodes a SubjectPublicKeyInfo.
     *
     * @throws InvalidKeyException if the DER is malformed or names no ML-KEM parameter set
     */
    static PublicKeyParts decodePublicKey(byte[] der) throws InvalidKeyException {
        DerReader outer = new DerReader(der, 0, der.length, "X.509 SubjectPublicKeyInfo");
        DerReader info = outer.readConstructed(SEQUENCE);
        outer.requireEnd();
        MlKemParameterSet set = readAlgorithmIdentifier(info);
        byte[] bits = info.readPrimitive(BIT_STRING);
        info.requireEnd();
        if (bits.length == 0 || bits[0] != 0) {
            throw new InvalidKeyException("ML-KEM X.509 subjectPublicKey must be a BIT STRING"
                    + " with 0 unused bits");
        }
        return new PublicKeyParts(set, Arrays.copyOfRange(bits, 1, bits.length));
    }

    /**
     * Decodes a PKCS#8 OneAsymmetricKey in any of the three ML-KEM-PrivateKey forms. Lengths of
     * the seed and expandedKey are not checked here.
     *
     * @throws InvalidKeyException if the DER is malformed or names no ML-KEM parameter set
     */
    static PrivateKeyParts decodePrivateKey(byte[] der) throws InvalidKeyException {
        DerReader outer = new DerReader(der, 0, der.length, "PKCS#8 OneAsymmetricKey");
        DerReader info = outer.readConstructed(SEQUENCE);
        outer.requireEnd();
        byte[] version = info.readPrimitive(INTEGER);
        if (version.length != 1 || (version[0] != 0 && version[0] != 1)) {
            throw new InvalidKeyException("ML-KEM PKCS#8 version must be 0 or 1");
        }
        MlKemParameterSet set = readAlgorithmIdentifier(info);
        byte[] privateKey = info.readPrimitive(OCTET_STRING);
        byte[] publicKey = null;
        if (info.peekTag() == ATTRIBUTES_TAG) {
            info.readConstructed(ATTRIBUTES_TAG);
        }
        if (info.peekTag() == PUBLIC_KEY_TAG) {
            if (version[0] != 1) {
                throw new InvalidKeyException("ML-KEM PKCS#8 publicKey requires version 1");
            }
            byte[] bits = info.readPrimitive(PUBLIC_KEY_TAG);
            if (bits.length == 0 || bits[0] != 0) {
                throw new InvalidKeyException("ML-KEM PKCS#8 publicKey must have 0 unused bits");
            }
            publicKey = Arrays.copyOfRange(bits, 1, bits.length);
        }
        info.requireEnd();

        try {
            DerReader choice = new DerReader(privateKey, 0, privateKey.length,
                    "ML-KEM-PrivateKey");
            int tag = choice.peekTag();
            byte[] seed = null;
            byte[] expanded = null;
            if (tag == SEED_TAG) {
                seed = choice.readPrimitive(SEED_TAG);
            } else if (tag == OCTET_STRING) {
                expanded = choice.readPrimitive(OCTET_STRING);
            } else if (tag == SEQUENCE) {
                DerReader both = choice.readConstructed(SEQUENCE);
                seed = both.readPrimitive(OCTET_STRING);
                expanded = both.readPrimitive(OCTET_STRING);
                both.requireEnd();
            } else {
                throw new InvalidKeyException("ML-KEM-PrivateKey must be seed [0], expandedKey"
                        + " OCTET STRING or both SEQUENCE, got tag " + tag);
            }
            choice.requireEnd();
            return new PrivateKeyParts(set, seed, expanded, publicKey);
        } finally {
            Arrays.fill(privateKey, (byte) 0);
        }
    }

    private static byte[] algorithmIdentifier(MlKemParameterSet set) {
        byte[] oid = Arrays.copyOf(OID_PREFIX, OID_PREFIX.length + 1);
        oid[OID_PREFIX.length] = (byte) set.oidArc();
        return tlv(SEQUENCE, oid);
    }

    private static MlKemParameterSet readAlgorithmIdentifier(DerReader reader)
            throws InvalidKeyException {
        DerReader identifier = reader.readConstructed(SEQUENCE);
        byte[] oid = identifier.readPrimitive(0x06);
        identifier.requireEnd();
        MlKemParameterSet set = null;
        if (oid.length == OID_PREFIX.length - 1
                && Arrays.equals(oid, 0, oid.length - 1, OID_PREFIX, 2, OID_PREFIX.length)) {
            set = MlKemParameterSet.forOidArc(oid[oid.length - 1]);
        }
        if (set == null) {
            throw new InvalidKeyException("algorithm identifier is not id-alg-ml-kem-512, -768"
                    + " or -1024 (2.16.840.1.101.3.4.4.1 to .3) with absent parameters");
        }
        return set;
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 4);
        out.write(tag);
        int length = value.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else {
            out.write(0x82);
            out.write(length >>> 8);
            out.write(length);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] joined = new byte[length];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, joined, offset, part.length);
            offset += part.length;
        }
        return joined;
    }

    /** Reads DER elements from {@code data[position, end)}. */
    private static final class DerReader {

        private final byte[] data;
        private final int end;
        private final String what;
        private int position;

        DerReader(byte[] data, int position, int end, String what) {
            this.data = data;
            this.position = position;
            this.end = end;
            this.what = what;
        }

        int peekTag() {
            return position < end ? data[position] & 0xff : -1;
        }

        DerReader readConstructed(int tag) throws InvalidKeyException {
            int length = readHeader(tag);
            DerReader inner = new DerReader(data, position, position + length, what);
            position += length;
            return inner;
        }

        byte[] readPrimitive(int tag) throws InvalidKeyException {
            int length = readHeader(tag);
            byte[] value = Arrays.copyOfRange(data, position, position + length);
            position += length;
            return value;
        }

        void requireEnd() throws InvalidKeyException {
            if (position != end) {
                throw malformed("unexpected trailing bytes");
            }
        }

        private int readHeader(int tag) throws InvalidKeyException {
            if (end - position < 2) {
                throw malformed("truncated element");
            }
            if ((data[position] & 0xff) != tag) {
                throw malformed("expected tag 0x" + Integer.toHexString(tag) + ", got 0x"
                        + Integer.toHexString(data[position] & 0xff));
            }
            int first = data[position + 1] & 0xff;
            position += 2;
            int length;
            if (first < 0x80) {
                length = first;
            } else if (first == 0x81 || first == 0x82) {
                int count = first - 0x80;
                if (end - position < count) {
                    throw malformed("truncated length");
                }
                length = 0;
                for (int i = 0; i < count; i++) {
                    length = length << 8 | (data[position++] & 0xff);
                }
                if (length < 0x80 || (count == 2 && length < 0x100)) {
                    throw malformed("length not in minimal DER form");
                }
            } else {
                throw malformed("unsupported length form 0x" + Integer.toHexString(first));
            }
            if (length > end - position) {
                throw malformed("length " + length + " runs past the end");
            }
            return length;
        }

        private InvalidKeyException malformed(String detail) {
            return new InvalidKeyException("malformed ML-KEM " + what + ": " + detail);
        }
    }
}
