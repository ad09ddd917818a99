package org.pqipsec.cli.demo;

import java.security.Provider;
import java.security.Security;
import java.util.ServiceLoader;

/** Finds the PQIPsec provider the way any application can, without linking to its classes. */
final class PqipsecProvider {

    static final String NAME = "PQIPsec";

    private PqipsecProvider() {}

    /**
     * Returns the provider installed through {@code java.security} if there is one, else the one
     * that {@link ServiceLoader} finds on the module path or class path.
     *
     * @throws IllegalStateException if neither finds it
     */
    static Provider find() {
        Provider installed = Security.getProvider(NAME);
        if (installed != null) {
            return installed;
        }
        for (Provider provider : ServiceLoader.load(Provider.class)) {
            if (NAME.equals(provider.getName())) {
                return provider;
            }
        }
        throw new IllegalStateException("provider " + NAME
                + " not found: put the pqipsec-provider JAR on the module path or class path");
    }
}
