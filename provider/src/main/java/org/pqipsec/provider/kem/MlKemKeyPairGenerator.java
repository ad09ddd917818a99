package org.pqipsec.provider.kem;

import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidParameterException;
import java.security.KeyPair;
import java.security.KeyPairGeneratorSpi;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;

import javax.security.auth.DestroyFailedException;

/**
 * KeyPairGenerator {@code ML-KEM-512}, {@code ML-KEM-768}, {@code ML-KEM-1024}, and
 * {@code ML-KEM}, whose parameter set comes from
 * {@code initialize(NamedParameterSpec)} and defaults to ML-KEM-768.
 *
 * <p>FIPS 203 Algorithm 19 ML-KEM.KeyGen: draws d and then z, 32 bytes each and in two
 * {@code nextBytes} calls, from the caller's {@link SecureRandom} (the order SunJCE uses), and
 * expands them with Algorithm 16. So a {@code SecureRandom} that returns a published d and z
 * reproduces that vector's keys. The private key keeps the seed d ‖ z with dk, and the public key
 * is ek.
 */
final class MlKemKeyPairGenerator extends KeyPairGeneratorSpi {

    /** The parameter set fixed by the service name, or null for {@code ML-KEM}. */
    private final MlKemParameterSet fixed;
    private MlKemParameterSet parameterSet;
    private SecureRandom random;

    MlKemKeyPairGenerator(MlKemParameterSet fixed) {
        this.fixed = fixed;
        this.parameterSet = fixed != null ? fixed : MlKemParameterSet.ML_KEM_768;
    }

    /** Rejects every key size: ML-KEM parameter sets are chosen by name. */
    @Override
    public void initialize(int keysize, SecureRandom random) {
        throw new InvalidParameterException("ML-KEM key pair generator takes a NamedParameterSpec"
                + " (ML-KEM-512, ML-KEM-768 or ML-KEM-1024), not a key size");
    }

    @Override
    public void initialize(AlgorithmParameterSpec params, SecureRandom random)
            throws InvalidAlgorithmParameterException {
        MlKemParameterSet requested = params instanceof NamedParameterSpec named
                ? MlKemParameterSet.forName(named.getName())
                : null;
        if (requested == null || (fixed != null && requested != fixed)) {
            String expected = fixed != null
                    ? "NamedParameterSpec " + fixed
                    : "NamedParameterSpec ML-KEM-512, ML-KEM-768 or ML-KEM-1024";
            throw new InvalidAlgorithmParameterException("ML-KEM key pair generator requires "
                    + expected + ", got " + describe(params));
        }
        this.parameterSet = requested;
        this.random = random;
    }

    @Override
    public KeyPair generateKeyPair() {
        SecureRandom source = KemSupport.orDefault(random);
        byte[] d = new byte[32];
        byte[] z = new byte[32];
        byte[] seed = new byte[MlKemParameterSet.SEED_LENGTH];
        byte[] dk = null;
        try {
            source.nextBytes(d);
            source.nextBytes(z);
            System.arraycopy(d, 0, seed, 0, 32);
            System.arraycopy(z, 0, seed, 32, 32);

            MlKemEngine.GeneratedKeyPair generated = Engines.mlKem(parameterSet)
                    .generatePreparedKeyPair(seed);
            dk = generated.decapsulationKey();
            return new KeyPair(
                    new MlKemPublicKey(parameterSet, generated.encapsulationKey(),
                            generated.preparedEncapsulationKey()),
                    MlKemPrivateKey.fromGenerated(parameterSet, seed, dk,
                            generated.preparedDecapsulationKey()));
        } finally {
            Arrays.fill(d, (byte) 0);
            Arrays.fill(z, (byte) 0);
            Arrays.fill(seed, (byte) 0);
            if (dk != null) {
                Arrays.fill(dk, (byte) 0);
            }
        }
    }

    private static String describe(AlgorithmParameterSpec params) {
        if (params instanceof NamedParameterSpec named) {
            return "NamedParameterSpec " + named.getName();
        }
        return params == null ? "null" : params.getClass().getName();
    }
}
