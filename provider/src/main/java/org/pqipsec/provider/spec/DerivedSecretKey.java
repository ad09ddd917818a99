package org.pqipsec.provider.spec;

import java.io.Serial;
import java.util.Arrays;

import javax.crypto.SecretKey;

/**
 * A raw secret key cut from derived key material, which {@link #destroy()} overwrites with zeros.
 * Unlike {@code SecretKeySpec}, it can be wiped by the caller.
 */
final class DerivedSecretKey implements SecretKey {

    @Serial
    private static final long serialVersionUID = 1L;

    private final byte[] key;
    private final String algorithm;
    private volatile boolean destroyed;

    /** Creates a key from a copy of {@code length} bytes of {@code source} at {@code offset}. */
    DerivedSecretKey(byte[] source, int offset, int length, String algorithm) {
        this.key = Arrays.copyOfRange(source, offset, offset + length);
        this.algorithm = algorithm;
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
}
