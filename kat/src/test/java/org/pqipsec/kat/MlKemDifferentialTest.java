package org.pqipsec.kat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Random;

import javax.crypto.KEM;

import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.kems.MLKEMGenerator;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * pqipsec's ML-KEM against SunJCE's (JDK 25) and BouncyCastle's on random key pairs, in both
 * directions: their encapsulation with our decapsulation and the reverse, plus implicit
 * rejection of a corrupted ciphertext. The inputs come from a seeded generator, so a failure
 * names a reproducible pair index.
 */
class MlKemDifferentialTest {

    /** Key pairs per parameter set; about 10 s in all on two cores. */
    private static final int PAIRS = 1000;

    @ParameterizedTest
    @ValueSource(strings = {"ML-KEM-512", "ML-KEM-768", "ML-KEM-1024"})
    void agreesWithSunJceAndBouncyCastle(String set) throws Exception {
        Random random = new Random(set.hashCode());
        MLKEMParameters bcParameters = bcParameters(set);
        KEM ours = KEM.getInstance(set, Vectors.PQIPSEC);
        KEM sun = KEM.getInstance(set, "SunJCE");
        KeyFactory sunKeys = KeyFactory.getInstance(set, "SunJCE");
        java.security.KeyPairGenerator sunGenerator =
                java.security.KeyPairGenerator.getInstance(set, "SunJCE");

        for (int pair = 0; pair < PAIRS; pair++) {
            String where = set + " pair " + pair;
            byte[] d = bytes(random, 32);
            byte[] z = bytes(random, 32);
            KeyPair keyPair = MlKemJca.generate(set, d, z);
            byte[] ek = MlKemJca.raw(keyPair.getPublic());

            // SunJCE: same d and z give the same ek; each side decapsulates the other's output.
            sunGenerator.initialize(new java.security.spec.NamedParameterSpec(set),
                    Vectors.fixedRandom(Vectors.concat(d, z)));
            KeyPair sunPair = sunGenerator.generateKeyPair();
            PublicKey sunView = sunKeys.generatePublic(
                    new X509EncodedKeySpec(keyPair.getPublic().getEncoded()));
            assertArrayEquals(sunPair.getPublic().getEncoded(), sunView.getEncoded(), where);

            KEM.Encapsulated fromSun = sun.newEncapsulator(sunView).encapsulate();
            assertArrayEquals(fromSun.key().getEncoded(), ours.newDecapsulator(keyPair.getPrivate())
                    .decapsulate(fromSun.encapsulation()).getEncoded(), where + " SunJCE → us");
            KEM.Encapsulated toSun = MlKemJca.encapsulate(set, keyPair.getPublic(), bytes(random, 32));
            assertArrayEquals(toSun.key().getEncoded(), sun.newDecapsulator(sunPair.getPrivate())
                    .decapsulate(toSun.encapsulation()).getEncoded(), where + " us → SunJCE");

            // BouncyCastle, through its lightweight API.
            MLKEMPrivateKeyParameters bcKey =
                    new MLKEMPrivateKeyParameters(bcParameters, Vectors.concat(d, z));
            assertArrayEquals(bcKey.getPublicKey(), ek, where + " ek");
            SecretWithEncapsulation fromBc = new MLKEMGenerator(
                    Vectors.fixedRandom(bytes(random, 32)))
                    .generateEncapsulated(bcKey.getPublicKeyParameters());
            assertArrayEquals(fromBc.getSecret(), MlKemJca.decapsulate(set, keyPair.getPrivate(),
                    fromBc.getEncapsulation()), where + " BouncyCastle → us");
            assertArrayEquals(toSun.key().getEncoded(),
                    new MLKEMExtractor(bcKey).extractSecret(toSun.encapsulation()),
                    where + " us → BouncyCastle");

            // Implicit rejection: one random bit of the ciphertext flipped.
            byte[] corrupted = toSun.encapsulation();
            corrupted[random.nextInt(corrupted.length)] ^= (byte) (1 << random.nextInt(8));
            assertArrayEquals(new MLKEMExtractor(bcKey).extractSecret(corrupted),
                    MlKemJca.decapsulate(set, keyPair.getPrivate(), corrupted),
                    where + " implicit rejection");
        }
    }

    static MLKEMParameters bcParameters(String set) {
        return switch (set) {
            case "ML-KEM-512" -> MLKEMParameters.ml_kem_512;
            case "ML-KEM-768" -> MLKEMParameters.ml_kem_768;
            case "ML-KEM-1024" -> MLKEMParameters.ml_kem_1024;
            default -> throw new IllegalArgumentException(set);
        };
    }

    static byte[] bytes(Random random, int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }
}
