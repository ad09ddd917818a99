package org.pqipsec.provider.kem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.pqipsec.provider.kem.KemTestSupport.PROVIDER;

import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.EncodedKeySpec;
import java.security.spec.InvalidKeySpecException;
import java.util.Arrays;
import java.util.stream.Stream;

import javax.crypto.KEM;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pqipsec.provider.spec.RawKeySpec;

/**
 * The FIPS 203 §7.2 modulus check on the ML-KEM part of a hybrid public key: the KeyFactory runs
 * it at import and keeps the checked key, and {@code newEncapsulator} runs it for key objects of
 * other providers. Every message names the hybrid.
 */
class HybridPublicKeyImportTest {

    /** A hybrid, the offset of ek in its public key, and its ML-KEM parameter set. */
    record Hybrid(String algorithm, int ekOffset, String mlKem) {
        @Override
        public String toString() {
            return algorithm;
        }
    }

    static Stream<Hybrid> hybrids() {
        return Stream.of(
                new Hybrid("X25519MLKEM768", 0, "ML-KEM-768"),
                new Hybrid("SecP256r1MLKEM768", 65, "ML-KEM-768"),
                new Hybrid("SecP384r1MLKEM1024", 97, "ML-KEM-1024"),
                new Hybrid("X-Wing", 0, "ML-KEM-768"));
    }

    /** Returns each hybrid with the bad values 3329 (q) and 4095 (the largest 12-bit value). */
    static Stream<Arguments> badCoefficients() {
        return hybrids().flatMap(h -> Stream.of(Arguments.of(h, 3329), Arguments.of(h, 4095)));
    }

    private static byte[] validPublicKey(Hybrid hybrid) throws Exception {
        return KeyPairGenerator.getInstance(hybrid.algorithm(), PROVIDER).generateKeyPair()
                .getPublic().getEncoded();
    }

    /**
     * Returns a valid public key whose coefficient 0 of t̂[0] is {@code value}. ByteEncode_12
     * puts that coefficient in the first byte of ek and the low 4 bits of the second.
     */
    private static byte[] withFirstCoefficient(Hybrid hybrid, int value) throws Exception {
        byte[] encoded = validPublicKey(hybrid);
        int offset = hybrid.ekOffset();
        encoded[offset] = (byte) value;
        encoded[offset + 1] = (byte) ((encoded[offset + 1] & 0xf0) | (value >>> 8));
        return encoded;
    }

    private static String expectedMessage(Hybrid hybrid, int value) {
        return hybrid.algorithm() + " public key: " + hybrid.mlKem() + " encapsulation key fails"
                + " the FIPS 203 §7.2 modulus check: coefficient 0 of t̂[0] is " + value
                + ", not below q = 3329";
    }

    private static KeyFactory keyFactory(Hybrid hybrid) throws Exception {
        return KeyFactory.getInstance(hybrid.algorithm(), PROVIDER);
    }

    /** Returns a RAW key spec of a class other than {@link RawKeySpec}. */
    private static EncodedKeySpec otherRawSpec(byte[] encoded) {
        return new EncodedKeySpec(encoded) {
            @Override
            public String getFormat() {
                return "RAW";
            }
        };
    }

    @ParameterizedTest
    @MethodSource("badCoefficients")
    void generatePublicRejectsRawKeySpec(Hybrid hybrid, int value) throws Exception {
        byte[] encoded = withFirstCoefficient(hybrid, value);
        KeyFactory factory = keyFactory(hybrid);

        InvalidKeySpecException e = assertThrows(InvalidKeySpecException.class,
                () -> factory.generatePublic(new RawKeySpec(encoded)));
        assertEquals(expectedMessage(hybrid, value), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("badCoefficients")
    void generatePublicRejectsOtherRawSpec(Hybrid hybrid, int value) throws Exception {
        byte[] encoded = withFirstCoefficient(hybrid, value);
        KeyFactory factory = keyFactory(hybrid);

        InvalidKeySpecException e = assertThrows(InvalidKeySpecException.class,
                () -> factory.generatePublic(otherRawSpec(encoded)));
        assertEquals(expectedMessage(hybrid, value), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("badCoefficients")
    void translateKeyRejectsForeignKey(Hybrid hybrid, int value) throws Exception {
        PublicKey foreign = new KemTestSupport.ForeignPublicKey(hybrid.algorithm(),
                withFirstCoefficient(hybrid, value));
        KeyFactory factory = keyFactory(hybrid);

        InvalidKeyException e = assertThrows(InvalidKeyException.class,
                () -> factory.translateKey(foreign));
        assertEquals(expectedMessage(hybrid, value), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("badCoefficients")
    void newEncapsulatorRejectsForeignKey(Hybrid hybrid, int value) throws Exception {
        PublicKey foreign = new KemTestSupport.ForeignPublicKey(hybrid.algorithm(),
                withFirstCoefficient(hybrid, value));
        KEM kem = KEM.getInstance(hybrid.algorithm(), PROVIDER);

        InvalidKeyException e = assertThrows(InvalidKeyException.class,
                () -> kem.newEncapsulator(foreign));
        assertEquals(expectedMessage(hybrid, value), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("hybrids")
    void generatePublicRejectsAllOnesEncapsulationKey(Hybrid hybrid) throws Exception {
        byte[] encoded = validPublicKey(hybrid);
        int ekLength = "ML-KEM-1024".equals(hybrid.mlKem()) ? 1568 : 1184;
        Arrays.fill(encoded, hybrid.ekOffset(), hybrid.ekOffset() + ekLength, (byte) 0xff);
        KeyFactory factory = keyFactory(hybrid);

        InvalidKeySpecException e = assertThrows(InvalidKeySpecException.class,
                () -> factory.generatePublic(new RawKeySpec(encoded)));
        assertEquals(expectedMessage(hybrid, 4095), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("hybrids")
    void validKeyImportsChecked(Hybrid hybrid) throws Exception {
        byte[] encoded = validPublicKey(hybrid);
        PublicKey imported = keyFactory(hybrid).generatePublic(new RawKeySpec(encoded));
        MlKemEngine.EncapsulationKey cached = cachedMlKemKey(imported);
        assertNotNull(cached, "import keeps the checked ML-KEM encapsulation key");

        KEM.getInstance(hybrid.algorithm(), PROVIDER).newEncapsulator(imported);
        assertSame(cached, cachedMlKemKey(imported),
                "newEncapsulator reuses the key checked at import");
    }

    @ParameterizedTest
    @MethodSource("hybrids")
    void validForeignKeyTranslatesChecked(Hybrid hybrid) throws Exception {
        byte[] encoded = validPublicKey(hybrid);
        PublicKey translated = (PublicKey) keyFactory(hybrid).translateKey(
                new KemTestSupport.ForeignPublicKey(hybrid.algorithm(), encoded));

        assertEquals(hybrid.algorithm(), translated.getAlgorithm());
        assertNotNull(cachedMlKemKey(translated));
        KEM.getInstance(hybrid.algorithm(), PROVIDER).newEncapsulator(translated).encapsulate();
    }

    private static MlKemEngine.EncapsulationKey cachedMlKemKey(PublicKey key) {
        if (key instanceof X25519MlKem768PublicKey x25519) {
            return x25519.cachedMlKemKey();
        }
        if (key instanceof EcdhMlKemPublicKey ecdh) {
            return ecdh.cachedMlKemKey();
        }
        return ((XWingKeys.XWingPublicKey) key).cachedMlKemKey();
    }
}
