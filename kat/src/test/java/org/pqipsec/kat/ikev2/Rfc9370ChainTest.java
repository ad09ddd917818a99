package org.pqipsec.kat.ikev2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pqipsec.kat.ikev2.Vectors.PROVIDER;
import static org.pqipsec.kat.ikev2.Vectors.concat;
import static org.pqipsec.kat.ikev2.Vectors.hex;
import static org.pqipsec.kat.ikev2.Vectors.key;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import javax.crypto.KDF;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pqipsec.provider.spec.AdditionalKeyExchangeParameterSpec;
import org.pqipsec.provider.spec.ChildSaKeymatParameterSpec;
import org.pqipsec.provider.spec.ChildSaKeys;
import org.pqipsec.provider.spec.EncryptionAlgorithm;
import org.pqipsec.provider.spec.EncryptionTransform;
import org.pqipsec.provider.spec.IkePrf;
import org.pqipsec.provider.spec.IkeSaKeys;
import org.pqipsec.provider.spec.IkeSaKeysParameterSpec;
import org.pqipsec.provider.spec.IkeSaRekeyParameterSpec;
import org.pqipsec.provider.spec.IntermediateAuthParameterSpec;
import org.pqipsec.provider.spec.SkeyseedParameterSpec;

/**
 * An IKE SA with two additional key exchanges (RFC 9370 §2.2.2), the IntAuth chain over the two
 * IKE_INTERMEDIATE exchanges (RFC 9242 §3.3.2), then a Child SA and an IKE SA rekey, each with
 * one IKE_FOLLOWUP_KE (RFC 9370 §2.2.4). No public vectors exist for these steps, so every value
 * is checked against the formulas written out below with plain {@code Mac} calls.
 */
class Rfc9370ChainTest {

    /** ENCR_AES_GCM_16 with 256-bit keys: no SK_a, 36-byte SK_e. */
    private static final EncryptionTransform GCM_256 =
            new EncryptionTransform(EncryptionAlgorithm.AES_GCM_16, 256);

