package org.pqipsec.provider.kem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.pqipsec.provider.kem.KemTestSupport.PROVIDER;
import static org.pqipsec.provider.kem.KemTestSupport.hex;

import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.List;

import javax.crypto.KeyAgreement;
import javax.crypto.SecretKey;
import javax.crypto.ShortBufferException;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pqipsec.provider.spec.RawKeySpec;

/** KeyAgreement X25519: RFC 7748 §6.1, keys of other providers, state rules and argument checks. */
class X25519KeyAgreementTest {

    private static final Provider BC = new BouncyCastleProvider();

    // RFC 7748 §6.1.
    private static final byte[] ALICE_PRIVATE =
            hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
    private static final byte[] BOB_PRIVATE =
            hex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
    private static final byte[] ALICE_PUBLIC =
            hex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
    private static final byte[] BOB_PUBLIC =
            hex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
    private static final String SHARED =
            "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";

    private static final String SMALL_ORDER = "X25519 KeyAgreement: the public key has small"
            + " order, so the shared secret is all zero (RFC 7748 §6.1)";

    private static KeyAgreement agreement() throws Exception {
        return KeyAgreement.getInstance("X25519", PROVIDER);
    }

    private static PrivateKey privateKey(byte[] k) throws Exception {
        return KeyFactory.getInstance("X25519", PROVIDER).generatePrivate(new RawKeySpec(k));
    }

    private static PublicKey publicKey(byte[] u) throws Exception {
        return KeyFactory.getInstance("X25519", PROVIDER).generatePublic(new RawKeySpec(u));
    }

    private static KeyAgreement initialized() throws Exception {
        KeyAgreement agreement = agreement();
        agreement.init(privateKey(ALICE_PRIVATE));
        return agreement;
    }

    @Test
    void rfc7748BothDirections() throws Exception {
        KeyAgreement alice = agreement();
        alice.init(privateKey(ALICE_PRIVATE));
        assertNull(alice.doPhase(publicKey(BOB_PUBLIC), true));
        KeyAgreement bob = agreement();
        bob.init(privateKey(BOB_PRIVATE), NamedParameterSpec.X25519);
        bob.doPhase(publicKey(ALICE_PUBLIC), true);

        assertEquals(SHARED, hex(alice.generateSecret()));
        assertEquals(SHARED, hex(bob.generateSecret()));
        assertEquals("PQIPsec", alice.getProvider().getName());
    }

    @Test
    void keysOfOtherProviders() throws Exception {
        for (Provider provider : List.of(java.security.Security.getProvider("SunEC"), BC)) {
            KeyPair theirs = KeyPairGenerator.getInstance("X25519", provider).generateKeyPair();
            KeyPair ours = KeyPairGenerator.getInstance("X25519", PROVIDER).generateKeyPair();
            KeyAgreement reference = KeyAgreement.getInstance("X25519", provider);
            reference.init(theirs.getPrivate());
            reference.doPhase(ours.getPublic(), true);

            KeyAgreement agreement = agreement();
            agreement.init(theirs.getPrivate());
            agreement.doPhase(ours.getPublic(), true);
            KeyAgreement other = agreement();
            other.init(ours.getPrivate());
            other.doPhase(theirs.getPublic(), true);

            byte[] expected = reference.generateSecret();
            assertEquals(hex(expected), hex(agreement.generateSecret()), provider.getName());
            assertEquals(hex(expected), hex(other.generateSecret()), provider.getName());
        }
    }

    @Test
    void initParameters() throws Exception {
        KeyAgreement agreement = agreement();

        agreement.init(privateKey(ALICE_PRIVATE), (java.security.spec.AlgorithmParameterSpec) null);
        for (java.security.spec.AlgorithmParameterSpec spec : List.of(NamedParameterSpec.X448,
                NamedParameterSpec.ED25519, new ECGenParameterSpec("secp256r1"))) {
            InvalidAlgorithmParameterException e = assertThrows(
                    InvalidAlgorithmParameterException.class,
                    () -> agreement.init(privateKey(ALICE_PRIVATE), spec));
            assertEquals("X25519 KeyAgreement takes null or NamedParameterSpec X25519, got "
                    + ((NamedParameterSpec) spec).getName(), e.getMessage());
        }
    }

