package org.pqipsec.provider.kem;

import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidParameterException;
import java.security.KeyPair;
import java.security.KeyPairGeneratorSpi;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;

/**
 * KeyPairGenerator {@code SecP256r1MLKEM768} and {@code SecP384r1MLKEM1024}.
 *
 * <p>Draws d and z, the ML-KEM seed (FIPS 203 Algorithm 19), from the caller's
 * {@link SecureRandom} (one 32-byte call each), then lets SunEC's EC {@code KeyPairGenerator}
 * draw the ECDH scalar from the same source. The public key is point ‖ ek and the private key
 * d ‖ z ‖ scalar, as {@link EcdhMlKemParameters} lays out.
 *
 * <p>{@code initialize} takes only a {@link NamedParameterSpec} with the algorithm name. Without
 * a call to it the generator uses a default {@link SecureRandom}.
 */
final class EcdhMlKemKeyPairGenerator extends KeyPairGeneratorSpi {

    private final EcdhMlKemParameters parameters;
    private final EcdhSunEc ecdh;
    private SecureRandom random;

    EcdhMlKemKeyPairGenerator(EcdhMlKemParameters parameters) {
        this.parameters = parameters;
        this.ecdh = new EcdhSunEc(parameters);
    }

    /** Rejects every key size: each hybrid has one fixed parameter set. */
    @Override
    public void initialize(int keysize, SecureRandom random) {
        throw new InvalidParameterException(parameters.algorithm() + " key pair generator takes"
                + " no key size. Call initialize(SecureRandom) or use NamedParameterSpec "
                + parameters.algorithm());
    }

    @Override
    public void initialize(AlgorithmParameterSpec params, SecureRandom random)
            throws InvalidAlgorithmParameterException {
        if (!(params instanceof NamedParameterSpec named)
                || !parameters.algorithm().equalsIgnoreCase(named.getName())) {
            throw new InvalidAlgorithmParameterException(parameters.algorithm() + " key pair"
                    + " generator requires NamedParameterSpec " + parameters.algorithm()
                    + ", got " + params);
        }
        this.random = random;
    }

    @Override
    public KeyPair generateKeyPair() {
        SecureRandom source = KemSupport.orDefault(random);
        int pointLength = parameters.pointLength();
        int seedLength = MlKemParameterSet.SEED_LENGTH;
        byte[] privateKey = new byte[parameters.privateKeyLength()];
        byte[] part = new byte[32];
        byte[] seed = null;
        byte[] dk = null;
        try {
            // d and z are drawn one call each, into bytes [0, 32) and [32, 64).
            for (int offset = 0; offset < seedLength; offset += part.length) {
                source.nextBytes(part);
                System.arraycopy(part, 0, privateKey, offset, part.length);
            }
            seed = Arrays.copyOfRange(privateKey, 0, seedLength);

            // ECDH key pair: scalar to bytes [64, 64 + F) of the private key.
            KeyPair ecdhPair = ecdh.generateKeyPair(source);
            ecdh.writeScalar((ECPrivateKey) ecdhPair.getPrivate(), privateKey, seedLength);

            // Public key: point to bytes [0, P), ek to [P, P + E).
            byte[] publicKey = new byte[parameters.publicKeyLength()];
            ecdh.writePoint((ECPublicKey) ecdhPair.getPublic(), publicKey, 0);
            MlKemEngine.GeneratedKeyPair expanded =
                    Engines.mlKem(parameters.mlKem()).generatePreparedKeyPair(seed);
            dk = expanded.decapsulationKey();
            System.arraycopy(expanded.encapsulationKey(), 0, publicKey, pointLength,
                    parameters.mlKem().encapsulationKeyLength());

            // The keys take SunEC's keys and the prepared ML-KEM keys, so the first
            // encapsulation and decapsulation skip the checks and the ML-KEM key generation.
            return new KeyPair(
                    new EcdhMlKemPublicKey(parameters, publicKey,
                            (ECPublicKey) ecdhPair.getPublic(),
                            expanded.preparedEncapsulationKey()),
                    EcdhMlKemPrivateKey.fromGenerated(parameters, privateKey,
                            (ECPrivateKey) ecdhPair.getPrivate(),
                            expanded.preparedDecapsulationKey()));
        } finally {
            Arrays.fill(privateKey, (byte) 0);
            Arrays.fill(part, (byte) 0);
            if (seed != null) {
                Arrays.fill(seed, (byte) 0);
            }
            if (dk != null) {
                Arrays.fill(dk, (byte) 0);
            }
        }
    }
}
