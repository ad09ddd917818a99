package org.pqipsec.provider.kem;

import java.security.AsymmetricKey;
import java.security.Key;
import java.security.spec.NamedParameterSpec;

/**
 * The ML-KEM parameter sets of FIPS 203 §8: k, η1, η2, du and dv from Table 2, byte sizes from
 * Table 3, and the object identifiers that NIST assigns (id-alg-ml-kem-512 to -1024 under
 * 2.16.840.1.101.3.4.4).
 */
enum MlKemParameterSet {
    ML_KEM_512("ML-KEM-512", NamedParameterSpec.ML_KEM_512, 2, 3, 2, 10, 4, 1),
    ML_KEM_768("ML-KEM-768", NamedParameterSpec.ML_KEM_768, 3, 2, 2, 10, 4, 2),
    ML_KEM_1024("ML-KEM-1024", NamedParameterSpec.ML_KEM_1024, 4, 2, 2, 11, 5, 3);

    /** The family name that ML-KEM keys report from {@code getAlgorithm()}, as SunJCE's do. */
    static final String FAMILY = "ML-KEM";

    /** Length in bytes of the seed d ‖ z of FIPS 203 Algorithm 16, for every parameter set. */
    static final int SEED_LENGTH = 64;

    /** Length in bytes of the shared secret K, for every parameter set. */
    static final int SHARED_SECRET_LENGTH = 32;

    /** Length in bytes of the message m and of the seeds d, z, ρ and σ. */
    static final int SEED_HALF_LENGTH = 32;

    private final String algorithm;
    private final NamedParameterSpec spec;
    private final int k;
    private final int eta1;
    private final int eta2;
    private final int du;
    private final int dv;
    private final int oidArc;

    MlKemParameterSet(String algorithm, NamedParameterSpec spec, int k, int eta1, int eta2,
            int du, int dv, int oidArc) {
        this.algorithm = algorithm;
        this.spec = spec;
        this.k = k;
        this.eta1 = eta1;
        this.eta2 = eta2;
        this.du = du;
        this.dv = dv;
        this.oidArc = oidArc;
    }

    /** The rank k of the module: the number of polynomials in ŝ, t̂ and u. */
    int k() {
        return k;
    }

    /** η1, the CBD width of s, e and y. */
    int eta1() {
        return eta1;
    }

    /** η2, the CBD width of e1 and e2. */
    int eta2() {
        return eta2;
    }

    /** du, the bits per coefficient of u in the ciphertext. */
    int du() {
        return du;
    }

    /** dv, the bits per coefficient of v in the ciphertext. */
    int dv() {
        return dv;
    }

    /** The last arc of the object identifier 2.16.840.1.101.3.4.4.n: 1, 2 or 3. */
    int oidArc() {
        return oidArc;
    }

    /** Length in bytes of the expanded decapsulation key dk: 768·k + 96. */
    int decapsulationKeyLength() {
        return 768 * k + 96;
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
        return 384 * k + 32;
    }

    /** Length in bytes of the ciphertext c. */
    int ciphertextLength() {
        return 32 * (du * k + dv);
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
            if (set.encapsulationKeyLength() == length) {
                return set;
            }
        }
        return null;
    }

    /** Returns the parameter set whose expanded decapsulation key has the given length, or null. */
    static MlKemParameterSet forDecapsulationKeyLength(int length) {
        for (MlKemParameterSet set : values()) {
            if (set.decapsulationKeyLength() == length) {
                return set;
            }
        }
        return null;
    }

    /** Returns the parameter set with the given object identifier arc (1, 2 or 3), or null. */
    static MlKemParameterSet forOidArc(int arc) {
        for (MlKemParameterSet set : values()) {
            if (set.oidArc == arc) {
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
