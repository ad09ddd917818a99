package org.pqipsec.provider.kem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.pqipsec.provider.kem.KemTestSupport.PROVIDER;
import static org.pqipsec.provider.kem.KemTestSupport.concat;
import static org.pqipsec.provider.kem.KemTestSupport.fixedRandom;
import static org.pqipsec.provider.kem.KemTestSupport.hex;
import static org.pqipsec.provider.kem.KemTestSupport.randomBytes;

import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Arrays;

import javax.crypto.DecapsulateException;
import javax.crypto.KEM;

import org.bouncycastle.crypto.digests.SHAKEDigest;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pqipsec.provider.spec.RawKeySpec;

/**
 * Every wrong input length and every X25519 point of small order, for the three KEMs with an
 * X25519 part: X25519, X25519MLKEM768 and X-Wing. Each case checks the exception type and its
 * whole message.
 *
 * <p>X25519 and X25519MLKEM768 reject a small-order point: at {@code newEncapsulator} for the
 * public key (InvalidKeyException) and at {@code decapsulate} for the encapsulation
 * (DecapsulateException). X-Wing has no such check (draft-connolly-cfrg-xwing-kem §5.4 and
 * §5.5 hash ss_X as it is), so its cases check the secret over an all-zero ss_X.
 */
class X25519HybridInputTest {

    private static final String SMALL_ORDER = " contains an X25519 point of small order, which"
            + " gives an all-zero shared secret (RFC 7748 §6.1)";
    private static final String MLKEM_X25519_PUBLIC = "(1184-byte ML-KEM-768 encapsulation key ‖"
            + " 32-byte X25519 public key), got ";
    private static final String MLKEM_X25519_CIPHERTEXT = "(1088-byte ML-KEM-768 ciphertext ‖"
            + " 32-byte X25519 public key), got ";
    private static final byte[] XWING_LABEL = hex("5c2e2f2f5e5c");

    private final SecureRandom random = new SecureRandom();

