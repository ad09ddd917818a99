package org.pqipsec.provider.kem;

import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidParameterException;
import java.security.KeyPair;
import java.security.KeyPairGeneratorSpi;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;

/**
 * KeyPairGenerator {@code X-Wing}: GenerateKeyPair of draft-connolly-cfrg-xwing-kem-10 §5.2. It
 * draws the 32-byte seed sk in one {@code nextBytes} call, so a source that returns a vector's
 * seed reproduces GenerateKeyPairDerand (§5.2.1).
 *
 * <p>{@code initialize} takes only {@code new NamedParameterSpec("X-Wing")}. Without a call to it
 * the generator uses a default {@link SecureRandom}.
 */
final class XWingKeyPairGenerator extends KeyPairGeneratorSpi {

    private SecureRandom random;

    XWingKeyPairGenerator() {}

    /** Rejects every key size: X-Wing has one fixed parameter set. */
    @Override
    public void initialize(int keysize, SecureRandom random) {
        throw new InvalidParameterException("X-Wing key pair generator takes no key size."
                + " Call initialize(SecureRandom) or use NamedParameterSpec X-Wing");
    }

    @Override
    public void initialize(AlgorithmParameterSpec params, SecureRandom random)
            throws InvalidAlgorithmParameterException {
        if (!(params instanceof NamedParameterSpec named)
                || !XWingKeys.ALGORITHM.equalsIgnoreCase(named.getName())) {
            throw new InvalidAlgorithmParameterException("X-Wing key pair generator requires"
                    + " NamedParameterSpec X-Wing, got " + params);
        }
        this.random = random;
    }

    @Override
    public KeyPair generateKeyPair() {
        byte[] sk = new byte[XWingKeys.PRIVATE_KEY_LENGTH];
        try {
            KemSupport.orDefault(random).nextBytes(sk);
            XWingKem.Generated generated = XWingKem.generate(sk);
            // The keys take the prepared ML-KEM-768 keys, so neither runs key generation again.
            return new KeyPair(
                    new XWingKeys.XWingPublicKey(generated.publicKey(), generated.preparedPkM()),
                    XWingKeys.XWingPrivateKey.fromGenerated(sk, generated.expanded()));
        } finally {
            Arrays.fill(sk, (byte) 0);
        }
    }
}
