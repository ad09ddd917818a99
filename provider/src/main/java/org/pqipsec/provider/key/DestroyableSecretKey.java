package org.pqipsec.provider.key;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

import javax.crypto.SecretKey;

/**
 * A {@code "RAW"} secret key that the caller can wipe: the provider returns it for KEM shared
 * secrets, X25519 {@code generateSecret(String)} and IKEv2 {@code KDF.deriveKey}. Unlike
 * {@code SecretKeySpec}, {@link #destroy()} overwrites the key bytes with zeros, after which
 * {@link #getEncoded()} throws {@link IllegalStateException}.
 *
 * <p>Two keys are equal when both are instances of this class, neither is destroyed, their
 * algorithm names match in lower case, and their bytes match. The byte comparison takes the same
 * time wherever the bytes differ. The hash code depends on the algorithm name and the length,
 * never on the key bytes, and {@link #toString()} prints the same two facts.
 *
 * <p>NOTE: {@code SecretKeySpec.equals} accepts any {@link SecretKey} with the same algorithm and
 * bytes, but this class is never equal to a {@code SecretKeySpec}, so equality between the two
 * is not symmetric. Equality with {@code SecretKeySpec} would require its hash code, which is
 * computed from the key bytes.
 *
 * <p>The class is public so that other packages of the provider can return it. Its package is not
 * exported, so it is not part of the provider's API.
 */
public final class DestroyableSecretKey implements SecretKey {

    @Serial
    private static final long serialVersionUID = 1L;

    private final byte[] key;
    private final String algorithm;
    private volatile boolean destroyed;

    /**
     * Creates a key from a copy of {@code source[offset, offset + length)}.
     *
     * @throws IllegalArgumentException if {@code length} is 0, because a secret key cannot be
     *     empty
     * @throws IndexOutOfBoundsException if the range does not fit in {@code source}
     * @throws NullPointerException if {@code source} or {@code algorithm} is null
     */
    public DestroyableSecretKey(byte[] source, int offset, int length, String algorithm) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.checkFromIndexSize(offset, length, source.length);
        if (length == 0) {
            throw new IllegalArgumentException(algorithm + " key must not be empty");
        }
        this.key = Arrays.copyOfRange(source, offset, offset + length);
        this.algorithm = algorithm;
    }

    /** Creates a key from a copy of all of {@code source}. */
    public DestroyableSecretKey(byte[] source, String algorithm) {
        this(Objects.requireNonNull(source, "source"), 0, source.length, algorithm);
    }

    @Override
    public String getAlgorithm() {
        return algorithm;
    }

    @Override
    public String getFormat() {
        return "RAW";
    }

    /**
     * Returns a copy of the key bytes.
     *
     * @throws IllegalStateException if the key has been destroyed
     */
    @Override
    public byte[] getEncoded() {
        if (destroyed) {
            throw new IllegalStateException(algorithm + " key has been destroyed");
        }
        return key.clone();
    }

    /** Overwrites the key bytes with zeros. Later calls to {@link #getEncoded()} fail. */
    @Override
    public void destroy() {
        destroyed = true;
        Arrays.fill(key, (byte) 0);
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    /**
     * Compares with another key of this class. The byte comparison takes time that depends only
     * on the two lengths. A destroyed key equals only itself.
     */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof DestroyableSecretKey that) || destroyed || that.destroyed) {
            return false;
        }
        return foldedAlgorithm().equals(that.foldedAlgorithm()) && sameBytes(key, that.key);
    }

    /**
     * Returns whether {@code a} and {@code b} contain the same bytes. The lengths are public and
     * may end the comparison early. The bytes are XOR-accumulated over the whole length and only
     * the accumulated result is branched on, so the running time does not depend on them.
     */
    private static boolean sameBytes(byte[] a, byte[] b) {
        if (a.length != b.length) {
            return false;
        }
        int difference = 0;
        for (int i = 0; i < a.length; i++) {
            difference |= a[i] ^ b[i];
        }
        return difference == 0;
    }

    /** Returns a hash of the algorithm name and the length, never of the key bytes. */
    @Override
    public int hashCode() {
        return 31 * foldedAlgorithm().hashCode() + key.length;
    }

    /** Returns the algorithm name in lower case, the form that equals and hashCode compare. */
    private String foldedAlgorithm() {
        return algorithm.toLowerCase(Locale.ROOT);
    }

    /** Returns the algorithm name, the length and whether the key is destroyed. */
    @Override
    public String toString() {
        return algorithm + " secret key (" + key.length + " bytes" + (destroyed ? ", destroyed)"
                : ")");
    }

    @Serial
    private void writeObject(ObjectOutputStream out) throws IOException {
        if (destroyed) {
            throw new NotSerializableException(algorithm + " key has been destroyed");
        }
        out.defaultWriteObject();
    }

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        if (key == null || key.length == 0 || algorithm == null) {
            throw new InvalidObjectException("secret key has a missing or empty key or algorithm");
        }
    }
}
