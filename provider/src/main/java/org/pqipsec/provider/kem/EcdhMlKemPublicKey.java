package org.pqipsec.provider.kem;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
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

    /**
     * The SunEC public key of the ECDH point after the SEC 1 §3.2.3.1 check, supplied by key
     * generation or made on first use by {@link #ecdhPublicKey}. It is not serialized.
     */
    private transient volatile ECPublicKey ecdhKey;

    /**
     * ek after the FIPS 203 §7.2 check, parsed and with Â expanded, supplied by key generation or
     * made on first use by {@link #mlKemEncapsulationKey}. It is not serialized.
     */
    private transient volatile MlKemEngine.EncapsulationKey mlKem;

    /** Creates a key over a copy of a client share of the exact length. */
    EcdhMlKemPublicKey(EcdhMlKemParameters parameters, byte[] encoded) {
        this(parameters, encoded, null, null);
    }

    /**
     * Creates a key over a copy of a client share with its parts already checked and prepared
     * (either may be null). Key generation passes SunEC's generated point and the ML-KEM key it
     * made, which are valid by construction.
     */
    EcdhMlKemPublicKey(EcdhMlKemParameters parameters, byte[] encoded, ECPublicKey ecdhKey,
            MlKemEngine.EncapsulationKey mlKem) {
        if (encoded.length != parameters.publicKeyLength()) {
            throw new IllegalArgumentException(lengthMessage(parameters, encoded.length));
        }
        this.parameters = parameters;
        this.encoded = encoded.clone();
        this.ecdhKey = ecdhKey;
        this.mlKem = mlKem;
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

    /**
     * Returns the ECDH point as a SunEC public key. The first call checks the point (SEC 1
     * §3.2.3.1) and later calls return the kept result. Two threads that call this together may
     * both do the work and get equal results.
     *
     * @throws InvalidKeyException if the point is not an uncompressed point on the curve
     */
    ECPublicKey ecdhPublicKey(EcdhSunEc ecdh) throws InvalidKeyException {
        ECPublicKey result = ecdhKey;
        if (result == null) {
            String problem = ecdh.checkPoint(encoded, 0);
            if (problem != null) {
                throw new InvalidKeyException(parameters.algorithm() + " public key: the ECDH"
                        + " point " + problem);
            }
            result = ecdh.publicKey(encoded, 0);
            ecdhKey = result;
        }
        return result;
    }

    /**
     * Returns ek checked (FIPS 203 §7.2) and prepared for encapsulation. The first call does the
     * work and later calls return the kept result. Two threads that call this together may both
     * do the work and get equal results.
     *
     * @throws InvalidKeyException if ek fails the check, with a message that names the hybrid
     */
    MlKemEngine.EncapsulationKey mlKemEncapsulationKey() throws InvalidKeyException {
        MlKemEngine.EncapsulationKey result = mlKem;
        if (result == null) {
            try {
                result = Engines.mlKem(parameters.mlKem()).newEncapsulationKey(encapsulationKey());
            } catch (InvalidKeyException e) {
                throw new InvalidKeyException(parameters.algorithm() + " public key: "
                        + e.getMessage(), e);
            }
            mlKem = result;
        }
        return result;
    }

    /** Returns the checked ML-KEM encapsulation key this object keeps, or null, for tests. */
    MlKemEngine.EncapsulationKey cachedMlKemKey() {
        return mlKem;
    }

    /** Returns whether the checked ECDH point is cached, for tests. */
    boolean hasCachedEcdhKey() {
        return ecdhKey != null;
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
