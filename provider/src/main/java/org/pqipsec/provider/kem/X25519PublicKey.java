package org.pqipsec.provider.kem;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.math.BigInteger;
import java.security.interfaces.XECPublicKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;

/**
 * An X25519 public key: a u-coordinate as the 32-byte little-endian string of RFC 7748 §5.
 *
 * <p>u-coordinate policy: the 32 bytes are kept exactly as they were imported. RFC 7748 §5
 * decodeUCoordinate masks the top bit and accepts non-canonical values (u in [p, 2^255)), and
 * X25519 reduces u modulo p itself, so such keys are accepted and agree with the canonical key.
 * {@link #getU()} returns the decoded integer: the top bit masked, not reduced modulo p (as
 * SunEC's keys do). {@link #getEncoded()} and the RAW encoding return the bytes as given, a set
 * top bit included, and {@link #equals} compares those bytes. Points of small order are
 * accepted here, and the KEM and KeyAgreement services reject them where they would give an
 * all-zero shared secret.
 *
 * <p>Encoded form: the X.509 SubjectPublicKeyInfo of RFC 8410 §4.
 */
final class X25519PublicKey implements XECPublicKey {

    @Serial
    private static final long serialVersionUID = 1L;

    private final byte[] u;

    /** Creates a key over a copy of a 32-byte u-coordinate. */
    X25519PublicKey(byte[] u) {
        if (u.length != X25519Der.LENGTH) {
            throw new IllegalArgumentException("X25519 public key must be 32 bytes, got "
                    + u.length);
        }
        this.u = u.clone();
    }

    /** Returns a copy of the 32-byte u-coordinate as imported. */
    byte[] rawU() {
        return u.clone();
    }

    /** Returns u as decodeUCoordinate of RFC 7748 §5 reads it: top bit masked, not reduced. */
    @Override
    public BigInteger getU() {
        byte[] bigEndian = new byte[X25519Der.LENGTH];
        for (int i = 0; i < X25519Der.LENGTH; i++) {
            bigEndian[i] = u[X25519Der.LENGTH - 1 - i];
        }
        bigEndian[0] &= 0x7f;
        return new BigInteger(1, bigEndian);
    }

    @Override
    public AlgorithmParameterSpec getParams() {
        return NamedParameterSpec.X25519;
    }

    @Override
    public String getAlgorithm() {
        return X25519Keys.ALGORITHM;
    }

    @Override
    public String getFormat() {
        return "X.509";
    }

    /** Returns the 44-byte SubjectPublicKeyInfo (RFC 8410 §4). */
    @Override
    public byte[] getEncoded() {
        return X25519Der.encodePublicKey(u);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof X25519PublicKey that && Arrays.equals(u, that.u);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(u);
    }

    @Override
    public String toString() {
        return "X25519 public key";
    }

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        if (u == null || u.length != X25519Der.LENGTH) {
            throw new InvalidObjectException("X25519 public key has a missing or wrong-length"
                    + " u-coordinate");
        }
    }
}
