package org.pqipsec.esp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every transform through every API shape, plus the drop, ESN, rekey and threading rules. */
class EspTransformsTest {

    private static final int SPI = 0x7000_0001;

    static byte[] keyMaterial(EspTransform transform) {
        byte[] keyMaterial = new byte[(transform.isValidKeyLength(16) ? 16 : 32) + 4];
        for (int i = 0; i < keyMaterial.length; i++) {
            keyMaterial[i] = (byte) (i * 11 + transform.ianaId());
        }
        return keyMaterial;
    }

    /** Public state that a dropped packet must leave unchanged. */
    private record State(long highest, long accepted, long dummies, Map<EspDropReason, Long> drops,
            BitSet windowAllows) {

        static State of(EspInboundSa sa, EspDropReason except) {
            Map<EspDropReason, Long> drops = new EnumMap<>(EspDropReason.class);
            for (EspDropReason reason : EspDropReason.values()) {
                if (reason != except) {
                    drops.put(reason, sa.dropCount(reason));
                }
            }
            BitSet allows = new BitSet();
            for (int s = 1; s <= 40; s++) {
                allows.set(s, sa.windowAllows(s));
            }
            return new State(sa.highestSequenceNumber(), sa.packetsAccepted(), sa.dummyPacketsDiscarded(),
                    drops, allows);
        }
    }

    @ParameterizedTest
    @EnumSource(EspTransform.class)
    void roundTripOnEveryBufferKind(EspTransform transform) throws Exception {
        EspOutboundSa out = new EspOutboundSa(transform, SPI, keyMaterial(transform));
        EspInboundSa in = new EspInboundSa(transform, SPI, keyMaterial(transform));

        for (int length = 0; length <= 70; length++) {
            byte[] payload = new byte[length];
            Arrays.fill(payload, (byte) length);
            byte[] packet = out.encapsulate(payload, 17);
            assertEquals(out.packetLength(length, 17), packet.length);
            assertEquals(0, (packet.length - EspFormat.headerLength(transform) - transform.icvLength()) % 4);
            assertTrue(length < 4 || transform.authenticationOnly() == Arrays.equals(payload, Arrays.copyOfRange(packet, EspFormat.headerLength(transform),
                            EspFormat.headerLength(transform) + length)), "payload in the clear only for GMAC");
            DecapsulatedPacket opened = in.decapsulate(packet);
            assertArrayEquals(payload, opened.payload());
            assertEquals(17, opened.nextHeader());
        }

        ByteBuffer directPayload = ByteBuffer.allocateDirect(100).put(new byte[] {1, 2, 3, 4, 5}).flip();
        ByteBuffer directPacket = ByteBuffer.allocateDirect(200);
        int length = out.encapsulate(directPayload, NextHeader.IPV6, directPacket);
        directPacket.flip();
        assertEquals(length, directPacket.remaining());
        ByteBuffer plain = ByteBuffer.allocateDirect(200);
        assertEquals(NextHeader.IPV6, in.decapsulate(directPacket, plain));
        assertEquals(5, plain.position());
        assertEquals(4, plain.get(3));

        try (Arena arena = Arena.ofConfined()) {
            MemorySegment[] payloads = new MemorySegment[4];
            MemorySegment[] packets = new MemorySegment[4];
            MemorySegment[] plains = new MemorySegment[4];
            for (int i = 0; i < 4; i++) {
                payloads[i] = arena.allocate(10 + i).fill((byte) (0x40 + i));
                packets[i] = arena.allocate(100);
                plains[i] = arena.allocate(100);
            }
            int[] lengths = new int[4];
            out.encapsulate(payloads, new int[] {4, 4, 41, 59}, packets, lengths, 4);
            MemorySegment[] sealed = new MemorySegment[4];
            for (int i = 0; i < 4; i++) {
                sealed[i] = packets[i].asSlice(0, lengths[i]);
            }
            DecapsulationResults results = new DecapsulationResults(4);
            assertEquals(4, in.decapsulate(sealed, plains, 4, results));
            for (int i = 0; i < 3; i++) {
                assertEquals(10 + i, results.payloadLength(i));
                assertEquals((byte) (0x40 + i), plains[i].get(java.lang.foreign.ValueLayout.JAVA_BYTE, 9));
            }
            assertEquals(NextHeader.NO_NEXT_HEADER, results.nextHeader(3));
            assertEquals(0, results.payloadLength(3));
            assertEquals(1, in.dummyPacketsDiscarded());
        }
    }

