package org.pqipsec.provider.ikev2;

import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.crypto.KDFParameters;

import org.pqipsec.provider.spec.IkePrf;

/**
 * Registers the IKEv2 key schedule KDF services of the provider, one per {@link IkePrf}:
 * {@code IKEv2-HMAC-SHA1}, {@code IKEv2-AES128-XCBC}, {@code IKEv2-HMAC-SHA256},
 * {@code IKEv2-HMAC-SHA384}, {@code IKEv2-HMAC-SHA512} and {@code IKEv2-AES128-CMAC}
 * ({@link IkePrf#kdfAlgorithm()}), with the aliases {@code IKEv2-PRF-2}, {@code -4}, {@code -5},
 * {@code -6}, {@code -7} and {@code -8} by IANA Transform ID ({@link IkePrf#kdfAlias()}).
 * {@link Ikev2Kdf} documents the derivation specs they take.
 */
public final class Ikev2KdfServices {

    private Ikev2KdfServices() {}

    /** Adds the KDF services of {@code provider} to {@code sink}. */
    public static void register(Provider provider, Consumer<Provider.Service> sink) {
        sink.accept(new KdfService(provider, IkePrf.HMAC_SHA1,
                Ikev2Kdf.HmacSha1.class.getName(), Ikev2Kdf.HmacSha1::new));
        sink.accept(new KdfService(provider, IkePrf.AES128_XCBC,
                Ikev2Kdf.Aes128Xcbc.class.getName(), Ikev2Kdf.Aes128Xcbc::new));
        sink.accept(new KdfService(provider, IkePrf.HMAC_SHA2_256,
                Ikev2Kdf.HmacSha256.class.getName(), Ikev2Kdf.HmacSha256::new));
        sink.accept(new KdfService(provider, IkePrf.HMAC_SHA2_384,
                Ikev2Kdf.HmacSha384.class.getName(), Ikev2Kdf.HmacSha384::new));
        sink.accept(new KdfService(provider, IkePrf.HMAC_SHA2_512,
                Ikev2Kdf.HmacSha512.class.getName(), Ikev2Kdf.HmacSha512::new));
        sink.accept(new KdfService(provider, IkePrf.AES128_CMAC,
                Ikev2Kdf.Aes128Cmac.class.getName(), Ikev2Kdf.Aes128Cmac::new));
    }

    /** A constructor of one {@link Ikev2Kdf} subclass. */
    @FunctionalInterface
    private interface KdfConstructor {
        Ikev2Kdf create(KDFParameters kdfParameters) throws InvalidAlgorithmParameterException;
    }

    /**
     * A KDF service that creates its implementation directly. The default
     * {@code Provider.Service.newInstance} uses reflection from {@code java.base}, which fails
     * when the provider runs as a named module, because this package is not exported.
     */
    private static final class KdfService extends Provider.Service {

        private final KdfConstructor constructor;

        KdfService(Provider provider, IkePrf prf, String className, KdfConstructor constructor) {
            super(provider, "KDF", prf.kdfAlgorithm(), className, List.of(prf.kdfAlias()),
                    Map.of());
            this.constructor = constructor;
        }

        @Override
        public Object newInstance(Object constructorParameter) throws NoSuchAlgorithmException {
            if (constructorParameter != null
                    && !(constructorParameter instanceof KDFParameters)) {
                throw new InvalidParameterException("constructorParameter must be a KDFParameters"
                        + " for " + getAlgorithm() + ", got "
                        + constructorParameter.getClass().getName());
            }
            try {
                return constructor.create((KDFParameters) constructorParameter);
            } catch (InvalidAlgorithmParameterException e) {
                // KDF.getInstance rethrows an InvalidAlgorithmParameterException cause as itself.
                throw new NoSuchAlgorithmException(
                        "Failed to create " + getAlgorithm() + ": " + e.getMessage(), e);
            }
        }
    }
}
