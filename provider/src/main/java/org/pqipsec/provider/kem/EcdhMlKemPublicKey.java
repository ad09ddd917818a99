package org.pqipsec.provider.kem;

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
 * A SecP256r1MLKEM768 or SecP384r1MLKEM1024 public key, whose {@code "RAW"} encoding is the
 * client share of draft-ietf-tls-ecdhe-mlkem-01 §3.1.1: bytes [0, P) are the uncompressed ECDH
 * point (65 or 97 bytes) and bytes [P, P + E) the ML-KEM encapsulation key ek, as
 * {@link EcdhMlKemParameters} lays out.
 */
final class EcdhMlKemPublicKey implements PublicKey {

    @Serial
    private static final long serialVersionUID = 1L;

    private final EcdhMlKemParameters parameters;
    private final byte[] encoded;

    /** Creates a key over a copy of a client share of the exact length. */
    EcdhMlKemPublicKey(EcdhMlKemParameters parameters, byte[] encoded) {
        if (encoded.length != parameters.publicKeyLength()) {
            throw new IllegalArgumentException(lengthMessage(parameters, encoded.length));
        }
        this.parameters = parameters;
        this.encoded = encoded.clone();
    }

    /**
     * Returns {@code key} as a public key of {@code parameters}. Besides instances of this class,
     * any public key with the algorithm name and format {@code "RAW"} is accepted. Only the length
     * is checked here, because the KeyFactory and the KEM check the point and ek.
     *
     * @throws InvalidKeyException naming the expected key type and length
     */
    static EcdhMlKemPublicKey from(EcdhMlKemParameters parameters, Key key, String usage)
            throws InvalidKeyException {
        if (key instanceof EcdhMlKemPublicKey own && own.parameters == parameters) {
            return own;
        }
        if (!(key instanceof PublicKey)
                || !parameters.algorithm().equalsIgnoreCase(key.getAlgorithm())
                || !KemSupport.isRaw(key)) {
            throw new InvalidKeyException(usage + " requires a " + parameters.algorithm()
                    + " public key (RAW " + parameters.publicKeyLength() + "-byte client share),"
                    + " got " + KemSupport.describe(key));
        }
        byte[] raw = key.getEncoded();
        if (raw == null || raw.length != parameters.publicKeyLength()) {
            throw new InvalidKeyException(lengthMessage(parameters, raw == null ? 0 : raw.length));
        }
        return new EcdhMlKemPublicKey(parameters, raw);
    }

    static String lengthMessage(EcdhMlKemParameters parameters, int actual) {
        return parameters.algorithm() + " public key must be " + parameters.publicKeyLength()
                + " bytes (" + parameters.pointLength() + "-byte uncompressed ECDH point ‖ "
                + parameters.mlKem().encapsulationKeyLength() + "-byte "
                + parameters.mlKem().algorithm() + " encapsulation key), got " + actual;
    }

    EcdhMlKemParameters parameters() {
        return parameters;
    }

    /** Returns the encoding itself, which callers must not modify. */
    byte[] encodedView() {
        return encoded;
    }

    /** Returns a copy of the ML-KEM encapsulation key ek, bytes [P, P + E). */
    byte[] encapsulationKey() {
        return Arrays.copyOfRange(encoded, parameters.pointLength(), encoded.length);
    }

    @Override
    public String getAlgorithm() {
        return parameters.algorithm();
    }

    @Override
    public String getFormat() {
        return RawKeySpec.FORMAT;
    }

    /** Returns a copy of the client share: ECDH point ‖ ek. */
    @Override
    public byte[] getEncoded() {
        return encoded.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EcdhMlKemPublicKey that && parameters == that.parameters
                && Arrays.equals(encoded, that.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return parameters.algorithm() + " public key";
    }

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        if (parameters == null || encoded == null
                || encoded.length != parameters.publicKeyLength()) {
            throw new InvalidObjectException("ECDHE-MLKEM public key has a missing or"
                    + " wrong-length encoding");
        }
    }
}
