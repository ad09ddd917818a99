package org.pqipsec.provider.service;

import java.security.InvalidParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A provider service that creates its implementation through a factory instead of reflection.
 *
 * <p>The default {@link Provider.Service#newInstance} loads the implementation class by name and
 * calls its constructor reflectively from {@code java.base}. When the provider runs as a named
 * module, its implementation packages are not exported, so that reflective call fails. A factory
 * written in the implementation's own package has access and needs no export.
 */
public final class DirectService extends Provider.Service {

    /** A constructor of one implementation, taking the JCA constructor parameter. */
    @FunctionalInterface
    public interface Factory {

        /**
         * Creates a new implementation object.
         *
         * @param constructorParameter the value given to {@link Provider.Service#newInstance}
         * @throws NoSuchAlgorithmException when the object cannot be created
         */
        Object create(Object constructorParameter) throws NoSuchAlgorithmException;
    }

    private final Factory factory;

    /**
     * Creates a service.
     *
     * @param provider  the provider that offers the service
     * @param type      the JCA service type, such as {@code "KEM"}
     * @param algorithm the standard algorithm name
     * @param className the implementation class, which {@link Provider.Service#getClassName}
     *     reports
     * @param aliases   the other names of the algorithm
     * @param factory   the constructor of the implementation
     */
    public DirectService(Provider provider, String type, String algorithm, String className,
            List<String> aliases, Factory factory) {
        super(provider, type, algorithm, className, aliases, null);
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /**
     * Returns a service whose implementation takes no constructor parameter, as KEM,
     * KeyPairGenerator, KeyFactory, KeyAgreement and Mac implementations do.
     *
     * @param constructor the constructor of the implementation
     */
    public static DirectService withoutParameter(Provider provider, String type, String algorithm,
            Class<?> implementation, List<String> aliases, Supplier<?> constructor) {
        Objects.requireNonNull(constructor, "constructor");
        return new DirectService(provider, type, algorithm, implementation.getName(), aliases,
                parameter -> {
                    if (parameter != null) {
                        throw new InvalidParameterException(type + " " + algorithm
                                + " takes no constructor parameter, got "
                                + parameter.getClass().getName());
                    }
                    return constructor.get();
                });
    }

    /**
     * Creates a new implementation object through the factory.
     *
     * @throws InvalidParameterException when the implementation does not take
     *     {@code constructorParameter}
     * @throws NoSuchAlgorithmException when the factory cannot create the object
     */
    @Override
    public Object newInstance(Object constructorParameter) throws NoSuchAlgorithmException {
        return factory.create(constructorParameter);
    }
}
