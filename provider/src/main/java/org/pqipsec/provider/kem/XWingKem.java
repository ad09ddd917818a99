package org.pqipsec.provider.kem;

import static org.pqipsec.provider.kem.XWingKeys.ALGORITHM;
import static org.pqipsec.provider.kem.XWingKeys.CIPHERTEXT_LENGTH;
import static org.pqipsec.provider.kem.XWingKeys.EK_LENGTH;
import static org.pqipsec.provider.kem.XWingKeys.ENCAPSULATION_LENGTH;
import static org.pqipsec.provider.kem.XWingKeys.ML_KEM;
import static org.pqipsec.provider.kem.XWingKeys.PUBLIC_KEY_LENGTH;
import static org.pqipsec.provider.kem.XWingKeys.SECRET_LENGTH;

import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.ProviderException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
import java.util.Objects;

import javax.crypto.DecapsulateException;
import javax.crypto.KEM;
import javax.crypto.KEMSpi;
import javax.crypto.SecretKey;

/**
 * KEM {@code X-Wing} (draft-connolly-cfrg-xwing-kem-10 §5): ML-KEM-768 and X25519 joined by the
 * SHA3-256 combiner of §5.3. {@link XWingKeys} gives the byte layout.
 *
 * <p>Randomness: {@code encapsulate} draws 64 bytes as two 32-byte {@code nextBytes} calls, m for
 * ML-KEM-768 first and the X25519 ephemeral key ek_X second, so a source that returns the draft's
 * eseed reproduces EncapsulateDerand (§5.4.1).
 *
 * <p>The X25519 output is used as it is, also when it is all zero: §5.4 and §5.5 have no such
 * check, and the combiner hashes ct_X and pk_X with it.
 *
 * <p>Failures: {@link InvalidKeyException} at {@code newEncapsulator} for a key of another type or
 * length, or a pk_M that fails the FIPS 203 §7.2 check (§5.4 requires it); at
 * {@code newDecapsulator} for a key of another type or length or a destroyed key.
 * {@link DecapsulateException} when the encapsulation is not 1120 bytes.
 *
 * <p>The key objects keep the checked pk_M and the expanded decapsulation key of §5.2, so only
 * the first encapsulator or decapsulator for a key object does that work. A decapsulator keeps
 * its own copy of the expanded key, which outlives the private key's {@code destroy()}.
 */
final class XWingKem implements KEMSpi {

    /** XWingLabel of §5.3, the ASCII string "\./" "/^\". */
    private static final byte[] LABEL = {0x5c, 0x2e, 0x2f, 0x2f, 0x5e, 0x5c};

    private static final String USAGE = ALGORITHM + " KEM";


    XWingKem() {}

    /** The expanded decapsulation key of §5.2. The owner destroys skM and zeroes skX. */
    record Expanded(MlKemEngine.DecapsulationKey skM, byte[] skX, byte[] pkX) {

        /**
         * Returns an independent copy that destroying this one leaves usable. pk_X is public
         * and shared.
         *
         * @throws IllegalStateException if skM is destroyed
         */
        Expanded copy() {
            return new Expanded(skM.copy(), skX.clone(), pkX);
        }

        /** Destroys skM and zeroes skX. */
        void destroy() {
            skM.destroy();
            Arrays.fill(skX, (byte) 0);
        }
    }

    /**
     * The output of GenerateKeyPairDerand (§5.2.1): the encapsulation key pk_M ‖ pk_X, the
     * prepared pk_M (null when the engine made none), and the expanded decapsulation key (null
     * when the engine prepared no skM).
     */
    record Generated(byte[] publicKey, MlKemEngine.EncapsulationKey preparedPkM,
            Expanded expanded) {}

    /**
     * Runs expandDecapsulationKey of §5.2: SHAKE256(sk) to 96 bytes, ML-KEM-768 KeyGen_internal
     * on the first 64, and sk_X the last 32.
     */
    static Expanded expand(byte[] sk) {
        byte[] expanded = expandSeed(sk);
        byte[] seed = Arrays.copyOfRange(expanded, 0, MlKemParameterSet.SEED_LENGTH);
        try {
            MlKemEngine.DecapsulationKey skM = Engines.mlKem(ML_KEM).generateKey(seed);
            byte[] skX = Arrays.copyOfRange(expanded, MlKemParameterSet.SEED_LENGTH, 96);
            byte[] pkX = Engines.x25519().x25519Base(skX);
            return new Expanded(skM, skX, pkX);
        } finally {
            Arrays.fill(seed, (byte) 0);
            Arrays.fill(expanded, (byte) 0);
        }
    }

