package org.pqipsec.benchmarks;

import java.nio.ByteBuffer;
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
import org.pqipsec.esp.DecapsulationResults;
import org.pqipsec.esp.EspInboundSa;
import org.pqipsec.esp.EspOutboundSa;
import org.pqipsec.esp.EspTransform;

/**
 * ESP seal and open with ENCR_AES_GCM_16 and AES-256, one packet at a time and in bursts of
 * {@value #BURST}, at the packet sizes of common links up to a 9000-byte jumbo frame. pqipsec
 * runs its {@code ByteBuffer} API into buffers allocated once, and its burst methods; the peers
 * ({@link NaiveJcaEsp}, {@link BouncyCastleEsp}) have no burst API, so their bursts are loops
 * of single packets. Throughput is in packets per second.
 *
 * <p>pqipsec's inbound SA runs with anti-replay disabled, so the same packets can be opened in
 * every invocation; the peers have no anti-replay window either.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class EspBurstBenchmark {

    static final int BURST = 32;

    private static final int SPI = 0x1000_0001;

    /** Room for the ESP header, IV, padding, trailer and ICV around a payload. */
    private static final int PACKET_OVERHEAD = 64;

    /** Payload length in bytes: the inner packet that tunnel mode carries. */
    @Param({"64", "128", "256", "512", "1024", "1400", "9000"})
    public int packetSize;

    @Param({"pqipsec", "JCA-naive", "BouncyCastle"})
    public String implementation;

    // pqipsec: SAs and buffers allocated once.
    private EspOutboundSa outbound;
    private EspInboundSa inbound;
    private ByteBuffer[] payloadBuffers;
    private ByteBuffer[] packetBuffers;
    private ByteBuffer[] sealedBuffers;
    private ByteBuffer[] openedBuffers;
    private int[] nextHeaders;
    private DecapsulationResults results;

    // Peers: byte arrays through the EspCandidate interface.
    private EspCandidate peer;
    private byte[][] payloads;
    private byte[][] packets;

    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
        SecureRandom random = new SecureRandom();
        byte[] keyMaterial = new byte[36];
        random.nextBytes(keyMaterial);

        payloads = new byte[BURST][];
        for (int i = 0; i < BURST; i++) {
            payloads[i] = new byte[packetSize];
            random.nextBytes(payloads[i]);
        }

        if (implementation.equals("pqipsec")) {
            setUpPqipsec(keyMaterial);
        } else {
            peer = EspBenchmark.candidate(implementation, keyMaterial);
            packets = new byte[BURST][];
            for (int i = 0; i < BURST; i++) {
                packets[i] = peer.seal(payloads[i]);
            }
            checkPeer(keyMaterial);
        }
    }

    private void setUpPqipsec(byte[] keyMaterial) throws GeneralSecurityException {
        outbound = new EspOutboundSa(EspTransform.ENCR_AES_GCM_16, SPI, keyMaterial);
        inbound = EspInboundSa.builder(EspTransform.ENCR_AES_GCM_16, SPI, keyMaterial)
                .disableReplayProtection().build();
        payloadBuffers = new ByteBuffer[BURST];
        packetBuffers = new ByteBuffer[BURST];
        sealedBuffers = new ByteBuffer[BURST];
        openedBuffers = new ByteBuffer[BURST];
        nextHeaders = new int[BURST];
        Arrays.fill(nextHeaders, EspFraming.NEXT_HEADER_IPV4);
        for (int i = 0; i < BURST; i++) {
            payloadBuffers[i] = ByteBuffer.wrap(payloads[i]);
            packetBuffers[i] = ByteBuffer.allocate(packetSize + PACKET_OVERHEAD);
            openedBuffers[i] = ByteBuffer.allocate(packetSize + PACKET_OVERHEAD);
        }
        outbound.encapsulate(payloadBuffers, nextHeaders, packetBuffers, BURST);
        for (int i = 0; i < BURST; i++) {
            packetBuffers[i].flip();
            sealedBuffers[i] = ByteBuffer.allocate(packetBuffers[i].remaining()).put(packetBuffers[i]).flip();
        }
        results = new DecapsulationResults(BURST);

        // The packets must open to the payloads, or the benchmark would measure failures.
        for (int i = 0; i < BURST; i++) {
            openedBuffers[i].clear();
            inbound.decapsulate(sealedBuffers[i].rewind(), openedBuffers[i]);
            byte[] opened = Arrays.copyOf(openedBuffers[i].array(), packetSize);
            if (!Arrays.equals(payloads[i], opened)) {
                throw new IllegalStateException("pqipsec at " + packetSize + " bytes: packet " + i
                        + " does not open to its payload");
            }
        }
    }

    /** Fails the trial unless pqipsec opens the peer's packets to the same payloads. */
    private void checkPeer(byte[] keyMaterial) throws GeneralSecurityException {
        PqipsecEsp reference = new PqipsecEsp(SPI, keyMaterial);
        for (int i = 0; i < BURST; i++) {
            if (!Arrays.equals(payloads[i], reference.open(packets[i]))
                    || !Arrays.equals(payloads[i], peer.open(packets[i]))) {
                throw new IllegalStateException(implementation + " at " + packetSize + " bytes: packet "
                        + i + " does not open to its payload");
            }
        }
    }

    @Benchmark
    public void seal(Blackhole blackhole) throws GeneralSecurityException {
        if (peer == null) {
            blackhole.consume(outbound.encapsulate(payloadBuffers[0].clear(), EspFraming.NEXT_HEADER_IPV4,
                    packetBuffers[0].clear()));
        } else {
            blackhole.consume(peer.seal(payloads[0]));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BURST)
    public void sealBurst(Blackhole blackhole) throws GeneralSecurityException {
        if (peer == null) {
            for (int i = 0; i < BURST; i++) {
                payloadBuffers[i].clear();
                packetBuffers[i].clear();
            }
            blackhole.consume(outbound.encapsulate(payloadBuffers, nextHeaders, packetBuffers, BURST));
        } else {
            for (int i = 0; i < BURST; i++) {
                blackhole.consume(peer.seal(payloads[i]));
            }
        }
    }

    @Benchmark
    public void open(Blackhole blackhole) throws GeneralSecurityException {
        if (peer == null) {
            blackhole.consume(inbound.decapsulate(sealedBuffers[0].rewind(), openedBuffers[0].clear()));
        } else {
            blackhole.consume(peer.open(packets[0]));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BURST)
    public void openBurst(Blackhole blackhole) throws GeneralSecurityException {
        if (peer == null) {
            for (int i = 0; i < BURST; i++) {
                sealedBuffers[i].rewind();
                openedBuffers[i].clear();
            }
            blackhole.consume(inbound.decapsulate(sealedBuffers, openedBuffers, BURST, results));
        } else {
            for (int i = 0; i < BURST; i++) {
                blackhole.consume(peer.open(packets[i]));
            }
        }
    }
}
