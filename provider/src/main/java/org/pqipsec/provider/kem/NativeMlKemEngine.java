package org.pqipsec.provider.kem;

import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * {@link MlKemEngine} computed by this provider's own FIPS 203 code ({@link MlKemInternal},
 * {@link KPke} and the classes below them), so the arithmetic and its constant-time behaviour
 * are under this project's control.
 *
 * <p>An encapsulation key parses ek and expands Â once, and a decapsulation key parses dk once,
 * so repeated operations with one key skip that work. Both are immutable after construction
 * except for {@link DecapsulationKey#destroy}.
 */
final class NativeMlKemEngine implements MlKemEngine {

    private final MlKemParameterSet parameterSet;

    NativeMlKemEngine(MlKemParameterSet parameterSet) {
        this.parameterSet = parameterSet;
    }

    @Override
    public MlKemParameterSet parameterSet() {
        return parameterSet;
    }

    @Override
    public ExpandedKeyPair generateKeyPair(byte[] seed) {
        if (seed.length != MlKemParameterSet.SEED_LENGTH) {
            throw new IllegalArgumentException("ML-KEM seed d ‖ z must be 64 bytes, got "
                    + seed.length);
        }
        byte[] d = Arrays.copyOfRange(seed, 0, 32);
        byte[] z = Arrays.copyOfRange(seed, 32, 64);
        try {
            byte[][] keys = MlKemInternal.keyGen(parameterSet, d, z);
            return new ExpandedKeyPair(keys[0], keys[1]);
        } finally {
            Arrays.fill(d, (byte) 0);
            Arrays.fill(z, (byte) 0);
        }
    }

    /**
     * Runs Algorithm 16 and returns the keys prepared from the t̂, Â, ŝ and H(ek) it computed.
     * They skip the FIPS 203 §7.2 and §7.3 checks, which hold by construction
     * ({@link MlKemInternal#generate}).
     */
    @Override
    public GeneratedKeyPair generatePreparedKeyPair(byte[] seed) {
        if (seed.length != MlKemParameterSet.SEED_LENGTH) {
            throw new IllegalArgumentException("ML-KEM seed d ‖ z must be 64 bytes, got "
                    + seed.length);
        }
        byte[] d = Arrays.copyOfRange(seed, 0, 32);
        byte[] z = Arrays.copyOfRange(seed, 32, 64);
        try {
            MlKemInternal.GeneratedKeys keys = MlKemInternal.generate(parameterSet, d, z);
            return new GeneratedKeyPair(keys.ek(), keys.dk(),
                    new NativeEncapsulationKey(keys.encapsulationKey()),
                    new NativeDecapsulationKey(keys.decapsulationKey()));
        } finally {
            Arrays.fill(d, (byte) 0);
            Arrays.fill(z, (byte) 0);
        }
    }

    @Override
    public DecapsulationKey newDecapsulationKey(byte[] dk) throws InvalidKeyException {
        return new NativeDecapsulationKey(MlKemInternal.DecapsulationKey.parse(parameterSet, dk));
    }

    @Override
    public EncapsulationKey newEncapsulationKey(byte[] ek) throws InvalidKeyException {
        return new NativeEncapsulationKey(MlKemInternal.EncapsulationKey.parse(parameterSet, ek));
    }

    /** Parses ek and expands Â without repeating the FIPS 203 §7.2 modulus check. */
    @Override
    public EncapsulationKey newCheckedEncapsulationKey(byte[] ek) {
        return new NativeEncapsulationKey(
                MlKemInternal.EncapsulationKey.parseChecked(parameterSet, ek));
    }

    @Override
    public NativeEncapsulator newEncapsulator(byte[] ek, SecureRandom random)
            throws InvalidKeyException {
        return new NativeEncapsulator(MlKemInternal.EncapsulationKey.parse(parameterSet, ek),
                random);
    }

    /** A parsed ek, shared by the encapsulators made from it. */
    private record NativeEncapsulationKey(MlKemInternal.EncapsulationKey key)
            implements EncapsulationKey {

        @Override
        public Encapsulator newEncapsulator(SecureRandom random) {
            return new NativeEncapsulator(key, random);
        }
    }

    /** An encapsulator over a parsed ek. */
    static final class NativeEncapsulator implements Encapsulator {

        private final MlKemInternal.EncapsulationKey key;
        private final SecureRandom random;

        NativeEncapsulator(MlKemInternal.EncapsulationKey key, SecureRandom random) {
            this.key = key;
            this.random = random;
        }

        @Override
        public Encapsulation encapsulate() {
            byte[] m = new byte[32];
            try {
                random.nextBytes(m);
                return encapsulate(m);
            } finally {
                Arrays.fill(m, (byte) 0);
            }
        }

        /** Runs Algorithm 17 with a given m (32 bytes): the deterministic entry point for tests. */
        Encapsulation encapsulate(byte[] m) {
            if (m.length != 32) {
                throw new IllegalArgumentException("ML-KEM message m must be 32 bytes, got "
                        + m.length);
            }
            byte[][] output = MlKemInternal.encaps(key, m);
            return new Encapsulation(output[0], output[1]);
        }
    }

    /** A parsed expanded decapsulation key. */
    private static final class NativeDecapsulationKey implements DecapsulationKey {

        private final MlKemInternal.DecapsulationKey key;
        private volatile boolean destroyed;

        NativeDecapsulationKey(MlKemInternal.DecapsulationKey key) {
            this.key = key;
        }

        @Override
        public byte[] encapsulationKey() {
            return key.encapsulationKey.ek.clone();
        }

        @Override
        public byte[] decapsulate(byte[] c) {
            if (destroyed) {
                throw new IllegalStateException(key.set + " decapsulation key is destroyed");
            }
            if (c.length != key.set.ciphertextLength()) {
                throw new IllegalArgumentException(key.set + " ciphertext must be "
                        + key.set.ciphertextLength() + " bytes, got " + c.length);
            }
            return MlKemInternal.decaps(key, c);
        }

        @Override
        public DecapsulationKey copy() {
            MlKemInternal.DecapsulationKey copy = key.copy();
            // Checked after copying, because a destroy() during the copy may have left zeros in it.
            if (destroyed) {
                copy.clear();
                throw new IllegalStateException(key.set + " decapsulation key is destroyed");
            }
            return new NativeDecapsulationKey(copy);
        }

        @Override
        public void destroy() {
            destroyed = true;
            key.clear();
        }

        @Override
        public boolean isDestroyed() {
            return destroyed;
        }
    }
}
