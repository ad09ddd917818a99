package org.pqipsec.provider.ikev2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import javax.crypto.KDF;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pqipsec.provider.PQIPsecProvider;
import org.pqipsec.provider.spec.AdditionalKeyExchangeParameterSpec;
import org.pqipsec.provider.spec.ChildSaKeymatParameterSpec;
import org.pqipsec.provider.spec.ChildSaKeys;
import org.pqipsec.provider.spec.IkePrf;
import org.pqipsec.provider.spec.IkeSaKeys;
import org.pqipsec.provider.spec.IkeSaKeysParameterSpec;
import org.pqipsec.provider.spec.SkeyseedParameterSpec;

/**
 * Checks an RFC 9370 §2.2.2 key update chain with two additional key exchanges, for example
 * X25519 in IKE_SA_INIT followed by two ML-KEM exchanges in IKE_INTERMEDIATE, against a
 * reference written out here with plain {@code javax.crypto.Mac} calls. No published known
 * answers exist for RFC 9370, so the reference is the independent check.
 *
 * <pre>
 * SKEYSEED(0) = prf(Ni | Nr, g^ir)
 * SKEYSEED(n) = prf(SK_d(n-1), SK(n) | Ni | Nr)                          n = 1, 2
 * {SK_d(n) | SK_ai(n) | ... | SK_pr(n)} = prf+ (SKEYSEED(n), Ni | Nr | SPIi | SPIr)
 * KEYMAT = prf+(SK_d(2), Ni | Nr)                                   first Child SA
 * </pre>
 */
class AdditionalKeyExchangeChainTest {

    private static final PQIPsecProvider PROVIDER = new PQIPsecProvider();

    /** AES-256-GCM with its 4-byte salt, so SK_ai and SK_ar are empty. */
    private static final int AEAD_ENCRYPTION_KEY_LENGTH = 36;

    /** AES-256-CBC with HMAC-SHA2-256-128 for the run with integrity keys. */
    private static final int CBC_ENCRYPTION_KEY_LENGTH = 32;
    private static final int HMAC_SHA256_INTEGRITY_KEY_LENGTH = 32;

    @ParameterizedTest
    @EnumSource(value = IkePrf.class, names = "HMAC_.*", mode = EnumSource.Mode.MATCH_ANY)
    void chainWithAeadMatchesReference(IkePrf prf) throws GeneralSecurityException {
        runChain(prf, 0, AEAD_ENCRYPTION_KEY_LENGTH, 0x9370_0001L);
    }

    @ParameterizedTest
    @EnumSource(value = IkePrf.class, names = "HMAC_.*", mode = EnumSource.Mode.MATCH_ANY)
    void chainWithIntegrityKeysMatchesReference(IkePrf prf) throws GeneralSecurityException {
        runChain(prf, HMAC_SHA256_INTEGRITY_KEY_LENGTH, CBC_ENCRYPTION_KEY_LENGTH, 0x9370_0002L);
    }

    private static void runChain(IkePrf prf, int integrityKeyLength, int encryptionKeyLength,
            long randomSeed) throws GeneralSecurityException {
        Random random = new Random(randomSeed);
        byte[] ni = bytes(random, 32);
        byte[] nr = bytes(random, 32);
        byte[] spiI = bytes(random, 8);
        byte[] spiR = bytes(random, 8);
        byte[] gir = bytes(random, 32);
        List<byte[]> additionalSecrets = List.of(bytes(random, 32), bytes(random, 32));
        int keyStreamLength =
                3 * prf.outputLength() + 2 * integrityKeyLength + 2 * encryptionKeyLength;
        KDF kdf = KDF.getInstance(prf.kdfAlgorithm(), PROVIDER);

        // Stage 0: IKE_SA_INIT.
        SecretKey skeyseed =
                kdf.deriveKey(prf.macAlgorithm(), new SkeyseedParameterSpec(ni, nr, key(gir)));
        byte[] expectedSkeyseed = hmac(prf, concat(ni, nr), gir);
        assertHex(expectedSkeyseed, skeyseed.getEncoded(), "SKEYSEED(0)");

        IkeSaKeys keys = IkeSaKeys.derive(kdf, prf, new IkeSaKeysParameterSpec(
                skeyseed, ni, nr, spiI, spiR, integrityKeyLength, encryptionKeyLength));
        byte[] expectedStream =
                prfPlus(prf, expectedSkeyseed, concat(ni, nr, spiI, spiR), keyStreamLength);
        assertKeys(prf, expectedStream, keys, integrityKeyLength, encryptionKeyLength, 0);

        // Stages 1 and 2: one IKE_INTERMEDIATE exchange each; Ni, Nr, SPIi and SPIr stay the same.
        for (int n = 1; n <= additionalSecrets.size(); n++) {
            byte[] sharedSecret = additionalSecrets.get(n - 1);
            byte[] previousSkD = Arrays.copyOf(expectedStream, prf.outputLength());

            skeyseed = kdf.deriveKey(prf.macAlgorithm(),
                    new AdditionalKeyExchangeParameterSpec(keys.skD(), key(sharedSecret), ni, nr));
            expectedSkeyseed = hmac(prf, previousSkD, concat(sharedSecret, ni, nr));
            assertHex(expectedSkeyseed, skeyseed.getEncoded(), "SKEYSEED(" + n + ")");

            IkeSaKeys nextKeys = IkeSaKeys.derive(kdf, prf, new IkeSaKeysParameterSpec(
                    skeyseed, ni, nr, spiI, spiR, integrityKeyLength, encryptionKeyLength));
            byte[] nextStream =
                    prfPlus(prf, expectedSkeyseed, concat(ni, nr, spiI, spiR), keyStreamLength);
            assertKeys(prf, nextStream, nextKeys, integrityKeyLength, encryptionKeyLength, n);
            assertNotEquals(HexFormat.of().formatHex(expectedStream),
                    HexFormat.of().formatHex(nextStream), "stage " + n + " must change the keys");

            keys.destroy();
            keys = nextKeys;
            expectedStream = nextStream;
        }

        // First Child SA in IKE_AUTH, keyed from the final SK_d(2).
        int keymatLength = 2 * (integrityKeyLength + encryptionKeyLength);
        ChildSaKeys child = ChildSaKeys.derive(kdf,
                new ChildSaKeymatParameterSpec(keys.skD(), ni, nr, keymatLength),
                integrityKeyLength, encryptionKeyLength);
        byte[] finalSkD = Arrays.copyOf(expectedStream, prf.outputLength());
        byte[] expectedKeymat = prfPlus(prf, finalSkD, concat(ni, nr), keymatLength);
        byte[] actualKeymat = concat(
                encodedOrEmpty(child.initiatorToResponderEncryptionKey()),
                encodedOrEmpty(child.initiatorToResponderIntegrityKey()),
                encodedOrEmpty(child.responderToInitiatorEncryptionKey()),
                encodedOrEmpty(child.responderToInitiatorIntegrityKey()));
        assertHex(expectedKeymat, actualKeymat, "Child SA KEYMAT from SK_d(2)");
        assertEquals(integrityKeyLength > 0, child.initiatorToResponderIntegrityKey().isPresent());
    }

