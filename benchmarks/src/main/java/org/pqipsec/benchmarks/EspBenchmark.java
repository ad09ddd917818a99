package org.pqipsec.benchmarks;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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

/**
 * ESP with ENCR_AES_GCM_16 and AES-256: building ({@code seal}) and verifying ({@code open})
 * packets whose payload is {@code packetSize} bytes. pqipsec's SAs run against a JCA version that
 * calls {@code Cipher.getInstance} and {@code init} per packet ({@link NaiveJcaEsp}) and against
 * BouncyCastle's {@code GCMBlockCipher} ({@link BouncyCastleEsp}). Throughput is in packets per
 * second. Times the packet size gives bytes per second.
 *
 * <p>Each invocation handles a batch of {@value #BATCH} pre-built payloads or packets. pqipsec's
 * inbound SA rejects a sequence number it has seen, so the receiver starts over before each batch
 * of {@code open}, outside the timed region. The peers have no anti-replay window.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class EspBenchmark {

    /** Packets per invocation, enough that the per-invocation receiver reset is rare. */
    static final int BATCH = 256;

    private static final int SPI = 0x1000_0001;

    /** ENCR_AES_GCM_16 with AES-256: 32 key bytes and the 4-byte salt (RFC 4106 §8.1). */
    private static final int KEY_MATERIAL_LENGTH = 36;

    /** Payload length in bytes: the inner packet that tunnel mode carries. */
    @Param({"64", "128", "256", "512", "1024", "1500", "4096", "9000"})
    public int packetSize;

    @Param({"pqipsec", "JCA-naive", "BouncyCastle"})
    public String implementation;

    private EspCandidate esp;
    private byte[][] payloads;
    private byte[][] packets;

    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
        SecureRandom random = new SecureRandom();
        byte[] keyMaterial = new byte[KEY_MATERIAL_LENGTH];
        random.nextBytes(keyMaterial);
        esp = candidate(implementation, keyMaterial);

        payloads = new byte[BATCH][];
        packets = new byte[BATCH][];
        for (int i = 0; i < BATCH; i++) {
            payloads[i] = new byte[packetSize];
            random.nextBytes(payloads[i]);
            packets[i] = esp.seal(payloads[i]);
        }
        checkAgainstPqipsec(keyMaterial);
        resetReceiver();
    }

    /** Starts pqipsec's receiver over so the batch's sequence numbers are new to it again. */
    @Setup(Level.Invocation)
    public void resetReceiver() throws GeneralSecurityException {
        esp.resetReceiver();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void seal(Blackhole blackhole) throws GeneralSecurityException {
        for (byte[] payload : payloads) {
            blackhole.consume(esp.seal(payload));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void open(Blackhole blackhole) throws GeneralSecurityException {
        for (byte[] packet : packets) {
            blackhole.consume(esp.open(packet));
        }
    }

    static EspCandidate candidate(String implementation, byte[] keyMaterial) throws GeneralSecurityException {
        return switch (implementation) {
            case "pqipsec" -> new PqipsecEsp(SPI, keyMaterial);
            case "JCA-naive" -> new NaiveJcaEsp(SPI, keyMaterial);
            case "BouncyCastle" -> new BouncyCastleEsp(SPI, keyMaterial);
            default -> throw new IllegalArgumentException("unknown implementation: " + implementation);
        };
    }

    /**
     * Fails the trial unless the measured implementation opens its own packets, pqipsec opens
     * them too, and it opens pqipsec's packets. All three then do the same ESP work.
     */
    private void checkAgainstPqipsec(byte[] keyMaterial) throws GeneralSecurityException {
        PqipsecEsp reference = new PqipsecEsp(SPI, keyMaterial);
        for (int i = 0; i < BATCH; i++) {
            requireSamePayload("its own packet " + i, payloads[i], esp.open(packets[i]));
            requireSamePayload("pqipsec opening its packet " + i, payloads[i], reference.open(packets[i]));
        }
        esp.resetReceiver();
        byte[] fromPqipsec = reference.seal(payloads[0]);
        requireSamePayload("pqipsec's packet", payloads[0], esp.open(fromPqipsec));
    }

    private void requireSamePayload(String check, byte[] expected, byte[] actual) {
        if (!Arrays.equals(expected, actual)) {
            throw new IllegalStateException(implementation + " at " + packetSize
                    + " bytes: payload of " + check + " differs from the payload sealed");
        }
    }
}
