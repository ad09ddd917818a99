package org.pqipsec.benchmarks;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.EncodedKeySpec;
import java.util.concurrent.TimeUnit;

import javax.crypto.KEM;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.generators.MLKEMKeyPairGenerator;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.kems.MLKEMGenerator;
import org.bouncycastle.crypto.params.MLKEMKeyGenerationParameters;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLKEMPublicKeyParameters;
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
 * One whole ML-KEM exchange as IKEv2 runs it, with every key used once: the initiator generates
 * a key pair and sends the raw ek, the responder decodes ek (FIPS 203 §7.2 check) and
 * encapsulates, and the initiator decapsulates once with its fresh dk. No key object is reused,
 * so work that an implementation caches per key is paid on every operation.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class MlKemExchangeBenchmark {

    @Param({"ML-KEM-512", "ML-KEM-768", "ML-KEM-1024"})
    public String parameterSet;

    @Param({"pqipsec", "SunJCE", "BouncyCastle"})
    public String implementation;

    private Exchange exchange;

    /** One exchange; returns the initiator's shared secret after checking it equals the responder's. */
    interface Exchange {
        byte[] run() throws GeneralSecurityException;
    }

    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
        exchange = switch (implementation) {
            case "pqipsec" -> jcaExchange(new PQIPsecProvider());
            case "SunJCE" -> jcaExchange(Providers.jdk("SunJCE"));
            case "BouncyCastle" -> bouncyCastleExchange();
            default -> throw new IllegalArgumentException("unknown implementation: " + implementation);
        };
        exchange.run();
    }

    private Exchange jcaExchange(Provider provider) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(parameterSet, provider);
        KeyFactory factory = KeyFactory.getInstance(parameterSet, provider);
        KEM kem = KEM.getInstance(parameterSet, provider);
        return () -> {
            KeyPair initiator = generator.generateKeyPair();
            byte[] ek = factory.getKeySpec(initiator.getPublic(), EncodedKeySpec.class).getEncoded();

            PublicKey received = factory.generatePublic(new RawSpec(ek));
            KEM.Encapsulated response = kem.newEncapsulator(received).encapsulate();

            byte[] secret = kem.newDecapsulator(initiator.getPrivate())
                    .decapsulate(response.encapsulation()).getEncoded();
            return requireEqual(secret, response.key().getEncoded());
        };
    }

    private Exchange bouncyCastleExchange() {
        MLKEMParameters parameters = switch (parameterSet) {
            case "ML-KEM-512" -> MLKEMParameters.ml_kem_512;
            case "ML-KEM-768" -> MLKEMParameters.ml_kem_768;
            case "ML-KEM-1024" -> MLKEMParameters.ml_kem_1024;
            default -> throw new IllegalArgumentException("unknown ML-KEM parameter set: " + parameterSet);
        };
        SecureRandom random = new SecureRandom();
        MLKEMKeyPairGenerator generator = new MLKEMKeyPairGenerator();
        generator.init(new MLKEMKeyGenerationParameters(random, parameters));
        MLKEMGenerator encapsulator = new MLKEMGenerator(random);
        return () -> {
            AsymmetricCipherKeyPair initiator = generator.generateKeyPair();
            byte[] ek = ((MLKEMPublicKeyParameters) initiator.getPublic()).getEncoded();

            MLKEMPublicKeyParameters received = new MLKEMPublicKeyParameters(parameters, ek);
            SecretWithEncapsulation response = encapsulator.generateEncapsulated(received);

            byte[] secret = new MLKEMExtractor((MLKEMPrivateKeyParameters) initiator.getPrivate())
                    .extractSecret(response.getEncapsulation());
            return requireEqual(secret, response.getSecret());
        };
    }

    private static byte[] requireEqual(byte[] initiator, byte[] responder) {
        if (!MessageDigest.isEqual(initiator, responder)) {
            throw new IllegalStateException("initiator and responder derived different secrets");
        }
        return initiator;
    }

    @Benchmark
    public byte[] exchange() throws GeneralSecurityException {
        return exchange.run();
    }

    /** A raw key encoding, the format that SunJCE's and pqipsec's ML-KEM KeyFactory read. */
    private static final class RawSpec extends EncodedKeySpec {
        RawSpec(byte[] encoded) {
            super(encoded);
        }

        @Override
        public String getFormat() {
            return "RAW";
        }
    }
}
