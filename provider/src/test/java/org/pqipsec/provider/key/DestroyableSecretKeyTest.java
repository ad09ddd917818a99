package org.pqipsec.provider.key;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.HexFormat;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

/** The secret key class that the provider returns: destroy, equality, hash code and text. */
class DestroyableSecretKeyTest {

    private static byte[] bytes(int first, int length) {
        byte[] result = new byte[length];
        for (int i = 0; i < length; i++) {
            result[i] = (byte) (first + i);
        }
        return result;
    }

    @Test
    void copiesRangeOfSource() {
        byte[] source = bytes(1, 40);
        DestroyableSecretKey key = new DestroyableSecretKey(source, 4, 32, "Generic");
        source[4] = 0;

        assertArrayEquals(bytes(5, 32), key.getEncoded());
        assertEquals("Generic", key.getAlgorithm());
        assertEquals("RAW", key.getFormat());
    }

    @Test
    void getEncodedReturnsCopy() {
        DestroyableSecretKey key = new DestroyableSecretKey(bytes(1, 32), "Generic");
        key.getEncoded()[0] = 0;

        assertArrayEquals(bytes(1, 32), key.getEncoded());
    }

    @Test
    void destroyWipesKey() {
        DestroyableSecretKey key = new DestroyableSecretKey(bytes(1, 32), "Generic");
        assertFalse(key.isDestroyed());

        key.destroy();

        assertTrue(key.isDestroyed());
        IllegalStateException e = assertThrows(IllegalStateException.class, key::getEncoded);
        assertEquals("Generic key has been destroyed", e.getMessage());
        key.destroy();
        assertTrue(key.isDestroyed());
    }

    @Test
    void constructorRejectsBadRanges() {
        byte[] source = new byte[32];
        assertThrows(IllegalArgumentException.class,
                () -> new DestroyableSecretKey(source, 0, 0, "Generic"));
        assertThrows(IndexOutOfBoundsException.class,
                () -> new DestroyableSecretKey(source, 1, 32, "Generic"));
        assertThrows(IndexOutOfBoundsException.class,
                () -> new DestroyableSecretKey(source, -1, 4, "Generic"));
        assertThrows(NullPointerException.class,
                () -> new DestroyableSecretKey(null, "Generic"));
        assertThrows(NullPointerException.class,
                () -> new DestroyableSecretKey(source, null));
    }

    @Test
    void equalKeysShareHashCode() {
        DestroyableSecretKey key = new DestroyableSecretKey(bytes(1, 32), "Generic");
        DestroyableSecretKey same = new DestroyableSecretKey(bytes(1, 32), "Generic");
        DestroyableSecretKey otherCase = new DestroyableSecretKey(bytes(1, 32), "GENERIC");

        assertEquals(key, same);
        assertEquals(same, key);
        assertEquals(key.hashCode(), same.hashCode());
        assertEquals(key, otherCase);
        assertEquals(otherCase, key);
        assertEquals(key.hashCode(), otherCase.hashCode());
    }

    @Test
    void differentKeysNotEqual() {
        DestroyableSecretKey key = new DestroyableSecretKey(bytes(1, 32), "Generic");
        byte[] lastBitFlipped = bytes(1, 32);
        lastBitFlipped[31] ^= 1;

        assertNotEquals(key, new DestroyableSecretKey(lastBitFlipped, "Generic"));
        assertNotEquals(key, new DestroyableSecretKey(bytes(1, 31), "Generic"));
        assertNotEquals(key, new DestroyableSecretKey(bytes(1, 32), "AES"));
        assertNotEquals(key, new SecretKeySpec(bytes(1, 32), "Generic"));
        assertNotEquals(null, key);
    }

    @Test
    void hashCodeIgnoresKeyBytes() {
        DestroyableSecretKey key = new DestroyableSecretKey(bytes(1, 32), "Generic");
        DestroyableSecretKey other = new DestroyableSecretKey(bytes(101, 32), "Generic");
        int before = key.hashCode();

        assertEquals(before, other.hashCode());
        key.destroy();
        assertEquals(before, key.hashCode());
    }

    @Test
    void destroyedKeyEqualsOnlyItself() {
        DestroyableSecretKey key = new DestroyableSecretKey(bytes(1, 32), "Generic");
        DestroyableSecretKey same = new DestroyableSecretKey(bytes(1, 32), "Generic");
        key.destroy();

        assertEquals(key, key);
        assertNotEquals(key, same);
        assertNotEquals(same, key);
    }

    @Test
    void toStringOmitsKeyBytes() {
        byte[] value = bytes(0x41, 32);
        DestroyableSecretKey key = new DestroyableSecretKey(value, "Generic");
        String text = key.toString();

        assertEquals("Generic secret key (32 bytes)", text);
        assertFalse(text.contains(HexFormat.of().formatHex(value, 0, 4)));
        key.destroy();
        assertEquals("Generic secret key (32 bytes, destroyed)", key.toString());
    }

    @Test
    void serializationRoundTrip() throws Exception {
        DestroyableSecretKey key = new DestroyableSecretKey(bytes(1, 32), "Generic");
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(buffer)) {
            out.writeObject(key);
        }
        Object copy;
        try (ObjectInputStream in = new ObjectInputStream(
                new ByteArrayInputStream(buffer.toByteArray()))) {
            copy = in.readObject();
        }

        assertEquals(key, copy);
    }

    @Test
    void destroyedKeyNotSerializable() throws Exception {
        DestroyableSecretKey key = new DestroyableSecretKey(bytes(1, 32), "Generic");
        key.destroy();

        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            assertThrows(NotSerializableException.class, () -> out.writeObject(key));
        }
    }
}