    @Test
    void initWrongKeys() throws Exception {
        KeyPair x448 = KeyPairGenerator.getInstance("X448", "SunEC").generateKeyPair();
        PublicKey ours = publicKey(BOB_PUBLIC);

        InvalidKeyException x448Error = assertThrows(InvalidKeyException.class,
                () -> agreement().init(x448.getPrivate()));
        InvalidKeyException publicError = assertThrows(InvalidKeyException.class,
                () -> agreement().init(ours));
        InvalidKeyException nullError = assertThrows(InvalidKeyException.class,
                () -> agreement().init(null));

        assertEquals("X25519 KeyAgreement requires an X25519 private key (NamedParameterSpec"
                + " X25519), got parameters X448", x448Error.getMessage());
        assertEquals("X25519 KeyAgreement requires an X25519 private key (XECPrivateKey with"
                + " NamedParameterSpec X25519), got org.pqipsec.provider.kem.X25519PublicKey"
                + " (algorithm X25519, format X.509)", publicError.getMessage());
        assertEquals("X25519 KeyAgreement requires an X25519 private key (XECPrivateKey with"
                + " NamedParameterSpec X25519), got null", nullError.getMessage());
    }

    @Test
    void doPhaseWrongKeys() throws Exception {
        KeyPair x448 = KeyPairGenerator.getInstance("X448", "SunEC").generateKeyPair();
        KeyAgreement agreement = initialized();

        InvalidKeyException x448Error = assertThrows(InvalidKeyException.class,
                () -> agreement.doPhase(x448.getPublic(), true));
        InvalidKeyException privateError = assertThrows(InvalidKeyException.class,
                () -> agreement.doPhase(privateKey(BOB_PRIVATE), true));

        assertEquals("X25519 KeyAgreement requires an X25519 public key (NamedParameterSpec"
                + " X25519), got parameters X448", x448Error.getMessage());
        assertEquals("X25519 KeyAgreement requires an X25519 public key (XECPublicKey with"
                + " NamedParameterSpec X25519), got org.pqipsec.provider.kem.X25519PrivateKey"
                + " (algorithm X25519, format PKCS#8)", privateError.getMessage());
        agreement.doPhase(publicKey(BOB_PUBLIC), true);
        assertEquals(SHARED, hex(agreement.generateSecret()));
    }

    @Test
    void doPhaseStateChecks() throws Exception {
        IllegalStateException notInitialized = assertThrows(IllegalStateException.class,
                () -> agreement().doPhase(publicKey(BOB_PUBLIC), true));
        assertEquals("X25519 KeyAgreement is not initialized: call init first",
                notInitialized.getMessage());

        KeyAgreement agreement = initialized();
        IllegalStateException notLast = assertThrows(IllegalStateException.class,
                () -> agreement.doPhase(publicKey(BOB_PUBLIC), false));
        assertEquals("X25519 KeyAgreement has two parties: lastPhase must be true",
                notLast.getMessage());

        agreement.doPhase(publicKey(BOB_PUBLIC), true);
        IllegalStateException twice = assertThrows(IllegalStateException.class,
                () -> agreement.doPhase(publicKey(BOB_PUBLIC), true));
        assertEquals("X25519 KeyAgreement already ran doPhase: call generateSecret or init"
                + " first", twice.getMessage());
    }

    @ParameterizedTest
    @MethodSource("org.pqipsec.provider.kem.X25519LowOrderPoints#all")
    void smallOrderPublicKeyRejected(String uHex) throws Exception {
        KeyAgreement agreement = initialized();

        InvalidKeyException e = assertThrows(InvalidKeyException.class,
                () -> agreement.doPhase(publicKey(hex(uHex)), true));

        assertEquals(SMALL_ORDER, e.getMessage());
        // The failed doPhase leaves the object as init left it.
        IllegalStateException noSecret =
                assertThrows(IllegalStateException.class, agreement::generateSecret);
        assertEquals("X25519 KeyAgreement has no secret: call doPhase with lastPhase true first",
                noSecret.getMessage());
        agreement.doPhase(publicKey(BOB_PUBLIC), true);
        assertEquals(SHARED, hex(agreement.generateSecret()));
    }

