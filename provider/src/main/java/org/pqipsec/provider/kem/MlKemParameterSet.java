package org.pqipsec.provider.kem;

import java.security.AsymmetricKey;
import java.security.Key;
import java.security.spec.NamedParameterSpec;

/** The ML-KEM parameter sets of FIPS 203 §8, with their byte sizes from FIPS 203 Table 3. */
enum MlKemParameterSet {
    ML_KEM_512("ML-KEM-512", NamedParameterSpec.ML_KEM_512, 800, 768),
    ML_KEM_768("ML-KEM-768", NamedParameterSpec.ML_KEM_768, 1184, 1088),
    ML_KEM_1024("ML-KEM-1024", NamedParameterSpec.ML_KEM_1024, 1568, 1568);

    /** The family name that ML-KEM keys report from {@code getAlgorithm()}, as SunJCE's do. */
    static final String FAMILY = "ML-KEM";

    /** Length in bytes of the seed d ‖ z of FIPS 203 Algorithm 16, for every parameter set. */
    static final int SEED_LENGTH = 64;

    /** Length in bytes of the shared secret K, for every parameter set. */
    static final int SHARED_SECRET_LENGTH = 32;

    private final String algorithm;
    private final NamedParameterSpec spec;
    private final int encapsulationKeyLength;
    private final int ciphertextLength;

    MlKemParameterSet(String algorithm, NamedParameterSpec spec, int encapsulationKeyLength,
            int ciphertextLength) {
        this.algorithm = algorithm;
        this.spec = spec;
        this.encapsulationKeyLength = encapsulationKeyLength;
        this.ciphertextLength = ciphertextLength;
    }

    /** Returns the standard name, for example {@code "ML-KEM-768"}. */
    String algorithm() {
        return algorithm;
    }

    NamedParameterSpec spec() {
        return spec;
    }

    /** Length in bytes of the encapsulation key ek. */
    int encapsulationKeyLength() {
        return encapsulationKeyLength;
    }

    /** Length in bytes of the ciphertext c. */
    int ciphertextLength() {
        return ciphertextLength;
    }

    /** Returns the parameter set with the given standard name (case-insensitive), or null. */
    static MlKemParameterSet forName(String name) {
        for (MlKemParameterSet set : values()) {
            if (set.algorithm.equalsIgnoreCase(name)) {
                return set;
            }
        }
        return null;
    }

    /** Returns the parameter set whose encapsulation key has the given length, or null. */
    static MlKemParameterSet forEncapsulationKeyLength(int length) {
        for (MlKemParameterSet set : values()) {
            if (set.encapsulationKeyLength == length) {
                return set;
            }
        }
        return null;
    }

    /**
     * Returns the parameter set that {@code key} names: through its algorithm (for example
     * {@code "ML-KEM-768"}), or through a {@link NamedParameterSpec} from {@code getParams()} when
     * the algorithm is the family name {@code "ML-KEM"}. Returns null when the key names none.
     */
    static MlKemParameterSet of(Key key) {
        MlKemParameterSet byAlgorithm = forName(key.getAlgorithm());
        if (byAlgorithm != null) {
            return byAlgorithm;
        }
        if (FAMILY.equalsIgnoreCase(key.getAlgorithm())
                && key instanceof AsymmetricKey asymmetric
                && asymmetric.getParams() instanceof NamedParameterSpec named) {
            return forName(named.getName());
        }
        return null;
    }

    @Override
    public String toString() {
        return algorithm;
    }
}
