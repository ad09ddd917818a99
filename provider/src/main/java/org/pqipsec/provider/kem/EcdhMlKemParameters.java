package org.pqipsec.provider.kem;

/**
 * The ECDHE-MLKEM hybrids of draft-ietf-tls-ecdhe-mlkem-01 §3.1 with a NIST curve, where the
 * ECDH part comes first in every encoding (the reverse of X25519MLKEM768, as §3 explains). Each
 * constant fixes the curve, the ML-KEM parameter set and the lengths below.
 *
 * <pre>
 * public key = client share (§3.1.1), P + E bytes:
 *   [0, P)         uncompressed ECDH public point 04 ‖ x ‖ y (RFC 8446 §4.2.8.2)
 *   [P, P + E)     ek, the ML-KEM encapsulation key
 *
 * encapsulation = server share (§3.1.2), P + C bytes:
 *   [0, P)         uncompressed ephemeral ECDH public point
 *   [P, P + C)     c, the ML-KEM ciphertext
 *
 * shared secret (§3.1.3), F + 32 bytes:
 *   [0, F)         ECDH shared secret, the x-coordinate of the shared point (RFC 8446 §7.4.2)
 *   [F, F + 32)    K, the ML-KEM shared secret
 *
 * private key (this provider's RAW encoding), 64 + F bytes:
 *   [0, 32)        d, the first half of the ML-KEM seed (FIPS 203 Algorithm 16)
 *   [32, 64)       z, the second half of the ML-KEM seed
 *   [64, 64 + F)   the ECDH private scalar, big-endian, in [1, n - 1]
 *
 *                      F    P    E     C     public  encapsulation  secret  private
 * SecP256r1MLKEM768    32   65   1184  1088  1249    1153           64      96
 * SecP384r1MLKEM1024   48   97   1568  1568  1665    1665           80      112
 * </pre>
 */
enum EcdhMlKemParameters {

    SECP256R1_MLKEM768("SecP256r1MLKEM768", "secp256r1", 32, MlKemParameterSet.ML_KEM_768),
    SECP384R1_MLKEM1024("SecP384r1MLKEM1024", "secp384r1", 48, MlKemParameterSet.ML_KEM_1024);

    private final String algorithm;
    private final String curve;
    private final int fieldLength;
    private final MlKemParameterSet mlKem;

    EcdhMlKemParameters(String algorithm, String curve, int fieldLength,
            MlKemParameterSet mlKem) {
        this.algorithm = algorithm;
        this.curve = curve;
        this.fieldLength = fieldLength;
        this.mlKem = mlKem;
    }

    /** Returns the JCA algorithm name, such as {@code "SecP256r1MLKEM768"}. */
    String algorithm() {
        return algorithm;
    }

    /** Returns the SunEC curve name, such as {@code "secp256r1"}. */
    String curve() {
        return curve;
    }

    MlKemParameterSet mlKem() {
        return mlKem;
    }

    /** Returns F, the length of a field element, a scalar and the ECDH shared secret. */
    int fieldLength() {
        return fieldLength;
    }

    /** Returns P, the length of an uncompressed point 04 ‖ x ‖ y. */
    int pointLength() {
        return 1 + 2 * fieldLength;
    }

    int publicKeyLength() {
        return pointLength() + mlKem.encapsulationKeyLength();
    }

    int encapsulationLength() {
        return pointLength() + mlKem.ciphertextLength();
    }

    int secretLength() {
        return fieldLength + MlKemParameterSet.SHARED_SECRET_LENGTH;
    }

    int privateKeyLength() {
        return MlKemParameterSet.SEED_LENGTH + fieldLength;
    }

    /** Returns the parameters named {@code algorithm}, ignoring case, or null. */
    static EcdhMlKemParameters forAlgorithm(String algorithm) {
        for (EcdhMlKemParameters parameters : values()) {
            if (parameters.algorithm.equalsIgnoreCase(algorithm)) {
                return parameters;
            }
        }
        return null;
    }
}
