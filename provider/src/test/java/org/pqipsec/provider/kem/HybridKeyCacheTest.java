package org.pqipsec.provider.kem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pqipsec.provider.kem.KemTestSupport.PROVIDER;

import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.crypto.KEM;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pqipsec.provider.spec.RawKeySpec;

/**
 * The prepared component keys that the hybrid key objects cache: what key generation hands over,
 * what import makes on first use, what {@code destroy()} wipes, and that shared key objects give
 * the same secrets from many threads.
 */
class HybridKeyCacheTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 200;
    private static final int ENCAPSULATIONS = 16;

    private static KeyPair generateKeyPair(String algorithm) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm, PROVIDER);
        return generator.generateKeyPair();
    }

    /** Returns the key pair rebuilt by the KeyFactory from the RAW encodings of {@code pair}. */
    private static KeyPair reimport(String algorithm, KeyPair pair) throws Exception {
        KeyFactory factory = KeyFactory.getInstance(algorithm, PROVIDER);
        byte[] privateRaw = pair.getPrivate().getEncoded();
        return new KeyPair(
                factory.generatePublic(new RawKeySpec(pair.getPublic().getEncoded())),
                factory.generatePrivate(new RawKeySpec(privateRaw)));
    }

    /** Returns the ML-KEM decapsulation key that a hybrid private key caches, or null. */
    private static MlKemEngine.DecapsulationKey cachedMlKemKey(PrivateKey key) {
        if (key instanceof X25519MlKem768PrivateKey x25519) {
            return x25519.cachedMlKemKey();
        }
        if (key instanceof EcdhMlKemPrivateKey ecdh) {
            return ecdh.cachedMlKemKey();
        }
        XWingKem.Expanded expanded = ((XWingKeys.XWingPrivateKey) key).cachedExpanded();
        return expanded == null ? null : expanded.skM();
    }

    private static SecureRandom seededRandom(long seed) throws NoSuchAlgorithmException {
        // SHA1PRNG seeded before its first output is deterministic.
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(seed);
        return random;
    }

    @ParameterizedTest
    @ValueSource(strings = {"X25519MLKEM768", "SecP256r1MLKEM768", "SecP384r1MLKEM1024",
            "X-Wing"})
    void generatedKeyArrivesPrepared(String algorithm) throws Exception {
        KeyPair pair = generateKeyPair(algorithm);
        MlKemEngine.DecapsulationKey cached = cachedMlKemKey(pair.getPrivate());
        assertNotNull(cached, "key generation hands over the ML-KEM decapsulation key");

        KEM.Decapsulator decapsulator = KEM.getInstance(algorithm, PROVIDER)
                .newDecapsulator(pair.getPrivate());
        assertNotNull(decapsulator);
        assertTrue(cachedMlKemKey(pair.getPrivate()) == cached,
                "newDecapsulator reuses the cached key instead of generating a new one");
        if (pair.getPrivate() instanceof EcdhMlKemPrivateKey ecdh) {
            assertTrue(ecdh.hasCachedEcdhKey());
            assertTrue(((EcdhMlKemPublicKey) pair.getPublic()).hasCachedEcdhKey());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"X25519MLKEM768", "SecP256r1MLKEM768", "SecP384r1MLKEM1024",
            "X-Wing"})
    void importedKeyPreparesOnFirstUse(String algorithm) throws Exception {
        KeyPair imported = reimport(algorithm, generateKeyPair(algorithm));
        assertNull(cachedMlKemKey(imported.getPrivate()));

        KEM kem = KEM.getInstance(algorithm, PROVIDER);
        kem.newDecapsulator(imported.getPrivate());
        MlKemEngine.DecapsulationKey first = cachedMlKemKey(imported.getPrivate());
        assertNotNull(first);
        kem.newDecapsulator(imported.getPrivate());
        assertTrue(cachedMlKemKey(imported.getPrivate()) == first,
                "the second newDecapsulator reuses the key made by the first");
    }

    @ParameterizedTest
    @ValueSource(strings = {"X25519MLKEM768", "SecP256r1MLKEM768", "SecP384r1MLKEM1024",
            "X-Wing"})
    void destroyWipesCachedParts(String algorithm) throws Exception {
        KeyPair pair = generateKeyPair(algorithm);
        KEM kem = KEM.getInstance(algorithm, PROVIDER);
        KEM.Encapsulated encapsulated = kem.newEncapsulator(pair.getPublic()).encapsulate();
        KEM.Decapsulator before = kem.newDecapsulator(pair.getPrivate());
        MlKemEngine.DecapsulationKey cached = cachedMlKemKey(pair.getPrivate());
        XWingKem.Expanded expanded = pair.getPrivate() instanceof XWingKeys.XWingPrivateKey xWing
                ? xWing.cachedExpanded()
                : null;
        assertNotNull(cached);
        assertFalse(cached.isDestroyed());

        pair.getPrivate().destroy();

        assertTrue(pair.getPrivate().isDestroyed());
        assertTrue(cached.isDestroyed(), "destroy() destroys the cached ML-KEM key");
        assertThrows(IllegalStateException.class,
                () -> cached.decapsulate(encapsulated.encapsulation()));
        assertNull(cachedMlKemKey(pair.getPrivate()));
        if (expanded != null) {
            assertArrayEquals(new byte[32], expanded.skX(), "destroy() zeroes the cached sk_X");
        }
        if (pair.getPrivate() instanceof EcdhMlKemPrivateKey ecdh) {
            assertFalse(ecdh.hasCachedEcdhKey(), "destroy() drops the cached SunEC key");
        }
        InvalidKeyException e = assertThrows(InvalidKeyException.class,
                () -> kem.newDecapsulator(pair.getPrivate()));
        assertTrue(e.getMessage().contains("destroyed"), e.getMessage());

        // A decapsulator made before destroy() keeps its own ML-KEM key.
        assertArrayEquals(encapsulated.key().getEncoded(),
                before.decapsulate(encapsulated.encapsulation()).getEncoded());
    }

    @ParameterizedTest
    @ValueSource(strings = {"X25519MLKEM768", "SecP256r1MLKEM768", "SecP384r1MLKEM1024",
            "X-Wing"})
    void generatedAndImportedKeysAgree(String algorithm) throws Exception {
        KeyPair generated = generateKeyPair(algorithm);
        KeyPair imported = reimport(algorithm, generated);
        KEM kem = KEM.getInstance(algorithm, PROVIDER);

        // The same randomness through either public key gives the same encapsulation.
        KEM.Encapsulated fromGenerated =
                kem.newEncapsulator(generated.getPublic(), seededRandom(7)).encapsulate();
        KEM.Encapsulated fromImported =
                kem.newEncapsulator(imported.getPublic(), seededRandom(7)).encapsulate();
        assertArrayEquals(fromGenerated.encapsulation(), fromImported.encapsulation());
        assertArrayEquals(fromGenerated.key().getEncoded(), fromImported.key().getEncoded());

        // Either private key recovers the secret, on the first and on a later decapsulator.
        for (int round = 0; round < 2; round++) {
            for (PrivateKey key : List.of(generated.getPrivate(), imported.getPrivate())) {
                assertArrayEquals(fromGenerated.key().getEncoded(),
                        kem.newDecapsulator(key).decapsulate(fromGenerated.encapsulation())
                                .getEncoded());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"X25519MLKEM768", "SecP256r1MLKEM768", "SecP384r1MLKEM1024",
            "X-Wing"})
    void sharedKeysAcrossThreads(String algorithm) throws Exception {
        KeyPair generated = generateKeyPair(algorithm);
        KEM kem = KEM.getInstance(algorithm, PROVIDER);
        byte[][] encapsulations = new byte[ENCAPSULATIONS][];
        byte[][] secrets = new byte[ENCAPSULATIONS][];
        for (int i = 0; i < ENCAPSULATIONS; i++) {
            KEM.Encapsulated encapsulated = kem.newEncapsulator(generated.getPublic()).encapsulate();
            encapsulations[i] = encapsulated.encapsulation();
            secrets[i] = encapsulated.key().getEncoded();
        }

        // Imported keys start with empty caches, so the threads race to fill them.
        KeyPair shared = reimport(algorithm, generated);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    start.await();
                    int checked = 0;
                    for (int round = 0; round < ROUNDS; round++) {
                        int i = (thread + round) % ENCAPSULATIONS;
                        byte[] secret = kem.newDecapsulator(shared.getPrivate())
                                .decapsulate(encapsulations[i]).getEncoded();
                        assertArrayEquals(secrets[i], secret, "thread " + thread + " round "
                                + round);
                        checked++;
                        if (round % 20 == 0) {
                            KEM.Encapsulated fresh =
                                    kem.newEncapsulator(shared.getPublic()).encapsulate();
                            assertArrayEquals(fresh.key().getEncoded(),
                                    kem.newDecapsulator(generated.getPrivate())
                                            .decapsulate(fresh.encapsulation()).getEncoded());
                        }
                    }
                    return checked;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> result : results) {
                total += result.get(5, TimeUnit.MINUTES);
            }
            assertEquals(THREADS * ROUNDS, total);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void ecdhPointCheckedBeforeFirstUse() throws Exception {
        EcdhMlKemParameters parameters = EcdhMlKemParameters.SECP256R1_MLKEM768;
        byte[] share = generateKeyPair(parameters.algorithm()).getPublic().getEncoded();
        share[parameters.pointLength() - 1] ^= 1; // y no longer matches x on the curve
        EcdhMlKemPublicKey key = new EcdhMlKemPublicKey(parameters, share);
        KEM kem = KEM.getInstance(parameters.algorithm(), PROVIDER);

        for (int attempt = 0; attempt < 2; attempt++) {
            InvalidKeyException e = assertThrows(InvalidKeyException.class,
                    () -> kem.newEncapsulator(key));
            assertEquals("SecP256r1MLKEM768 public key: the ECDH point is not on the curve"
                    + " secp256r1", e.getMessage());
            assertFalse(key.hasCachedEcdhKey());
        }
    }

    @Test
    void decapsulatorCopyIsIndependent() throws Exception {
        X25519MlKem768PrivateKey key =
                (X25519MlKem768PrivateKey) generateKeyPair("X25519MLKEM768").getPrivate();
        MlKemEngine.DecapsulationKey copy = key.newMlKemDecapsulationKey();
        assertNotSame(key.cachedMlKemKey(), copy);
        copy.destroy();
        assertFalse(key.cachedMlKemKey().isDestroyed());
    }
}
