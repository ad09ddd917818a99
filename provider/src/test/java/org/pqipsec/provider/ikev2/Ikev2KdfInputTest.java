package org.pqipsec.provider.ikev2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serial;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import javax.crypto.KDF;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.pqipsec.provider.PQIPsecProvider;
import org.pqipsec.provider.spec.AdditionalKeyExchangeParameterSpec;
import org.pqipsec.provider.spec.ChildSaKeymatParameterSpec;
import org.pqipsec.provider.spec.IkePrf;
import org.pqipsec.provider.spec.IkeSaKeysParameterSpec;
import org.pqipsec.provider.spec.PrfPlusParameterSpec;
import org.pqipsec.provider.spec.SkeyseedParameterSpec;

/**
 * Checks that every invalid spec field is rejected with {@link InvalidAlgorithmParameterException}
 * whose message starts with the field name and states what was expected, and that the message
 * never contains key bytes. The table cases use the KDF for HMAC-SHA2-256, whose output is 32
 * bytes and whose prf+ limit is 8160 bytes.
 */
class Ikev2KdfInputTest {

    private static final PQIPsecProvider PROVIDER = new PQIPsecProvider();

    /** A byte that fills every secret here, so a message that leaked key bytes would show it. */
    private static final byte SECRET_FILL = 0x5a;

    private static final byte[] NONCE = filled(32, (byte) 0x11);
    private static final byte[] SPI = filled(8, (byte) 0x22);
    private static final SecretKey SECRET = secret(32);
    private static final SecretKey PRF_KEY = secret(32);

    /** A key whose {@code getEncoded()} returns null, like a key kept inside a token. */
    private static final class NonExtractableKey implements SecretKey {
        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public String getAlgorithm() {
            return "RAW";
        }

        @Override
        public String getFormat() {
            return null;
        }

        @Override
        public byte[] getEncoded() {
            return null;
        }
    }

    /** A key with an empty encoding, which {@code SecretKeySpec} cannot hold. */
    private static final class EmptyKey implements SecretKey {
        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public String getAlgorithm() {
            return "RAW";
        }

        @Override
        public String getFormat() {
            return "RAW";
        }

        @Override
        public byte[] getEncoded() {
            return new byte[0];
        }
    }