    /** Returns SHAKE256(sk, 96 bytes) of §5.2, which the caller zeroes. */
    static byte[] expandSeed(byte[] sk) {
        Keccak shake = Keccak.shake256();
        shake.absorb(sk, 0, sk.length);
        byte[] expanded = new byte[96];
        shake.squeeze(expanded, 0, expanded.length);
        shake.clear();
        return expanded;
    }

    /** Returns the §5.3 combiner SHA3-256(ss_M ‖ ss_X ‖ ct_X ‖ pk_X ‖ XWingLabel). */
    private static byte[] combine(byte[] ssM, byte[] ssX, byte[] ctX, byte[] pkX) {
        MessageDigest sha3;
        try {
            sha3 = MessageDigest.getInstance("SHA3-256");
        } catch (NoSuchAlgorithmException e) {
            throw new ProviderException("the JDK offers no SHA3-256", e);
        }
        sha3.update(ssM);
        sha3.update(ssX);
        sha3.update(ctX);
        sha3.update(pkX);
        sha3.update(LABEL);
        return sha3.digest();
    }

    @Override
    public EncapsulatorSpi engineNewEncapsulator(PublicKey publicKey, AlgorithmParameterSpec spec,
            SecureRandom random) throws InvalidAlgorithmParameterException, InvalidKeyException {
        KemSupport.requireNoSpec(spec, ALGORITHM);
        XWingKeys.XWingPublicKey key = XWingKeys.XWingPublicKey.from(publicKey, USAGE);
        SecureRandom source = KemSupport.orDefault(random);
        MlKemEngine.Encapsulator mlKem = key.mlKemEncapsulationKey().newEncapsulator(source);
        return new Encapsulator(mlKem, key.x25519PublicKey(), source);
    }

    @Override
    public DecapsulatorSpi engineNewDecapsulator(PrivateKey privateKey, AlgorithmParameterSpec spec)
            throws InvalidAlgorithmParameterException, InvalidKeyException {
        KemSupport.requireNoSpec(spec, ALGORITHM);
        XWingKeys.XWingPrivateKey key = XWingKeys.XWingPrivateKey.from(privateKey, USAGE);
        return new Decapsulator(key.expandedCopy());
    }

    private static final class Encapsulator implements EncapsulatorSpi {

        private final MlKemEngine.Encapsulator mlKem;
        private final byte[] pkX;
        private final SecureRandom random;

        Encapsulator(MlKemEngine.Encapsulator mlKem, byte[] pkX, SecureRandom random) {
            this.mlKem = mlKem;
            this.pkX = pkX;
            this.random = random;
        }

        /** Runs Encapsulate of §5.4. */
        @Override
        public KEM.Encapsulated engineEncapsulate(int from, int to, String algorithm) {
            KemSupport.checkSecretRange(from, to, SECRET_LENGTH, algorithm);

            // ML-KEM-768 first, because it draws m, eseed[0, 32) of §5.4.1.
            MlKemEngine.Encapsulation mlKemOutput = mlKem.encapsulate();
            byte[] ssM = mlKemOutput.sharedSecret();

            // X25519 with ek_X = eseed[32, 64): ct_X = X25519(ek_X, 9), ss_X = X25519(ek_X, pk_X).
            byte[] ekX = X25519Dh.newPrivateKey(random);
            byte[] ssX = null;
            byte[] secret = null;
            try {
                byte[] ctX = Engines.x25519().x25519Base(ekX);
                ssX = Engines.x25519().x25519(ekX, pkX);

                // ct = ct_M ‖ ct_X, ss = combiner.
                byte[] encapsulation = new byte[ENCAPSULATION_LENGTH];
                System.arraycopy(mlKemOutput.ciphertext(), 0, encapsulation, 0,
                        CIPHERTEXT_LENGTH);
                System.arraycopy(ctX, 0, encapsulation, CIPHERTEXT_LENGTH, X25519Dh.LENGTH);
                secret = combine(ssM, ssX, ctX, pkX);
                SecretKey key = KemSupport.toSecretKey(secret, from, to, algorithm);
                return new KEM.Encapsulated(key, encapsulation, null);
            } finally {
                Arrays.fill(ssM, (byte) 0);
                Arrays.fill(ekX, (byte) 0);
                if (ssX != null) {
                    Arrays.fill(ssX, (byte) 0);
                }
                if (secret != null) {
                    Arrays.fill(secret, (byte) 0);
                }
            }
        }

