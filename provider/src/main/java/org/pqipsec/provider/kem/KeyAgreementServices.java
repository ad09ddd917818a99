package org.pqipsec.provider.kem;

import java.security.Provider;
import java.util.function.Consumer;

/** Registers the key agreement services of the provider: {@code KeyAgreement X25519}. */
public final class KeyAgreementServices {

    private KeyAgreementServices() {}

    /** Adds the KeyAgreement services of {@code provider} to {@code sink}. */
    public static void register(Provider provider, Consumer<Provider.Service> sink) {
        KemServices.Registrar registrar = new KemServices.Registrar(provider, sink);

        registrar.add("KeyAgreement", X25519Keys.ALGORITHM, X25519KeyAgreement.class,
                X25519KeyAgreement::new);
    }
}
