package org.pqipsec.provider.kem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pqipsec.provider.kem.KemTestSupport.PROVIDER;
import static org.pqipsec.provider.kem.KemTestSupport.concat;
import static org.pqipsec.provider.kem.KemTestSupport.hex;
import static org.pqipsec.provider.kem.KemTestSupport.randomBytes;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Field;
import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.XECPrivateKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;

import javax.crypto.KEM;
import javax.crypto.KeyAgreement;

import org.junit.jupiter.api.Test;

/** The X25519 key classes: encodings, the u-coordinate policy, destroy and equals. */
class X25519KeyClassesTest {

    private static final byte[] SPKI_PREFIX = hex("302a300506032b656e032100");
    private static final byte[] PKCS8_PREFIX = hex("302e020100300506032b656e04220420");
    private static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));

    private final SecureRandom random = new SecureRandom();

    private KeyPair generateKeyPair() throws Exception {
        return KeyPairGenerator.getInstance("X25519", PROVIDER).generateKeyPair();
    }

    @Test
    void publicKeyEncodingIsRfc8410() throws Exception {
        byte[] u = randomBytes(random, 32);
        X25519PublicKey key = new X25519PublicKey(u);

        assertEquals("X25519", key.getAlgorithm());
        assertEquals("X.509", key.getFormat());
        assertEquals(NamedParameterSpec.X25519, key.getParams());
        assertEquals(hex(concat(SPKI_PREFIX, u)), hex(key.getEncoded()));
    }

    @Test
    void getUMasksTopBitAndKeepsBytes() {
        byte[] u = hex("0900000000000000000000000000000000000000000000000000000000000080");
        X25519PublicKey key = new X25519PublicKey(u);

        assertEquals(BigInteger.valueOf(9), key.getU());
        assertArrayEquals(u, key.rawU());
        assertEquals(hex(concat(SPKI_PREFIX, u)), hex(key.getEncoded()));
    }

    @Test
    void nonCanonicalUIsNotReduced() throws Exception {
        // p + 1 as 32 little-endian bytes, which X25519 reads as 1.
        byte[] u = hex("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
        X25519PublicKey key = new X25519PublicKey(u);
        XECPublicKey sunEc = (XECPublicKey) KeyFactory.getInstance("X25519", "SunEC")
                .generatePublic(X25519Keys.x509Spec(u));

        assertEquals(P.add(BigInteger.ONE), key.getU());
        assertEquals(sunEc.getU(), key.getU());
    }

    @Test
    void privateKeyEncodingMatchesSunEc() throws Exception {
        byte[] k = randomBytes(random, 32);
        X25519PrivateKey key = new X25519PrivateKey(k);
        XECPrivateKey sunEc = (XECPrivateKey) KeyFactory.getInstance("X25519", "SunEC")
                .generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, k));

        assertEquals("X25519", key.getAlgorithm());
        assertEquals("PKCS#8", key.getFormat());
        assertEquals(NamedParameterSpec.X25519, key.getParams());
        assertEquals(hex(concat(PKCS8_PREFIX, k)), hex(key.getEncoded()));
        assertEquals(hex(sunEc.getEncoded()), hex(key.getEncoded()));
    }

    @Test
    void getScalarReturnsCopy() {
        byte[] k = randomBytes(random, 32);
        X25519PrivateKey key = new X25519PrivateKey(k);

        byte[] first = key.getScalar().orElseThrow();
        first[0] ^= 1;

        assertArrayEquals(k, key.getScalar().orElseThrow());
    }

    @Test
    void constructorCopiesScalar() {
        byte[] k = randomBytes(random, 32);
        byte[] original = k.clone();
        X25519PrivateKey key = new X25519PrivateKey(k);

        k[5] ^= 1;

        assertArrayEquals(original, key.getScalar().orElseThrow());
    }

    @Test
    void destroyZeroesAndBlocksUse() throws Exception {
        X25519PrivateKey key = (X25519PrivateKey) generateKeyPair().getPrivate();
        Field field = X25519PrivateKey.class.getDeclaredField("k");
        field.setAccessible(true);
        byte[] stored = (byte[]) field.get(key);

        key.destroy();

        assertTrue(key.isDestroyed());
        assertArrayEquals(new byte[32], stored);
        IllegalStateException scalar = assertThrows(IllegalStateException.class, key::getScalar);
        assertEquals("X25519 private key is destroyed", scalar.getMessage());
        assertThrows(IllegalStateException.class, key::getEncoded);
        assertEquals(NamedParameterSpec.X25519, key.getParams());

        InvalidKeyException kem = assertThrows(InvalidKeyException.class,
                () -> KEM.getInstance("X25519", PROVIDER).newDecapsulator(key));
        assertEquals("X25519 KEM: the X25519 private key is destroyed", kem.getMessage());
        InvalidKeyException agreement = assertThrows(InvalidKeyException.class,
                () -> KeyAgreement.getInstance("X25519", PROVIDER).init(key));
        assertEquals("X25519 KeyAgreement: the X25519 private key is destroyed",
                agreement.getMessage());
    }

    @Test
    void privateEqualsComparesScalars() {
        byte[] k = randomBytes(random, 32);
        byte[] other = k.clone();
        other[31] ^= 0x40;
        X25519PrivateKey first = new X25519PrivateKey(k);
        X25519PrivateKey second = new X25519PrivateKey(k);
        X25519PrivateKey different = new X25519PrivateKey(other);

        assertEquals(first, second);
        assertNotEquals(first, different);
        assertNotEquals(first, new X25519PublicKey(k));
        // The hash code does not depend on the scalar.
        assertEquals(first.hashCode(), different.hashCode());
    }

    @Test
    void destroyedKeyEqualsOnlyItself() {
        byte[] k = randomBytes(random, 32);
        X25519PrivateKey first = new X25519PrivateKey(k);
        X25519PrivateKey second = new X25519PrivateKey(k);

        first.destroy();

        assertEquals(first, first);
        assertNotEquals(first, second);
        assertNotEquals(second, first);
    }

    @Test
    void publicEqualsComparesBytes() {
        byte[] u = randomBytes(random, 32);
        u[31] &= 0x7f;
        byte[] topBit = u.clone();
        topBit[31] |= (byte) 0x80;

        assertEquals(new X25519PublicKey(u), new X25519PublicKey(u.clone()));
        assertEquals(new X25519PublicKey(u).hashCode(), new X25519PublicKey(u.clone()).hashCode());
        assertNotEquals(new X25519PublicKey(u), new X25519PublicKey(topBit));
    }

    @Test
    void publicKeySerializes() throws Exception {
        X25519PublicKey key = new X25519PublicKey(randomBytes(random, 32));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(key);
        }

        Object copy;
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = in.readObject();
        }

        assertEquals(key, copy);
    }

    @Test
    void privateKeyNotSerializable() throws Exception {
        X25519PrivateKey key = new X25519PrivateKey(randomBytes(random, 32));

        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            assertThrows(NotSerializableException.class, () -> out.writeObject(key));
        }
    }

    @Test
    void toStringHidesKeyBytes() {
        byte[] k = randomBytes(random, 32);

        assertEquals("X25519 private key", new X25519PrivateKey(k).toString());
        assertEquals("X25519 public key", new X25519PublicKey(k).toString());
        assertFalse(new X25519PrivateKey(k).toString().contains(hex(k).substring(0, 8)));
    }

    @Test
    void wrongLengthRejected() {
        for (int length : new int[] {0, 31, 33}) {
            byte[] bytes = new byte[length];
            IllegalArgumentException publicError = assertThrows(IllegalArgumentException.class,
                    () -> new X25519PublicKey(bytes));
            assertEquals("X25519 public key must be 32 bytes, got " + length,
                    publicError.getMessage());
            IllegalArgumentException privateError = assertThrows(IllegalArgumentException.class,
                    () -> new X25519PrivateKey(bytes));
            assertEquals("X25519 private key must be 32 bytes, got " + length,
                    privateError.getMessage());
        }
    }
}
