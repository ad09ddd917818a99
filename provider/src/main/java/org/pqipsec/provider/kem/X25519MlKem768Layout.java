package org.pqipsec.provider.kem;

/**
 * Byte layout of X25519MLKEM768 (draft-ietf-tls-ecdhe-mlkem-00 §3.1), where the ML-KEM part
 * comes first in every encoding.
 *
 * <pre>
 * public key = client share (§3.1.1), 1216 bytes:
 *   [0, 1184)     ek, the ML-KEM-768 encapsulation key
 *   [1184, 1216)  X25519 public key X25519(k, 9)
 *
 * encapsulation = server share (§3.1.2), 1120 bytes:
 *   [0, 1088)     c, the ML-KEM-768 ciphertext
 *   [1088, 1120)  ephemeral X25519 public key X25519(r, 9)
 *
 * shared secret (§3.1.3), 64 bytes:
 *   [0, 32)       K, the ML-KEM-768 shared secret
 *   [32, 64)      X25519 shared secret
 *
 * private key (this provider's RAW encoding), 96 bytes:
 *   [0, 32)       d, the first half of the ML-KEM-768 seed (FIPS 203 Algorithm 16)
 *   [32, 64)      z, the second half of the ML-KEM-768 seed
 *   [64, 96)      k, the X25519 private key
 * </pre>
 */
final class X25519MlKem768Layout {

    static final String ALGORITHM = "X25519MLKEM768";

    static final MlKemParameterSet ML_KEM = MlKemParameterSet.ML_KEM_768;

    static final int EK_LENGTH = ML_KEM.encapsulationKeyLength();
    static final int PUBLIC_KEY_LENGTH = EK_LENGTH + X25519Dh.LENGTH;

    static final int CIPHERTEXT_LENGTH = ML_KEM.ciphertextLength();
    static final int ENCAPSULATION_LENGTH = CIPHERTEXT_LENGTH + X25519Dh.LENGTH;

    static final int SECRET_LENGTH = MlKemParameterSet.SHARED_SECRET_LENGTH + X25519Dh.LENGTH;

    static final int SEED_LENGTH = MlKemParameterSet.SEED_LENGTH;
    static final int PRIVATE_KEY_LENGTH = SEED_LENGTH + X25519Dh.LENGTH;

    private X25519MlKem768Layout() {}
}
