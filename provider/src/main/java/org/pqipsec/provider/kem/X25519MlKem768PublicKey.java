package org.pqipsec.provider.kem;

import static org.pqipsec.provider.kem.X25519MlKem768Layout.ALGORITHM;
import static org.pqipsec.provider.kem.X25519MlKem768Layout.EK_LENGTH;
import static org.pqipsec.provider.kem.X25519MlKem768Layout.ML_KEM;
import static org.pqipsec.provider.kem.X25519MlKem768Layout.PUBLIC_KEY_LENGTH;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.PublicKey;
import java.util.Arrays;

import org.pqipsec.provider.spec.RawKeySpec;

/**
 * An X25519MLKEM768 public key, whose {@code "RAW"} encoding is the 1216-byte client share of
 * draft-ietf-tls-ecdhe-mlkem-00 §3.1.1: bytes [0, 1184) are the ML-KEM-768 encapsulation key ek
 * and bytes [1184, 1216) the X25519 public key.
 */
final class X25519MlKem768PublicKey implements PublicKey {

    @Serial
    private static final long serialVersionUID = 1L;

    private final byte[] encoded;

    /**
     * The ML-KEM-768 ek after the FIPS 203 §7.2 check, parsed and with Â expanded, made on first
     * use by {@link #mlKemEncapsulationKey}. It contains only public values, and it is not
     * serialized.
     */
    private transient volatile MlKemEngine.EncapsulationKey mlKem;

    /** Creates a key over a copy of a 1216-byte client share. */
    X25519MlKem768PublicKey(byte[] encoded) {
        this(encoded, null);
    }

    /**
     * Creates a key over a copy of a 1216-byte client share with {@code mlKem}, its ek already
     * checked and prepared (or null). Key generation passes the key it made, whose t̂ is below q
     * by construction.
     */
    X25519MlKem768PublicKey(byte[] encoded, MlKemEngine.EncapsulationKey mlKem) {
        if (encoded.length != PUBLIC_KEY_LENGTH) {
            throw new IllegalArgumentException(lengthMessage(encoded.length));
        }
        this.encoded = encoded.clone();
        this.mlKem = mlKem;
    }

    /**
     * Returns {@code key} as an X25519MLKEM768 public key. Besides instances of this class, any
     * public key with algorithm {@code "X25519MLKEM768"} and format {@code "RAW"} is accepted.
     *
     * @throws InvalidKeyException naming the expected key type and length
     */
    static X25519MlKem768PublicKey from(Key key, String usage) throws InvalidKeyException {
        if (key instanceof X25519MlKem768PublicKey own) {
            return own;
        }
        if (!(key instanceof PublicKey) || !ALGORITHM.equalsIgnoreCase(key.getAlgorithm())
                || !KemSupport.isRaw(key)) {
            throw new InvalidKeyException(usage + " requires an X25519MLKEM768 public key (RAW"
                    + " 1216-byte client share), got " + KemSupport.describe(key));
        }
        byte[] raw = key.getEncoded();
        if (raw == null || raw.length != PUBLIC_KEY_LENGTH) {
            throw new InvalidKeyException(lengthMessage(raw == null ? 0 : raw.length));
        }
        return new X25519MlKem768PublicKey(raw);
    }

    static String lengthMessage(int actual) {
        return "X25519MLKEM768 public key must be 1216 bytes (1184-byte ML-KEM-768"
                + " encapsulation key ‖ 32-byte X25519 public key), got " + actual;
    }

    /**
     * Returns the ML-KEM-768 ek checked (FIPS 203 §7.2) and prepared for encapsulation. The work
     * runs on the first call and its result is kept. Two threads that call this together may
     * both do the work and get equal results.
     *
     * @throws InvalidKeyException if ek fails the check, with a message that names the hybrid
     */
    MlKemEngine.EncapsulationKey mlKemEncapsulationKey() throws InvalidKeyException {
        MlKemEngine.EncapsulationKey result = mlKem;
        if (result == null) {
            try {
                result = Engines.mlKem(ML_KEM).newEncapsulationKey(encapsulationKey());
            } catch (InvalidKeyException e) {
                throw new InvalidKeyException(ALGORITHM + " public key: " + e.getMessage(), e);
            }
            mlKem = result;
        }
        return result;
    }

    /** Returns the checked ML-KEM encapsulation key this object keeps, or null, for tests. */
    MlKemEngine.EncapsulationKey cachedMlKemKey() {
        return mlKem;
    }

    /** Returns a copy of the ML-KEM-768 encapsulation key ek, bytes [0, 1184). */
    byte[] encapsulationKey() {
        return Arrays.copyOfRange(encoded, 0, EK_LENGTH);
    }

    /** Returns a copy of the X25519 public key, bytes [1184, 1216). */
    byte[] x25519PublicKey() {
        return Arrays.copyOfRange(encoded, EK_LENGTH, PUBLIC_KEY_LENGTH);
    }

    @Override
    public String getAlgorithm() {
        return ALGORITHM;
    }

    @Override
    public String getFormat() {
        return RawKeySpec.FORMAT;
    }

    /** Returns a copy of the client share ek ‖ X25519 public key. */
    @Override
    public byte[] getEncoded() {
        return encoded.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof X25519MlKem768PublicKey that
                && Arrays.equals(encoded, that.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return ALGORITHM + " public key";
    }

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        if (encoded == null || encoded.length != PUBLIC_KEY_LENGTH) {
            throw new InvalidObjectException("X25519MLKEM768 public key has a missing or"
                    + " wrong-length encoding");
        }
    }
}