    @ParameterizedTest
    @EnumSource(EspTransform.class)
    void burstDropsBadPacketsWithoutStopping(EspTransform transform) throws Exception {
        EspOutboundSa out = new EspOutboundSa(transform, SPI, keyMaterial(transform));
        EspInboundSa in = new EspInboundSa(transform, SPI, keyMaterial(transform));
        int count = 32;
        ByteBuffer[] payloads = new ByteBuffer[count];
        ByteBuffer[] packets = new ByteBuffer[count];
        int[] nextHeaders = new int[count];
        for (int i = 0; i < count; i++) {
            payloads[i] = ByteBuffer.wrap(new byte[i * 3]);
            packets[i] = i % 2 == 0 ? ByteBuffer.allocate(200) : ByteBuffer.allocateDirect(200);
            nextHeaders[i] = 17;
        }
        out.encapsulate(payloads, nextHeaders, packets, count);
        assertEquals(count, out.lastSequenceNumber());

        ByteBuffer[] plains = new ByteBuffer[count];
        for (int i = 0; i < count; i++) {
            packets[i].flip();
            plains[i] = ByteBuffer.allocate(200);
        }
        int last = packets[5].limit() - 1;
        packets[5].put(last, (byte) (packets[5].get(last) ^ 1));
        packets[9] = packets[8].duplicate();

        DecapsulationResults results = new DecapsulationResults(count);
        assertEquals(count - 2, in.decapsulate(packets, plains, count, results));
        assertEquals(EspDropReason.AUTHENTICATION_FAILED, results.dropReason(5));
        assertEquals(EspDropReason.REPLAYED, results.dropReason(9));
        assertEquals(0, plains[5].position());
        assertEquals(30, plains[10].position());
    }

    @ParameterizedTest
    @EnumSource(EspTransform.class)
    void badPacketsDroppedWithStateUnchanged(EspTransform transform) throws Exception {
        byte[] keyMaterial = keyMaterial(transform);
        EspOutboundSa out = new EspOutboundSa(transform, SPI, keyMaterial);
        EspInboundSa in = EspInboundSa.builder(transform, SPI, keyMaterial).replayWindow(32).build();
        List<byte[]> sent = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            sent.add(out.encapsulate(new byte[i], 17));
        }
        for (int i : new int[] {0, 1, 2, 5, 9, 20}) {
            in.decapsulate(sent.get(i));
        }
        byte[] fresh = sent.get(12);

        for (int cut = 0; cut < fresh.length; cut++) {
            assertDrop(in, Arrays.copyOf(fresh, cut),
                    cut < EspFormat.minPacketLength(transform) ? EspDropReason.TOO_SHORT
                            : EspDropReason.AUTHENTICATION_FAILED, "truncated to " + cut);
        }
        for (int bit = 0; bit < fresh.length * 8; bit++) {
            byte[] flipped = fresh.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            EspDropReason expected = bit < 32 ? EspDropReason.UNKNOWN_SPI : EspDropReason.AUTHENTICATION_FAILED;
            if (bit >= 32 && bit < 64) {
                long flippedSequence = 13L ^ (1L << (31 - (bit - 32)));
                if (!in.windowAllows(flippedSequence)) {
                    expected = flippedSequence == 0 || flippedSequence < 20 - 31
                            ? EspDropReason.OUTSIDE_WINDOW : EspDropReason.REPLAYED;
                }
            }
            assertDrop(in, flipped, expected, "bit " + bit + " flipped");
        }
        assertDrop(in, sent.get(5), EspDropReason.REPLAYED, "replay of 6");

