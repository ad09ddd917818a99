package org.pqipsec.kat.ikev2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.pqipsec.kat.ikev2.Vectors.key;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.spec.AlgorithmParameterSpec;
import java.util.List;

import javax.crypto.KDF;
import javax.crypto.SecretKey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pqipsec.provider.ike.IkeKeyExchange;
import org.pqipsec.provider.spec.ChildSaKeymatParameterSpec;
import org.pqipsec.provider.spec.EncryptionAlgorithm;
import org.pqipsec.provider.spec.EncryptionTransform;
import org.pqipsec.provider.spec.IkePrf;
import org.pqipsec.provider.spec.IkeSaKeysParameterSpec;
import org.pqipsec.provider.spec.IkeSaRekeyParameterSpec;
import org.pqipsec.provider.spec.IntegrityAlgorithm;
import org.pqipsec.provider.spec.IntermediateAuthParameterSpec;
import org.pqipsec.provider.spec.PrfPlusParameterSpec;
import org.pqipsec.provider.spec.SkeyseedParameterSpec;

/** Bad inputs are rejected with InvalidAlgorithmParameterException naming the field. */
class BadInputTest {

    private static final byte[] NONCE = new byte[8];
    private static final byte[] SPI = new byte[8];

    @ParameterizedTest
    @EnumSource(IkePrf.class)
    void emptyNonceRejected(IkePrf prf) throws GeneralSecurityException {
        assertRejected(prf, new SkeyseedParameterSpec(new byte[0], NONCE, key(new byte[32])),
                "ni is empty; expected a nonce of 1 byte or more");
        assertRejected(prf, new ChildSaKeymatParameterSpec(
                key(new byte[prf.outputLength()]), NONCE, new byte[0], 32),
                "nr is empty; expected a nonce of 1 byte or more");
    }

    @ParameterizedTest
    @EnumSource(IkePrf.class)
    void emptySharedSecretRejected(IkePrf prf) throws GeneralSecurityException {
        SecretKey empty = new EmptyKey();
        assertRejected(prf, new SkeyseedParameterSpec(NONCE, NONCE, empty),
                "sharedSecret is empty; expected 1 byte or more");
        assertRejected(prf, new IkeSaRekeyParameterSpec(key(new byte[prf.outputLength()]),
                List.of(key(new byte[32]), empty), NONCE, NONCE),
                "sharedSecrets[1] is empty; expected 1 byte or more");
        assertRejected(prf, ChildSaKeymatParameterSpec.withKeyExchanges(
                key(new byte[prf.outputLength()]), List.of(empty), NONCE, NONCE, 32),
                "sharedSecret is empty; expected 1 byte or more");
    }

    @ParameterizedTest
    @EnumSource(IkePrf.class)
    void wrongSkDLengthRejected(IkePrf prf) throws GeneralSecurityException {
        int wrong = prf.outputLength() + 1;
        assertRejected(prf, new ChildSaKeymatParameterSpec(key(new byte[wrong]), NONCE, NONCE, 32),
                "skD must be " + prf.outputLength() + " bytes, the output length of " + prf
                        + ", got " + wrong);
        assertRejected(prf, new IkeSaRekeyParameterSpec(key(new byte[wrong]),
                List.of(key(new byte[32])), NONCE, NONCE),
                "oldSkD must be " + prf.outputLength() + " bytes, the output length of " + prf
                        + ", got " + wrong);
        assertRejected(prf, new IntermediateAuthParameterSpec(key(new byte[wrong]), null,
                new byte[28], null),
                "skP must be " + prf.outputLength() + " bytes, the output length of " + prf
                        + ", got " + wrong);
    }

    @ParameterizedTest
    @EnumSource(IkePrf.class)
    void outputBeyondPrfPlusLimitRejected(IkePrf prf) throws GeneralSecurityException {
        int limit = 255 * prf.outputLength();
        KDF kdf = Vectors.kdf(prf);
        assertEquals(limit, kdf.deriveData(
                new PrfPlusParameterSpec(key(new byte[16]), NONCE, limit)).length);

        assertRejected(prf, new PrfPlusParameterSpec(key(new byte[16]), NONCE, limit + 1),
                "length must be at most " + limit + " bytes (255 blocks of the "
                        + prf.outputLength() + "-byte " + prf + " output), got " + (limit + 1));
    }

    @Test
    void aesPrfNonceShorterThan64BitsRejected() throws GeneralSecurityException {
        assertRejected(IkePrf.AES128_XCBC,
                new SkeyseedParameterSpec(new byte[7], NONCE, key(new byte[32])),
                "ni must be at least 8 bytes for AES128_XCBC, whose SKEYSEED key is the first 8"
                        + " bytes of Ni and of Nr, got 7");
    }

    @Test
    void integrityWithAeadRejected() throws GeneralSecurityException {
        EncryptionTransform gcm = new EncryptionTransform(EncryptionAlgorithm.AES_GCM_16, 128);
        assertRejected(IkePrf.HMAC_SHA2_256, new IkeSaKeysParameterSpec(key(new byte[32]),
                NONCE, NONCE, SPI, SPI, gcm, IntegrityAlgorithm.HMAC_SHA2_256_128),
                "integrity must be absent for ENCR_AES_GCM_16, an AEAD cipher, got "
                        + "AUTH_HMAC_SHA2_256_128");
        EncryptionTransform cbc = new EncryptionTransform(EncryptionAlgorithm.AES_CBC, 128);
        assertRejected(IkePrf.HMAC_SHA2_256, new IkeSaKeysParameterSpec(key(new byte[32]),
                NONCE, NONCE, SPI, SPI, cbc, null),
                "integrity is missing; ENCR_AES_CBC needs an integrity algorithm");
    }

    @Test
    void unknownTransformIdRejected() {
        InvalidAlgorithmParameterException e = assertThrows(
                InvalidAlgorithmParameterException.class,
                () -> IkeKeyExchange.method(99));
        assertEquals("transformId 99 is not a supported key exchange method; expected 14, 19,"
                + " 20, 21, 31, 32, 35, 36 or 37", e.getMessage());
    }

    private static void assertRejected(IkePrf prf, AlgorithmParameterSpec spec, String message)
            throws GeneralSecurityException {
        KDF kdf = Vectors.kdf(prf);
        InvalidAlgorithmParameterException e = assertThrows(
                InvalidAlgorithmParameterException.class, () -> kdf.deriveData(spec));
        // KDF.getInstance with delayed provider selection wraps the provider's exception, of the
        // same type, as the cause.
        InvalidAlgorithmParameterException cause =
                assertInstanceOf(InvalidAlgorithmParameterException.class, e.getCause());
        assertEquals(message, cause.getMessage());
    }

    /** A key whose encoding is empty, which SecretKeySpec cannot hold. */
    private static final class EmptyKey implements SecretKey {
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
}
