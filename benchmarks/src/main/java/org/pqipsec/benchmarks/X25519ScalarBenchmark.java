package org.pqipsec.benchmarks;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import javax.crypto.KeyAgreement;

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
import org.pqipsec.provider.curve25519.X25519;

/**
 * X25519 scalar multiplication (RFC 7748 §5) on its own: fixed-base X25519(k, 9), which makes a
 * public key, and variable-base X25519(k, u), which makes a shared secret.
 *
 * <p>{@code pqipsec} calls the provider's internal {@code org.pqipsec.provider.curve25519.X25519}
 * directly. The package is not exported from the provider's module, and the benchmark reaches it
 * because the shaded benchmark jar puts every class on the class path. {@code BouncyCastle} calls
 * {@code org.bouncycastle.math.ec.rfc7748.X25519.scalarMultBase} and {@code scalarMult}, the same
 * level. {@code SunEC} is measured at the JCA level, the only API it offers:
 * {@code KeyPairGenerator.generateKeyPair()} for the fixed base, which also draws a random
 * scalar and builds key objects, and {@code KeyAgreement} init, doPhase and generateSecret on
 * prebuilt keys for the variable base. Its numbers therefore include JCA overhead that the
 * other two do not pay.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class X25519ScalarBenchmark {

    /** Number of prebuilt scalars and u-coordinates the benchmarks cycle through. */
    private static final int INPUTS = 16;

    @Param({"pqipsec", "BouncyCastle", "SunEC"})
    public String implementation;

    private final byte[][] scalars = new byte[INPUTS][32];
    private final byte[][] coordinates = new byte[INPUTS][32];
    private final PrivateKey[] privateKeys = new PrivateKey[INPUTS];
    private final PublicKey[] publicKeys = new PublicKey[INPUTS];
    private final byte[] output = new byte[32];
    private KeyPairGenerator generator;
    private KeyAgreement agreement;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
        SplittableRandom random = new SplittableRandom(7748);
        for (int i = 0; i < INPUTS; i++) {
            random.nextBytes(scalars[i]);
            byte[] peerScalar = new byte[32];
            random.nextBytes(peerScalar);
            org.bouncycastle.math.ec.rfc7748.X25519.scalarMultBase(peerScalar, 0, coordinates[i], 0);
        }
        if (implementation.equals("SunEC")) {
            generator = KeyPairGenerator.getInstance("X25519", Providers.jdk("SunEC"));
            agreement = KeyAgreement.getInstance("X25519", Providers.jdk("SunEC"));
            KeyFactory factory = KeyFactory.getInstance("X25519", Providers.jdk("SunEC"));
            for (int i = 0; i < INPUTS; i++) {
                privateKeys[i] = factory.generatePrivate(
                        new XECPrivateKeySpec(NamedParameterSpec.X25519, scalars[i]));
                publicKeys[i] = factory.generatePublic(
                        new XECPublicKeySpec(NamedParameterSpec.X25519, littleEndian(coordinates[i])));
            }
        }
        check();
    }

    /** Checks the measured implementation against BouncyCastle on every prebuilt input. */
    private void check() throws GeneralSecurityException {
        byte[] expected = new byte[32];
        for (int i = 0; i < INPUTS; i++) {
            org.bouncycastle.math.ec.rfc7748.X25519.scalarMult(scalars[i], 0, coordinates[i], 0,
                    expected, 0);
            if (!Arrays.equals(expected, variableBase(i))) {
                throw new IllegalStateException(implementation + " X25519(k, u) differs from"
                        + " BouncyCastle for input " + i);
            }
            if (!implementation.equals("SunEC")) {
                org.bouncycastle.math.ec.rfc7748.X25519.scalarMultBase(scalars[i], 0, expected, 0);
                if (!Arrays.equals(expected, (byte[]) fixedBase(i))) {
                    throw new IllegalStateException(implementation + " X25519(k, 9) differs from"
                            + " BouncyCastle for input " + i);
                }
            }
        }
    }

    private static BigInteger littleEndian(byte[] bytes) {
        byte[] bigEndian = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            bigEndian[bytes.length - 1 - i] = bytes[i];
        }
        return new BigInteger(1, bigEndian);
    }

    private Object fixedBase(int i) {
        return switch (implementation) {
            case "pqipsec" -> {
                X25519.scalarMultBase(scalars[i], output, 0);
                yield output;
            }
            case "BouncyCastle" -> {
                org.bouncycastle.math.ec.rfc7748.X25519.scalarMultBase(scalars[i], 0, output, 0);
                yield output;
            }
            case "SunEC" -> generator.generateKeyPair();
            default -> throw new IllegalArgumentException("unknown implementation: " + implementation);
        };
    }

    private byte[] variableBase(int i) throws GeneralSecurityException {
        switch (implementation) {
            case "pqipsec" -> X25519.scalarMult(scalars[i], coordinates[i], output, 0);
            case "BouncyCastle" -> org.bouncycastle.math.ec.rfc7748.X25519.scalarMult(
                    scalars[i], 0, coordinates[i], 0, output, 0);
            case "SunEC" -> {
                agreement.init(privateKeys[i]);
                agreement.doPhase(publicKeys[i], true);
                return agreement.generateSecret();
            }
            default -> throw new IllegalArgumentException("unknown implementation: " + implementation);
        }
        return output;
    }

    private int nextInput() {
        next = (next + 1) & (INPUTS - 1);
        return next;
    }

    @Benchmark
    public Object fixedBase() {
        return fixedBase(nextInput());
    }

    @Benchmark
    public byte[] variableBase() throws GeneralSecurityException {
        return variableBase(nextInput());
    }
}
