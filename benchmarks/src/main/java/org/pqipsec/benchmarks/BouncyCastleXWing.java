package org.pqipsec.benchmarks;

import java.security.SecureRandom;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.pqc.crypto.xwing.XWingKEMExtractor;
import org.bouncycastle.pqc.crypto.xwing.XWingKEMGenerator;
import org.bouncycastle.pqc.crypto.xwing.XWingKeyGenerationParameters;
import org.bouncycastle.pqc.crypto.xwing.XWingKeyPairGenerator;
import org.bouncycastle.pqc.crypto.xwing.XWingPrivateKeyParameters;

/**
 * BouncyCastle's own X-Wing through its lightweight API ({@code org.bouncycastle.pqc.crypto.xwing}),
 * without the JCA layer. Its private key object keeps the expanded ML-KEM-768 and X25519 keys
 * next to the seed, so decapsulation does not expand the seed again (bcprov-jdk18on 1.87).
 */
final class BouncyCastleXWing implements KemCandidate<AsymmetricCipherKeyPair, SecretWithEncapsulation> {

    private final XWingKeyPairGenerator generator = new XWingKeyPairGenerator();
    private final XWingKEMGenerator encapsulator;

    BouncyCastleXWing(SecureRandom random) {
        generator.init(new XWingKeyGenerationParameters(random));
        encapsulator = new XWingKEMGenerator(random);
    }

    @Override
    public AsymmetricCipherKeyPair generateKeyPair() {
        return generator.generateKeyPair();
    }

    @Override
    public SecretWithEncapsulation encapsulate(AsymmetricCipherKeyPair recipient) {
        return encapsulator.generateEncapsulated(recipient.getPublic());
    }

    @Override
    public byte[] decapsulate(AsymmetricCipherKeyPair recipient, SecretWithEncapsulation encapsulated) {
        return new XWingKEMExtractor((XWingPrivateKeyParameters) recipient.getPrivate())
                .extractSecret(encapsulated.getEncapsulation());
    }

    @Override
    public byte[] senderSecret(SecretWithEncapsulation encapsulated) {
        return encapsulated.getSecret();
    }
}