        in.decapsulate(fresh);
        assertEquals(7, in.packetsAccepted());
    }

    private static void assertDrop(EspInboundSa sa, byte[] packet, EspDropReason reason, String what) {
        State before = State.of(sa, reason);
        long dropsBefore = sa.dropCount(reason);
        EspDropException e = assertThrows(EspDropException.class, () -> sa.decapsulate(packet), what);
        assertEquals(reason, e.reason(), what + ": " + e.getMessage());
        assertEquals(dropsBefore + 1, sa.dropCount(reason), what);
        assertEquals(before, State.of(sa, reason), what + " changed SA state");
    }

    @Test
    void gmacPacketMatchesHandComputedLayout() throws Exception {
        EspTransform transform = EspTransform.ENCR_NULL_AUTH_AES_GMAC;
        byte[] keyMaterial = keyMaterial(transform);
        EspOutboundSa out = new EspOutboundSa(transform, SPI, keyMaterial);
        byte[] payload = "GMAC payload, 26 bytes....".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] packet = out.encapsulate(payload, 6);

        // RFC 4543 §3 and §5: nonce = salt ‖ IV, AAD = SPI ‖ Seq ‖ IV ‖ payload ‖ padding ‖
        // Pad Length ‖ Next Header, nothing encrypted, tag = GCM tag over that AAD.
        ByteBuffer expected = ByteBuffer.allocate(8 + 8 + 28 + 16);
        expected.putInt(SPI).putInt(1).putLong(1).put(payload).put((byte) 0).put((byte) 6);
        byte[] nonce = ByteBuffer.allocate(12).put(keyMaterial, 16, 4).putLong(1).array();
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keyMaterial, 0, 16, "AES"), new GCMParameterSpec(128, nonce));
        gcm.updateAAD(expected.array(), 0, 44);
        expected.put(gcm.doFinal());

        assertArrayEquals(expected.array(), packet);
    }

    @Test
    void implicitIvPacketMatchesHandComputedLayout() throws Exception {
        EspTransform transform = EspTransform.ENCR_AES_GCM_16_IIV;
        byte[] keyMaterial = keyMaterial(transform);
        EspOutboundSa out = EspOutboundSa.builder(transform, SPI, keyMaterial)
                .extendedSequenceNumbers(true).lastSequenceNumber((7L << 32) + 40).build();
        byte[] packet = out.encapsulate(new byte[] {9, 8, 7, 6, 5, 4}, 17);

        // RFC 8750 §3 and §4: no IV on the wire; nonce = salt ‖ 64-bit ESN; AAD = SPI ‖ ESN.
        long sequence = (7L << 32) + 41;
        byte[] nonce = ByteBuffer.allocate(12).put(keyMaterial, 16, 4).putLong(sequence).array();
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keyMaterial, 0, 16, "AES"), new GCMParameterSpec(128, nonce));
        gcm.updateAAD(ByteBuffer.allocate(12).putInt(SPI).putLong(sequence).array());
        byte[] sealed = gcm.doFinal(new byte[] {9, 8, 7, 6, 5, 4, 0, 17});
        byte[] expected = ByteBuffer.allocate(8 + sealed.length).putInt(SPI).putInt(41).put(sealed).array();

        assertArrayEquals(expected, packet);
    }

    @Test
    void sequenceOverflowRejectedAndCounted() throws Exception {
        EspTransform transform = EspTransform.ENCR_AES_GCM_16;
        AtomicInteger alarms = new AtomicInteger();
        EspOutboundSa out = EspOutboundSa.builder(transform, SPI, keyMaterial(transform))
                .lastSequenceNumber(0xFFFF_FFFDL).rekeySoftLimit(0xFFFF_FFFEL, alarms::incrementAndGet).build();

        assertFalse(out.rekeyRequired());
        out.encapsulate(new byte[4], 17);
        assertTrue(out.rekeyRequired());
        out.encapsulate(new byte[4], 17);
        assertEquals(1, alarms.get());

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> out.encapsulate(new byte[4], 17));
        assertTrue(e.getMessage().contains("exhausted"), e.getMessage());
        assertEquals(1, out.dropCount(EspDropReason.SEQUENCE_OVERFLOW));
        assertEquals(0xFFFF_FFFFL, out.lastSequenceNumber());

        EspOutboundSa esn = EspOutboundSa.builder(transform, SPI, keyMaterial(transform))
                .extendedSequenceNumbers(true).lastSequenceNumber(-3L).build();
        ByteBuffer[] two = {ByteBuffer.allocate(0), ByteBuffer.allocate(0)};
        ByteBuffer[] room = {ByteBuffer.allocate(64), ByteBuffer.allocate(64), ByteBuffer.allocate(64)};
        esn.encapsulate(two, new int[] {17, 17}, room, 2);
        assertEquals(-1L, esn.lastSequenceNumber());
        assertThrows(IllegalStateException.class, () -> esn.encapsulate(new byte[0], 17));
    }

    @Test
    void tfcPaddingStrippedByTunnelMode() throws Exception {
        EspTransform transform = EspTransform.ENCR_CHACHA20_POLY1305;
        EspOutboundSa out = EspOutboundSa.builder(transform, SPI, keyMaterial(transform)).tfcPaddedLength(300).build();
        EspInboundSa in = new EspInboundSa(transform, SPI, keyMaterial(transform));
        byte[] inner = ScapyInteropTest.innerIpv4Packet(12);

        byte[] packet = out.encapsulate(inner, TunnelMode.nextHeaderFor(inner));
        DecapsulatedPacket opened = in.decapsulate(packet);

        assertEquals(300, opened.payload().length);
        assertArrayEquals(inner, TunnelMode.innerPacket(opened));
        assertEquals(EspFormat.packetLength(transform, 300), packet.length);
    }

    @Test
    void reorderingAndReplaySimulation() throws Exception {
        EspTransform transform = EspTransform.ENCR_AES_GCM_16;
        EspOutboundSa out = new EspOutboundSa(transform, SPI, keyMaterial(transform));
        EspInboundSa in = EspInboundSa.builder(transform, SPI, keyMaterial(transform)).replayWindow(256).build();
        List<byte[]> wire = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            wire.add(out.encapsulate(new byte[16], 17));
        }

        // The network reorders within 200 positions, duplicates one packet in ten and loses one
        // in fifty; a plain model of RFC 4303 §3.4.3 predicts each verdict.
        Random random = new Random(4303);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < wire.size(); i++) {
            if (random.nextInt(50) != 0) {
                order.add(i);
            }
            if (random.nextInt(10) == 0) {
                order.add(i);
            }
        }
        for (int i = 0; i < order.size(); i++) {
            int j = Math.min(order.size() - 1, i + random.nextInt(200));
            java.util.Collections.swap(order, i, j);
        }
        BitSet seen = new BitSet();
        long highest = 0;
        Map<EspDropReason, Integer> expectedDrops = new EnumMap<>(EspDropReason.class);
        for (int index : order) {
            long sequence = index + 1;
            EspDropReason expected = highest >= sequence && highest - sequence >= 256 ? EspDropReason.OUTSIDE_WINDOW
                    : seen.get(index) ? EspDropReason.REPLAYED : null;
            if (expected == null) {
                assertEquals(sequence, in.decapsulate(wire.get(index)).sequenceNumber());
                seen.set(index);
                highest = Math.max(highest, sequence);
            } else {
                EspDropException e = assertThrows(EspDropException.class, () -> in.decapsulate(wire.get(index)));
                assertEquals(expected, e.reason(), "sequence number " + sequence);
                expectedDrops.merge(expected, 1, Integer::sum);
            }
        }
        assertEquals(seen.cardinality(), in.packetsAccepted());
        assertEquals((long) expectedDrops.getOrDefault(EspDropReason.REPLAYED, 0), in.dropCount(EspDropReason.REPLAYED));
        assertEquals((long) expectedDrops.getOrDefault(EspDropReason.OUTSIDE_WINDOW, 0),
                in.dropCount(EspDropReason.OUTSIDE_WINDOW));
        assertTrue(in.dropCount(EspDropReason.REPLAYED) > 100, "the simulation produced replays");
    }

    /**
     * 8 threads build 1,000,000 packets on one outbound SA; every sequence number and every IV
     * must be distinct, and together they must be exactly 1 to 1,000,000.
     */
    @Test
    void eightThreadsNeverRepeatSequenceNumberOrIv() throws Exception {
        EspTransform transform = EspTransform.ENCR_AES_GCM_16;
        EspOutboundSa sa = new EspOutboundSa(transform, SPI, keyMaterial(transform));
        int threads = 8;
        int perThread = 125_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<long[][]>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    ByteBuffer payload = ByteBuffer.allocate(16);
                    ByteBuffer packet = ByteBuffer.allocate(64);
                    long[][] seen = new long[2][perThread];
                    for (int i = 0; i < perThread; i++) {
                        payload.clear();
                        packet.clear();
                        sa.encapsulate(payload, 17, packet);
                        seen[0][i] = Integer.toUnsignedLong(packet.getInt(4));
                        seen[1][i] = packet.getLong(8);
                    }
                    return seen;
                }));
            }
            BitSet sequences = new BitSet();
            BitSet ivs = new BitSet();
            int duplicates = 0;
            for (Future<long[][]> result : results) {
                long[][] seen = result.get();
                for (int i = 0; i < perThread; i++) {
                    duplicates += sequences.get((int) seen[0][i]) ? 1 : 0;
                    sequences.set((int) seen[0][i]);
                    duplicates += ivs.get((int) seen[1][i]) ? 1 : 0;
                    ivs.set((int) seen[1][i]);
                }
            }
            assertEquals(0, duplicates);
            assertEquals(threads * perThread, sequences.cardinality());
            assertEquals(1, sequences.nextSetBit(0));
            assertEquals(threads * perThread, sequences.length() - 1);
            assertEquals(sequences, ivs);
            assertEquals(threads * perThread, sa.packetsEncapsulated());
        } finally {
            pool.shutdownNow();
        }
    }
}
