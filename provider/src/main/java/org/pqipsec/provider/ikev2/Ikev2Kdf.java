package org.pqipsec.provider.ikev2;

import java.security.InvalidAlgorithmParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
import java.util.Objects;

import javax.crypto.KDFParameters;
import javax.crypto.KDFSpi;
import javax.crypto.SecretKey;

import org.pqipsec.provider.key.DestroyableSecretKey;
import org.pqipsec.provider.spec.AdditionalKeyExchangeParameterSpec;
import org.pqipsec.provider.spec.ChildSaKeymatParameterSpec;
import org.pqipsec.provider.spec.IkePrf;
import org.pqipsec.provider.spec.IkeSaKeysParameterSpec;
import org.pqipsec.provider.spec.IkeSaRekeyParameterSpec;
import org.pqipsec.provider.spec.IntermediateAuthParameterSpec;
import org.pqipsec.provider.spec.PrfPlusParameterSpec;
import org.pqipsec.provider.spec.SkeyseedParameterSpec;

/**
 * The IKEv2 key schedule (RFC 7296 §2.13 to §2.18, RFC 9370, RFC 9242) as a {@code KDF} service,
 * one subclass per PRF. The derivation spec selects the step:
 * <ul>
 *   <li>{@link PrfPlusParameterSpec}: raw prf+ (RFC 7296 §2.13);
 *   <li>{@link SkeyseedParameterSpec}: SKEYSEED (RFC 7296 §2.14);
 *   <li>{@link IkeSaKeysParameterSpec}: SK_d to SK_pr (RFC 7296 §2.14);
 *   <li>{@link AdditionalKeyExchangeParameterSpec}: SKEYSEED(n) (RFC 9370 §2.2.2), also the
 *       SKEYSEED of an IKE SA rekey (RFC 7296 §2.18);
 *   <li>{@link ChildSaKeymatParameterSpec}: Child SA KEYMAT (RFC 7296 §2.17), also with the
 *       IKE_FOLLOWUP_KE shared secrets of RFC 9370 §2.2.4;
 *   <li>{@link IkeSaRekeyParameterSpec}: SKEYSEED of an IKE SA rekey (RFC 7296 §2.18), also with
 *       the IKE_FOLLOWUP_KE shared secrets of RFC 9370 §2.2.4;
 *   <li>{@link IntermediateAuthParameterSpec}: IntAuth of IKE_INTERMEDIATE messages (RFC 9242
 *       §3.3.2).
 * </ul>
 *
 * <p>The service takes no {@code KDFParameters}. {@code deriveKey} returns a
 * {@link DestroyableSecretKey} with the caller's algorithm name over the bytes that
 * {@code deriveData} returns, which the caller can wipe with {@code destroy()}.
 *
 * <p>Several threads may derive through one KDF object at once. The HMAC PRFs use the
 * {@code Mac} provider of highest priority at the time the KDF object is created.
 */
