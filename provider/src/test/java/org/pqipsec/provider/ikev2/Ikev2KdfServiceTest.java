package org.pqipsec.provider.ikev2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import javax.crypto.KDF;
import javax.crypto.KDFParameters;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pqipsec.provider.PQIPsecProvider;
import org.pqipsec.provider.key.DestroyableSecretKey;
import org.pqipsec.provider.spec.IkePrf;
import org.pqipsec.provider.spec.SkeyseedParameterSpec;

/** Checks the KDF services as a JCA caller sees them through {@link PQIPsecProvider}. */
class Ikev2KdfServiceTest {

    private static final PQIPsecProvider PROVIDER = new PQIPsecProvider();

    private static final Map<IkePrf, Class<?>> IMPLEMENTATIONS = Map.of(
            IkePrf.HMAC_SHA1, Ikev2Kdf.HmacSha1.class,
            IkePrf.AES128_XCBC, Ikev2Kdf.Aes128Xcbc.class,
            IkePrf.AES128_CMAC, Ikev2Kdf.Aes128Cmac.class,
            IkePrf.HMAC_SHA2_256, Ikev2Kdf.HmacSha256.class,
            IkePrf.HMAC_SHA2_384, Ikev2Kdf.HmacSha384.class,
            IkePrf.HMAC_SHA2_512, Ikev2Kdf.HmacSha512.class);

    private static final byte[] NI = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
    private static final byte[] NR = HexFormat.of().parseHex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff");
    private static final SecretKey GIR = new SecretKeySpec(new byte[32], "RAW");

    @Test
    void kdfFromProviderByName() throws GeneralSecurityException {
        KDF kdf = KDF.getInstance("IKEv2-HMAC-SHA256", new PQIPsecProvider());

        assertEquals("IKEv2-HMAC-SHA256", kdf.getAlgorithm());
        assertEquals(PQIPsecProvider.NAME, kdf.getProviderName());
        assertEquals(32, kdf.deriveData(new SkeyseedParameterSpec(NI, NR, GIR)).length);
    }

    @ParameterizedTest
    @EnumSource(IkePrf.class)
    void serviceRegisteredPerPrf(IkePrf prf) {
        Provider.Service service = PROVIDER.getService("KDF", prf.kdfAlgorithm());

        assertNotNull(service, prf.kdfAlgorithm() + " is not registered");
        assertEquals(IMPLEMENTATIONS.get(prf).getName(), service.getClassName());
    }

    @ParameterizedTest
    @EnumSource(IkePrf.class)
    void serviceFoundByIanaAlias(IkePrf prf) throws GeneralSecurityException {
        KDF kdf = KDF.getInstance("IKEv2-PRF-" + prf.ianaId(), PROVIDER);

        byte[] skeyseed = kdf.deriveData(new SkeyseedParameterSpec(NI, NR, GIR));

        assertEquals(prf.outputLength(), skeyseed.length);
    }

    @Test
    void kdfNamesMatchIanaPrfs() {
        assertEquals("IKEv2-HMAC-SHA256", IkePrf.HMAC_SHA2_256.kdfAlgorithm());
        assertEquals("IKEv2-HMAC-SHA384", IkePrf.HMAC_SHA2_384.kdfAlgorithm());
        assertEquals("IKEv2-HMAC-SHA512", IkePrf.HMAC_SHA2_512.kdfAlgorithm());
        assertEquals(Optional.of(IkePrf.HMAC_SHA2_256), IkePrf.fromIanaId(5));
        assertEquals(Optional.of(IkePrf.HMAC_SHA2_384), IkePrf.fromIanaId(6));
        assertEquals(Optional.of(IkePrf.HMAC_SHA2_512), IkePrf.fromIanaId(7));
        assertEquals(Optional.of(IkePrf.HMAC_SHA1), IkePrf.fromIanaId(2));
        assertEquals(Optional.of(IkePrf.AES128_XCBC), IkePrf.fromIanaId(4));
        assertEquals(Optional.of(IkePrf.AES128_CMAC), IkePrf.fromIanaId(8));
        assertEquals(Optional.empty(), IkePrf.fromIanaId(1), "PRF_HMAC_MD5 is not supported");
        assertEquals(Optional.empty(), IkePrf.fromIanaId(3), "PRF_HMAC_TIGER is not supported");
    }

    @ParameterizedTest
    @EnumSource(value = IkePrf.class, names = "HMAC_.*", mode = EnumSource.Mode.MATCH_ANY)
    void outputLengthMatchesJdkMac(IkePrf prf) throws GeneralSecurityException {
        assertEquals(Mac.getInstance(prf.macAlgorithm()).getMacLength(), prf.outputLength());
    }

