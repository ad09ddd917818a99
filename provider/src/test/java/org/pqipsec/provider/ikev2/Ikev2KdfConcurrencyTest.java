package org.pqipsec.provider.ikev2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.crypto.KDF;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pqipsec.provider.PQIPsecProvider;
import org.pqipsec.provider.spec.IkePrf;
import org.pqipsec.provider.spec.PrfPlusParameterSpec;

/**
 * Checks that one KDF object shared by several threads derives the same bytes as a plain
 * {@code Mac} computation of prf+ (RFC 7296 §2.13), so no thread uses another thread's key.
 */
class Ikev2KdfConcurrencyTest {

    private static final PQIPsecProvider PROVIDER = new PQIPsecProvider();

    private static final int THREADS = 8;
    private static final int DERIVATIONS_PER_THREAD = 200;

    @ParameterizedTest
    @EnumSource(IkePrf.class)
    void sharedKdfMatchesPlainMac(IkePrf prf) throws Exception {
        KDF kdf = KDF.getInstance(prf.kdfAlgorithm(), PROVIDER);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                int threadIndex = thread;
                Callable<Integer> task = () -> {
                    start.await();
                    for (int i = 0; i < DERIVATIONS_PER_THREAD; i++) {
                        byte[] key = keyBytes(prf, threadIndex, i);
                        byte[] seed = {(byte) threadIndex, (byte) i, (byte) (i >>> 8)};
                        int length = 2 * prf.outputLength();

                        byte[] derived = kdf.deriveData(new PrfPlusParameterSpec(
                                new SecretKeySpec(key, "RAW"), seed, length));

                        assertArrayEquals(plainPrfPlus(prf, key, seed, length), derived,
                                prf + " thread " + threadIndex + " derivation " + i);
                    }
                    return DERIVATIONS_PER_THREAD;
                };
                results.add(pool.submit(task));
            }
            start.countDown();

            int total = 0;
            for (Future<Integer> result : results) {
                total += result.get();
            }
            assertEquals(THREADS * DERIVATIONS_PER_THREAD, total);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Returns a key that differs per thread and per derivation. The AES PRFs get 16 bytes, the
     * HMAC PRFs the PRF output length.
     */
    private static byte[] keyBytes(IkePrf prf, int thread, int derivation) {
        byte[] key = new byte[prf.hasFixedKeyLength() ? 16 : prf.outputLength()];
        Arrays.fill(key, (byte) (thread * 31 + 7));
        key[0] = (byte) derivation;
        key[1] = (byte) (derivation >>> 8);
        return key;
    }

    /** T1 = prf(K, S | 0x01), Tn = prf(K, Tn-1 | S | n), on a {@code Mac} of its own. */
    private static byte[] plainPrfPlus(IkePrf prf, byte[] key, byte[] seed, int length)
            throws GeneralSecurityException {
        Mac mac = prf.hasFixedKeyLength()
                ? Mac.getInstance(prf.macAlgorithm(), PROVIDER)
                : Mac.getInstance(prf.macAlgorithm());
        mac.init(new SecretKeySpec(key, prf.macAlgorithm()));

        byte[] output = new byte[length];
        byte[] block = new byte[0];
        for (int n = 1, offset = 0; offset < length; n++) {
            mac.update(block);
            mac.update(seed);
            mac.update((byte) n);
            block = mac.doFinal();
            int take = Math.min(block.length, length - offset);
            System.arraycopy(block, 0, output, offset, take);
            offset += take;
        }
        return output;
    }
}
