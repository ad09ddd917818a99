package org.pqipsec.provider.ikev2;

import java.security.InvalidAlgorithmParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
import java.util.Objects;

import javax.crypto.KDFParameters;
import javax.crypto.KDFSpi;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.pqipsec.provider.spec.AdditionalKeyExchangeParameterSpec;
import org.pqipsec.provider.spec.ChildSaKeymatParameterSpec;
import org.pqipsec.provider.spec.IkePrf;
import org.pqipsec.provider.spec.IkeSaKeysParameterSpec;
import org.pqipsec.provider.spec.PrfPlusParameterSpec;
import org.pqipsec.provider.spec.SkeyseedParameterSpec;

/**
 * The IKEv2 key schedule (RFC 7296 §2.13 to §2.17, RFC 9370 §2.2.2) as a {@code KDF} service,
 * one subclass per PRF. The derivation spec selects the step:
 * <ul>
 *   <li>{@link PrfPlusParameterSpec}: raw prf+ (RFC 7296 §2.13);
 *   <li>{@link SkeyseedParameterSpec}: SKEYSEED (RFC 7296 §2.14);
 *   <li>{@link IkeSaKeysParameterSpec}: SK_d to SK_pr (RFC 7296 §2.14);
 *   <li>{@link AdditionalKeyExchangeParameterSpec}: SKEYSEED(n) (RFC 9370 §2.2.2), also the
 *       SKEYSEED of an IKE SA rekey (RFC 7296 §2.18);
 *   <li>{@link ChildSaKeymatParameterSpec}: Child SA KEYMAT (RFC 7296 §2.17).
 * </ul>
 *
 * <p>The service takes no {@code KDFParameters}. {@code deriveKey} returns a
 * {@link SecretKeySpec} with the caller's algorithm name over the bytes that {@code deriveData}
 * returns.
 */
public abstract sealed class Ikev2Kdf extends KDFSpi
        permits Ikev2Kdf.HmacSha256, Ikev2Kdf.HmacSha384, Ikev2Kdf.HmacSha512 {

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

    /** The KDF {@code IKEv2-HMAC-SHA256}: PRF_HMAC_SHA2_256, IANA Transform ID 5. */
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

    /** The KDF {@code IKEv2-HMAC-SHA384}: PRF_HMAC_SHA2_384, IANA Transform ID 6. */
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

    /** The KDF {@code IKEv2-HMAC-SHA512}: PRF_HMAC_SHA2_512, IANA Transform ID 7. */
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
            default -> throw new InvalidAlgorithmParameterException("Unsupported derivation spec "
                    + derivationSpec.getClass().getName() + "; expected PrfPlusParameterSpec,"
                    + " SkeyseedParameterSpec, IkeSaKeysParameterSpec,"
                    + " AdditionalKeyExchangeParameterSpec or ChildSaKeymatParameterSpec"
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
            return new SecretKeySpec(derived, alg);
        } finally {
            Arrays.fill(derived, (byte) 0);
        }
    }
}
