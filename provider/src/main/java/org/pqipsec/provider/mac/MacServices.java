package org.pqipsec.provider.mac;

import java.security.Provider;
import java.util.List;
import java.util.function.Consumer;

import org.pqipsec.provider.service.DirectService;

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
            sink.accept(DirectService.withoutParameter(provider, "Mac", variant.algorithm(),
                    AesMac.class, List.of(variant.aliases()), () -> new AesMac(variant)));
        }
    }
}