        @Override
        public int engineSecretSize() {
            return SECRET_LENGTH;
        }

        @Override
        public int engineEncapsulationSize() {
            return ENCAPSULATION_LENGTH;
        }
    }

    private static final class Decapsulator implements DecapsulatorSpi {

        private final Expanded key;

        Decapsulator(Expanded key) {
            this.key = key;
        }

        /** Runs Decapsulate of §5.5. */
        @Override
        public SecretKey engineDecapsulate(byte[] encapsulation, int from, int to, String algorithm)
                throws DecapsulateException {
            Objects.requireNonNull(encapsulation, "encapsulation");
            KemSupport.checkSecretRange(from, to, SECRET_LENGTH, algorithm);
            if (encapsulation.length != ENCAPSULATION_LENGTH) {
                throw new DecapsulateException("X-Wing encapsulation must be 1120 bytes"
                        + " (1088-byte ML-KEM-768 ciphertext ‖ 32-byte X25519 public key), got "
                        + encapsulation.length);
            }

            byte[] ctX = Arrays.copyOfRange(encapsulation, CIPHERTEXT_LENGTH,
                    ENCAPSULATION_LENGTH);
            byte[] ssM = key.skM().decapsulate(
                    Arrays.copyOfRange(encapsulation, 0, CIPHERTEXT_LENGTH));
            byte[] ssX = null;
            byte[] secret = null;
            try {
                ssX = Engines.x25519().x25519(key.skX(), ctX);
                secret = combine(ssM, ssX, ctX, key.pkX());
                return KemSupport.toSecretKey(secret, from, to, algorithm);
            } finally {
                Arrays.fill(ssM, (byte) 0);
                if (ssX != null) {
                    Arrays.fill(ssX, (byte) 0);
                }
                if (secret != null) {
                    Arrays.fill(secret, (byte) 0);
                }
            }
        }

        @Override
        public int engineSecretSize() {
            return SECRET_LENGTH;
        }

        @Override
        public int engineEncapsulationSize() {
            return ENCAPSULATION_LENGTH;
        }
    }

    /**
     * Runs GenerateKeyPairDerand of §5.2.1 on the seed sk, and keeps the ML-KEM-768 keys that key
     * generation prepared. The caller owns the returned expanded key. {@code sk} is not modified.
     */
    static Generated generate(byte[] sk) {
        byte[] expanded = expandSeed(sk);
        byte[] seed = Arrays.copyOfRange(expanded, 0, MlKemParameterSet.SEED_LENGTH);
        byte[] skX = Arrays.copyOfRange(expanded, MlKemParameterSet.SEED_LENGTH, 96);
        byte[] dk = null;
        try {
            MlKemEngine.GeneratedKeyPair pair =
                    Engines.mlKem(ML_KEM).generatePreparedKeyPair(seed);
            dk = pair.decapsulationKey();
            byte[] pkX = Engines.x25519().x25519Base(skX);

            // pk = pk_M ‖ pk_X.
            byte[] pk = new byte[PUBLIC_KEY_LENGTH];
            System.arraycopy(pair.encapsulationKey(), 0, pk, 0, EK_LENGTH);
            System.arraycopy(pkX, 0, pk, EK_LENGTH, X25519Dh.LENGTH);

            Expanded keys = pair.preparedDecapsulationKey() == null
                    ? null
                    : new Expanded(pair.preparedDecapsulationKey(), skX.clone(), pkX);
            return new Generated(pk, pair.preparedEncapsulationKey(), keys);
        } finally {
            Arrays.fill(expanded, (byte) 0);
            Arrays.fill(seed, (byte) 0);
            Arrays.fill(skX, (byte) 0);
            if (dk != null) {
                Arrays.fill(dk, (byte) 0);
            }
        }
    }
}
