package org.pqipsec.benchmarks;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.crypto.KDF;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

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
import org.pqipsec.provider.spec.ChildSaKeymatParameterSpec;
import org.pqipsec.provider.spec.ChildSaKeys;
import org.pqipsec.provider.spec.IkePrf;
import org.pqipsec.provider.spec.IkeSaKeys;
import org.pqipsec.provider.spec.IkeSaKeysParameterSpec;
import org.pqipsec.provider.spec.SkeyseedParameterSpec;

/**
 * The IKEv2 key schedule per PRF: pqipsec's {@code KDF} against the same steps written on
 * {@code javax.crypto.Mac} ({@link JcaMacKeySchedule}).
 *
 * <ul>
 *   <li>{@code ikeSaKeys}: SKEYSEED and the seven IKE SA keys for AES-256-CBC (32-byte SK_e)
 *       with an HMAC integrity transform whose key is as long as the PRF output.
 *   <li>{@code childSaKeymat}: KEYMAT without a new key exchange for ESP ENCR_AES_GCM_16 with
 *       AES-256, 36 bytes (key and salt) per direction.
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class Ikev2KeyScheduleBenchmark {

    /** Input sets cycled through, a power of two. */
    private static final int INPUTS = 16;

    private static final int NONCE_LENGTH = 32;
    private static final int SPI_LENGTH = 8;

    /** g^ir of X25519. */
    private static final int SHARED_SECRET_LENGTH = 32;

    private static final int IKE_ENCRYPTION_KEY_LENGTH = 32;

    /** ENCR_AES_GCM_16 with AES-256: key and 4-byte salt (RFC 4106 §8.1). */
    private static final int ESP_KEY_MATERIAL_LENGTH = 36;

    private static final String SKEYSEED_ALGORITHM = "IKEv2-SKEYSEED";

    @Param({"HMAC_SHA2_256", "HMAC_SHA2_384", "HMAC_SHA2_512"})
    public String prf;

    @Param({"pqipsec", "JCA-Mac"})
    public String implementation;

    /** One exchange's public and secret inputs. */
    private record Inputs(byte[] ni, byte[] nr, byte[] spiI, byte[] spiR,
            byte[] sharedSecret, byte[] skD) {}

    private IkePrf ikePrf;
    private KDF kdf;
    private JcaMacKeySchedule jca;
    private List<Inputs> inputs;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
        if (!implementation.equals("pqipsec") && !implementation.equals("JCA-Mac")) {
            throw new IllegalArgumentException("unknown implementation: " + implementation);
        }
        ikePrf = IkePrf.valueOf(prf);
        kdf = KDF.getInstance(ikePrf.kdfAlgorithm(), new PQIPsecProvider());
        jca = new JcaMacKeySchedule(ikePrf);

        SecureRandom random = new SecureRandom();
        List<Inputs> built = new ArrayList<>(INPUTS);
        for (int i = 0; i < INPUTS; i++) {
            built.add(new Inputs(bytes(random, NONCE_LENGTH), bytes(random, NONCE_LENGTH),
                    bytes(random, SPI_LENGTH), bytes(random, SPI_LENGTH),
                    bytes(random, SHARED_SECRET_LENGTH), bytes(random, ikePrf.outputLength())));
        }
        inputs = List.copyOf(built);
        checkImplementationsAgree(inputs.getFirst());
    }

    @Benchmark
    public void ikeSaKeys(Blackhole blackhole) throws GeneralSecurityException {
        Inputs in = nextInputs();
        if (implementation.equals("pqipsec")) {
            blackhole.consume(pqipsecIkeSaKeys(in));
        } else {
            blackhole.consume(jca.ikeSaKeys(in.ni(), in.nr(), in.spiI(), in.spiR(), in.sharedSecret(),
                    ikePrf.outputLength(), IKE_ENCRYPTION_KEY_LENGTH));
        }
    }

    @Benchmark
    public void childSaKeymat(Blackhole blackhole) throws GeneralSecurityException {
        Inputs in = nextInputs();
        if (implementation.equals("pqipsec")) {
            blackhole.consume(pqipsecChildSaKeymat(in));
        } else {
            blackhole.consume(jca.childSaKeymat(in.skD(), in.ni(), in.nr(), ESP_KEY_MATERIAL_LENGTH));
        }
    }

    private IkeSaKeys pqipsecIkeSaKeys(Inputs in) throws GeneralSecurityException {
        SecretKey skeyseed = kdf.deriveKey(SKEYSEED_ALGORITHM,
                new SkeyseedParameterSpec(in.ni(), in.nr(), new SecretKeySpec(in.sharedSecret(), "RAW")));
        return IkeSaKeys.derive(kdf, ikePrf, new IkeSaKeysParameterSpec(skeyseed, in.ni(), in.nr(),
                in.spiI(), in.spiR(), ikePrf.outputLength(), IKE_ENCRYPTION_KEY_LENGTH));
    }

    private ChildSaKeys pqipsecChildSaKeymat(Inputs in) throws GeneralSecurityException {
        SecretKey skD = new SecretKeySpec(in.skD(), ikePrf.macAlgorithm());
        return ChildSaKeys.derive(kdf, new ChildSaKeymatParameterSpec(skD, in.ni(), in.nr(),
                2 * ESP_KEY_MATERIAL_LENGTH), 0, ESP_KEY_MATERIAL_LENGTH);
    }

    /** Fails the trial unless pqipsec and the JCA version derive the same bytes. */
    private void checkImplementationsAgree(Inputs in) throws GeneralSecurityException {
        IkeSaKeys ike = pqipsecIkeSaKeys(in);
        List<SecretKey> expectedIke = jca.ikeSaKeys(in.ni(), in.nr(), in.spiI(), in.spiR(),
                in.sharedSecret(), ikePrf.outputLength(), IKE_ENCRYPTION_KEY_LENGTH);
        requireEqual("IKE SA keys", expectedIke, List.of(ike.skD(), ike.skAi().orElseThrow(),
                ike.skAr().orElseThrow(), ike.skEi(), ike.skEr(), ike.skPi(), ike.skPr()));

        ChildSaKeys child = pqipsecChildSaKeymat(in);
        List<SecretKey> expectedChild = jca.childSaKeymat(in.skD(), in.ni(), in.nr(), ESP_KEY_MATERIAL_LENGTH);
        requireEqual("Child SA KEYMAT", expectedChild,
                List.of(child.initiatorToResponderEncryptionKey().orElseThrow(),
                        child.responderToInitiatorEncryptionKey().orElseThrow()));
    }

    private void requireEqual(String check, List<SecretKey> expected, List<SecretKey> actual) {
        if (expected.size() != actual.size()) {
            throw new IllegalStateException(check + " with " + prf + ": pqipsec returned "
                    + actual.size() + " keys, the JCA Mac version " + expected.size());
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!Arrays.equals(expected.get(i).getEncoded(), actual.get(i).getEncoded())) {
                throw new IllegalStateException(check + " with " + prf + ": key " + i
                        + " from pqipsec differs from the JCA Mac version");
            }
        }
    }

    private Inputs nextInputs() {
        Inputs in = inputs.get(next);
        next = (next + 1) & (INPUTS - 1);
        return in;
    }

    private static byte[] bytes(SecureRandom random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
