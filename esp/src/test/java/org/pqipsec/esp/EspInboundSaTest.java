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
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EspInboundSaTest {

    /** Window of the SAs under test, small enough to walk past in a few hundred packets. */
    private static final int WINDOW = 64;

    /**
     * Returns the window as a 64-bit bitmap: bit {@code i} is set when sequence number
     * {@code highest - i} was received, read through the public window check.
     */
    private static long replayBitmap(EspInboundSa sa) {
        long highest = sa.highestSequenceNumber();
        long bitmap = 0;
        for (int i = 0; i < WINDOW && highest - i > 0; i++) {
            if (!sa.windowAllows(highest - i)) {
                bitmap |= 1L << i;
            }
        }
        return bitmap;
    }

    private static final HexFormat HEX = HexFormat.of();
    private static final int SPI = 0x0a0b_0c0d;
    private static final byte[] SALT = HEX.parseHex("5a17c0de");
    private static final byte[] AES_KEY = EspOutboundSaTest.aesKey(16);
    private static final byte[] KEY_MATERIAL = Rfc4106Reference.keyMaterial(AES_KEY, SALT);

    /** SA counters and window, compared before and after each drop. */
    private record SaState(long highest, long bitmap, long accepted, Map<EspDropReason, Long> drops) {

        static SaState of(EspInboundSa sa) {
            Map<EspDropReason, Long> drops = new EnumMap<>(EspDropReason.class);
            for (EspDropReason reason : EspDropReason.values()) {
                drops.put(reason, sa.dropCount(reason));
            }
            return new SaState(sa.highestSequenceNumber(), replayBitmap(sa), sa.packetsAccepted(),
                    drops);
        }
    }

    private static EspInboundSa inboundSa() throws Exception {
        return EspInboundSa.builder(EspTransform.ENCR_AES_GCM_16, SPI, KEY_MATERIAL).replayWindow(WINDOW).build();
    }

    private static EspOutboundSa outboundSa() throws Exception {
        return new EspOutboundSa(EspTransform.ENCR_AES_GCM_16, SPI, KEY_MATERIAL);
    }

    /** Builds packets with sequence numbers 1 to {@code count}. */
    private static List<byte[]> packets(int count) throws Exception {
        EspOutboundSa outbound = outboundSa();
        List<byte[]> packets = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            packets.add(outbound.encapsulate(EspOutboundSaTest.payload(i % 70, i), NextHeader.IPV4));
        }
        return packets;
    }

    /**
     * Asserts that {@code packet} is dropped for {@code expected} and that only that reason's
     * counter changed.
     */
    private static void assertDropped(EspInboundSa sa, byte[] packet, EspDropReason expected,
            String context) {
        SaState before = SaState.of(sa);

        EspDropException e = assertThrows(EspDropException.class, () -> sa.decapsulate(packet),
                context);

        assertEquals(expected, e.reason(), context + ": " + e.getMessage());
        SaState after = SaState.of(sa);
        assertEquals(before.highest(), after.highest(), context + ": highest sequence number");
        assertEquals(before.bitmap(), after.bitmap(), context + ": replay bitmap");
        assertEquals(before.accepted(), after.accepted(), context + ": packets accepted");
        for (EspDropReason reason : EspDropReason.values()) {
            long expectedCount = before.drops().get(reason) + (reason == expected ? 1 : 0);
            assertEquals(expectedCount, after.drops().get(reason), context + ": drops for " + reason);
        }
    }

    private static void assertAccepted(EspInboundSa sa, byte[] packet, long sequenceNumber)
            throws EspDropException {
        long acceptedBefore = sa.packetsAccepted();

        DecapsulatedPacket result = sa.decapsulate(packet);

        assertEquals(sequenceNumber, result.sequenceNumber());
        assertEquals(acceptedBefore + 1, sa.packetsAccepted());
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 32})
    void roundTripAtEverySize(int keyLength) throws Exception {
        byte[] keyMaterial = Rfc4106Reference.keyMaterial(EspOutboundSaTest.aesKey(keyLength), SALT);
        EspOutboundSa outbound = new EspOutboundSa(EspTransform.ENCR_AES_GCM_16, SPI, keyMaterial);
        EspInboundSa inbound = new EspInboundSa(EspTransform.ENCR_AES_GCM_16, SPI, keyMaterial);

        int[] sizes = EspOutboundSaTest.payloadSizes();
        for (int i = 0; i < sizes.length; i++) {
            byte[] payload = EspOutboundSaTest.payload(sizes[i], i);
            int nextHeader = i % 2 == 0 ? NextHeader.IPV4 : NextHeader.IPV6;

            DecapsulatedPacket result = inbound.decapsulate(outbound.encapsulate(payload, nextHeader));

            assertArrayEquals(payload, result.payload(), "payload size " + sizes[i]);
            assertEquals(nextHeader, result.nextHeader(), "payload size " + sizes[i]);
            assertEquals(i + 1, result.sequenceNumber(), "payload size " + sizes[i]);
        }
        assertEquals(sizes.length, inbound.packetsAccepted());
        assertEquals(sizes.length, inbound.highestSequenceNumber());
        for (EspDropReason reason : EspDropReason.values()) {
            assertEquals(0, inbound.dropCount(reason), reason.name());
        }
    }

    /**
     * ESP packets rebuilt from the AES-GCM cases without ESN in draft-mcgrew-gcm-test-01 §4, as
     * reproduced in public GCM test suites. The two other such cases use SPI 0 or AES-192, which
     * these SAs reject. In each case the AAD is SPI ‖ sequence number and the nonce is
     * salt ‖ IV. Each plaintext ends with Pad Length and Next Header 1.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        // AES-128, SPI 0000a5f8, sequence number 10, no Padding.
        "feffe9928665731c6d6a8f9467308308 cafebabe 0000a5f8 0000000a facedbaddecaf888"
                + " deb22cd9b07c72c16e3a65beeb8df304a5a5897d33ae530f1ba76d5d114d2a5c"
                + "3de81827c10e9a4f51330d0eec416642cfbb85a5b47e48a4ec3b9ba95d918bd1"
                + "83b70d3aa8bc6ee4c309e9d85a41ad4a"
                + " 4500003e698f000080114dccc0a80102c0a801010a980035002a2343b2d00100"
                + "0001000000000000037369700963796265726369747902646b0000010001",
        // AES-256, SPI 4a2cbfe3, sequence number 2, Padding 01 02.
        "abbccddef00112233445566778899aababbccddef00112233445566778899aab 11223344"
                + " 4a2cbfe3 00000002 0102030405060708"
                + " ff425c9b724599df7a3bcd510194e00d6a78107f1b0b1cbf06efae9d65a5d763"
                + "748a637985771d347f0545659f14e99def842d8eb335f4eecfdbf831824b4c49"
                + "15956c96"
                + " 4500003069a6400080062690c0a801029389155e0a9e008b2dc57ee000000000"
                + "7002400020bf0000020405b401010402",
        // AES-128, SPI 335467ae, sequence number 2^32 - 1, empty payload, Padding 01 02.
        "7d773d00c144c525ac619d18c84a3f47 d9664267 335467ae ffffffff 43457e9182443bc6"
                + " 437f866bcb3f699fe9b0822bac961c4504bef270 -"
    })
    void publishedVectorDecapsulates(String vector) throws Exception {
        String[] fields = vector.split(" ");
        byte[] keyMaterial =
                Rfc4106Reference.keyMaterial(HEX.parseHex(fields[0]), HEX.parseHex(fields[1]));
        int spi = ByteBuffer.wrap(HEX.parseHex(fields[2])).getInt();
        long sequenceNumber = Long.parseLong(fields[3], 16);
        byte[] packet = ByteBuffer.allocate(16 + fields[5].length() / 2)
                .put(HEX.parseHex(fields[2]))
                .put(HEX.parseHex(fields[3]))
                .put(HEX.parseHex(fields[4]))
                .put(HEX.parseHex(fields[5]))
                .array();
        byte[] expectedPayload = fields[6].equals("-") ? new byte[0] : HEX.parseHex(fields[6]);
        EspInboundSa sa = new EspInboundSa(EspTransform.ENCR_AES_GCM_16, spi, keyMaterial);

        DecapsulatedPacket result = sa.decapsulate(packet);

        assertArrayEquals(expectedPayload, result.payload());
        assertEquals(1, result.nextHeader());
        assertEquals(sequenceNumber, result.sequenceNumber());
        assertEquals(sequenceNumber, sa.highestSequenceNumber());
        assertDropped(sa, packet, EspDropReason.REPLAYED, "replayed vector");
    }

    @Test
    void replayedPacketDropped() throws Exception {
        EspInboundSa sa = inboundSa();
        List<byte[]> packets = packets(3);
        for (int i = 0; i < 3; i++) {
            assertAccepted(sa, packets.get(i), i + 1);
        }

        for (int i = 0; i < 3; i++) {
            assertDropped(sa, packets.get(i), EspDropReason.REPLAYED, "replay of " + (i + 1));
            assertDropped(sa, packets.get(i).clone(), EspDropReason.REPLAYED, "copy of " + (i + 1));
        }
        assertEquals(6, sa.dropCount(EspDropReason.REPLAYED));
        assertEquals(3, sa.packetsAccepted());
    }

    @Test
    void reorderedPacketsInsideWindowAcceptedOnce() throws Exception {
        EspInboundSa sa = inboundSa();
        List<byte[]> packets = packets(WINDOW);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < packets.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(4303));

        for (int i : order) {
            assertAccepted(sa, packets.get(i), i + 1);
        }
        assertEquals(WINDOW, sa.highestSequenceNumber());
        assertEquals(-1L, replayBitmap(sa));

        for (int i : order) {
            assertDropped(sa, packets.get(i), EspDropReason.REPLAYED, "second copy of " + (i + 1));
        }
        assertEquals(WINDOW, sa.packetsAccepted());
    }

    @Test
    void reverseOrderFillsWindowBackwards() throws Exception {
        EspInboundSa sa = inboundSa();
        List<byte[]> packets = packets(100);

        assertAccepted(sa, packets.get(99), 100);
        for (int sequenceNumber = 99; sequenceNumber >= 37; sequenceNumber--) {
            assertAccepted(sa, packets.get(sequenceNumber - 1), sequenceNumber);
        }

        assertEquals(100, sa.highestSequenceNumber());
        assertEquals(-1L, replayBitmap(sa));
        assertDropped(sa, packets.get(35), EspDropReason.OUTSIDE_WINDOW, "sequence number 36");
    }

    @Test
    void packetsLeftOfWindowDropped() throws Exception {
        EspInboundSa sa = inboundSa();
        List<byte[]> packets = packets(200);
        assertAccepted(sa, packets.get(0), 1);
        assertAccepted(sa, packets.get(199), 200);
        assertEquals(1L, replayBitmap(sa));

        for (int sequenceNumber = 2; sequenceNumber <= 136; sequenceNumber++) {
            assertDropped(sa, packets.get(sequenceNumber - 1), EspDropReason.OUTSIDE_WINDOW,
                    "sequence number " + sequenceNumber);
        }
        assertAccepted(sa, packets.get(136), 137);
        assertDropped(sa, packets.get(0), EspDropReason.OUTSIDE_WINDOW, "sequence number 1");
        assertEquals(136, sa.dropCount(EspDropReason.OUTSIDE_WINDOW));
    }

    @Test
    void sequenceNumberZeroDropped() throws Exception {
        EspInboundSa sa = inboundSa();
        byte[] packet = Rfc4106Reference.espPacket(AES_KEY, SALT, SPI, 0, 0, new byte[20],
                NextHeader.IPV4);

        assertDropped(sa, packet, EspDropReason.OUTSIDE_WINDOW, "sequence number 0 on a new SA");
        assertAccepted(sa, packets(1).get(0), 1);
        assertDropped(sa, packet, EspDropReason.OUTSIDE_WINDOW, "sequence number 0 after 1");
    }

    /**
     * Flips each bit of a packet in turn. Flips in the SPI give UNKNOWN_SPI. Flips in the
     * sequence number give REPLAYED when they land on an accepted number and AUTHENTICATION_FAILED
     * otherwise. Flips anywhere else give AUTHENTICATION_FAILED.
     */
    @Test
    void everyFlippedBitDropped() throws Exception {
        EspInboundSa sa = inboundSa();
        List<byte[]> packets = packets(5);
        Set<Long> accepted = new TreeSet<>();
        for (int i = 0; i < 3; i++) {
            assertAccepted(sa, packets.get(i), i + 1);
            accepted.add((long) i + 1);
        }
        byte[] original = packets.get(4);

        for (int position = 0; position < original.length; position++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] tampered = original.clone();
                tampered[position] ^= (byte) (1 << bit);
                long sequenceNumber = Integer.toUnsignedLong(ByteBuffer.wrap(tampered).getInt(4));

                EspDropReason expected;
                if (position < 4) {
                    expected = EspDropReason.UNKNOWN_SPI;
                } else if (position < 8 && accepted.contains(sequenceNumber)) {
                    expected = EspDropReason.REPLAYED;
                } else {
                    expected = EspDropReason.AUTHENTICATION_FAILED;
                }
                assertDropped(sa, tampered, expected, "byte " + position + " bit " + bit);
            }
        }
        assertEquals(32, sa.dropCount(EspDropReason.UNKNOWN_SPI));
        assertEquals(1, sa.dropCount(EspDropReason.REPLAYED));
        assertAccepted(sa, original, 5);
    }

    @Test
    void everyTruncationDropped() throws Exception {
        EspInboundSa sa = inboundSa();
        byte[] original = packets(1).get(0);

        for (int length = 0; length < original.length; length++) {
            EspDropReason expected = length < 34 ? EspDropReason.TOO_SHORT
                    : EspDropReason.AUTHENTICATION_FAILED;
            assertDropped(sa, Arrays.copyOf(original, length), expected, "length " + length);
        }
        assertAccepted(sa, original, 1);
    }

    @Test
    void extendedPacketDropped() throws Exception {
        EspInboundSa sa = inboundSa();
        byte[] original = packets(1).get(0);

        for (int extra = 1; extra <= 17; extra++) {
            assertDropped(sa, Arrays.copyOf(original, original.length + extra),
                    EspDropReason.AUTHENTICATION_FAILED, extra + " bytes appended");
        }
        assertAccepted(sa, original, 1);
    }

    @Test
    void wrongSpiDropped() throws Exception {
        EspInboundSa sa = inboundSa();
        EspOutboundSa otherSpi = new EspOutboundSa(EspTransform.ENCR_AES_GCM_16, SPI + 1, KEY_MATERIAL);

        EspDropException e = assertThrows(EspDropException.class,
                () -> sa.decapsulate(otherSpi.encapsulate(new byte[12], NextHeader.IPV4)));
        assertEquals(EspDropReason.UNKNOWN_SPI, e.reason());
        assertTrue(e.getMessage().contains("0x0a0b0c0e"), e.getMessage());

        assertDropped(sa, otherSpi.encapsulate(new byte[12], NextHeader.IPV4),
                EspDropReason.UNKNOWN_SPI, "second packet with SPI + 1");
    }

    @Test
    void wrongKeyDropped() throws Exception {
        EspInboundSa sa = inboundSa();
        byte[] otherKey = AES_KEY.clone();
        otherKey[0] ^= 1;
        byte[] packet = Rfc4106Reference.espPacket(otherKey, SALT, SPI, 1, 1, new byte[12],
                NextHeader.IPV4);
        byte[] otherSalt = SALT.clone();
        otherSalt[3] ^= 1;
        byte[] saltPacket = Rfc4106Reference.espPacket(AES_KEY, otherSalt, SPI, 1, 1, new byte[12],
                NextHeader.IPV4);

        assertDropped(sa, packet, EspDropReason.AUTHENTICATION_FAILED, "other AES key");
        assertDropped(sa, saltPacket, EspDropReason.AUTHENTICATION_FAILED, "other salt");
    }

    /** Plaintexts with a malformed trailer. Each ends with Pad Length and Next Header. */
    @ParameterizedTest
    @ValueSource(strings = {
        "aabbccdd 0103 02 04",       // second Padding byte 3 instead of 2
        "aabbccdd 0000 02 04",       // Padding of zeros
        "aabbccdd 0201 02 04",       // Padding in reverse order
        "aabbccddee 010204 03 04",   // third Padding byte 4 instead of 3
        "aabb ff 04",                // Pad Length 255 beyond the 2 bytes before the trailer
        "aabb 03 04",                // Pad Length 3 beyond the 2 bytes before the trailer
        "03 04",                     // Pad Length 3 with nothing before the trailer
        "aabbccdd 0102 03 04",       // Pad Length 3 takes payload byte dd as Padding byte 1
    })
    void authenticatedBadPaddingDropped(String plaintextHex) throws Exception {
        EspInboundSa sa = inboundSa();
        byte[] plaintext = HEX.parseHex(plaintextHex.replace(" ", ""));
        byte[] packet = Rfc4106Reference.espPacketWithPlaintext(AES_KEY, SALT, SPI, 1, 1, plaintext);

        assertDropped(sa, packet, EspDropReason.BAD_PADDING, plaintextHex);
        assertAccepted(sa, packets(1).get(0), 1);
    }

    @Test
    void longerValidPaddingAccepted() throws Exception {
        EspInboundSa sa = inboundSa();
        byte[] payload = HEX.parseHex("45000014aabbccdd");
        ByteBuffer plaintext = ByteBuffer.allocate(payload.length + 254 + 2).put(payload);
        for (int i = 1; i <= 254; i++) {
            plaintext.put((byte) i);
        }
        plaintext.put((byte) 254).put((byte) NextHeader.IPV4);
        byte[] packet = Rfc4106Reference.espPacketWithPlaintext(AES_KEY, SALT, SPI, 9, 9,
                plaintext.array());

        DecapsulatedPacket result = sa.decapsulate(packet);

        assertArrayEquals(payload, result.payload());
        assertEquals(NextHeader.IPV4, result.nextHeader());
    }

    @Test
    void dummyPacketAcceptedAndMarked() throws Exception {
        EspInboundSa sa = inboundSa();
        EspOutboundSa outbound = outboundSa();

        DecapsulatedPacket dummy = sa.decapsulate(
                outbound.encapsulate(new byte[37], NextHeader.NO_NEXT_HEADER));
        DecapsulatedPacket data = sa.decapsulate(outbound.encapsulate(new byte[37], NextHeader.IPV6));

        assertTrue(dummy.isDummy());
        assertFalse(data.isDummy());
        assertEquals(2, sa.packetsAccepted());
    }

    @Test
    void windowCheckedAgainAfterConcurrentAccept() throws Exception {
        EspInboundSa sa = inboundSa();
        List<byte[]> packets = packets(300);
        Map<Long, AtomicInteger> acceptCounts = new ConcurrentHashMap<>();
        AtomicInteger drops = new AtomicInteger();
        int threads = 4;

        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(executor.submit(() -> {
                    for (byte[] packet : packets) {
                        try {
                            DecapsulatedPacket result = sa.decapsulate(packet);
                            acceptCounts.computeIfAbsent(result.sequenceNumber(),
                                    k -> new AtomicInteger()).incrementAndGet();
                        } catch (EspDropException e) {
                            drops.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            executor.shutdown();
        }

        for (Map.Entry<Long, AtomicInteger> entry : acceptCounts.entrySet()) {
            assertEquals(1, entry.getValue().get(), "sequence number " + entry.getKey());
        }
        assertEquals(acceptCounts.size(), sa.packetsAccepted());
        assertEquals(threads * packets.size(), acceptCounts.size() + drops.get());
        assertEquals(drops.get(), sa.dropCount(EspDropReason.REPLAYED)
                + sa.dropCount(EspDropReason.OUTSIDE_WINDOW));
    }

    @Test
    void destroyedSaRejectsPacketsWithoutCounting() throws Exception {
        EspInboundSa sa = inboundSa();
        byte[] packet = packets(1).get(0);

        sa.destroy();

        assertTrue(sa.isDestroyed());
        assertThrows(IllegalStateException.class, () -> sa.decapsulate(packet));
        assertThrows(IllegalStateException.class, () -> sa.decapsulate(new byte[3]));
        for (EspDropReason reason : EspDropReason.values()) {
            assertEquals(0, sa.dropCount(reason), reason.name());
        }
    }

    @Test
    void invalidConstructionRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new EspInboundSa(EspTransform.ENCR_AES_GCM_16, 0, KEY_MATERIAL));
        assertThrows(InvalidKeyException.class,
                () -> new EspInboundSa(EspTransform.ENCR_AES_GCM_16, SPI, new byte[30]));
        assertThrows(NullPointerException.class,
                () -> new EspInboundSa(EspTransform.ENCR_AES_GCM_16, SPI, null));
    }

    @Test
    void nullPacketRejected() throws Exception {
        EspInboundSa sa = inboundSa();

        assertThrows(NullPointerException.class, () -> sa.decapsulate(null));
        assertEquals(0, sa.dropCount(EspDropReason.TOO_SHORT));
    }

    @Test
    void resultRejectsOutOfRangeFields() {
        assertThrows(IllegalArgumentException.class,
                () -> new DecapsulatedPacket(0, NextHeader.IPV4, new byte[0]));
        assertThrows(IllegalArgumentException.class,
                () -> new DecapsulatedPacket(1, 256, new byte[0]));
        assertThrows(IllegalArgumentException.class,
                () -> new DecapsulatedPacket(1, -1, new byte[0]));
        assertThrows(NullPointerException.class,
                () -> new DecapsulatedPacket(1, NextHeader.IPV4, null));
    }

    @Test
    void resultHidesPayloadInToString() throws Exception {
        EspInboundSa sa = inboundSa();
        byte[] payload = HEX.parseHex("5ec7e75ec7e7");
        EspOutboundSa outbound = outboundSa();

        DecapsulatedPacket result = sa.decapsulate(outbound.encapsulate(payload, NextHeader.IPV4));

        assertEquals(new DecapsulatedPacket(1, NextHeader.IPV4, payload.clone()), result);
        assertFalse(result.toString().contains("5ec7e7"), result.toString());
        assertTrue(result.toString().contains("payloadLength=6"), result.toString());
    }
}
