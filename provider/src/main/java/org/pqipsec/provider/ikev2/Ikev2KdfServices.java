package org.pqipsec.provider.ikev2;

import java.security.Provider;
import java.util.function.Consumer;

/** Registers the IKEv2 key schedule KDF services of the provider. */
public final class Ikev2KdfServices {

    private Ikev2KdfServices() {}

    /** Adds the KDF services of {@code provider} to {@code sink}. */
    public static void register(Provider provider, Consumer<Provider.Service> sink) {
        // Filled in with the IKEv2 KDF services.
    }
}
