package org.pqipsec.benchmarks;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import javax.crypto.KDF;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pqipsec.provider.PQIPsecProvider;
import org.pqipsec.provider.spec.ChildSaKeymatParameterSpec;
import org.pqipsec.provider.spec.EncryptionAlgorithm;
import org.pqipsec.provider.spec.EncryptionTransform;
import org.pqipsec.provider.spec.IkePrf;
import org.pqipsec.provider.spec.IkeSaKeys;
import org.pqipsec.provider.spec.IkeSaKeysParameterSpec;
import org.pqipsec.provider.spec.SkeyseedParameterSpec;

/**
 * The IKEv2 key schedule per PRF: a full IKE SA derivation (SKEYSEED, then the seven SK_* keys
 * for ENCR_AES_GCM_16-256) and one Child SA KEYMAT (two AES-256-GCM keys with salts), through
 * the provider's {@code KDF}, beside the same steps written as plain JCA {@code Mac} calls.
 * The AES PRFs of the plain variant use the provider's {@code AES-XCBC-PRF-128} and
 * {@code AES-CMAC-PRF-128} Macs, because the JDK has none.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Ikev2PrfBenchmark {

    private static final EncryptionTransform GCM_256 =
            new EncryptionTransform(EncryptionAlgorithm.AES_GCM_16, 256);

    @Param({"HMAC_SHA1", "AES128_XCBC", "HMAC_SHA2_256", "HMAC_SHA2_384", "HMAC_SHA2_512",
            "AES128_CMAC"})
    public String prfName;

    private final PQIPsecProvider provider = new PQIPsecProvider();
    private IkePrf prf;
    private KDF kdf;
    private byte[] ni;
    private byte[] nr;
    private byte[] spiI;
    private byte[] spiR;
    private SecretKeySpec gir;
    private SecretKeySpec skD;
    private int ikeKeysLength;
    private int keymatLength;

    @Setup
    public void setUp() throws GeneralSecurityException {
        prf = IkePrf.valueOf(prfName);
        kdf = KDF.getInstance(prf.kdfAlgorithm(), provider);
        ni = filled(32, 1);
        nr = filled(32, 2);
        spiI = filled(8, 3);
        spiR = filled(8, 4);
        gir = new SecretKeySpec(filled(32, 5), "RAW");
        skD = new SecretKeySpec(filled(prf.outputLength(), 6), "RAW");
        ikeKeysLength = 3 * prf.outputLength() + 2 * GCM_256.keyMaterialLength();
        keymatLength = 2 * GCM_256.keyMaterialLength();
    }

    @Benchmark
    public IkeSaKeys ikeSaKdf() throws GeneralSecurityException {
        SecretKey skeyseed =
                kdf.deriveKey("IKEv2-SKEYSEED", new SkeyseedParameterSpec(ni, nr, gir));
        return IkeSaKeys.derive(kdf, prf,
                new IkeSaKeysParameterSpec(skeyseed, ni, nr, spiI, spiR, GCM_256, null));
    }

    @Benchmark
    public byte[] ikeSaPlainMac() throws GeneralSecurityException {
        // SKEYSEED = prf(Ni | Nr, g^ir); the AES PRFs key with the first 8 bytes of each nonce.
        byte[] key = prf.hasFixedKeyLength()
                ? concat(Arrays.copyOf(ni, 8), Arrays.copyOf(nr, 8))
                : concat(ni, nr);
        byte[] skeyseed = mac(key).doFinal(gir.getEncoded());
        return prfPlus(skeyseed, concat(ni, nr, spiI, spiR), ikeKeysLength);
    }

    @Benchmark
    public byte[] childSaKdf() throws GeneralSecurityException {
        return kdf.deriveData(new ChildSaKeymatParameterSpec(skD, ni, nr, keymatLength));
    }

    @Benchmark
    public byte[] childSaPlainMac() throws GeneralSecurityException {
        return prfPlus(skD.getEncoded(), concat(ni, nr), keymatLength);
    }

    private Mac mac(byte[] key) throws GeneralSecurityException {
        Mac mac = prf.hasFixedKeyLength()
                ? Mac.getInstance(prf.macAlgorithm(), provider)
                : Mac.getInstance(prf.macAlgorithm());
        mac.init(new SecretKeySpec(key, prf.macAlgorithm()));
        return mac;
    }

    /** T1 = prf(K, S | 0x01), Tn = prf(K, Tn-1 | S | n), with one Mac reused. */
    private byte[] prfPlus(byte[] key, byte[] seed, int length) throws GeneralSecurityException {
        Mac mac = mac(key);
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + mac.getMacLength());
        byte[] previous = new byte[0];
        for (int n = 1; out.size() < length; n++) {
            mac.update(previous);
            mac.update(seed);
            mac.update((byte) n);
            previous = mac.doFinal();
            out.writeBytes(previous);
        }
        return Arrays.copyOf(out.toByteArray(), length);
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
