package org.pqipsec.benchmarks;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.util.concurrent.TimeUnit;

import javax.crypto.KEM;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
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
import org.pqipsec.provider.PQIPsecProvider;

/**
 * ML-KEM key generation, encapsulation and decapsulation per parameter set: pqipsec's own
 * implementation against SunJCE's and BouncyCastle's, each through the standard
 * {@code javax.crypto.KEM} and {@code KeyPairGenerator} APIs, in one run. Encapsulation and
 * decapsulation include {@code newEncapsulator} and {@code newDecapsulator}, so each operation
 * starts from a key object as a one-shot caller would.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class MlKemBenchmark {

    @Param({"pqipsec", "SunJCE", "BC"})
    public String implementation;

    @Param({"ML-KEM-512", "ML-KEM-768", "ML-KEM-1024"})
    public String parameterSet;

    private KeyPairGenerator generator;
    private KEM kem;
    private KeyPair keyPair;
    private byte[] ciphertext;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Provider provider = switch (implementation) {
            case "pqipsec" -> new PQIPsecProvider();
            case "SunJCE" -> java.security.Security.getProvider("SunJCE");
            case "BC" -> new BouncyCastleProvider();
            default -> throw new IllegalArgumentException("unknown implementation: " + implementation);
        };
        generator = KeyPairGenerator.getInstance("ML-KEM", provider);
        generator.initialize(new NamedParameterSpec(parameterSet), new SecureRandom());
        kem = KEM.getInstance("ML-KEM", provider);
        keyPair = generator.generateKeyPair();
        ciphertext = kem.newEncapsulator(keyPair.getPublic()).encapsulate().encapsulation();
    }

    @Benchmark
    public KeyPair keyGeneration() {
        return generator.generateKeyPair();
    }

    @Benchmark
    public KEM.Encapsulated encapsulation() throws Exception {
        return kem.newEncapsulator(keyPair.getPublic()).encapsulate();
    }

    @Benchmark
    public byte[] decapsulation() throws Exception {
        return kem.newDecapsulator(keyPair.getPrivate()).decapsulate(ciphertext).getEncoded();
    }
}
