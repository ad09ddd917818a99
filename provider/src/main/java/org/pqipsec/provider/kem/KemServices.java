package org.pqipsec.provider.kem;

import java.security.Provider;
import java.util.function.Consumer;

/** Registers the key encapsulation services of the provider. */
public final class KemServices {

    private KemServices() {}

    /** Adds the KEM, KeyPairGenerator and KeyFactory services of {@code provider} to {@code sink}. */
    public static void register(Provider provider, Consumer<Provider.Service> sink) {
        // Filled in with the X25519, ML-KEM and X25519MLKEM768 services.
    }
}