    @ParameterizedTest
    @EnumSource(IkePrf.class)
    void chainMatchesFormulas(IkePrf prf) throws GeneralSecurityException {
        Random random = new Random(9370 + prf.ianaId());
        byte[] ni = bytes(random, 32);
        byte[] nr = bytes(random, 32);
        byte[] spiI = bytes(random, 8);
        byte[] spiR = bytes(random, 8);
        byte[] sk0 = bytes(random, 32);
        List<byte[]> additional = List.of(bytes(random, 32), bytes(random, 32));
        KDF kdf = Vectors.kdf(prf);
        int keysLength = 3 * prf.outputLength() + 2 * GCM_256.keyMaterialLength();

        // IKE_SA_INIT: SKEYSEED = prf(Ni | Nr, g^ir); for the AES PRFs the key is the first
        // 8 bytes of each nonce.
        byte[] initKey = prf.hasFixedKeyLength()
                ? concat(Arrays.copyOf(ni, 8), Arrays.copyOf(nr, 8))
                : concat(ni, nr);
        byte[] expectedSkeyseed = prf(prf, initKey, sk0);
        SecretKey skeyseed =
                kdf.deriveKey("IKEv2-SKEYSEED", new SkeyseedParameterSpec(ni, nr, key(sk0)));
        assertEquals(hex(expectedSkeyseed), hex(skeyseed.getEncoded()), "SKEYSEED(0)");

        byte[] expected = prfPlus(prf, expectedSkeyseed, concat(ni, nr, spiI, spiR), keysLength);
        IkeSaKeys keys = IkeSaKeys.derive(kdf, prf,
                new IkeSaKeysParameterSpec(skeyseed, ni, nr, spiI, spiR, GCM_256, null));
        assertKeys(prf, expected, keys, "(0)");
        byte[] intAuthI = null;
        byte[] intAuthR = null;

        for (int n = 1; n <= additional.size(); n++) {
            // IntAuth over the n-th IKE_INTERMEDIATE request and response, with the SK_p in
            // effect for that exchange: IntAuth_n = prf(SK_p, IntAuth_n-1 | A | P).
            byte[] requestA = bytes(random, 32);
            byte[] requestP = bytes(random, 1200);
            byte[] responseA = bytes(random, 32);
            byte[] skPi = slice(expected, keysLength - 2 * prf.outputLength(), prf.outputLength());
            byte[] skPr = slice(expected, keysLength - prf.outputLength(), prf.outputLength());
            byte[] expectedI = prf(prf, skPi, concat(
                    intAuthI == null ? new byte[0] : intAuthI, requestA, requestP));
            byte[] expectedR = prf(prf, skPr, concat(
                    intAuthR == null ? new byte[0] : intAuthR, responseA));
            intAuthI = kdf.deriveData(
                    new IntermediateAuthParameterSpec(keys.skPi(), intAuthI, requestA, requestP));
            intAuthR = kdf.deriveData(
                    new IntermediateAuthParameterSpec(keys.skPr(), intAuthR, responseA, null));
            assertEquals(hex(expectedI), hex(intAuthI), "IntAuth_i" + n);
            assertEquals(hex(expectedR), hex(intAuthR), "IntAuth_r" + n);

            // SKEYSEED(n) = prf(SK_d(n-1), SK(n) | Ni | Nr), then the same prf+ over the
            // IKE_SA_INIT nonces and SPIs.
            byte[] skN = additional.get(n - 1);
            expectedSkeyseed = prf(prf, slice(expected, 0, prf.outputLength()),
                    concat(skN, ni, nr));
            skeyseed = kdf.deriveKey("IKEv2-SKEYSEED",
                    new AdditionalKeyExchangeParameterSpec(keys.skD(), key(skN), ni, nr));
            assertEquals(hex(expectedSkeyseed), hex(skeyseed.getEncoded()), "SKEYSEED(" + n + ")");

            expected = prfPlus(prf, expectedSkeyseed, concat(ni, nr, spiI, spiR), keysLength);
            keys = IkeSaKeys.derive(kdf, prf,
                    new IkeSaKeysParameterSpec(skeyseed, ni, nr, spiI, spiR, GCM_256, null));
            assertKeys(prf, expected, keys, "(" + n + ")");
        }
        byte[] skD = slice(expected, 0, prf.outputLength());

        // CREATE_CHILD_SA with a key exchange, then one IKE_FOLLOWUP_KE:
        // KEYMAT = prf+(SK_d, SK(0) | Ni | Nr | SK(1)) over the CREATE_CHILD_SA nonces.
        byte[] childNi = bytes(random, 32);
        byte[] childNr = bytes(random, 32);
        byte[] childSk0 = bytes(random, 32);
        byte[] childSk1 = bytes(random, 32);
        int keymatLength = ChildSaKeys.keymatLength(GCM_256, null);
        byte[] expectedKeymat = prfPlus(prf, skD, concat(childSk0, childNi, childNr, childSk1),
                keymatLength);
        ChildSaKeys child = ChildSaKeys.derive(kdf, ChildSaKeymatParameterSpec.withKeyExchanges(
                keys.skD(), List.of(key(childSk0), key(childSk1)), childNi, childNr,
                keymatLength), GCM_256, null);
        assertEquals(hex(slice(expectedKeymat, 0, 36)),
                hex(child.initiatorToResponderEncryptionKey().orElseThrow().getEncoded()),
                "KEYMAT i->r");
        assertEquals(hex(slice(expectedKeymat, 36, 36)),
                hex(child.responderToInitiatorEncryptionKey().orElseThrow().getEncoded()),
                "KEYMAT r->i");
        assertEquals("ENCR_AES_GCM_16-256",
                child.initiatorToResponderEncryptionKey().orElseThrow().getAlgorithm());

        // IKE SA rekey with one IKE_FOLLOWUP_KE:
        // SKEYSEED = prf(SK_d (old), SK(0) | Ni | Nr | SK(1)), then prf+ over the new nonces
        // and the new SPIs.
        byte[] rekeyNi = bytes(random, 32);
        byte[] rekeyNr = bytes(random, 32);
        byte[] newSpiI = bytes(random, 8);
        byte[] newSpiR = bytes(random, 8);
        byte[] rekeySk0 = bytes(random, 32);
        byte[] rekeySk1 = bytes(random, 32);
        byte[] expectedRekey = prf(prf, skD, concat(rekeySk0, rekeyNi, rekeyNr, rekeySk1));
        SecretKey rekeySkeyseed = kdf.deriveKey("IKEv2-SKEYSEED", new IkeSaRekeyParameterSpec(
                keys.skD(), List.of(key(rekeySk0), key(rekeySk1)), rekeyNi, rekeyNr));
        assertEquals(hex(expectedRekey), hex(rekeySkeyseed.getEncoded()), "rekey SKEYSEED");

        byte[] expectedNew = prfPlus(prf, expectedRekey,
                concat(rekeyNi, rekeyNr, newSpiI, newSpiR), keysLength);
        IkeSaKeys rekeyed = IkeSaKeys.derive(kdf, prf, new IkeSaKeysParameterSpec(
                rekeySkeyseed, rekeyNi, rekeyNr, newSpiI, newSpiR, GCM_256, null));
        assertKeys(prf, expectedNew, rekeyed, "(rekeyed)");
    }

