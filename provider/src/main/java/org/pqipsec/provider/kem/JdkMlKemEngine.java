package org.pqipsec.provider.kem;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.ProviderException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import java.security.Security;
import java.security.spec.EncodedKeySpec;
import java.security.spec.InvalidKeySpecException;
import java.util.Arrays;

import javax.crypto.DecapsulateException;
import javax.crypto.KEM;
import javax.crypto.SecretKey;
import javax.security.auth.DestroyFailedException;

import org.pqipsec.provider.spec.RawKeySpec;

/**
 * {@link MlKemEngine} backed by the SunJCE provider's ML-KEM (JDK 24 and later).
 *
 * <p>This engine is no longer the one {@link Engines} selects. It stays as a second
 * implementation of the seam, which tests compare with {@link NativeMlKemEngine}.
 *
 * <p>SunJCE's KEM (JDK 25) only decapsulates with an expanded private key, and its
 * KeyPairGenerator is the only way to expand a seed. So {@link #generateKeyPair} runs that
 * generator on a {@link SecureRandom} that returns d and then z.
 *
 * <p>NOTE: SunJCE's key objects and the {@link SecretKey}s its KEM returns keep copies of secret
 * bytes that this class cannot zeroize. Only the private key object can be destroyed, which
 * {@link DecapsulationKey#destroy} does.
 */
final class JdkMlKemEngine implements MlKemEngine {

    private final MlKemParameterSet parameterSet;
    private final Provider sunJce;

