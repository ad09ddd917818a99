package org.pqipsec.esp;

import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.util.Arrays;
import javax.crypto.SecretKey;

/**
 * Secret key in RAW format that, unlike {@code SecretKeySpec}, supports {@link #destroy()} and
 * rejects serialization.
 */
final class RawSecretKey implements SecretKey {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String algorithm;
    private final byte[] encoded;
    private volatile boolean destroyed;

    RawSecretKey(String algorithm, byte[] key) {
        this.algorithm = algorithm;
        this.encoded = key.clone();
    }

    int length() {
        return encoded.length;
    }

    @Override
    public String getAlgorithm() {
        return algorithm;
    }

    @Override
    public String getFormat() {
        return "RAW";
    }

    /** Returns a fresh copy of the key, so the cipher can wipe its copy independently. */
    @Override
    public byte[] getEncoded() {
        if (destroyed) {
            throw new IllegalStateException(algorithm + " key is destroyed");
        }
        return encoded.clone();
    }

    @Override
    public void destroy() {
        destroyed = true;
        Arrays.fill(encoded, (byte) 0);
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Serial
    private void writeObject(ObjectOutputStream out) throws NotSerializableException {
        throw new NotSerializableException("key material is not serializable");
    }
}
