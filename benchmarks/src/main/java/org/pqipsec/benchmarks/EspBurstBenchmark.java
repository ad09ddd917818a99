package org.pqipsec.benchmarks;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.pqipsec.esp.DecapsulationResults;
import org.pqipsec.esp.EspInboundSa;
import org.pqipsec.esp.EspOutboundSa;
import org.pqipsec.esp.EspTransform;

/**
 * ESP seal and open with ENCR_AES_GCM_16 and a 256-bit key, per packet, for single packets and
 * bursts of 32, against the same ESP packet built by "JCA-naive" code (one {@code Cipher.init}
 * per packet with a new parameter object) and by BouncyCastle's {@code GCMBlockCipher}.
 *
 * <p>Open runs on an inbound SA with anti-replay disabled, so the same packets can be opened
 * again in every invocation; the window costs one lock and a few bit operations per packet.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Thread)
public class EspBurstBenchmark {

    private static final int BURST = 32;
    private static final int SPI = 0x1000_0001;

    @Param({"64", "128", "256", "512", "1024", "1400", "9000"})
    public int size;

    private final byte[] keyMaterial = new byte[36];
    private EspOutboundSa outbound;
    private EspInboundSa inbound;
    private ByteBuffer[] payloads;
    private ByteBuffer[] packets;
    private ByteBuffer[] sealedPackets;
    private ByteBuffer[] plaintexts;
    private int[] nextHeaders;
    private DecapsulationResults results;

    private Cipher naive;
    private SecretKeySpec naiveKey;
    private GCMModeCipher bouncy;
    private KeyParameter bouncyKey;
    private byte[] payload;
    private byte[] naivePacket;
    private byte[] naiveSealed;
    private byte[] naiveOut;
    private long naiveSequence;

    @Setup
    public void setUp() throws Exception {
        for (int i = 0; i < keyMaterial.length; i++) {
            keyMaterial[i] = (byte) (i * 13 + 1);
        }
        outbound = EspOutboundSa.builder(EspTransform.ENCR_AES_GCM_16, SPI, keyMaterial)
                .extendedSequenceNumbers(true).build();
        inbound = EspInboundSa.builder(EspTransform.ENCR_AES_GCM_16, SPI, keyMaterial)
                .extendedSequenceNumbers(true).disableReplayProtection().build();
        payloads = new ByteBuffer[BURST];
        packets = new ByteBuffer[BURST];
        sealedPackets = new ByteBuffer[BURST];
        plaintexts = new ByteBuffer[BURST];
        nextHeaders = new int[BURST];
        for (int i = 0; i < BURST; i++) {
            payloads[i] = ByteBuffer.allocate(size);
            packets[i] = ByteBuffer.allocate(size + 64);
            plaintexts[i] = ByteBuffer.allocate(size + 64);
            nextHeaders[i] = 4;
        }
        outbound.encapsulate(payloads, nextHeaders, packets, BURST);
        for (int i = 0; i < BURST; i++) {
            packets[i].flip();
            sealedPackets[i] = ByteBuffer.allocate(packets[i].remaining()).put(packets[i]).flip();
            payloads[i].clear();
        }
        results = new DecapsulationResults(BURST);

        naive = Cipher.getInstance("AES/GCM/NoPadding");
        naiveKey = new SecretKeySpec(keyMaterial, 0, 32, "AES");
        bouncy = GCMBlockCipher.newInstance(AESEngine.newInstance());
        bouncyKey = new KeyParameter(keyMaterial, 0, 32);
        payload = new byte[size];
        naivePacket = new byte[16 + size + 2 + 2 + 16];
        naiveOut = new byte[size + 4];
        naiveSealed = sealNaive(payload);
    }

    @Benchmark
    public int sealPqipsec() {
        ByteBuffer in = payloads[0].clear();
        ByteBuffer out = packets[0].clear();
        return outbound.encapsulate(in, 4, out);
    }

    @Benchmark
    @OperationsPerInvocation(BURST)
    public int sealPqipsecBurst() {
        for (int i = 0; i < BURST; i++) {
            payloads[i].clear();
            packets[i].clear();
        }
        return outbound.encapsulate(payloads, nextHeaders, packets, BURST);
    }

    @Benchmark
    public int openPqipsec() throws Exception {
        return inbound.decapsulate(sealedPackets[0].rewind(), plaintexts[0].clear());
    }

    @Benchmark
    @OperationsPerInvocation(BURST)
    public int openPqipsecBurst() {
        for (int i = 0; i < BURST; i++) {
            sealedPackets[i].rewind();
            plaintexts[i].clear();
        }
        return inbound.decapsulate(sealedPackets, plaintexts, BURST, results);
    }

    @Benchmark
    public byte[] sealJcaNaive() throws Exception {
        return sealNaive(payload);
    }

    @Benchmark
    @OperationsPerInvocation(BURST)
    public void sealJcaNaiveBurst(Blackhole blackhole) throws Exception {
        for (int i = 0; i < BURST; i++) {
            blackhole.consume(sealNaive(payload));
        }
    }

    @Benchmark
    public int openJcaNaive() throws Exception {
        return openNaive(naiveSealed);
    }

    @Benchmark
    @OperationsPerInvocation(BURST)
    public void openJcaNaiveBurst(Blackhole blackhole) throws Exception {
        for (int i = 0; i < BURST; i++) {
            blackhole.consume(openNaive(naiveSealed));
        }
    }

    @Benchmark
    public int sealBouncyCastle() throws Exception {
        return sealBouncy(payload);
    }

    @Benchmark
    @OperationsPerInvocation(BURST)
    public void sealBouncyCastleBurst(Blackhole blackhole) throws Exception {
        for (int i = 0; i < BURST; i++) {
            blackhole.consume(sealBouncy(payload));
        }
    }

    @Benchmark
    public int openBouncyCastle() throws Exception {
        return openBouncy(naiveSealed);
    }

    @Benchmark
    @OperationsPerInvocation(BURST)
    public void openBouncyCastleBurst(Blackhole blackhole) throws Exception {
        for (int i = 0; i < BURST; i++) {
            blackhole.consume(openBouncy(naiveSealed));
        }
    }

    /** Builds the ESP packet as straightforward Java code would: header, padding, one init. */
    private byte[] sealNaive(byte[] data) throws Exception {
        long sequence = ++naiveSequence;
        ByteBuffer packet = ByteBuffer.wrap(naivePacket);
        packet.putInt(SPI).putInt((int) sequence).putLong(sequence).put(data);
        int pad = (-(data.length + 2)) & 3;
        for (int i = 1; i <= pad; i++) {
            packet.put((byte) i);
        }
        packet.put((byte) pad).put((byte) 4);
        byte[] nonce = ByteBuffer.allocate(12).put(keyMaterial, 32, 4).putLong(sequence).array();
        naive.init(Cipher.ENCRYPT_MODE, naiveKey, new GCMParameterSpec(128, nonce));
        naive.updateAAD(naivePacket, 0, 8);
        int length = naive.doFinal(naivePacket, 16, data.length + pad + 2, naivePacket, 16);
        return java.util.Arrays.copyOf(naivePacket, 16 + length);
    }

    private int openNaive(byte[] packet) throws Exception {
        byte[] nonce = ByteBuffer.allocate(12).put(keyMaterial, 32, 4).put(packet, 8, 8).array();
        naive.init(Cipher.DECRYPT_MODE, naiveKey, new GCMParameterSpec(128, nonce));
        naive.updateAAD(packet, 0, 8);
        return naive.doFinal(packet, 16, packet.length - 16, naiveOut, 0);
    }

    private int sealBouncy(byte[] data) throws Exception {
        long sequence = ++naiveSequence;
        ByteBuffer packet = ByteBuffer.wrap(naivePacket);
        packet.putInt(SPI).putInt((int) sequence).putLong(sequence).put(data);
        int pad = (-(data.length + 2)) & 3;
        for (int i = 1; i <= pad; i++) {
            packet.put((byte) i);
        }
        packet.put((byte) pad).put((byte) 4);
        byte[] nonce = ByteBuffer.allocate(12).put(keyMaterial, 32, 4).putLong(sequence).array();
        bouncy.init(true, new AEADParameters(bouncyKey, 128, nonce, java.util.Arrays.copyOf(naivePacket, 8)));
        int length = bouncy.processBytes(naivePacket, 16, data.length + pad + 2, naivePacket, 16);
        return length + bouncy.doFinal(naivePacket, 16 + length);
    }

    private int openBouncy(byte[] packet) throws Exception {
        byte[] nonce = ByteBuffer.allocate(12).put(keyMaterial, 32, 4).put(packet, 8, 8).array();
        bouncy.init(false, new AEADParameters(bouncyKey, 128, nonce, java.util.Arrays.copyOf(packet, 8)));
        int length = bouncy.processBytes(packet, 16, packet.length - 16, naiveOut, 0);
        return length + bouncy.doFinal(naiveOut, length);
    }
}