    static Stream<Arguments> invalidSpecs() {
        return Stream.of(
                // prf+ (RFC 7296 §2.13)
                invalid("prf+ null key", new PrfPlusParameterSpec(null, NONCE, 32),
                        "key is missing"),
                invalid("prf+ non-extractable key",
                        new PrfPlusParameterSpec(new NonExtractableKey(), NONCE, 32),
                        "key is not extractable", "getEncoded() returned null"),
                invalid("prf+ empty key", new PrfPlusParameterSpec(new EmptyKey(), NONCE, 32),
                        "key is empty", "1 byte or more"),
                invalid("prf+ null seed", new PrfPlusParameterSpec(PRF_KEY, null, 32),
                        "seed is missing"),
                invalid("prf+ zero length", new PrfPlusParameterSpec(PRF_KEY, NONCE, 0),
                        "length must be 1 or more", "got 0"),
                invalid("prf+ negative length", new PrfPlusParameterSpec(PRF_KEY, NONCE, -1),
                        "length must be 1 or more", "got -1"),
                invalid("prf+ 256 blocks", new PrfPlusParameterSpec(PRF_KEY, NONCE, 255 * 32 + 1),
                        "length must be at most 8160 bytes", "255 blocks", "got 8161"),

                // SKEYSEED (RFC 7296 §2.14)
                invalid("SKEYSEED null Ni", new SkeyseedParameterSpec(null, NONCE, SECRET),
                        "ni is missing", "nonce of 1 byte or more"),
                invalid("SKEYSEED empty Ni", new SkeyseedParameterSpec(new byte[0], NONCE, SECRET),
                        "ni is empty", "nonce of 1 byte or more"),
                invalid("SKEYSEED null Nr", new SkeyseedParameterSpec(NONCE, null, SECRET),
                        "nr is missing"),
                invalid("SKEYSEED empty Nr", new SkeyseedParameterSpec(NONCE, new byte[0], SECRET),
                        "nr is empty"),
                invalid("SKEYSEED null g^ir", new SkeyseedParameterSpec(NONCE, NONCE, null),
                        "sharedSecret is missing"),
                invalid("SKEYSEED empty g^ir",
                        new SkeyseedParameterSpec(NONCE, NONCE, new EmptyKey()),
                        "sharedSecret is empty"),
                invalid("SKEYSEED non-extractable g^ir",
                        new SkeyseedParameterSpec(NONCE, NONCE, new NonExtractableKey()),
                        "sharedSecret is not extractable"),

                // SK_* (RFC 7296 §2.14)
                invalid("SK_* SKEYSEED of SHA-1 length",
                        ikeSaSpec(secret(20), NONCE, SPI, SPI, 32, 32),
                        "skeyseed must be 32 bytes", "HMAC_SHA2_256", "got 20"),
                invalid("SK_* SKEYSEED of SHA-384 length",
                        ikeSaSpec(secret(48), NONCE, SPI, SPI, 32, 32),
                        "skeyseed must be 32 bytes", "got 48"),
                invalid("SK_* non-extractable SKEYSEED",
                        ikeSaSpec(new NonExtractableKey(), NONCE, SPI, SPI, 32, 32),
                        "skeyseed is not extractable"),
                invalid("SK_* null SKEYSEED", ikeSaSpec(null, NONCE, SPI, SPI, 32, 32),
                        "skeyseed is missing"),
                invalid("SK_* empty Ni",
                        new IkeSaKeysParameterSpec(PRF_KEY, new byte[0], NONCE, SPI, SPI, 32, 32),
                        "ni is empty"),
                invalid("SK_* null Nr",
                        new IkeSaKeysParameterSpec(PRF_KEY, NONCE, null, SPI, SPI, 32, 32),
                        "nr is missing"),
                invalid("SK_* 7-byte SPIi", ikeSaSpec(PRF_KEY, NONCE, new byte[7], SPI, 32, 32),
                        "spiI must be 8 bytes", "got 7"),
                invalid("SK_* 9-byte SPIr", ikeSaSpec(PRF_KEY, NONCE, SPI, new byte[9], 32, 32),
                        "spiR must be 8 bytes", "got 9"),
                invalid("SK_* null SPIi", ikeSaSpec(PRF_KEY, NONCE, null, SPI, 32, 32),
                        "spiI is missing", "8 bytes"),
                invalid("SK_* empty SPIr", ikeSaSpec(PRF_KEY, NONCE, SPI, new byte[0], 32, 32),
                        "spiR must be 8 bytes", "got 0"),
                invalid("SK_* negative integrity length",
                        ikeSaSpec(PRF_KEY, NONCE, SPI, SPI, -1, 32),
                        "integrityKeyLength must be 0 or more", "got -1"),
                invalid("SK_* zero encryption length", ikeSaSpec(PRF_KEY, NONCE, SPI, SPI, 32, 0),
                        "encryptionKeyLength must be 1 or more", "got 0"),
                invalid("SK_* negative encryption length",
                        ikeSaSpec(PRF_KEY, NONCE, SPI, SPI, 0, -36),
                        "encryptionKeyLength must be 1 or more", "got -36"),
                invalid("SK_* beyond 255 blocks", ikeSaSpec(PRF_KEY, NONCE, SPI, SPI, 4000, 33),
                        "integrityKeyLength 4000 and encryptionKeyLength 33", "need 8162 bytes",
                        "at most 8160 bytes"),
                invalid("SK_* lengths that overflow int",
                        ikeSaSpec(PRF_KEY, NONCE, SPI, SPI, Integer.MAX_VALUE, Integer.MAX_VALUE),
                        "integrityKeyLength 2147483647", "need 8589934684 bytes",
                        "at most 8160 bytes"),

                // SKEYSEED(n) (RFC 9370 §2.2.2)
                invalid("SKEYSEED(n) SK_d of SHA-1 length",
                        new AdditionalKeyExchangeParameterSpec(secret(20), SECRET, NONCE, NONCE),
                        "previousSkD must be 32 bytes", "got 20"),
                invalid("SKEYSEED(n) SK_d of SHA-512 length",
                        new AdditionalKeyExchangeParameterSpec(secret(64), SECRET, NONCE, NONCE),
                        "previousSkD must be 32 bytes", "got 64"),
                invalid("SKEYSEED(n) null SK_d",
                        new AdditionalKeyExchangeParameterSpec(null, SECRET, NONCE, NONCE),
                        "previousSkD is missing"),
                invalid("SKEYSEED(n) empty SK(n)",
                        new AdditionalKeyExchangeParameterSpec(
                                PRF_KEY, new EmptyKey(), NONCE, NONCE),
                        "sharedSecret is empty"),
                invalid("SKEYSEED(n) non-extractable SK(n)",
                        new AdditionalKeyExchangeParameterSpec(
                                PRF_KEY, new NonExtractableKey(), NONCE, NONCE),
                        "sharedSecret is not extractable"),
                invalid("SKEYSEED(n) null SK(n)",
                        new AdditionalKeyExchangeParameterSpec(PRF_KEY, null, NONCE, NONCE),
                        "sharedSecret is missing"),
                invalid("SKEYSEED(n) null Ni",
                        new AdditionalKeyExchangeParameterSpec(PRF_KEY, SECRET, null, NONCE),
                        "ni is missing"),
                invalid("SKEYSEED(n) empty Nr",
                        new AdditionalKeyExchangeParameterSpec(PRF_KEY, SECRET, NONCE, new byte[0]),
                        "nr is empty"),

                // KEYMAT (RFC 7296 §2.17)
                invalid("KEYMAT SK_d of SHA-1 length",
                        new ChildSaKeymatParameterSpec(secret(20), NONCE, NONCE, 64),
                        "skD must be 32 bytes", "got 20"),
                invalid("KEYMAT non-extractable SK_d",
                        new ChildSaKeymatParameterSpec(new NonExtractableKey(), NONCE, NONCE, 64),
                        "skD is not extractable"),
                invalid("KEYMAT empty Ni",
                        new ChildSaKeymatParameterSpec(PRF_KEY, new byte[0], NONCE, 64),
                        "ni is empty"),
                invalid("KEYMAT null Nr", new ChildSaKeymatParameterSpec(PRF_KEY, NONCE, null, 64),
                        "nr is missing"),
                invalid("KEYMAT zero length",
                        new ChildSaKeymatParameterSpec(PRF_KEY, NONCE, NONCE, 0),
                        "length must be 1 or more", "got 0"),
                invalid("KEYMAT negative length",
                        new ChildSaKeymatParameterSpec(PRF_KEY, NONCE, NONCE, -72),
                        "length must be 1 or more", "got -72"),
                invalid("KEYMAT 256 blocks",
                        new ChildSaKeymatParameterSpec(PRF_KEY, NONCE, NONCE, 8161),
                        "length must be at most 8160 bytes", "got 8161"),
                invalid("KEYMAT empty g^ir (new)",
                        new ChildSaKeymatParameterSpec(PRF_KEY, new EmptyKey(), NONCE, NONCE, 64),
                        "sharedSecret is empty"),
                invalid("KEYMAT non-extractable g^ir (new)",
                        new ChildSaKeymatParameterSpec(
                                PRF_KEY, new NonExtractableKey(), NONCE, NONCE, 64),
                        "sharedSecret is not extractable"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSpecs")
    void invalidSpecRejectedByKdf(String name, AlgorithmParameterSpec spec, List<String> expected)
            throws GeneralSecurityException {
        KDF kdf = KDF.getInstance(IkePrf.HMAC_SHA2_256.kdfAlgorithm(), PROVIDER);

        InvalidAlgorithmParameterException thrown =
                assertThrows(InvalidAlgorithmParameterException.class, () -> kdf.deriveData(spec));

        // KDF wraps the provider's exception in one that names the provider; the cause is ours.
        InvalidAlgorithmParameterException cause =
                assertInstanceOf(InvalidAlgorithmParameterException.class, thrown.getCause());
        assertMessage(expected, cause.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSpecs")
    void invalidSpecRejectedByDeriveKey(
            String name, AlgorithmParameterSpec spec, List<String> expected)
            throws GeneralSecurityException {
        KDF kdf = KDF.getInstance(IkePrf.HMAC_SHA2_256.kdfAlgorithm(), PROVIDER);

        InvalidAlgorithmParameterException thrown = assertThrows(
                InvalidAlgorithmParameterException.class, () -> kdf.deriveKey("AES", spec));

        assertMessage(expected, thrown.getCause().getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSpecs")
    void invalidSpecRejectedBySpi(String name, AlgorithmParameterSpec spec, List<String> expected)
            throws GeneralSecurityException {
        Ikev2Kdf spi = new Ikev2Kdf.HmacSha256(null);

        InvalidAlgorithmParameterException thrown =
                assertThrows(InvalidAlgorithmParameterException.class,
                        () -> spi.engineDeriveData(spec));

        assertMessage(expected, thrown.getMessage());
    }

    /** Checks that the prf+ limit is 255 blocks of the service's PRF output. */
    @ParameterizedTest
    @EnumSource(IkePrf.class)
    void prfPlusLimitIs255Blocks(IkePrf prf) throws GeneralSecurityException {
        KDF kdf = KDF.getInstance(prf.kdfAlgorithm(), PROVIDER);
        int limit = 255 * prf.outputLength();
        SecretKey key = secret(prf.outputLength());

        byte[] longest = kdf.deriveData(new PrfPlusParameterSpec(key, NONCE, limit));
        InvalidAlgorithmParameterException thrown = assertThrows(
                InvalidAlgorithmParameterException.class,
                () -> kdf.deriveData(new PrfPlusParameterSpec(key, NONCE, limit + 1)));

        assertEquals(limit, longest.length);
        assertMessage(List.of("length must be at most " + limit + " bytes", "got " + (limit + 1)),
                thrown.getCause().getMessage());
    }

    /** Checks that SK_d must have the output length of the service's own PRF. */
    @ParameterizedTest
    @EnumSource(IkePrf.class)
    void skDLengthFollowsPrf(IkePrf prf) throws GeneralSecurityException {
        KDF kdf = KDF.getInstance(prf.kdfAlgorithm(), PROVIDER);
        SecretKey wrongSkD = secret(prf.outputLength() + 1);

        InvalidAlgorithmParameterException thrown = assertThrows(
                InvalidAlgorithmParameterException.class,
                () -> kdf.deriveData(new ChildSaKeymatParameterSpec(wrongSkD, NONCE, NONCE, 64)));

        assertMessage(List.of("skD must be " + prf.outputLength() + " bytes", prf.name()),
                thrown.getCause().getMessage());
    }

    /** RFC 7296's 16-byte nonce minimum belongs to the protocol layer, not the KDF. */
    @Test
    void oneByteNoncesAccepted() throws GeneralSecurityException {
        KDF kdf = KDF.getInstance(IkePrf.HMAC_SHA2_256.kdfAlgorithm(), PROVIDER);

        SkeyseedParameterSpec spec =
                new SkeyseedParameterSpec(new byte[] {1}, new byte[] {2}, SECRET);

        byte[] skeyseed = kdf.deriveData(spec);

        assertEquals(32, skeyseed.length);
    }

    /** An empty seed is valid input for prf+, unlike a null one. */
    @Test
    void prfPlusAcceptsEmptySeed() throws GeneralSecurityException {
        KDF kdf = KDF.getInstance(IkePrf.HMAC_SHA2_256.kdfAlgorithm(), PROVIDER);

        byte[] output = kdf.deriveData(new PrfPlusParameterSpec(PRF_KEY, new byte[0], 40));

        assertEquals(40, output.length);
    }

    @Test
    void childSpecWithNullSharedSecretRejected() {
        NullPointerException thrown = assertThrows(NullPointerException.class,
                () -> new ChildSaKeymatParameterSpec(PRF_KEY, null, NONCE, NONCE, 64));

        assertTrue(thrown.getMessage().contains("sharedSecret"), thrown.getMessage());
    }

    private static Arguments invalid(String name, AlgorithmParameterSpec spec, String... expected) {
        return Arguments.of(name, spec, List.of(expected));
    }

    private static IkeSaKeysParameterSpec ikeSaSpec(SecretKey skeyseed, byte[] nonce, byte[] spiI,
            byte[] spiR, int integrityKeyLength, int encryptionKeyLength) {
        return new IkeSaKeysParameterSpec(
                skeyseed, nonce, nonce, spiI, spiR, integrityKeyLength, encryptionKeyLength);
    }

    private static void assertMessage(List<String> expected, String message) {
        assertTrue(message.startsWith(expected.getFirst()),
                "message should start with '" + expected.getFirst() + "': " + message);
        for (String fragment : expected) {
            assertTrue(message.contains(fragment),
                    "message should contain '" + fragment + "': " + message);
        }
        String lowerCase = message.toLowerCase();
        assertFalse(lowerCase.contains("5a5a") || lowerCase.contains("wlpa"),
                "message must not contain key bytes: " + message);
    }

    private static SecretKey secret(int length) {
        return new SecretKeySpec(filled(length, SECRET_FILL), "RAW");
    }

    private static byte[] filled(int length, byte value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, value);
        return bytes;
    }
}
