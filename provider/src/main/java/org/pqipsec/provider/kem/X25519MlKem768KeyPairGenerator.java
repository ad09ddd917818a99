package org.pqipsec.provider.kem;

import static org.pqipsec.provider.kem.X25519MlKem768Layout.ALGORITHM;
import static org.pqipsec.provider.kem.X25519MlKem768Layout.EK_LENGTH;
import static org.pqipsec.provider.kem.X25519MlKem768Layout.ML_KEM;
import static org.pqipsec.provider.kem.X25519MlKem768Layout.PRIVATE_KEY_LENGTH;
import static org.pqipsec.provider.kem.X25519MlKem768Layout.PUBLIC_KEY_LENGTH;
import static org.pqipsec.provider.kem.X25519MlKem768Layout.SEED_LENGTH;

import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidParameterException;
import java.security.KeyPair;
import java.security.KeyPairGeneratorSpi;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;

/**
 * KeyPairGenerator {@code X25519MLKEM768}.
 *
 * <p>Draws three 32-byte values from the caller's {@link SecureRandom}, in this order and one
 * call each: d and z, the ML-KEM-768 seed (FIPS 203 Algorithm 19), then the X25519 private key k
 * (RFC 7748 §6.1). The public key is ek ‖ X25519(k, 9) and the private key d ‖ z ‖ k, as
 * {@link X25519MlKem768Layout} lays out.
 *
 * <p>{@code initialize} takes only {@code new NamedParameterSpec("X25519MLKEM768")}. Without a
 * call to it the generator uses a default {@link SecureRandom}.
 */
final class X25519MlKem768KeyPairGenerator extends KeyPairGeneratorSpi {

    private SecureRandom random;

    X25519MlKem768KeyPairGenerator() {}

    /** Rejects every key size: the hybrid has one fixed parameter set. */
    @Override
    public void initialize(int keysize, SecureRandom random) {
        throw new InvalidParameterException("X25519MLKEM768 key pair generator takes no key size."
                + " Call initialize(SecureRandom) or use NamedParameterSpec X25519MLKEM768");
    }

    @Override
    public void initialize(AlgorithmParameterSpec params, SecureRandom random)
            throws InvalidAlgorithmParameterException {
        if (!(params instanceof NamedParameterSpec named)
                || !ALGORITHM.equalsIgnoreCase(named.getName())) {
            throw new InvalidAlgorithmParameterException("X25519MLKEM768 key pair generator"
                    + " requires NamedParameterSpec X25519MLKEM768, got " + params);
        }
        this.random = random;
    }

    @Override
    public KeyPair generateKeyPair() {
        SecureRandom source = KemSupport.orDefault(random);
        byte[] privateKey = new byte[PRIVATE_KEY_LENGTH];
        byte[] part = new byte[32];
        byte[] seed = null;
        byte[] k = null;
        byte[] dk = null;
        try {
            // d, z and k are drawn one call each, into bytes [0, 32), [32, 64) and [64, 96).
            for (int offset = 0; offset < PRIVATE_KEY_LENGTH; offset += part.length) {
                source.nextBytes(part);
                System.arraycopy(part, 0, privateKey, offset, part.length);
            }
            seed = Arrays.copyOfRange(privateKey, 0, SEED_LENGTH);
            k = Arrays.copyOfRange(privateKey, SEED_LENGTH, PRIVATE_KEY_LENGTH);

            // Public key: ek to bytes [0, 1184), X25519(k, 9) to [1184, 1216).
            MlKemEngine.GeneratedKeyPair expanded =
                    Engines.mlKem(ML_KEM).generatePreparedKeyPair(seed);
            dk = expanded.decapsulationKey();
            byte[] publicKey = new byte[PUBLIC_KEY_LENGTH];
            System.arraycopy(expanded.encapsulationKey(), 0, publicKey, 0, EK_LENGTH);
            System.arraycopy(X25519Dh.publicKey(k), 0, publicKey, EK_LENGTH, X25519Dh.LENGTH);

            // The keys take the prepared ML-KEM-768 keys, so neither runs key generation again.
            return new KeyPair(
                    new X25519MlKem768PublicKey(publicKey, expanded.preparedEncapsulationKey()),
                    X25519MlKem768PrivateKey.fromGenerated(privateKey,
                            expanded.preparedDecapsulationKey()));
        } finally {
            Arrays.fill(privateKey, (byte) 0);
            Arrays.fill(part, (byte) 0);
            if (seed != null) {
                Arrays.fill(seed, (byte) 0);
            }
            if (k != null) {
                Arrays.fill(k, (byte) 0);
            }
            if (dk != null) {
                Arrays.fill(dk, (byte) 0);
            }
        }
    }
}