    private static void assertKeys(IkePrf prf, byte[] stream, IkeSaKeys keys, String stage) {
        int p = prf.outputLength();
        int e = GCM_256.keyMaterialLength();
        assertEquals(hex(slice(stream, 0, p)), hex(keys.skD().getEncoded()), "SK_d" + stage);
        assertEquals(false, keys.skAi().isPresent(), "SK_ai" + stage);
        assertEquals(hex(slice(stream, p, e)), hex(keys.skEi().getEncoded()), "SK_ei" + stage);
        assertEquals(hex(slice(stream, p + e, e)), hex(keys.skEr().getEncoded()), "SK_er" + stage);
        assertEquals(hex(slice(stream, p + 2 * e, p)), hex(keys.skPi().getEncoded()),
                "SK_pi" + stage);
        assertEquals(hex(slice(stream, 2 * p + 2 * e, p)), hex(keys.skPr().getEncoded()),
                "SK_pr" + stage);
        assertEquals("ENCR_AES_GCM_16-256", keys.skEi().getAlgorithm());
        assertEquals(prf.macAlgorithm(), keys.skD().getAlgorithm());
    }

    /** prf(K, S) with a fresh Mac: the JDK's HMAC or the provider's AES PRF. */
    private static byte[] prf(IkePrf prf, byte[] key, byte[] data)
            throws GeneralSecurityException {
        Mac mac = prf.hasFixedKeyLength()
                ? Mac.getInstance(prf.macAlgorithm(), PROVIDER)
                : Mac.getInstance(prf.macAlgorithm());
        mac.init(new SecretKeySpec(key, prf.macAlgorithm()));
        return mac.doFinal(data);
    }

    /** prf+(K, S) = T1 | T2 | ... with T1 = prf(K, S | 0x01), Tn = prf(K, Tn-1 | S | n). */
    private static byte[] prfPlus(IkePrf prf, byte[] key, byte[] seed, int length)
            throws GeneralSecurityException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] previous = new byte[0];
        for (int n = 1; out.size() < length; n++) {
            previous = prf(prf, key, concat(previous, seed, new byte[] {(byte) n}));
            out.writeBytes(previous);
        }
        return Arrays.copyOf(out.toByteArray(), length);
    }

    private static byte[] slice(byte[] data, int offset, int length) {
        return Arrays.copyOfRange(data, offset, offset + length);
    }

    private static byte[] bytes(Random random, int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }
}
