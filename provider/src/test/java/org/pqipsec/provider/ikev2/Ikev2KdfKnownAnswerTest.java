package org.pqipsec.provider.ikev2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;

import javax.crypto.KDF;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pqipsec.provider.PQIPsecProvider;
import org.pqipsec.provider.spec.AdditionalKeyExchangeParameterSpec;
import org.pqipsec.provider.spec.ChildSaKeymatParameterSpec;
import org.pqipsec.provider.spec.ChildSaKeys;
import org.pqipsec.provider.spec.IkePrf;
import org.pqipsec.provider.spec.IkeSaKeys;
import org.pqipsec.provider.spec.IkeSaKeysParameterSpec;
import org.pqipsec.provider.spec.PrfPlusParameterSpec;
import org.pqipsec.provider.spec.SkeyseedParameterSpec;

/**
 * Runs the KDF services through {@code KDF.getInstance(name, provider)} against the known answers
 * in {@code /ikev2/ikev2-kdf-kat.txt} (NIST CAVP SP 800-135 records via NSS and strongSwan, NSS,
 * strongSwan and AOSP unit-test vectors; see PROVENANCE.md beside the file), one case per record.
 */
class Ikev2KdfKnownAnswerTest {

    private static final PQIPsecProvider PROVIDER = new PQIPsecProvider();

    static Stream<KnownAnswers.Record> prfPlusRecords() {
        return KnownAnswers.ofKind("prfPlus");
    }

    static Stream<KnownAnswers.Record> skeyseedRecords() {
        return Stream.concat(KnownAnswers.ofKind("skeyseed"), KnownAnswers.ofKind("ikeSa"));
    }

    static Stream<KnownAnswers.Record> ikeSaRecords() {
        return KnownAnswers.ofKind("ikeSa");
    }

    static Stream<KnownAnswers.Record> childSaRecords() {
        return KnownAnswers.ofKind("childSa");
    }

