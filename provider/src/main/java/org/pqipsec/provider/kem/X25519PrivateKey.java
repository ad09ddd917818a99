package org.pqipsec.provider.kem;

import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.security.interfaces.XECPrivateKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Optional;

import javax.security.auth.Destroyable;

/**
 * An X25519 private key: the 32-byte scalar k of RFC 7748 §5, stored before clamping
 * (decodeScalar25519 runs inside every X25519 call).
 *
 * <p>Encoded form: PKCS#8 OneAsymmetricKey v1 (RFC 8410 §7), whose privateKey OCTET STRING
 * wraps the CurvePrivateKey OCTET STRING, the same bytes SunEC writes. A public key that a v2
 * encoding carried is checked on import and not kept.
 *
 * <p>{@link #destroy()} zeroes the scalar. After it, {@link #getScalar()} and
 * {@link #getEncoded()} throw {@link IllegalStateException}, and the key equals only itself.
 * The key cannot be serialized.
 */
final class X25519PrivateKey implements XECPrivateKey, Destroyable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final byte[] k;
    private boolean destroyed;

    /** Creates a key over a copy of a 32-byte scalar; the caller zeroes its own array. */
    X25519PrivateKey(byte[] k) {
        if (k.length != X25519Der.LENGTH) {
            throw new IllegalArgumentException("X25519 private key must be 32 bytes, got "
                    + k.length);
        }
        this.k = k.clone();
    }

    /**
     * Returns a copy of the scalar, which the caller zeroes.
     *
     * @throws IllegalStateException if the key is destroyed
     */
    synchronized byte[] scalar() {
        checkNotDestroyed();
        return k.clone();
    }

    /**
     * Returns a copy of the 32-byte scalar k.
     *
     * @throws IllegalStateException if the key is destroyed
     */
    @Override
    public Optional<byte[]> getScalar() {
        return Optional.of(scalar());
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
        return "PKCS#8";
    }

    /**
     * Returns the 48-byte PKCS#8 OneAsymmetricKey v1 (RFC 8410 §7).
     *
     * @throws IllegalStateException if the key is destroyed
     */
    @Override
    public synchronized byte[] getEncoded() {
        checkNotDestroyed();
        return X25519Der.encodePrivateKey(k);
    }

    /** Zeroes the scalar. Later calls to the methods that need it throw. */
    @Override
    public synchronized void destroy() {
        Arrays.fill(k, (byte) 0);
        destroyed = true;
    }

    @Override
    public synchronized boolean isDestroyed() {
        return destroyed;
    }

    /**
     * Compares the scalars in time that does not depend on their bytes. A destroyed key equals
     * only itself.
     */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof X25519PrivateKey that)) {
            return false;
        }
        byte[] mine = scalarOrNull();
        byte[] theirs = that.scalarOrNull();
        try {
            if (mine == null || theirs == null) {
                return false;
            }
            // OR-accumulate the XOR of every byte pair and branch only on the accumulated
            // result, so the time does not depend on where the scalars differ.
            int difference = 0;
            for (int i = 0; i < X25519Der.LENGTH; i++) {
                difference |= mine[i] ^ theirs[i];
            }
            return difference == 0;
        } finally {
            if (mine != null) {
                Arrays.fill(mine, (byte) 0);
            }
            if (theirs != null) {
                Arrays.fill(theirs, (byte) 0);
            }
        }
    }

    /** Returns a value that does not depend on the scalar, so the hash leaks nothing about it. */
    @Override
    public int hashCode() {
        return X25519Keys.ALGORITHM.hashCode();
    }

    @Override
    public String toString() {
        return "X25519 private key";
    }

    private synchronized byte[] scalarOrNull() {
        return destroyed ? null : k.clone();
    }

    private void checkNotDestroyed() {
        if (destroyed) {
            throw new IllegalStateException("X25519 private key is destroyed");
        }
    }

    @Serial
    private void writeObject(ObjectOutputStream out) throws NotSerializableException {
        throw new NotSerializableException("X25519 private keys are not serializable");
    }
}
