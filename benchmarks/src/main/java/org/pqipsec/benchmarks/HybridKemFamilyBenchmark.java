package org.pqipsec.benchmarks;

import java.security.GeneralSecurityException;
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
 * Key generation, encapsulation and decapsulation of pqipsec's other hybrid KEMs, one
 * {@code @Param} value per hybrid. {@link HybridKemBenchmark} stays separate because its JDK and
 * BouncyCastle comparisons exist only for X25519MLKEM768.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class HybridKemFamilyBenchmark {

    @Param({"SecP256r1MLKEM768", "SecP384r1MLKEM1024", "X-Wing"})
    public String hybrid;

    private KemKeySet<?, ?> keys;

    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
        keys = KemKeySet.build(new JcaKem(hybrid, new PQIPsecProvider()), "pqipsec " + hybrid);
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
