package org.pqipsec.provider.kem;

import java.security.Provider;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.pqipsec.provider.service.DirectService;

/**
 * Registers the key encapsulation services of the provider: {@code KEM},
 * {@code KeyPairGenerator} and {@code KeyFactory} for each of
 * <ul>
 *   <li>{@code X25519} (X25519 Diffie-Hellman used as a KEM, {@link X25519Kem});
 *   <li>{@code ML-KEM-512}, {@code ML-KEM-768}, {@code ML-KEM-1024}, and {@code ML-KEM}, which
 *       takes the parameter set from the key or from a {@code NamedParameterSpec}
 *       ({@link MlKemKem});
 *   <li>{@code X25519MLKEM768} (the hybrid, {@link X25519MlKem768Kem});
 *   <li>{@code SecP256r1MLKEM768} and {@code SecP384r1MLKEM1024} (the ECDHE-MLKEM hybrids,
 *       {@link EcdhMlKemKem});
 *   <li>{@code X-Wing} (draft-connolly-cfrg-xwing-kem, {@link XWingKem}).
 * </ul>
 */
public final class KemServices {

    private KemServices() {}

    /** Adds the KEM, KeyPairGenerator and KeyFactory services of {@code provider} to {@code sink}. */
    public static void register(Provider provider, Consumer<Provider.Service> sink) {
        Registrar registrar = new Registrar(provider, sink);

        registrar.add("KEM", "X25519", X25519Kem.class, X25519Kem::new);
        registrar.add("KeyPairGenerator", "X25519", X25519KeyPairGenerator.class,
                X25519KeyPairGenerator::new);
        registrar.add("KeyFactory", "X25519", X25519KeyFactory.class, X25519KeyFactory::new);

        registrar.add("KEM", "ML-KEM", MlKemKem.class, () -> new MlKemKem(null));
        registrar.add("KeyPairGenerator", "ML-KEM", MlKemKeyPairGenerator.class,
                () -> new MlKemKeyPairGenerator(null));
        registrar.add("KeyFactory", "ML-KEM", MlKemKeyFactory.class,
                () -> new MlKemKeyFactory(null));
        for (MlKemParameterSet set : MlKemParameterSet.values()) {
            registrar.add("KEM", set.algorithm(), MlKemKem.class, () -> new MlKemKem(set));
            registrar.add("KeyPairGenerator", set.algorithm(), MlKemKeyPairGenerator.class,
                    () -> new MlKemKeyPairGenerator(set));
            registrar.add("KeyFactory", set.algorithm(), MlKemKeyFactory.class,
                    () -> new MlKemKeyFactory(set));
        }

        String hybrid = X25519MlKem768Layout.ALGORITHM;
        registrar.add("KEM", hybrid, X25519MlKem768Kem.class, X25519MlKem768Kem::new);
        registrar.add("KeyPairGenerator", hybrid, X25519MlKem768KeyPairGenerator.class,
                X25519MlKem768KeyPairGenerator::new);
        registrar.add("KeyFactory", hybrid, X25519MlKem768KeyFactory.class,
                X25519MlKem768KeyFactory::new);

        for (EcdhMlKemParameters parameters : EcdhMlKemParameters.values()) {
            String name = parameters.algorithm();
            registrar.add("KEM", name, EcdhMlKemKem.class, () -> new EcdhMlKemKem(parameters));
            registrar.add("KeyPairGenerator", name, EcdhMlKemKeyPairGenerator.class,
                    () -> new EcdhMlKemKeyPairGenerator(parameters));
            registrar.add("KeyFactory", name, EcdhMlKemKeyFactory.class,
                    () -> new EcdhMlKemKeyFactory(parameters));
        }

        String xWing = XWingKeys.ALGORITHM;
        registrar.add("KEM", xWing, XWingKem.class, XWingKem::new);
        registrar.add("KeyPairGenerator", xWing, XWingKeyPairGenerator.class,
                XWingKeyPairGenerator::new);
        registrar.add("KeyFactory", xWing, XWingKeyFactory.class, XWingKeyFactory::new);
    }

    /** Adds services whose implementations take no constructor parameter. */
    record Registrar(Provider provider, Consumer<Provider.Service> sink) {

        void add(String type, String algorithm, Class<?> implementation, Supplier<?> constructor) {
            sink.accept(DirectService.withoutParameter(provider, type, algorithm, implementation,
                    List.of(), constructor));
        }
    }
}
