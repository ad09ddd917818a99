package org.pqipsec.provider.mac;

import java.security.InvalidParameterException;
import java.security.Provider;
import java.util.List;
import java.util.function.Consumer;

/**
 * Registers the {@code Mac} services of the provider, one per {@link AesMac.Variant}:
 * {@code AES-XCBC-MAC}, {@code AES-XCBC-MAC-96} (alias {@code AUTH_AES_XCBC_96}),
 * {@code AES-XCBC-PRF-128} ({@code PRF_AES128_XCBC}), {@code AES-CMAC} ({@code AESCMAC}),
 * {@code AES-CMAC-96} ({@code AUTH_AES_CMAC_96}) and {@code AES-CMAC-PRF-128}
 * ({@code PRF_AES128_CMAC}).
 */
public final class MacServices {

    private MacServices() {}

    /** Adds the Mac services of {@code provider} to {@code sink}. */
    public static void register(Provider provider, Consumer<Provider.Service> sink) {
        for (AesMac.Variant variant : AesMac.Variant.values()) {
            sink.accept(new MacService(provider, variant));
        }
    }

    /**
     * A Mac service that creates its implementation directly, because the JCA's reflective
     * {@code newInstance} cannot reach this package when the provider runs as a named module.
     */
    private static final class MacService extends Provider.Service {

        private final AesMac.Variant variant;

        MacService(Provider provider, AesMac.Variant variant) {
            super(provider, "Mac", variant.algorithm(), AesMac.class.getName(),
                    List.of(variant.aliases()), null);
            this.variant = variant;
        }

        @Override
        public Object newInstance(Object constructorParameter) {
            if (constructorParameter != null) {
                throw new InvalidParameterException(getAlgorithm()
                        + " takes no constructor parameter, got "
                        + constructorParameter.getClass().getName());
            }
            return new AesMac(variant);
        }
    }
}
