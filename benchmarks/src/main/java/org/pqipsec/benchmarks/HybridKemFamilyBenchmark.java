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
 * Key generation, encapsulation and decapsulation of SecP256r1MLKEM768, SecP384r1MLKEM1024 and
 * X-Wing: pqipsec's {@code KEM} against the same hybrid built from the JDK's and from
 * BouncyCastle's components, in one run. {@link HybridKemBenchmark} covers X25519MLKEM768.
 *
 * <p>Peers, by {@code implementation}:
 * <ul>
 *   <li>{@code JDK-composed}: for the ECDHE-MLKEM hybrids of draft-ietf-tls-ecdhe-mlkem, SunEC
 *       ECDH on secp256r1 or secp384r1 ({@link SunEcEcdh}) followed by SunJCE ML-KEM-768 or
 *       ML-KEM-1024, with the ECDH secret first. For X-Wing, SunJCE ML-KEM-768, SunEC X25519
 *       and the SHA3-256 combiner ({@link JdkComposedXWing}).
 *   <li>{@code BouncyCastle}: for the ECDHE-MLKEM hybrids, BouncyCastle's lightweight ECDH
 *       ({@link BouncyCastleEcdh}) followed by its ML-KEM, composed the same way. For X-Wing,
 *       BouncyCastle's own X-Wing ({@link BouncyCastleXWing}).
 * </ul>
 * The composed peers leave out the wire encoding of the combined public key and encapsulation
 * ({@link ComposedHybridKem}), and their recipients keep expanded key objects.
 *
 * <p>pqipsec's hybrid key objects keep their prepared component keys, so after the first use of
 * each key object its {@code newDecapsulator} copies the expanded ML-KEM key instead of running
 * ML-KEM key generation from the stored seed.
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

    @Param({"pqipsec", "JDK-composed", "BouncyCastle"})
    public String implementation;

    private KemKeySet<?, ?> keys;

    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
        keys = KemKeySet.build(candidate(), implementation + " " + hybrid);
    }

    private KemCandidate<?, ?> candidate() throws GeneralSecurityException {
        if (implementation.equals("pqipsec")) {
            return new JcaKem(hybrid, new PQIPsecProvider());
        }
        SecureRandom random = new SecureRandom();
        return switch (hybrid + " " + implementation) {
            case "SecP256r1MLKEM768 JDK-composed" -> new ComposedHybridKem<>(
                    new SunEcEcdh("secp256r1"), new JcaKem("ML-KEM-768", Providers.jdk("SunJCE")));
            case "SecP384r1MLKEM1024 JDK-composed" -> new ComposedHybridKem<>(
                    new SunEcEcdh("secp384r1"), new JcaKem("ML-KEM-1024", Providers.jdk("SunJCE")));
            case "X-Wing JDK-composed" -> new JdkComposedXWing();
            case "SecP256r1MLKEM768 BouncyCastle" -> new ComposedHybridKem<>(
                    new BouncyCastleEcdh("secp256r1", random), new BouncyCastleMlKem("ML-KEM-768", random));
            case "SecP384r1MLKEM1024 BouncyCastle" -> new ComposedHybridKem<>(
                    new BouncyCastleEcdh("secp384r1", random), new BouncyCastleMlKem("ML-KEM-1024", random));
            case "X-Wing BouncyCastle" -> new BouncyCastleXWing(random);
            default -> throw new IllegalArgumentException(
                    "unknown hybrid or implementation: " + hybrid + ", " + implementation);
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