    static Stream<KnownAnswers.Record> rekeyRecords() {
        return KnownAnswers.ofKind("rekey");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("prfPlusRecords")
    void prfPlusMatchesKnownAnswer(KnownAnswers.Record record) throws GeneralSecurityException {
        KDF kdf = kdf(record.prf());
        PrfPlusParameterSpec spec = new PrfPlusParameterSpec(
                key(record.hex("key")), record.hex("seed"), record.number("length"));

        assertHexEquals(record.hex("out"), kdf.deriveData(spec));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("skeyseedRecords")
    void skeyseedMatchesKnownAnswer(KnownAnswers.Record record) throws GeneralSecurityException {
        KDF kdf = kdf(record.prf());
        SkeyseedParameterSpec spec = new SkeyseedParameterSpec(
                record.hex("ni"), record.hex("nr"), key(record.hex("gir")));

        byte[] skeyseed = kdf.deriveData(spec);

        assertHexEquals(record.hex("skeyseed"), skeyseed);
        assertEquals(record.prf().outputLength(), skeyseed.length);
    }

    /** CAVP DKM is raw prf+ (SKEYSEED, Ni | Nr | SPIi | SPIr) truncated to dkmLength bytes. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("ikeSaRecords")
    void ikeSaDkmMatchesPrfPlus(KnownAnswers.Record record) throws GeneralSecurityException {
        KDF kdf = kdf(record.prf());
        byte[] seed = concat(
                record.hex("ni"), record.hex("nr"), record.hex("spiI"), record.hex("spiR"));
        PrfPlusParameterSpec spec = new PrfPlusParameterSpec(
                key(record.hex("skeyseed")), seed, record.number("dkmLength"));

        assertHexEquals(record.hex("dkm"), kdf.deriveData(spec));
    }

    /**
     * The SK_* stream is a prefix-consistent prf+ output, so it must agree with DKM on their
     * common length. The key lengths per PRF are chosen so that the whole stream fits in the
     * 384-byte DKM of the {@code Ni length=2048} groups; with the 132-byte DKM the test checks the
     * first 132 bytes.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("ikeSaRecords")
    void ikeSaKeysMatchDkm(KnownAnswers.Record record) throws GeneralSecurityException {
        IkePrf prf = record.prf();
        int integrityKeyLength = prf.outputLength();
        int encryptionKeyLength = prf == IkePrf.HMAC_SHA2_384 ? 36 : 32;
        IkeSaKeysParameterSpec spec = new IkeSaKeysParameterSpec(
                key(record.hex("skeyseed")),
                record.hex("ni"),
                record.hex("nr"),
                record.hex("spiI"),
                record.hex("spiR"),
                integrityKeyLength,
                encryptionKeyLength);

        IkeSaKeys keys = IkeSaKeys.derive(kdf(prf), prf, spec);
        byte[] stream = concat(
                keys.skD().getEncoded(),
                keys.skAi().orElseThrow().getEncoded(),
                keys.skAr().orElseThrow().getEncoded(),
                keys.skEi().getEncoded(),
                keys.skEr().getEncoded(),
                keys.skPi().getEncoded(),
                keys.skPr().getEncoded());

        assertEquals(3 * prf.outputLength() + 2 * integrityKeyLength + 2 * encryptionKeyLength,
                stream.length);
        assertArrayEquals(kdf(prf).deriveData(spec), stream, "split keys differ from deriveData");
        byte[] dkm = record.hex("dkm");
        int common = Math.min(dkm.length, stream.length);
        assertHexEquals(Arrays.copyOf(dkm, common), Arrays.copyOf(stream, common));
        if (record.source().contains("Ni length=2048")) {
            assertTrue(stream.length <= dkm.length, "the DKM covers the whole SK_* stream");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("childSaRecords")
    void childSaKeymatMatchesKnownAnswer(KnownAnswers.Record record)
            throws GeneralSecurityException {
        KDF kdf = kdf(record.prf());

        byte[] keymat = kdf.deriveData(childSpec(record, record.number("dkmLength")));

        assertHexEquals(record.hex("dkm"), keymat);
    }

    /**
     * Splits the first 96 KEYMAT bytes as ESP with AES-CBC-128 and HMAC-SHA-256-128 and checks the
     * RFC 7296 §2.17 order: encryption key before integrity key, initiator-to-responder first.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("childSaRecords")
    void childSaKeysFollowKeymatOrder(KnownAnswers.Record record) throws GeneralSecurityException {
        byte[] dkm = record.hex("dkm");
        int encryptionKeyLength = 16;
        int integrityKeyLength = 32;

        ChildSaKeys keys = ChildSaKeys.derive(
                kdf(record.prf()), childSpec(record, 96), integrityKeyLength, encryptionKeyLength);

        assertHexEquals(Arrays.copyOfRange(dkm, 0, 16),
                encoded(keys.initiatorToResponderEncryptionKey()));
        assertHexEquals(Arrays.copyOfRange(dkm, 16, 48),
                encoded(keys.initiatorToResponderIntegrityKey()));
        assertHexEquals(Arrays.copyOfRange(dkm, 48, 64),
                encoded(keys.responderToInitiatorEncryptionKey()));
        assertHexEquals(Arrays.copyOfRange(dkm, 64, 96),
                encoded(keys.responderToInitiatorIntegrityKey()));
    }

    /** SKEYSEED(Rekey) of RFC 7296 §2.18 uses the formula of RFC 9370 §2.2.2. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rekeyRecords")
    void rekeySkeyseedMatchesKnownAnswer(KnownAnswers.Record record)
            throws GeneralSecurityException {
        KDF kdf = kdf(record.prf());
        AdditionalKeyExchangeParameterSpec spec = new AdditionalKeyExchangeParameterSpec(
                key(record.hex("skDOld")),
                key(record.hex("girNew")),
                record.hex("ni"),
                record.hex("nr"));

        SecretKey skeyseed = kdf.deriveKey("HmacSHA256", spec);

        assertEquals("HmacSHA256", skeyseed.getAlgorithm());
        assertHexEquals(record.hex("skeyseed"), skeyseed.getEncoded());
    }

    private static ChildSaKeymatParameterSpec childSpec(KnownAnswers.Record record, int length) {
        SecretKey skD = key(record.hex("skD"));
        if (record.has("girNew")) {
            return new ChildSaKeymatParameterSpec(
                    skD, key(record.hex("girNew")), record.hex("ni"), record.hex("nr"), length);
        }
        return new ChildSaKeymatParameterSpec(skD, record.hex("ni"), record.hex("nr"), length);
    }

    private static KDF kdf(IkePrf prf) throws GeneralSecurityException {
        return KDF.getInstance(prf.kdfAlgorithm(), PROVIDER);
    }

    private static SecretKey key(byte[] bytes) {
        return new SecretKeySpec(bytes, "RAW");
    }

    private static byte[] encoded(Optional<SecretKey> key) {
        return key.orElseThrow().getEncoded();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Compares as hex strings, so that a failure shows both values. */
    private static void assertHexEquals(byte[] expected, byte[] actual) {
        assertEquals(HexFormat.of().formatHex(expected), HexFormat.of().formatHex(actual));
    }
}