    /** Checks each service's SKEYSEED against the JDK HMAC of that service's PRF. */
    @ParameterizedTest
    @EnumSource(value = IkePrf.class, names = "HMAC_.*", mode = EnumSource.Mode.MATCH_ANY)
    void skeyseedUsesServicePrf(IkePrf prf) throws GeneralSecurityException {
        KDF kdf = KDF.getInstance(prf.kdfAlgorithm(), PROVIDER);
        Mac mac = Mac.getInstance(prf.macAlgorithm());
        mac.init(new SecretKeySpec(concat(NI, NR), prf.macAlgorithm()));

        byte[] skeyseed = kdf.deriveData(new SkeyseedParameterSpec(NI, NR, GIR));

        assertArrayEquals(mac.doFinal(GIR.getEncoded()), skeyseed);
    }

    @Test
    void kdfParametersRejected() {
        KDFParameters parameters = new KDFParameters() {};

        InvalidAlgorithmParameterException thrown = assertThrows(
                InvalidAlgorithmParameterException.class,
                () -> KDF.getInstance("IKEv2-HMAC-SHA384", parameters, PROVIDER));

        assertTrue(thrown.getMessage().contains("takes no KDFParameters"), thrown.getMessage());
    }

    @Test
    void spiConstructorRejectsKdfParameters() {
        assertThrows(InvalidAlgorithmParameterException.class,
                () -> new Ikev2Kdf.HmacSha512(new KDFParameters() {}));
    }

    @Test
    void getParametersIsNull() throws GeneralSecurityException {
        assertNull(KDF.getInstance("IKEv2-HMAC-SHA512", PROVIDER).getParameters());
    }

    @Test
    void deriveKeyWrapsDeriveData() throws GeneralSecurityException {
        KDF kdf = KDF.getInstance("IKEv2-HMAC-SHA256", PROVIDER);
        SkeyseedParameterSpec spec = new SkeyseedParameterSpec(NI, NR, GIR);

        SecretKey key = kdf.deriveKey("HmacSHA256", spec);

        assertInstanceOf(DestroyableSecretKey.class, key);
        assertEquals("HmacSHA256", key.getAlgorithm());
        assertEquals("RAW", key.getFormat());
        assertArrayEquals(kdf.deriveData(spec), key.getEncoded());
    }

    @Test
    void deriveKeyRejectsEmptyAlgorithm() throws GeneralSecurityException {
        KDF kdf = KDF.getInstance("IKEv2-HMAC-SHA256", PROVIDER);

        assertThrows(NoSuchAlgorithmException.class,
                () -> kdf.deriveKey("", new SkeyseedParameterSpec(NI, NR, GIR)));
    }

    @Test
    void unsupportedSpecNamesExpectedTypes() throws GeneralSecurityException {
        KDF kdf = KDF.getInstance("IKEv2-HMAC-SHA256", PROVIDER);

        InvalidAlgorithmParameterException thrown = assertThrows(
                InvalidAlgorithmParameterException.class,
                () -> kdf.deriveData(new IvParameterSpec(new byte[16])));

        String message = thrown.getCause().getMessage();
        assertTrue(message.contains(IvParameterSpec.class.getName()), message);
        for (String expected : new String[] {"PrfPlusParameterSpec", "SkeyseedParameterSpec",
                "IkeSaKeysParameterSpec", "AdditionalKeyExchangeParameterSpec",
                "ChildSaKeymatParameterSpec"}) {
            assertTrue(message.contains(expected), message);
        }
    }

    @Test
    void nullSpecRejected() throws GeneralSecurityException {
        KDF kdf = KDF.getInstance("IKEv2-HMAC-SHA256", PROVIDER);

        assertThrows(NullPointerException.class, () -> kdf.deriveData(null));
    }

    /** The spec copies its arrays, so a caller that reuses its buffers cannot change a spec. */
    @Test
    void specKeepsCopiesOfArrays() throws GeneralSecurityException {
        KDF kdf = KDF.getInstance("IKEv2-HMAC-SHA256", PROVIDER);
        byte[] ni = NI.clone();
        SkeyseedParameterSpec spec = new SkeyseedParameterSpec(ni, NR, GIR);
        byte[] before = kdf.deriveData(spec);

        Arrays.fill(ni, (byte) 0);
        Arrays.fill(spec.ni(), (byte) 0);

        assertArrayEquals(NI, spec.ni());
        assertArrayEquals(before, kdf.deriveData(spec));
        assertFalse(spec.ni() == spec.ni(), "each call returns a fresh copy");
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] result = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, result, first.length, second.length);
        return result;
    }
}
