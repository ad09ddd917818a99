package org.pqipsec.provider.kem;

import static org.pqipsec.provider.kem.X25519MlKem768Layout.ALGORITHM;
import static org.pqipsec.provider.kem.X25519MlKem768Layout.CIPHERTEXT_LENGTH;
import static org.pqipsec.provider.kem.X25519MlKem768Layout.ENCAPSULATION_LENGTH;
import static org.pqipsec.provider.kem.X25519MlKem768Layout.SECRET_LENGTH;

import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
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
 * KEM {@code X25519MLKEM768}: the hybrid of draft-ietf-tls-ecdhe-mlkem-00 §3.1, ML-KEM-768 and
 * X25519 side by side with the ML-KEM part first. {@link X25519MlKem768Layout} gives the byte
 * layout: the public key is the 1216-byte client share, the encapsulation the 1120-byte server
 * share and the secret the 64 bytes K ‖ X25519 shared secret. {@code encapsulate()} returns it as
 * a {@code "Generic"} key, as {@link KEM.Encapsulator} specifies.
 *
 * <p>Failures:
 * <ul>
 *   <li>{@code newEncapsulator}: {@link InvalidKeyException} for a key of another type or length,
 *       an ML-KEM-768 encapsulation key that fails the FIPS 203 §7.2 check (§3.1.2 of the draft
 *       requires that check), or an X25519 public key of small order (§3.1.3 requires the all-zero
 *       check). {@link InvalidAlgorithmParameterException} for any non-null parameter spec.
 *   <li>{@code newDecapsulator}: {@link InvalidKeyException} for a key of another type or length,
 *       or a destroyed one. {@link InvalidAlgorithmParameterException} as above.
 *   <li>{@code encapsulate} and {@code decapsulate}: {@link IndexOutOfBoundsException},
 *       {@link NullPointerException} and {@link UnsupportedOperationException} (for
 *       {@code from == to}) as {@link KEMSpi} specifies. {@code encapsulate} throws
 *       {@link ProviderException} if the X25519 shared secret is all zero, which the key check at
 *       {@code newEncapsulator} rules out.
 *   <li>{@code decapsulate}: {@link DecapsulateException} when the encapsulation is not 1120
 *       bytes or its X25519 part gives an all-zero shared secret.
 * </ul>
 *
 * <p>Encapsulators and decapsulators are immutable and safe for concurrent use. A decapsulator
 * keeps the expanded ML-KEM decapsulation key and a copy of the X25519 private key for its
 * lifetime.
 */
final class X25519MlKem768Kem implements KEMSpi {

    private static final String USAGE = ALGORITHM + " KEM";

    X25519MlKem768Kem() {}

    @Override
    public EncapsulatorSpi engineNewEncapsulator(PublicKey publicKey, AlgorithmParameterSpec spec,
            SecureRandom random) throws InvalidAlgorithmParameterException, InvalidKeyException {
        KemSupport.requireNoSpec(spec, ALGORITHM);
        X25519MlKem768PublicKey key = X25519MlKem768PublicKey.from(publicKey, USAGE);
        SecureRandom source = KemSupport.orDefault(random);

        MlKemEngine.Encapsulator mlKem = key.mlKemEncapsulationKey().newEncapsulator(source);

        byte[] u = key.x25519PublicKey();
        X25519Dh.checkRecipientKey(u, ALGORITHM);
        return new Encapsulator(mlKem, u, source);
    }

    @Override
    public DecapsulatorSpi engineNewDecapsulator(PrivateKey privateKey, AlgorithmParameterSpec spec)
            throws InvalidAlgorithmParameterException, InvalidKeyException {
        KemSupport.requireNoSpec(spec, ALGORITHM);
        X25519MlKem768PrivateKey key = X25519MlKem768PrivateKey.from(privateKey, USAGE);

        return new Decapsulator(key.newMlKemDecapsulationKey(), key.x25519PrivateKey());
    }

    private static final class Encapsulator implements EncapsulatorSpi {

        private final MlKemEngine.Encapsulator mlKem;
        private final byte[] u;
        private final SecureRandom random;

        Encapsulator(MlKemEngine.Encapsulator mlKem, byte[] u, SecureRandom random) {
            this.mlKem = mlKem;
            this.u = u;
            this.random = random;
        }

        @Override
        public KEM.Encapsulated engineEncapsulate(int from, int to, String algorithm) {
            KemSupport.checkSecretRange(from, to, SECRET_LENGTH, algorithm);

            byte[] encapsulation = new byte[ENCAPSULATION_LENGTH];
            byte[] secret = new byte[SECRET_LENGTH];
            try {
                // ML-KEM-768 part: c to bytes [0, 1088) of the encapsulation, K to [0, 32) of
                // the secret.
                MlKemEngine.Encapsulation mlKemOutput = mlKem.encapsulate();
                try {
                    System.arraycopy(mlKemOutput.ciphertext(), 0, encapsulation, 0,
                            CIPHERTEXT_LENGTH);
                    System.arraycopy(mlKemOutput.sharedSecret(), 0, secret, 0,
                            MlKemParameterSet.SHARED_SECRET_LENGTH);
                } finally {
                    Arrays.fill(mlKemOutput.sharedSecret(), (byte) 0);
                }

                // X25519 part: ephemeral public key to [1088, 1120), shared secret to [32, 64).
                X25519Dh.encapsulate(u, random, encapsulation, CIPHERTEXT_LENGTH, secret,
                        MlKemParameterSet.SHARED_SECRET_LENGTH);

                SecretKey key = KemSupport.toSecretKey(secret, from, to, algorithm);
                return new KEM.Encapsulated(key, encapsulation, null);
            } finally {
                Arrays.fill(secret, (byte) 0);
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

        private final MlKemEngine.DecapsulationKey mlKem;
        private final byte[] k;

        Decapsulator(MlKemEngine.DecapsulationKey mlKem, byte[] k) {
            this.mlKem = mlKem;
            this.k = k;
        }

        @Override
        public SecretKey engineDecapsulate(byte[] encapsulation, int from, int to, String algorithm)
                throws DecapsulateException {
            Objects.requireNonNull(encapsulation, "encapsulation");
            KemSupport.checkSecretRange(from, to, SECRET_LENGTH, algorithm);
            if (encapsulation.length != ENCAPSULATION_LENGTH) {
                throw new DecapsulateException("X25519MLKEM768 encapsulation must be 1120 bytes"
                        + " (1088-byte ML-KEM-768 ciphertext ‖ 32-byte X25519 public key), got "
                        + encapsulation.length);
            }

            byte[] secret = new byte[SECRET_LENGTH];
            try {
                // ML-KEM-768 part: c from bytes [0, 1088), K to [0, 32) of the secret.
                byte[] sharedSecret = mlKem.decapsulate(
                        Arrays.copyOfRange(encapsulation, 0, CIPHERTEXT_LENGTH));
                try {
                    System.arraycopy(
                            sharedSecret, 0, secret, 0, MlKemParameterSet.SHARED_SECRET_LENGTH);
                } finally {
                    Arrays.fill(sharedSecret, (byte) 0);
                }

                // X25519 part: ephemeral public key from [1088, 1120), shared secret to [32, 64).
                X25519Dh.decapsulate(k, encapsulation, CIPHERTEXT_LENGTH, secret,
                        MlKemParameterSet.SHARED_SECRET_LENGTH, ALGORITHM);

                return KemSupport.toSecretKey(secret, from, to, algorithm);
            } finally {
                Arrays.fill(secret, (byte) 0);
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
}
