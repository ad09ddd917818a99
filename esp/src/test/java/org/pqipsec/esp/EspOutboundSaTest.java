package org.pqipsec.esp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EspOutboundSaTest {

    private static final int SPI = 0x1234_5678;
    private static final byte[] SALT = HexFormat.of().parseHex("a1b2c3d4");

    /** Payload sizes 0 to 64, then every 37th size up to 2000, then MTU-related sizes. */
    static int[] payloadSizes() {
        IntStream small = IntStream.rangeClosed(0, 64);
        IntStream larger = IntStream.iterate(65, n -> n <= 2000, n -> n + 37);
        IntStream edges = IntStream.of(1279, 1280, 1400, 1438, 1480, 1499, 1500, 1999, 2000);
        return IntStream.concat(IntStream.concat(small, larger), edges).toArray();
    }

    static byte[] aesKey(int length) {
        byte[] key = new byte[length];
        new Random(length).nextBytes(key);
        return key;
    }

    static byte[] payload(int length, long seed) {
        byte[] payload = new byte[length];
        new Random(seed).nextBytes(payload);
        return payload;
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 32})
    void packetMatchesReferenceAtEverySize(int keyLength) throws Exception {
        byte[] aesKey = aesKey(keyLength);
        EspOutboundSa sa = new EspOutboundSa(EspTransform.ENCR_AES_GCM_16, SPI,
                Rfc4106Reference.keyMaterial(aesKey, SALT));

        int sequenceNumber = 0;
        for (int size : payloadSizes()) {
            sequenceNumber++;
            byte[] payload = payload(size, size);
            int nextHeader = size % 2 == 0 ? NextHeader.IPV4 : NextHeader.IPV6;

            byte[] packet = sa.encapsulate(payload, nextHeader);

            byte[] expected = Rfc4106Reference.espPacket(
                    aesKey, SALT, SPI, sequenceNumber, sequenceNumber, payload, nextHeader);
            assertArrayEquals(expected, packet, "payload size " + size);
        }
        assertEquals(sequenceNumber, sa.lastSequenceNumber());
        assertEquals(sequenceNumber, sa.packetsEncapsulated());
    }

    @Test
    void packetLengthIsAlignedToFourBytes() throws Exception {
        EspOutboundSa sa = new EspOutboundSa(EspTransform.ENCR_AES_GCM_16, SPI,
                Rfc4106Reference.keyMaterial(aesKey(16), SALT));

        for (int size = 0; size <= 64; size++) {
            byte[] packet = sa.encapsulate(new byte[size], NextHeader.IPV4);

            int encryptedLength = packet.length - 8 - 8 - 16;
            assertEquals(0, encryptedLength % 4, "payload size " + size);
            assertTrue(encryptedLength - size - 2 <= 3, "padding above 3 bytes at size " + size);
            assertTrue(encryptedLength - size - 2 >= 0, "no room for the trailer at size " + size);
        }
    }

    @Test
    void encapsulatedLengthMatchesBuiltPacket() throws Exception {
        EspOutboundSa sa = new EspOutboundSa(EspTransform.ENCR_AES_GCM_16, SPI,
                Rfc4106Reference.keyMaterial(aesKey(32), SALT));

        for (int size = 0; size <= 300; size++) {
            int built = sa.encapsulate(new byte[size], NextHeader.IPV4).length;
            assertEquals(built, EspOutboundSa.encapsulatedLength(size), "payload size " + size);
        }
        assertEquals(65532, EspOutboundSa.encapsulatedLength(EspOutboundSa.MAX_PAYLOAD_LENGTH));
        assertThrows(IllegalArgumentException.class, () -> EspOutboundSa.encapsulatedLength(-1));
    }

    @Test
    void sequenceNumbersAndIvsCountFromOne() throws Exception {
        EspOutboundSa sa = new EspOutboundSa(EspTransform.ENCR_AES_GCM_16, SPI,
                Rfc4106Reference.keyMaterial(aesKey(32), SALT));
        assertEquals(0, sa.lastSequenceNumber());

        for (int expected = 1; expected <= 3; expected++) {
            ByteBuffer packet = ByteBuffer.wrap(sa.encapsulate(new byte[10], NextHeader.IPV6));

            assertEquals(SPI, packet.getInt(0));
            assertEquals(expected, packet.getInt(4));
            assertEquals(expected, packet.getLong(8));
            assertEquals(expected, sa.lastSequenceNumber());
        }
    }

    @Test
    void ivsAreUniqueAcrossPackets() throws Exception {
        EspOutboundSa sa = new EspOutboundSa(EspTransform.ENCR_AES_GCM_16, SPI,
                Rfc4106Reference.keyMaterial(aesKey(16), SALT));
        Set<Long> ivs = new HashSet<>();
        Set<Integer> sequenceNumbers = new HashSet<>();

        for (int i = 0; i < 2000; i++) {
            ByteBuffer packet = ByteBuffer.wrap(sa.encapsulate(new byte[i % 50], NextHeader.IPV4));
            sequenceNumbers.add(packet.getInt(4));
            ivs.add(packet.getLong(8));
        }

        assertEquals(2000, ivs.size());
        assertEquals(2000, sequenceNumbers.size());
    }

    @Test
    void concurrentEncapsulationKeepsNumbersUnique() throws Exception {
        byte[] aesKey = aesKey(16);
        EspOutboundSa sa = new EspOutboundSa(EspTransform.ENCR_AES_GCM_16, SPI,
                Rfc4106Reference.keyMaterial(aesKey, SALT));
        byte[] payload = payload(100, 3);
        int threads = 4;
        int packetsPerThread = 250;
        List<byte[]> packets = Collections.synchronizedList(new ArrayList<>());

        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(executor.submit(() -> {
                    for (int i = 0; i < packetsPerThread; i++) {
                        packets.add(sa.encapsulate(payload, NextHeader.IPV4));
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            executor.shutdown();
        }

        Set<Integer> sequenceNumbers = new HashSet<>();
        for (byte[] packet : packets) {
            int sequenceNumber = ByteBuffer.wrap(packet).getInt(4);
            sequenceNumbers.add(sequenceNumber);
            byte[] expected = Rfc4106Reference.espPacket(aesKey, SALT, SPI, sequenceNumber,
                    sequenceNumber, payload, NextHeader.IPV4);
            assertArrayEquals(expected, packet, "sequence number " + sequenceNumber);
        }
        assertEquals(threads * packetsPerThread, sequenceNumbers.size());
        assertEquals(threads * packetsPerThread, sa.lastSequenceNumber());
        assertEquals(threads * packetsPerThread, sa.packetsEncapsulated());
    }

    @Test
    void transformIdsMatchIanaRegistry() {
        assertEquals(18, EspTransform.ENCR_AES_GCM_8.ianaId());
        assertEquals(19, EspTransform.ENCR_AES_GCM_12.ianaId());
        assertEquals(20, EspTransform.ENCR_AES_GCM_16.ianaId());
        assertEquals(21, EspTransform.ENCR_NULL_AUTH_AES_GMAC.ianaId());
        assertEquals(28, EspTransform.ENCR_CHACHA20_POLY1305.ianaId());
        assertEquals(30, EspTransform.ENCR_AES_GCM_16_IIV.ianaId());
        assertEquals(31, EspTransform.ENCR_CHACHA20_POLY1305_IIV.ianaId());
        assertEquals(EspTransform.ENCR_AES_GCM_12, EspTransform.parse("19"));
        assertEquals(EspTransform.ENCR_AES_GCM_12, EspTransform.parse("aes-gcm-12"));
        assertThrows(IllegalArgumentException.class, () -> EspTransform.parse("ENCR_AES_CBC"));
    }

    @Test
    void sequenceNumberNeverWraps() throws Exception {
        byte[] aesKey = aesKey(16);
        EspOutboundSa sa = EspOutboundSa.builder(EspTransform.ENCR_AES_GCM_16, SPI,
                Rfc4106Reference.keyMaterial(aesKey, SALT))
                .lastSequenceNumber(EspOutboundSa.MAX_SEQUENCE_NUMBER - 2).build();
        byte[] payload = payload(40, 7);

        byte[] secondToLast = sa.encapsulate(payload, NextHeader.IPV4);
        byte[] last = sa.encapsulate(payload, NextHeader.IPV4);

        assertArrayEquals(Rfc4106Reference.espPacket(aesKey, SALT, SPI, 0xFFFF_FFFE, 0xFFFF_FFFEL,
                payload, NextHeader.IPV4), secondToLast);
        assertArrayEquals(Rfc4106Reference.espPacket(aesKey, SALT, SPI, 0xFFFF_FFFF, 0xFFFF_FFFFL,
                payload, NextHeader.IPV4), last);
        for (int attempt = 0; attempt < 2; attempt++) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> sa.encapsulate(payload, NextHeader.IPV4));
            assertTrue(e.getMessage().contains("exhausted"), e.getMessage());
        }
        assertEquals(EspOutboundSa.MAX_SEQUENCE_NUMBER, sa.lastSequenceNumber());
        assertEquals(2, sa.packetsEncapsulated());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 17, 255})
    void reservedSpiRejected(int spi) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EspOutboundSa(EspTransform.ENCR_AES_GCM_16, spi,
                        Rfc4106Reference.keyMaterial(aesKey(16), SALT)));
        assertTrue(e.getMessage().startsWith("spi "), e.getMessage());
        assertTrue(e.getMessage().contains("got " + spi), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {256, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF})
    void unreservedSpiAccepted(int spi) throws Exception {
        EspOutboundSa sa = new EspOutboundSa(EspTransform.ENCR_AES_GCM_16, spi,
                Rfc4106Reference.keyMaterial(aesKey(16), SALT));

        assertEquals(spi, ByteBuffer.wrap(sa.encapsulate(new byte[0], NextHeader.IPV4)).getInt(0));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 4, 16, 19, 21, 27, 29, 32, 35, 37, 40})
    void keyMaterialOfWrongLengthRejected(int length) {
        InvalidKeyException e = assertThrows(InvalidKeyException.class,
                () -> new EspOutboundSa(EspTransform.ENCR_AES_GCM_16, SPI, new byte[length]));
        assertTrue(e.getMessage().startsWith("keyMaterial for ENCR_AES_GCM_16 must be 20, 28 or 36"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("got " + length + " bytes"), e.getMessage());
        assertTrue(e.getMessage().endsWith("got " + length + " bytes"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 256, Integer.MIN_VALUE})
    void nextHeaderOutOfRangeRejected(int nextHeader) throws Exception {
        EspOutboundSa sa = new EspOutboundSa(EspTransform.ENCR_AES_GCM_16, SPI,
                Rfc4106Reference.keyMaterial(aesKey(16), SALT));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sa.encapsulate(new byte[4], nextHeader));
        assertTrue(e.getMessage().startsWith("nextHeader "), e.getMessage());
        assertEquals(0, sa.lastSequenceNumber());
        assertEquals(0, sa.packetsEncapsulated());
    }

    @Test
    void payloadUpToMaximumAccepted() throws Exception {
        EspOutboundSa sa = new EspOutboundSa(EspTransform.ENCR_AES_GCM_16, SPI,
                Rfc4106Reference.keyMaterial(aesKey(16), SALT));

        byte[] packet = sa.encapsulate(new byte[EspOutboundSa.MAX_PAYLOAD_LENGTH], NextHeader.IPV6);
        assertTrue(packet.length <= 65_535, "packet length " + packet.length);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sa.encapsulate(new byte[EspOutboundSa.MAX_PAYLOAD_LENGTH + 1], NextHeader.IPV6));
        assertTrue(e.getMessage().startsWith("payload must be at most"), e.getMessage());
        assertEquals(1, sa.lastSequenceNumber());
    }

    @Test
    void maximumPayloadIsLargestThatFits() {
        int max = EspOutboundSa.MAX_PAYLOAD_LENGTH;
        int packetAtMax = 32 + max + EspFormat.padLength(max) + 2;
        int packetAboveMax = 32 + (max + 1) + EspFormat.padLength(max + 1) + 2;

        assertTrue(packetAtMax <= 65_535, "packet length at maximum " + packetAtMax);
        assertTrue(packetAboveMax > 65_535, "packet length above maximum " + packetAboveMax);
    }

    @Test
    void nullArgumentsRejected() throws Exception {
        byte[] keyMaterial = Rfc4106Reference.keyMaterial(aesKey(16), SALT);
        EspOutboundSa sa = new EspOutboundSa(EspTransform.ENCR_AES_GCM_16, SPI, keyMaterial);

        assertThrows(NullPointerException.class, () -> sa.encapsulate(null, NextHeader.IPV4));
        assertThrows(NullPointerException.class,
                () -> new EspOutboundSa(null, SPI, keyMaterial));
        assertThrows(NullPointerException.class,
                () -> new EspOutboundSa(EspTransform.ENCR_AES_GCM_16, SPI, null));
        assertThrows(NullPointerException.class,
                () -> new EspOutboundSa(EspTransform.ENCR_AES_GCM_16, SPI, keyMaterial, null));
    }

    @Test
    void keyMaterialIsCopied() throws Exception {
        byte[] aesKey = aesKey(32);
        byte[] keyMaterial = Rfc4106Reference.keyMaterial(aesKey, SALT);
        byte[] original = keyMaterial.clone();
        EspOutboundSa sa = new EspOutboundSa(EspTransform.ENCR_AES_GCM_16, SPI, keyMaterial);

        assertArrayEquals(original, keyMaterial);
        Arrays.fill(keyMaterial, (byte) 0);
        byte[] packet = sa.encapsulate(new byte[3], NextHeader.IPV4);

        assertArrayEquals(Rfc4106Reference.espPacket(aesKey, SALT, SPI, 1, 1, new byte[3],
                NextHeader.IPV4), packet);
    }

    @Test
    void factoryKeyCopyWiped() throws Exception {
        byte[] aesKey = aesKey(16);
        List<byte[]> keysPassed = new ArrayList<>();
        List<byte[]> keysSeen = new ArrayList<>();
        AeadEngine.Factory recordingFactory = (transform, key) -> {
            keysPassed.add(key);
            keysSeen.add(key.clone());
            return EspEngine.JCA.create(transform, key);
        };

        new EspOutboundSa(EspTransform.ENCR_AES_GCM_16, SPI,
                Rfc4106Reference.keyMaterial(aesKey, SALT), recordingFactory);

        assertEquals(1, keysPassed.size());
        assertArrayEquals(aesKey, keysSeen.get(0));
        assertArrayEquals(new byte[16], keysPassed.get(0));
    }

    @Test
    void destroyWipesAndBlocksUse() throws Exception {
        List<AeadEngine> engines = new ArrayList<>();
        AeadEngine.Factory recordingFactory = (transform, key) -> {
            AeadEngine engine = EspEngine.JCA.create(transform, key);
            engines.add(engine);
            return engine;
        };
        EspOutboundSa sa = new EspOutboundSa(EspTransform.ENCR_AES_GCM_16, SPI,
                Rfc4106Reference.keyMaterial(aesKey(16), SALT), recordingFactory);
        sa.encapsulate(new byte[8], NextHeader.IPV4);
        assertFalse(sa.isDestroyed());

        sa.destroy();
        sa.destroy();

        assertTrue(sa.isDestroyed());
        assertTrue(engines.get(0).isDestroyed());
        assertThrows(IllegalStateException.class, () -> sa.encapsulate(new byte[8], NextHeader.IPV4));
        assertEquals(1, sa.lastSequenceNumber());
    }

    @Test
    void toStringShowsNoKeyMaterial() throws Exception {
        byte[] aesKey = aesKey(16);
        EspOutboundSa sa = new EspOutboundSa(EspTransform.ENCR_AES_GCM_16, SPI,
                Rfc4106Reference.keyMaterial(aesKey, SALT));

        String text = sa.toString();

        assertTrue(text.contains("0x12345678"), text);
        assertFalse(text.contains(HexFormat.of().formatHex(aesKey)), text);
        assertFalse(text.contains(HexFormat.of().formatHex(SALT)), text);
    }
}
