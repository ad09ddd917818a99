package org.pqipsec.provider.ike;

import java.io.Serial;
import java.util.Arrays;

import javax.crypto.SecretKey;
import javax.security.auth.Destroyable;

/**
 * The shared secret of a key exchange, in the encoding that SKEYSEED and KEYMAT take. Its
 * algorithm name is {@code IKEv2-KE-}<i>id</i>; {@link #destroy()} overwrites it with zeros.
 */
final class SharedSecretKey implements SecretKey, Destroyable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final byte[] secret;
    private final String algorithm;
    private volatile boolean destroyed;

    /** Takes ownership of {@code secret}. */
    SharedSecretKey(byte[] secret, int transformId) {
        this.secret = secret;
        this.algorithm = "IKEv2-KE-" + transformId;
    }

    @Override
    public String getAlgorithm() {
        return algorithm;
    }

    @Override
    public String getFormat() {
        return "RAW";
    }

    @Override
    public byte[] getEncoded() {
        if (destroyed) {
            throw new IllegalStateException(algorithm + " shared secret has been destroyed");
        }
        return secret.clone();
    }

    @Override
    public void destroy() {
        destroyed = true;
        Arrays.fill(secret, (byte) 0);
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }
}
