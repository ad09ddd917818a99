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
 * ML-KEM (FIPS 203) key generation, encapsulation and decapsulation for each parameter set:
 * pqipsec's {@code KEM} against SunJCE's {@code KEM} and BouncyCastle's lightweight ML-KEM.
 *
 * <p>NOTE: encapsulation and decapsulation cycle through 16 key pairs ({@link KemKeySet}), so
 * every key object is used many times. pqipsec's key objects keep ek and dk checked and parsed,
 * with Â expanded, after their first use, so pqipsec's numbers here leave that work out. A key
 * that is used once, as in an IKEv2 exchange, pays for it on that use.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class MlKemBenchmark {

    @Param({"ML-KEM-512", "ML-KEM-768", "ML-KEM-1024"})
    public String parameterSet;

    @Param({"pqipsec", "SunJCE", "BouncyCastle"})
    public String implementation;

    private KemKeySet<?, ?> keys;

    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
        keys = KemKeySet.build(candidate(), implementation + " " + parameterSet);
    }

    private KemCandidate<?, ?> candidate() throws GeneralSecurityException {
        return switch (implementation) {
            case "pqipsec" -> new JcaKem(parameterSet, new PQIPsecProvider());
            case "SunJCE" -> new JcaKem(parameterSet, Providers.jdk("SunJCE"));
            case "BouncyCastle" -> new BouncyCastleMlKem(parameterSet, new SecureRandom());
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
