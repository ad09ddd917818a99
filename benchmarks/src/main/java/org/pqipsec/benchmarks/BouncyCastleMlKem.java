package org.pqipsec.benchmarks;

import java.security.SecureRandom;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.generators.MLKEMKeyPairGenerator;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.kems.MLKEMGenerator;
import org.bouncycastle.crypto.params.MLKEMKeyGenerationParameters;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLKEMPublicKeyParameters;

/** ML-KEM through BouncyCastle's lightweight API, without the JCA layer. */
final class BouncyCastleMlKem implements KemCandidate<AsymmetricCipherKeyPair, SecretWithEncapsulation> {

    private final MLKEMKeyPairGenerator generator = new MLKEMKeyPairGenerator();
    private final MLKEMGenerator encapsulator;

    /**
     * @param parameterSet {@code ML-KEM-512}, {@code ML-KEM-768} or {@code ML-KEM-1024}
     */
    BouncyCastleMlKem(String parameterSet, SecureRandom random) {
        MLKEMParameters parameters = switch (parameterSet) {
            case "ML-KEM-512" -> MLKEMParameters.ml_kem_512;
            case "ML-KEM-768" -> MLKEMParameters.ml_kem_768;
            case "ML-KEM-1024" -> MLKEMParameters.ml_kem_1024;
            default -> throw new IllegalArgumentException("unknown ML-KEM parameter set: " + parameterSet);
        };
        generator.init(new MLKEMKeyGenerationParameters(random, parameters));
        encapsulator = new MLKEMGenerator(random);
    }

    @Override
    public AsymmetricCipherKeyPair generateKeyPair() {
        return generator.generateKeyPair();
    }

    @Override
    public SecretWithEncapsulation encapsulate(AsymmetricCipherKeyPair recipient) {
        return encapsulator.generateEncapsulated((MLKEMPublicKeyParameters) recipient.getPublic());
    }

    @Override
    public byte[] decapsulate(AsymmetricCipherKeyPair recipient, SecretWithEncapsulation encapsulated) {
        return new MLKEMExtractor((MLKEMPrivateKeyParameters) recipient.getPrivate())
                .extractSecret(encapsulated.getEncapsulation());
    }

    @Override
    public byte[] senderSecret(SecretWithEncapsulation encapsulated) {
        return encapsulated.getSecret();
    }
}