    /** Checks each SK_* of stage {@code n} against its slice of the reference stream. */
    private static void assertKeys(IkePrf prf, byte[] expectedStream, IkeSaKeys keys,
            int integrityKeyLength, int encryptionKeyLength, int n) {
        int prfLength = prf.outputLength();
        int offset = 0;

        assertHex(slice(expectedStream, offset, prfLength), keys.skD().getEncoded(),
                "SK_d(" + n + ")");
        offset += prfLength;

        assertEquals(integrityKeyLength > 0, keys.skAi().isPresent(), "SK_ai(" + n + ") present");
        if (integrityKeyLength > 0) {
            assertHex(slice(expectedStream, offset, integrityKeyLength),
                    keys.skAi().orElseThrow().getEncoded(), "SK_ai(" + n + ")");
            offset += integrityKeyLength;
            assertHex(slice(expectedStream, offset, integrityKeyLength),
                    keys.skAr().orElseThrow().getEncoded(), "SK_ar(" + n + ")");
            offset += integrityKeyLength;
        }

        assertHex(slice(expectedStream, offset, encryptionKeyLength), keys.skEi().getEncoded(),
                "SK_ei(" + n + ")");
        offset += encryptionKeyLength;
        assertHex(slice(expectedStream, offset, encryptionKeyLength), keys.skEr().getEncoded(),
                "SK_er(" + n + ")");
        offset += encryptionKeyLength;

        assertHex(slice(expectedStream, offset, prfLength), keys.skPi().getEncoded(),
                "SK_pi(" + n + ")");
        offset += prfLength;
        assertHex(slice(expectedStream, offset, prfLength), keys.skPr().getEncoded(),
                "SK_pr(" + n + ")");
        offset += prfLength;

        assertEquals(expectedStream.length, offset, "the seven keys cover the whole stream");
    }

    // Reference implementation, independent of the provider's code.

    /** prf(key, data) with a fresh JDK HMAC and a SecretKeySpec key. */
    private static byte[] hmac(IkePrf prf, byte[] key, byte[] data)
            throws GeneralSecurityException {
        Mac mac = Mac.getInstance(prf.macAlgorithm());
        mac.init(new SecretKeySpec(key, prf.macAlgorithm()));
        return mac.doFinal(data);
    }

    /** prf+ built by concatenation: T1 = prf(K, S | 0x01), Tn = prf(K, Tn-1 | S | n). */
    private static byte[] prfPlus(IkePrf prf, byte[] key, byte[] seed, int length)
            throws GeneralSecurityException {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        byte[] previousBlock = new byte[0];
        for (int n = 1; stream.size() < length; n++) {
            previousBlock = hmac(prf, key, concat(previousBlock, seed, new byte[] {(byte) n}));
            stream.writeBytes(previousBlock);
        }
        return Arrays.copyOf(stream.toByteArray(), length);
    }

    private static byte[] bytes(Random random, int length) {
        byte[] result = new byte[length];
        random.nextBytes(result);
        return result;
    }

    private static SecretKey key(byte[] bytes) {
        return new SecretKeySpec(bytes, "RAW");
    }

    private static byte[] encodedOrEmpty(Optional<SecretKey> key) {
        return key.map(SecretKey::getEncoded).orElse(new byte[0]);
    }

    private static byte[] slice(byte[] source, int offset, int length) {
        return Arrays.copyOfRange(source, offset, offset + length);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static void assertHex(byte[] expected, byte[] actual, String label) {
        assertEquals(HexFormat.of().formatHex(expected), HexFormat.of().formatHex(actual), label);
    }
}