    private KeyPair generate(String algorithm) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm, PROVIDER);
        generator.initialize(new java.security.spec.NamedParameterSpec(algorithm), random);
        return generator.generateKeyPair();
    }

    /** Checks RAW imports of every length in [0, max] but {@code valid}, through KeyFactory. */
    private static void assertKeyFactoryLengths(String algorithm, int valid, int max,
            boolean isPublic, String message) throws Exception {
        KeyFactory keyFactory = KeyFactory.getInstance(algorithm, PROVIDER);
        int checked = 0;
        for (int length = 0; length <= max; length++) {
            if (length == valid) {
                continue;
            }
            RawKeySpec spec = new RawKeySpec(new byte[length]);
            InvalidKeySpecException e = assertThrows(InvalidKeySpecException.class,
                    () -> {
                        if (isPublic) {
                            keyFactory.generatePublic(spec);
                        } else {
                            keyFactory.generatePrivate(spec);
                        }
                    });
            assertEquals(message + length, e.getMessage());
            checked++;
        }
        assertEquals(max, checked);
    }

    /** Checks foreign RAW keys of every length in [0, max] but {@code valid} at the KEM. */
    private static void assertKemKeyLengths(String algorithm, int valid, int max,
            boolean isPublic, String message) throws Exception {
        KEM kem = KEM.getInstance(algorithm, PROVIDER);
        for (int length = 0; length <= max; length++) {
            if (length == valid) {
                continue;
            }
            byte[] bytes = new byte[length];
            InvalidKeyException e = assertThrows(InvalidKeyException.class,
                    () -> {
                        if (isPublic) {
                            kem.newEncapsulator(
                                    new KemTestSupport.ForeignPublicKey(algorithm, bytes));
                        } else {
                            kem.newDecapsulator(
                                    new KemTestSupport.ForeignPrivateKey(algorithm, bytes));
                        }
                    });
            assertEquals(message + length, e.getMessage());
        }
    }

    /** Checks decapsulation of every encapsulation length in [0, max] but {@code valid}. */
    private void assertCiphertextLengths(String algorithm, int valid, int max, String message)
            throws Exception {
        KEM.Decapsulator decapsulator =
                KEM.getInstance(algorithm, PROVIDER).newDecapsulator(generate(algorithm)
                        .getPrivate());
        for (int length = 0; length <= max; length++) {
            if (length == valid) {
                continue;
            }
            byte[] encapsulation = new byte[length];
            DecapsulateException e = assertThrows(DecapsulateException.class,
                    () -> decapsulator.decapsulate(encapsulation));
            assertEquals(message + length, e.getMessage());
        }
    }

    @Test
    void x25519WrongLengths() throws Exception {
        assertKeyFactoryLengths("X25519", 32, 96, true,
                "X25519 public key must be 32 bytes (RAW u-coordinate), got ");
        assertKeyFactoryLengths("X25519", 32, 96, false,
                "X25519 private key must be 32 bytes (RAW scalar), got ");
        assertKemKeyLengths("X25519", 32, 96, true,
                "X25519 KEM: X25519 public key must be 32 bytes (RAW u-coordinate), got ");
        assertKemKeyLengths("X25519", 32, 96, false,
                "X25519 KEM: X25519 private key scalar must be 32 bytes, got ");
        assertCiphertextLengths("X25519", 32, 96,
                "X25519 encapsulation must be 32 bytes (an ephemeral public key), got ");
    }

    @Test
    void x25519MlKem768WrongLengths() throws Exception {
        String name = "X25519MLKEM768";
        String publicMessage = "X25519MLKEM768 public key must be 1216 bytes " + MLKEM_X25519_PUBLIC;
        String privateMessage = "X25519MLKEM768 private key must be 96 bytes (64-byte ML-KEM-768"
                + " seed d ‖ z ‖ 32-byte X25519 private key), got ";

        assertKeyFactoryLengths(name, 1216, 1300, true, publicMessage);
        assertKeyFactoryLengths(name, 96, 200, false, privateMessage);
        assertKemKeyLengths(name, 1216, 1300, true, publicMessage);
        assertKemKeyLengths(name, 96, 200, false, privateMessage);
        assertCiphertextLengths(name, 1120, 1250,
                "X25519MLKEM768 encapsulation must be 1120 bytes " + MLKEM_X25519_CIPHERTEXT);
    }

    @Test
    void xWingWrongLengths() throws Exception {
        String name = "X-Wing";
        String publicMessage = "X-Wing public key must be 1216 bytes " + MLKEM_X25519_PUBLIC;
        String privateMessage = "X-Wing private key must be 32 bytes (the seed sk), got ";

        assertKeyFactoryLengths(name, 1216, 1300, true, publicMessage);
        assertKeyFactoryLengths(name, 32, 128, false, privateMessage);
        assertKemKeyLengths(name, 1216, 1300, true, publicMessage);
        assertKemKeyLengths(name, 32, 128, false, privateMessage);
        assertCiphertextLengths(name, 1120, 1250,
                "X-Wing encapsulation must be 1120 bytes " + MLKEM_X25519_CIPHERTEXT);
    }

    @Test
    void lowOrderListIsLowOrder() {
        assertEquals(14, X25519LowOrderPoints.all().size());
        for (String u : X25519LowOrderPoints.all()) {
            byte[] output = new byte[32];
            // BouncyCastle returns false when the output is all zero.
            assertEquals(false, X25519.calculateAgreement(randomBytes(random, 32), 0, hex(u), 0,
                    output, 0), u);
        }
    }

    @ParameterizedTest
    @MethodSource("org.pqipsec.provider.kem.X25519LowOrderPoints#all")
    void x25519LowOrder(String uHex) throws Exception {
        KEM kem = KEM.getInstance("X25519", PROVIDER);
        PublicKey publicKey = KeyFactory.getInstance("X25519", PROVIDER)
                .generatePublic(new RawKeySpec(hex(uHex)));
        PublicKey sunEcKey = KeyFactory.getInstance("X25519", "SunEC")
                .generatePublic(X25519Keys.x509Spec(hex(uHex)));
        KEM.Decapsulator decapsulator = kem.newDecapsulator(generate("X25519").getPrivate());

        for (PublicKey key : new PublicKey[] {publicKey, sunEcKey}) {
            InvalidKeyException e = assertThrows(InvalidKeyException.class,
                    () -> kem.newEncapsulator(key, random));
            assertEquals("X25519 public key" + SMALL_ORDER, e.getMessage());
        }
        DecapsulateException e = assertThrows(DecapsulateException.class,
                () -> decapsulator.decapsulate(hex(uHex)));
        assertEquals("X25519 encapsulation" + SMALL_ORDER, e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("org.pqipsec.provider.kem.X25519LowOrderPoints#all")
    void x25519MlKem768LowOrder(String uHex) throws Exception {
        String name = "X25519MLKEM768";
        KEM kem = KEM.getInstance(name, PROVIDER);
        KeyPair keyPair = generate(name);
        byte[] clientShare = keyPair.getPublic().getEncoded();
        System.arraycopy(hex(uHex), 0, clientShare, 1184, 32);
        PublicKey lowOrderKey =
                KeyFactory.getInstance(name, PROVIDER).generatePublic(new RawKeySpec(clientShare));
        byte[] serverShare =
                kem.newEncapsulator(keyPair.getPublic(), random).encapsulate().encapsulation();
        System.arraycopy(hex(uHex), 0, serverShare, 1088, 32);
        KEM.Decapsulator decapsulator = kem.newDecapsulator(keyPair.getPrivate());

        InvalidKeyException atEncapsulator = assertThrows(InvalidKeyException.class,
                () -> kem.newEncapsulator(lowOrderKey, random));
        DecapsulateException atDecapsulate = assertThrows(DecapsulateException.class,
                () -> decapsulator.decapsulate(serverShare));

        assertEquals("X25519MLKEM768 public key" + SMALL_ORDER, atEncapsulator.getMessage());
        assertEquals("X25519MLKEM768 encapsulation" + SMALL_ORDER, atDecapsulate.getMessage());
    }

    /** Returns ss_M of an X-Wing ciphertext, decapsulated by BouncyCastle's ML-KEM-768. */
    private static byte[] xWingSharedSecretM(byte[] sk, byte[] ct) {
        byte[] expanded = new byte[96];
        SHAKEDigest shake = new SHAKEDigest(256);
        shake.update(sk, 0, sk.length);
        shake.doFinal(expanded, 0, expanded.length);
        return new MLKEMExtractor(new MLKEMPrivateKeyParameters(MLKEMParameters.ml_kem_768,
                Arrays.copyOf(expanded, 64))).extractSecret(Arrays.copyOf(ct, 1088));
    }

    private static byte[] xWingCombiner(byte[] ssM, byte[] ssX, byte[] ctX, byte[] pkX)
            throws Exception {
        return MessageDigest.getInstance("SHA3-256")
                .digest(concat(ssM, ssX, ctX, pkX, XWING_LABEL));
    }

    @ParameterizedTest
    @MethodSource("org.pqipsec.provider.kem.X25519LowOrderPoints#all")
    void xWingLowOrderPublicKeyUsesZeroSecret(String uHex) throws Exception {
        String name = "X-Wing";
        KeyPair keyPair = generate(name);
        byte[] pk = keyPair.getPublic().getEncoded();
        byte[] pkX = hex(uHex);
        System.arraycopy(pkX, 0, pk, 1184, 32);
        PublicKey lowOrderKey =
                KeyFactory.getInstance(name, PROVIDER).generatePublic(new RawKeySpec(pk));
        byte[] m = randomBytes(random, 32);
        byte[] ekX = randomBytes(random, 32);

        KEM.Encapsulated encapsulated = KEM.getInstance(name, PROVIDER)
                .newEncapsulator(lowOrderKey, fixedRandom(concat(m, ekX))).encapsulate();

        byte[] ct = encapsulated.encapsulation();
        byte[] ctX = new byte[32];
        X25519.generatePublicKey(ekX, 0, ctX, 0);
        assertEquals(hex(ctX), hex(Arrays.copyOfRange(ct, 1088, 1120)));
        byte[] ssM = xWingSharedSecretM(keyPair.getPrivate().getEncoded(), ct);
        assertEquals(hex(xWingCombiner(ssM, new byte[32], ctX, pkX)),
                hex(encapsulated.key().getEncoded()));
    }

    @ParameterizedTest
    @MethodSource("org.pqipsec.provider.kem.X25519LowOrderPoints#all")
    void xWingLowOrderCiphertextUsesZeroSecret(String uHex) throws Exception {
        String name = "X-Wing";
        KeyPair keyPair = generate(name);
        byte[] ct = KEM.getInstance(name, PROVIDER).newEncapsulator(keyPair.getPublic(), random)
                .encapsulate().encapsulation();
        byte[] ctX = hex(uHex);
        System.arraycopy(ctX, 0, ct, 1088, 32);
        PrivateKey privateKey = keyPair.getPrivate();

        byte[] secret = KEM.getInstance(name, PROVIDER).newDecapsulator(privateKey)
                .decapsulate(ct).getEncoded();

        byte[] ssM = xWingSharedSecretM(privateKey.getEncoded(), ct);
        byte[] pkX = Arrays.copyOfRange(keyPair.getPublic().getEncoded(), 1184, 1216);
        assertEquals(hex(xWingCombiner(ssM, new byte[32], ctX, pkX)), hex(secret));
    }
}
