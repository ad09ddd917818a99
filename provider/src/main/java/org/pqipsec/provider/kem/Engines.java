package org.pqipsec.provider.kem;

import java.util.EnumMap;
import java.util.Map;

/**
 * Selects the arithmetic behind the KEM services. Replacing a JDK-backed engine with another
 * implementation of {@link X25519Engine} or {@link MlKemEngine} changes only this class.
 */
final class Engines {

    private Engines() {}

    /** Returns the X25519 implementation in use. */
    static X25519Engine x25519() {
        return X25519Holder.INSTANCE;
    }

    /** Returns the ML-KEM implementation in use for {@code parameterSet}. */
    static MlKemEngine mlKem(MlKemParameterSet parameterSet) {
        return MlKemHolder.INSTANCES.get(parameterSet);
    }

    // Holder classes create each engine on first use, so a missing JDK provider only affects the
    // services that need it.
    private static final class X25519Holder {
        static final X25519Engine INSTANCE = new NativeX25519Engine();
    }

    private static final class MlKemHolder {
        static final Map<MlKemParameterSet, MlKemEngine> INSTANCES = createAll();

        private static Map<MlKemParameterSet, MlKemEngine> createAll() {
            Map<MlKemParameterSet, MlKemEngine> engines = new EnumMap<>(MlKemParameterSet.class);
            for (MlKemParameterSet set : MlKemParameterSet.values()) {
                engines.put(set, new NativeMlKemEngine(set));
            }
            return engines;
        }
    }
}
