package org.pqipsec.benchmarks;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.pqipsec.provider.PQIPsecProvider;

/**
 * X25519 as a KEM: pqipsec's {@code KEM "X25519"} against SunEC's {@code KeyAgreement} and
 * BouncyCastle's {@code X25519Agreement}. For the peers, encapsulation is an ephemeral key pair
 * plus one agreement and decapsulation is one agreement, which is the work the KEM does.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class X25519Benchmark {

    @Param({"pqipsec", "SunEC", "BouncyCastle"})
    public String implementation;

    private KemKeySet<?, ?> keys;

    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
        keys = KemKeySet.build(candidate(), implementation + " X25519");
    }

    private KemCandidate<?, ?> candidate() throws GeneralSecurityException {
        return switch (implementation) {
            case "pqipsec" -> new JcaKem("X25519", new PQIPsecProvider());
            case "SunEC" -> new SunEcX25519();
            case "BouncyCastle" -> new BouncyCastleX25519(new SecureRandom());
            default -> throw new IllegalArgumentException("unknown implementation: " + implementation);
        };
    }

    @Benchmark
    public void keyGeneration(Blackhole blackhole) throws GeneralSecurityException {
        blackhole.consume(keys.generateKeyPair());
    }

    @Benchmark
    public void encapsulation(Blackhole blackhole) throws GeneralSecurityException {
        blackhole.consume(keys.encapsulate());
    }

    @Benchmark
    public void decapsulation(Blackhole blackhole) throws GeneralSecurityException {
        blackhole.consume(keys.decapsulate());
    }
}