public abstract sealed class Ikev2Kdf extends KDFSpi
        permits Ikev2Kdf.HmacSha1, Ikev2Kdf.Aes128Xcbc, Ikev2Kdf.HmacSha256, Ikev2Kdf.HmacSha384,
                Ikev2Kdf.HmacSha512, Ikev2Kdf.Aes128Cmac {

    private final KeySchedule keySchedule;

    private Ikev2Kdf(IkePrf prf, KDFParameters kdfParameters)
            throws InvalidAlgorithmParameterException {
        super(kdfParameters);
        if (kdfParameters != null) {
            throw new InvalidAlgorithmParameterException(prf.kdfAlgorithm()
                    + " takes no KDFParameters, got " + kdfParameters.getClass().getName());
        }
        this.keySchedule = new KeySchedule(prf);
    }

    /**
     * The KDF {@code IKEv2-HMAC-SHA1} ({@code IKEv2-PRF-2}): PRF_HMAC_SHA1, IANA Transform ID 2.
     */
    public static final class HmacSha1 extends Ikev2Kdf {

        /**
         * Creates the KDF.
         *
         * @throws InvalidAlgorithmParameterException if {@code kdfParameters} is not null
         */
        public HmacSha1(KDFParameters kdfParameters) throws InvalidAlgorithmParameterException {
            super(IkePrf.HMAC_SHA1, kdfParameters);
        }
    }

    /**
     * The KDF {@code IKEv2-AES128-XCBC} ({@code IKEv2-PRF-4}): PRF_AES128_XCBC (RFC 4434), IANA
     * Transform ID 4.
     */
    public static final class Aes128Xcbc extends Ikev2Kdf {

        /**
         * Creates the KDF.
         *
         * @throws InvalidAlgorithmParameterException if {@code kdfParameters} is not null
         */
        public Aes128Xcbc(KDFParameters kdfParameters) throws InvalidAlgorithmParameterException {
            super(IkePrf.AES128_XCBC, kdfParameters);
        }
    }

    /**
     * The KDF {@code IKEv2-AES128-CMAC} ({@code IKEv2-PRF-8}): PRF_AES128_CMAC (RFC 4615), IANA
     * Transform ID 8.
     */
    public static final class Aes128Cmac extends Ikev2Kdf {

        /**
         * Creates the KDF.
         *
         * @throws InvalidAlgorithmParameterException if {@code kdfParameters} is not null
         */
        public Aes128Cmac(KDFParameters kdfParameters) throws InvalidAlgorithmParameterException {
            super(IkePrf.AES128_CMAC, kdfParameters);
        }
    }

    /**
     * The KDF {@code IKEv2-HMAC-SHA256} ({@code IKEv2-PRF-5}): PRF_HMAC_SHA2_256, IANA Transform
     * ID 5.
     */
    public static final class HmacSha256 extends Ikev2Kdf {

        /**
         * Creates the KDF.
         *
         * @throws InvalidAlgorithmParameterException if {@code kdfParameters} is not null
         */
        public HmacSha256(KDFParameters kdfParameters) throws InvalidAlgorithmParameterException {
            super(IkePrf.HMAC_SHA2_256, kdfParameters);
        }
    }

    /**
     * The KDF {@code IKEv2-HMAC-SHA384} ({@code IKEv2-PRF-6}): PRF_HMAC_SHA2_384, IANA Transform
     * ID 6.
     */
    public static final class HmacSha384 extends Ikev2Kdf {

        /**
         * Creates the KDF.
         *
         * @throws InvalidAlgorithmParameterException if {@code kdfParameters} is not null
         */
        public HmacSha384(KDFParameters kdfParameters) throws InvalidAlgorithmParameterException {
            super(IkePrf.HMAC_SHA2_384, kdfParameters);
        }
    }

    /**
     * The KDF {@code IKEv2-HMAC-SHA512} ({@code IKEv2-PRF-7}): PRF_HMAC_SHA2_512, IANA Transform
     * ID 7.
     */
    public static final class HmacSha512 extends Ikev2Kdf {

        /**
         * Creates the KDF.
         *
         * @throws InvalidAlgorithmParameterException if {@code kdfParameters} is not null
         */
        public HmacSha512(KDFParameters kdfParameters) throws InvalidAlgorithmParameterException {
            super(IkePrf.HMAC_SHA2_512, kdfParameters);
        }
    }

    /** Returns null because the KDF has no parameters. */
    @Override
    protected KDFParameters engineGetParameters() {
        return null;
    }

    @Override
    protected byte[] engineDeriveData(AlgorithmParameterSpec derivationSpec)
            throws InvalidAlgorithmParameterException {
        Objects.requireNonNull(derivationSpec, "derivationSpec");
        return switch (derivationSpec) {
            case PrfPlusParameterSpec spec -> keySchedule.prfPlus(spec);
            case SkeyseedParameterSpec spec -> keySchedule.skeyseed(spec);
            case IkeSaKeysParameterSpec spec -> keySchedule.ikeSaKeys(spec);
            case AdditionalKeyExchangeParameterSpec spec -> keySchedule.additionalKeyExchange(spec);
            case ChildSaKeymatParameterSpec spec -> keySchedule.childSaKeymat(spec);
            case IkeSaRekeyParameterSpec spec -> keySchedule.ikeSaRekey(spec);
            case IntermediateAuthParameterSpec spec -> keySchedule.intermediateAuth(spec);
            default -> throw new InvalidAlgorithmParameterException("Unsupported derivation spec "
                    + derivationSpec.getClass().getName() + "; expected PrfPlusParameterSpec,"
                    + " SkeyseedParameterSpec, IkeSaKeysParameterSpec,"
                    + " AdditionalKeyExchangeParameterSpec, ChildSaKeymatParameterSpec,"
                    + " IkeSaRekeyParameterSpec or IntermediateAuthParameterSpec"
                    + " from org.pqipsec.provider.spec");
        };
    }

    @Override
    protected SecretKey engineDeriveKey(String alg, AlgorithmParameterSpec derivationSpec)
            throws InvalidAlgorithmParameterException, NoSuchAlgorithmException {
        Objects.requireNonNull(alg, "alg");
        if (alg.isEmpty()) {
            throw new NoSuchAlgorithmException(
                    "alg is empty; expected a secret key algorithm name");
        }

        byte[] derived = engineDeriveData(derivationSpec);
        try {
            return new DestroyableSecretKey(derived, alg);
        } finally {
            Arrays.fill(derived, (byte) 0);
        }
    }
}
