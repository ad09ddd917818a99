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
 * X25519MLKEM768 key generation, encapsulation and decapsulation: pqipsec's {@code KEM} against
 * the same hybrid composed from the JDK's components (SunJCE ML-KEM-768, SunEC X25519) and from
 * BouncyCastle's lightweight components, in one run.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class HybridKemBenchmark {

    @Param({"pqipsec", "JDK-composed", "BouncyCastle-composed"})
    public String implementation;

    private KemKeySet<?, ?> keys;

    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
        keys = KemKeySet.build(candidate(), implementation + " X25519MLKEM768");
    }

    private KemCandidate<?, ?> candidate() throws GeneralSecurityException {
        return switch (implementation) {
            case "pqipsec" -> new JcaKem("X25519MLKEM768", new PQIPsecProvider());
            case "JDK-composed" -> new ComposedHybridKem<>(
                    new JcaKem("ML-KEM-768", Providers.jdk("SunJCE")), new SunEcX25519());
            case "BouncyCastle-composed" -> {
                SecureRandom random = new SecureRandom();
                yield new ComposedHybridKem<>(
                        new BouncyCastleMlKem("ML-KEM-768", random), new BouncyCastleX25519(random));
            }
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
