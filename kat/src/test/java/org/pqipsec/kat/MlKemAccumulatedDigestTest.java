package org.pqipsec.kat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.KeyPair;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;

import javax.crypto.KEM;

import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.digests.SHAKEDigest;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.kems.MLKEMGenerator;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.junit.jupiter.api.Test;

/**
 * Runs many deterministic pseudo-random cases through pqipsec (public JCA API) and through
 * BouncyCastle, hashes every output of each into one SHA-256 digest, and compares the digests.
 *
 * <p>The inputs follow the layout of C2SP CCTV's accumulated ML-KEM vectors: one SHAKE128
 * stream per parameter set (over the set's name) supplies, per case, d, z, m and a random
 * ciphertext. Per case the
 * digest absorbs ek, c, K (checked equal to decapsulation of c) and the implicit-rejection K of
 * the random ciphertext. CCTV's published hashes predate the final FIPS 203 key generation and
 * also cover dk, so the reference here is BouncyCastle's result for the same inputs.
 */
class MlKemAccumulatedDigestTest {

    /** Cases in all, spread evenly over the three parameter sets. */
    private static final int CASES = 102_000;

    private static final String[] SETS = {"ML-KEM-512", "ML-KEM-768", "ML-KEM-1024"};

    @Test
    void digestMatchesBouncyCastle() throws Exception {
        int perSet = CASES / SETS.length;
        CompletableFuture<byte[]> bouncyCastle =
                CompletableFuture.supplyAsync(() -> bouncyCastleDigest(perSet));
        byte[] ours = pqipsecDigest(perSet);

        assertEquals(HexFormat.of().formatHex(bouncyCastle.get()), HexFormat.of().formatHex(ours));
    }

    private static byte[] pqipsecDigest(int perSet) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (String set : SETS) {
            SHAKEDigest inputs = inputStream(set);
            KEM kem = KEM.getInstance(set, Vectors.PQIPSEC);
            int ciphertextLength = ciphertextLength(set);
            for (int i = 0; i < perSet; i++) {
                byte[] d = draw(inputs, 32);
                byte[] z = draw(inputs, 32);
                byte[] m = draw(inputs, 32);
                byte[] randomCiphertext = draw(inputs, ciphertextLength);

                KeyPair keyPair = MlKemJca.generate(set, d, z);
                KEM.Encapsulated encapsulated = kem.newEncapsulator(keyPair.getPublic(),
                        Vectors.fixedRandom(m)).encapsulate();
                KEM.Decapsulator decapsulator = kem.newDecapsulator(keyPair.getPrivate());
                byte[] k = encapsulated.key().getEncoded();
                assertArrayEquals(k, decapsulator.decapsulate(encapsulated.encapsulation())
                        .getEncoded(), set + " case " + i);

                digest.update(MlKemJca.raw(keyPair.getPublic()));
                digest.update(encapsulated.encapsulation());
                digest.update(k);
                digest.update(decapsulator.decapsulate(randomCiphertext).getEncoded());
            }
        }
        return digest.digest();
    }

    private static byte[] bouncyCastleDigest(int perSet) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String set : SETS) {
                SHAKEDigest inputs = inputStream(set);
                MLKEMParameters parameters = MlKemDifferentialTest.bcParameters(set);
                int ciphertextLength = ciphertextLength(set);
                for (int i = 0; i < perSet; i++) {
                    byte[] seed = draw(inputs, 64);
                    byte[] m = draw(inputs, 32);
                    byte[] randomCiphertext = draw(inputs, ciphertextLength);

                    MLKEMPrivateKeyParameters key = new MLKEMPrivateKeyParameters(parameters, seed);
                    SecretWithEncapsulation encapsulated = new MLKEMGenerator(
                            Vectors.fixedRandom(m)).generateEncapsulated(key.getPublicKeyParameters());
                    MLKEMExtractor extractor = new MLKEMExtractor(key);

                    digest.update(key.getPublicKey());
                    digest.update(encapsulated.getEncapsulation());
                    digest.update(encapsulated.getSecret());
                    digest.update(extractor.extractSecret(randomCiphertext));
                }
            }
            return digest.digest();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** One SHAKE128 stream per set, so each set's inputs do not depend on the case count. */
    private static SHAKEDigest inputStream(String set) {
        SHAKEDigest shake = new SHAKEDigest(128);
        byte[] label = set.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        shake.update(label, 0, label.length);
        return shake;
    }

    private static byte[] draw(SHAKEDigest stream, int length) {
        byte[] out = new byte[length];
        stream.doOutput(out, 0, length);
        return out;
    }

    private static int ciphertextLength(String set) {
        return switch (set) {
            case "ML-KEM-512" -> 768;
            case "ML-KEM-768" -> 1088;
            default -> 1568;
        };
    }
}