    JdkMlKemEngine(MlKemParameterSet parameterSet) {
        this.parameterSet = parameterSet;
        this.sunJce = Security.getProvider("SunJCE");
        if (sunJce == null) {
            throw new ProviderException("the SunJCE provider, which computes ML-KEM, is not"
                    + " installed");
        }
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
        SeedRandom seedRandom = new SeedRandom(seed);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(parameterSet.algorithm(),
                    sunJce);
            generator.initialize(parameterSet.spec(), seedRandom);
            KeyPair keyPair = generator.generateKeyPair();
            if (!seedRandom.isExhausted()) {
                throw new ProviderException("SunJCE ML-KEM key generation did not draw exactly d"
                        + " and z");
            }

            KeyFactory keyFactory = KeyFactory.getInstance(parameterSet.algorithm(), sunJce);
            byte[] ek = raw(keyFactory.getKeySpec(keyPair.getPublic(), EncodedKeySpec.class),
                    parameterSet.encapsulationKeyLength());
            byte[] dk = raw(keyFactory.getKeySpec(keyPair.getPrivate(), EncodedKeySpec.class),
                    parameterSet.decapsulationKeyLength());
            keyPair.getPrivate().destroy();
            return new ExpandedKeyPair(ek, dk);
        } catch (GeneralSecurityException | DestroyFailedException e) {
            throw new ProviderException("SunJCE failed to generate an " + parameterSet + " key", e);
        } finally {
            seedRandom.clear();
        }
    }

    private byte[] raw(EncodedKeySpec spec, int length) {
        byte[] encoded = spec.getEncoded();
        if (!RawKeySpec.FORMAT.equals(spec.getFormat()) || encoded.length != length) {
            throw new ProviderException("SunJCE returned an unexpected " + parameterSet
                    + " RAW key encoding");
        }
        return encoded;
    }

    @Override
    public DecapsulationKey newDecapsulationKey(byte[] dk) throws InvalidKeyException {
        MlKemInternal.checkDecapsulationKey(parameterSet, dk);
        try {
            PrivateKey privateKey = KeyFactory.getInstance(parameterSet.algorithm(), sunJce)
                    .generatePrivate(new RawKeySpec(dk));
            KEM.Decapsulator decapsulator = KEM.getInstance(parameterSet.algorithm(), sunJce)
                    .newDecapsulator(privateKey);
            int ekStart = 384 * parameterSet.k();
            byte[] ek = Arrays.copyOfRange(dk, ekStart,
                    ekStart + parameterSet.encapsulationKeyLength());
            return new JdkDecapsulationKey(dk.clone(), ek, privateKey, decapsulator);
        } catch (InvalidKeySpecException e) {
            throw new InvalidKeyException("SunJCE rejected the " + parameterSet
                    + " decapsulation key", e);
        } catch (GeneralSecurityException e) {
            throw new ProviderException("SunJCE has no " + parameterSet + " KEM", e);
        }
    }

    @Override
    public EncapsulationKey newEncapsulationKey(byte[] ek) throws InvalidKeyException {
        if (ek.length != parameterSet.encapsulationKeyLength()) {
            throw new InvalidKeyException(parameterSet + " encapsulation key must be "
                    + parameterSet.encapsulationKeyLength() + " bytes, got " + ek.length);
        }
        PublicKey publicKey;
        KEM kem;
        try {
            publicKey = KeyFactory.getInstance(parameterSet.algorithm(), sunJce)
                    .generatePublic(new RawKeySpec(ek));
            kem = KEM.getInstance(parameterSet.algorithm(), sunJce);
        } catch (InvalidKeySpecException e) {
            throw new InvalidKeyException("invalid " + parameterSet + " encapsulation key", e);
        } catch (GeneralSecurityException e) {
            throw new ProviderException("SunJCE has no " + parameterSet + " KEM", e);
        }

        // SunJCE's newEncapsulator runs the FIPS 203 §7.2 modulus check and throws
        // InvalidKeyException when a coefficient is not below q. This first call only checks.
        try {
            kem.newEncapsulator(publicKey);
        } catch (InvalidKeyException e) {
            throw new InvalidKeyException(parameterSet + " encapsulation key fails the FIPS"
                    + " 203 §7.2 check: " + e.getMessage(), e);
        }
        return random -> {
            KEM.Encapsulator encapsulator;
            try {
                encapsulator = kem.newEncapsulator(publicKey, random);
            } catch (InvalidKeyException e) {
                throw new ProviderException("SunJCE rejected an " + parameterSet
                        + " encapsulation key that it accepted before", e);
            }
            return () -> {
                KEM.Encapsulated encapsulated = encapsulator.encapsulate();
                return new Encapsulation(encapsulated.key().getEncoded(),
                        encapsulated.encapsulation());
            };
        };
    }

    /**
     * A SunJCE private key (expanded form) with the decapsulator made from it, and a copy of dk
     * for {@link #copy}.
     */
    private final class JdkDecapsulationKey implements DecapsulationKey {

        private final byte[] dk;
        private final byte[] ek;
        private final PrivateKey privateKey;
        private final KEM.Decapsulator decapsulator;

        JdkDecapsulationKey(byte[] dk, byte[] ek, PrivateKey privateKey,
                KEM.Decapsulator decapsulator) {
            this.dk = dk;
            this.ek = ek;
            this.privateKey = privateKey;
            this.decapsulator = decapsulator;
        }

        @Override
        public byte[] encapsulationKey() {
            return ek.clone();
        }

        @Override
        public byte[] decapsulate(byte[] c) {
            try {
                return decapsulator.decapsulate(c).getEncoded();
            } catch (DecapsulateException e) {
                // Callers pass only ciphertexts of the right length, and FIPS 203 Decaps has no
                // other failure because a bad ciphertext gives the implicit-rejection secret.
                throw new ProviderException("SunJCE ML-KEM decapsulation failed", e);
            }
        }

        /** Imports the kept dk into SunJCE again. */
        @Override
        public synchronized DecapsulationKey copy() {
            if (privateKey.isDestroyed()) {
                throw new IllegalStateException(parameterSet + " decapsulation key is destroyed");
            }
            try {
                return newDecapsulationKey(dk);
            } catch (InvalidKeyException e) {
                throw new ProviderException("SunJCE rejected an " + parameterSet
                        + " decapsulation key that it accepted before", e);
            }
        }

        @Override
        public synchronized void destroy() {
            Arrays.fill(dk, (byte) 0);
            try {
                privateKey.destroy();
            } catch (DestroyFailedException e) {
                throw new ProviderException("SunJCE could not destroy an " + parameterSet
                        + " private key", e);
            }
        }

        @Override
        public boolean isDestroyed() {
            return privateKey.isDestroyed();
        }
    }

    /**
     * A {@link SecureRandom} that returns the bytes of a seed in order and then fails, so that a
     * key generator that draws d and then z regenerates the key of that seed.
     */
    private static final class SeedRandom extends SecureRandom {

        private static final long serialVersionUID = 1L;

        private final transient SeedSpi spi;

        SeedRandom(byte[] seed) {
            this(new SeedSpi(seed.clone()));
        }

        private SeedRandom(SeedSpi spi) {
            super(spi, null);
            this.spi = spi;
        }

        boolean isExhausted() {
            return spi.position == spi.seed.length;
        }

        void clear() {
            Arrays.fill(spi.seed, (byte) 0);
        }
    }

    private static final class SeedSpi extends SecureRandomSpi {

        private static final long serialVersionUID = 1L;

        private final transient byte[] seed;
        private transient int position;

        SeedSpi(byte[] seed) {
            this.seed = seed;
        }

        @Override
        protected synchronized void engineNextBytes(byte[] bytes) {
            if (bytes.length > seed.length - position) {
                throw new ProviderException("ML-KEM key generation drew more than the"
                        + " 64-byte seed");
            }
            System.arraycopy(seed, position, bytes, 0, bytes.length);
            position += bytes.length;
        }

        @Override
        protected void engineSetSeed(byte[] extra) {
            throw new UnsupportedOperationException("the seed of this source is fixed");
        }

        @Override
        protected byte[] engineGenerateSeed(int length) {
            throw new UnsupportedOperationException("this source only returns its fixed seed");
        }
    }
}