    @Test
    void generateSecretResetsToInitState() throws Exception {
        KeyAgreement agreement = initialized();
        agreement.doPhase(publicKey(BOB_PUBLIC), true);

        assertEquals(SHARED, hex(agreement.generateSecret()));
        assertThrows(IllegalStateException.class, agreement::generateSecret);

        agreement.doPhase(publicKey(BOB_PUBLIC), true);
        assertEquals(SHARED, hex(agreement.generateSecret()));
    }

    @Test
    void reinitReplacesPrivateKey() throws Exception {
        KeyAgreement agreement = initialized();
        agreement.doPhase(publicKey(BOB_PUBLIC), true);

        agreement.init(privateKey(BOB_PRIVATE));
        assertThrows(IllegalStateException.class, agreement::generateSecret);
        agreement.doPhase(publicKey(ALICE_PUBLIC), true);

        assertEquals(SHARED, hex(agreement.generateSecret()));
    }

    @Test
    void generateSecretIntoBuffer() throws Exception {
        KeyAgreement agreement = initialized();
        agreement.doPhase(publicKey(BOB_PUBLIC), true);
        byte[] small = new byte[40];

        ShortBufferException shortBuffer = assertThrows(ShortBufferException.class,
                () -> agreement.generateSecret(small, 9));
        assertEquals("X25519 KeyAgreement needs 32 bytes in sharedSecret from offset 9, got 31",
                shortBuffer.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> agreement.generateSecret(small, -1));
        assertThrows(IndexOutOfBoundsException.class, () -> agreement.generateSecret(small, 41));
        assertThrows(NullPointerException.class, () -> agreement.generateSecret(null, 0));

        // The secret survives the failed calls.
        assertEquals(32, agreement.generateSecret(small, 8));
        assertEquals(SHARED, hex(Arrays.copyOfRange(small, 8, 40)));
        assertArrayEquals(new byte[8], Arrays.copyOf(small, 8));
        assertThrows(IllegalStateException.class, () -> agreement.generateSecret(small, 0));
    }

    @Test
    void generateSecretKey() throws Exception {
        KeyAgreement agreement = initialized();
        agreement.doPhase(publicKey(BOB_PUBLIC), true);

        NoSuchAlgorithmException aes = assertThrows(NoSuchAlgorithmException.class,
                () -> agreement.generateSecret("AES"));
        assertEquals("X25519 KeyAgreement returns keys of algorithm Generic or"
                + " TlsPremasterSecret, got AES; derive other keys with a KDF", aes.getMessage());
        NoSuchAlgorithmException nullName = assertThrows(NoSuchAlgorithmException.class,
                () -> agreement.generateSecret((String) null));
        assertEquals("X25519 KeyAgreement requires a secret key algorithm, got null",
                nullName.getMessage());

        SecretKey key = agreement.generateSecret("Generic");
        assertEquals("Generic", key.getAlgorithm());
        assertEquals(SHARED, hex(key.getEncoded()));
        assertThrows(IllegalStateException.class, () -> agreement.generateSecret("Generic"));

        agreement.doPhase(publicKey(BOB_PUBLIC), true);
        assertEquals(SHARED, hex(agreement.generateSecret("TlsPremasterSecret").getEncoded()));
    }

    @Test
    void secretAndScalarBuffersZeroed() throws Exception {
        X25519KeyAgreement spi = new X25519KeyAgreement();
        spi.engineInit(privateKey(ALICE_PRIVATE), null);
        spi.engineDoPhase(publicKey(BOB_PUBLIC), true);
        byte[] secret = (byte[]) field("secret").get(spi);
        byte[] scalar = (byte[]) field("k").get(spi);

        byte[] output = spi.engineGenerateSecret();

        assertEquals(SHARED, hex(output));
        assertArrayEquals(new byte[32], secret);
        assertNull(field("secret").get(spi));
        spi.engineInit(privateKey(BOB_PRIVATE), null);
        assertArrayEquals(new byte[32], scalar);
    }

    private static java.lang.reflect.Field field(String name) throws Exception {
        java.lang.reflect.Field field = X25519KeyAgreement.class.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }
}
