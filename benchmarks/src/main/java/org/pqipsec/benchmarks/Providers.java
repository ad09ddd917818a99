package org.pqipsec.benchmarks;

import java.security.Provider;
import java.security.Security;

/** Lookup of the JDK providers that the benchmarks measure as peers. */
final class Providers {

    private Providers() {}

    /**
     * Returns the installed JDK provider {@code name}, such as {@code SunJCE} or {@code SunEC}.
     *
     * @throws IllegalStateException if no provider of that name is installed
     */
    static Provider jdk(String name) {
        Provider provider = Security.getProvider(name);
        if (provider == null) {
            throw new IllegalStateException("JDK provider " + name + " is not installed");
        }
        return provider;
    }
}
