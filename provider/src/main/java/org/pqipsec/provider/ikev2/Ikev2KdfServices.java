package org.pqipsec.provider.ikev2;

import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.List;
import java.util.function.Consumer;

import javax.crypto.KDFParameters;

import org.pqipsec.provider.service.DirectService;
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
        sink.accept(service(provider, IkePrf.HMAC_SHA1, Ikev2Kdf.HmacSha1.class,
                Ikev2Kdf.HmacSha1::new));
        sink.accept(service(provider, IkePrf.AES128_XCBC, Ikev2Kdf.Aes128Xcbc.class,
                Ikev2Kdf.Aes128Xcbc::new));
        sink.accept(service(provider, IkePrf.HMAC_SHA2_256, Ikev2Kdf.HmacSha256.class,
                Ikev2Kdf.HmacSha256::new));
        sink.accept(service(provider, IkePrf.HMAC_SHA2_384, Ikev2Kdf.HmacSha384.class,
                Ikev2Kdf.HmacSha384::new));
        sink.accept(service(provider, IkePrf.HMAC_SHA2_512, Ikev2Kdf.HmacSha512.class,
                Ikev2Kdf.HmacSha512::new));
        sink.accept(service(provider, IkePrf.AES128_CMAC, Ikev2Kdf.Aes128Cmac.class,
                Ikev2Kdf.Aes128Cmac::new));
    }

    /** A constructor of one {@link Ikev2Kdf} subclass. */
    @FunctionalInterface
    private interface KdfConstructor {
        Ikev2Kdf create(KDFParameters kdfParameters) throws InvalidAlgorithmParameterException;
    }

    /**
     * Returns the KDF service for {@code prf}, whose factory accepts a null or
     * {@link KDFParameters} constructor parameter.
     */
    private static DirectService service(Provider provider, IkePrf prf,
            Class<? extends Ikev2Kdf> implementation, KdfConstructor constructor) {
        String algorithm = prf.kdfAlgorithm();
        return new DirectService(provider, "KDF", algorithm, implementation.getName(),
                List.of(prf.kdfAlias()), parameter -> {
                    if (parameter != null && !(parameter instanceof KDFParameters)) {
                        throw new InvalidParameterException("constructorParameter must be a"
                                + " KDFParameters for " + algorithm + ", got "
                                + parameter.getClass().getName());
                    }
                    try {
                        return constructor.create((KDFParameters) parameter);
                    } catch (InvalidAlgorithmParameterException e) {
                        // KDF.getInstance rethrows an InvalidAlgorithmParameterException cause
                        // as itself.
                        throw new NoSuchAlgorithmException(
                                "Failed to create " + algorithm + ": " + e.getMessage(), e);
                    }
                });
    }
}
