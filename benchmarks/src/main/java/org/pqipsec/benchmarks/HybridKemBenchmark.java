package org.pqipsec.benchmarks;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;

import javax.crypto.KEM;
import javax.crypto.KeyAgreement;

import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.agreement.X25519Agreement;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.kems.MLKEMGenerator;
import org.bouncycastle.crypto.params.MLKEMKeyGenerationParameters;
import org.bouncycastle.crypto.generators.MLKEMKeyPairGenerator;
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
import org.openjdk.jmh.infra.Blackhole;
import org.pqipsec.provider.PQIPsecProvider;

/**
 * X25519MLKEM768 key generation, encapsulation and decapsulation: pqipsec's {@code KEM} against
 * the same hybrid composed from the JDK's components (SunJCE ML-KEM-768, SunEC X25519) and from
 * BouncyCastle's components, in one run.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class HybridKemBenchmark {

    /** Which implementation runs: pqipsec, the JDK's components, or BouncyCastle's. */
    @Param({"pqipsec", "jdk-composed", "bouncycastle-composed"})
    public String implementation;

    private HybridKem kem;
    private Object clientKeys;
    private Object serverResponse;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        kem = switch (implementation) {
            case "pqipsec" -> new PqipsecHybrid(new PQIPsecProvider());
            case "jdk-composed" -> new JdkComposedHybrid();
            case "bouncycastle-composed" -> new BouncyCastleComposedHybrid();
            default -> throw new IllegalArgumentException("unknown implementation: " + implementation);
        };
        clientKeys = kem.generateKeyPair();
        serverResponse = kem.encapsulate(clientKeys);
    }

    @Benchmark
    public void keyGeneration(Blackhole blackhole) throws Exception {
        blackhole.consume(kem.generateKeyPair());
    }

    @Benchmark
    public void encapsulation(Blackhole blackhole) throws Exception {
        blackhole.consume(kem.encapsulate(clientKeys));
    }

    @Benchmark
    public void decapsulation(Blackhole blackhole) throws Exception {
        blackhole.consume(kem.decapsulate(clientKeys, serverResponse));
    }

    /** The three operations, each implementation keeping its own key and message types. */
    interface HybridKem {
        Object generateKeyPair() throws Exception;

        Object encapsulate(Object clientKeys) throws Exception;

        byte[] decapsulate(Object clientKeys, Object serverResponse) throws Exception;
    }

    /** pqipsec through the standard {@code javax.crypto.KEM} API. */
    static final class PqipsecHybrid implements HybridKem {
        private final KEM kem;
        private final KeyPairGenerator generator;

        PqipsecHybrid(Provider provider) throws Exception {
            kem = KEM.getInstance("X25519MLKEM768", provider);
            generator = KeyPairGenerator.getInstance("X25519MLKEM768", provider);
        }

        @Override
        public Object generateKeyPair() {
            return generator.generateKeyPair();
        }

        @Override
        public Object encapsulate(Object clientKeys) throws Exception {
            return kem.newEncapsulator(((KeyPair) clientKeys).getPublic()).encapsulate();
        }

        @Override
        public byte[] decapsulate(Object clientKeys, Object serverResponse) throws Exception {
            byte[] encapsulation = ((KEM.Encapsulated) serverResponse).encapsulation();
            return kem.newDecapsulator(((KeyPair) clientKeys).getPrivate()).decapsulate(encapsulation).getEncoded();
        }
    }

    /** SunJCE's ML-KEM-768 and SunEC's X25519, composed as the hybrid composes them. */
    static final class JdkComposedHybrid implements HybridKem {
        private final KEM mlKem;
        private final KeyPairGenerator mlKemGenerator;
        private final KeyPairGenerator x25519Generator;

        JdkComposedHybrid() throws Exception {
            mlKem = KEM.getInstance("ML-KEM-768", "SunJCE");
            mlKemGenerator = KeyPairGenerator.getInstance("ML-KEM-768", "SunJCE");
            x25519Generator = KeyPairGenerator.getInstance("X25519", "SunEC");
        }

        record ClientKeys(KeyPair mlKem, KeyPair x25519) {}

        record ServerResponse(byte[] ciphertext, PublicKey ephemeral, byte[] secret) {}

        @Override
        public Object generateKeyPair() {
            return new ClientKeys(mlKemGenerator.generateKeyPair(), x25519Generator.generateKeyPair());
        }

        @Override
        public Object encapsulate(Object keys) throws Exception {
            ClientKeys client = (ClientKeys) keys;
            KEM.Encapsulated encapsulated = mlKem.newEncapsulator(client.mlKem().getPublic()).encapsulate();
            KeyPair ephemeral = x25519Generator.generateKeyPair();
            byte[] x25519Secret = x25519(ephemeral.getPrivate(), client.x25519().getPublic());
            return new ServerResponse(encapsulated.encapsulation(), ephemeral.getPublic(),
                    concat(encapsulated.key().getEncoded(), x25519Secret));
        }

        @Override
        public byte[] decapsulate(Object keys, Object response) throws Exception {
            ClientKeys client = (ClientKeys) keys;
            ServerResponse server = (ServerResponse) response;
            byte[] mlKemSecret = mlKem.newDecapsulator(client.mlKem().getPrivate())
                    .decapsulate(server.ciphertext()).getEncoded();
            return concat(mlKemSecret, x25519(client.x25519().getPrivate(), server.ephemeral()));
        }

        private static byte[] x25519(PrivateKey privateKey, PublicKey publicKey) throws Exception {
            KeyAgreement agreement = KeyAgreement.getInstance("X25519", "SunEC");
            agreement.init(privateKey);
            agreement.doPhase(publicKey, true);
            return agreement.generateSecret();
        }
    }

    /** BouncyCastle's lightweight ML-KEM-768 and X25519, composed as the hybrid composes them. */
    static final class BouncyCastleComposedHybrid implements HybridKem {
        private final SecureRandom random = new SecureRandom();

        record ClientKeys(MLKEMPublicKeyParameters mlKemPublic, MLKEMPrivateKeyParameters mlKemPrivate,
                X25519PrivateKeyParameters x25519Private) {}

        record ServerResponse(byte[] ciphertext, X25519PublicKeyParameters ephemeral, byte[] secret) {}

        @Override
        public Object generateKeyPair() {
            MLKEMKeyPairGenerator generator = new MLKEMKeyPairGenerator();
            generator.init(new MLKEMKeyGenerationParameters(random, MLKEMParameters.ml_kem_768));
            var pair = generator.generateKeyPair();
            return new ClientKeys((MLKEMPublicKeyParameters) pair.getPublic(),
                    (MLKEMPrivateKeyParameters) pair.getPrivate(), new X25519PrivateKeyParameters(random));
        }

        @Override
        public Object encapsulate(Object keys) {
            ClientKeys client = (ClientKeys) keys;
            SecretWithEncapsulation encapsulated = new MLKEMGenerator(random).generateEncapsulated(client.mlKemPublic());
            X25519PrivateKeyParameters ephemeral = new X25519PrivateKeyParameters(random);
            byte[] x25519Secret = x25519(ephemeral, client.x25519Private().generatePublicKey());
            return new ServerResponse(encapsulated.getEncapsulation(), ephemeral.generatePublicKey(),
                    concat(encapsulated.getSecret(), x25519Secret));
        }

        @Override
        public byte[] decapsulate(Object keys, Object response) {
            ClientKeys client = (ClientKeys) keys;
            ServerResponse server = (ServerResponse) response;
            byte[] mlKemSecret = new MLKEMExtractor(client.mlKemPrivate()).extractSecret(server.ciphertext());
            return concat(mlKemSecret, x25519(client.x25519Private(), server.ephemeral()));
        }

        private static byte[] x25519(X25519PrivateKeyParameters privateKey, X25519PublicKeyParameters publicKey) {
            X25519Agreement agreement = new X25519Agreement();
            agreement.init(privateKey);
            byte[] secret = new byte[agreement.getAgreementSize()];
            agreement.calculateAgreement(publicKey, secret, 0);
            return secret;
        }
    }

    static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = new byte[first.length + second.length];
        System.arraycopy(first, 0, joined, 0, first.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }
}
