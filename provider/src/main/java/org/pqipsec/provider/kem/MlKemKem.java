package org.pqipsec.provider.kem;

import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Objects;

import javax.crypto.DecapsulateException;
import javax.crypto.KEM;
import javax.crypto.KEMSpi;
import javax.crypto.SecretKey;

/**
 * KEM {@code ML-KEM-512}, {@code ML-KEM-768}, {@code ML-KEM-1024} (FIPS 203 Algorithms 20 and 21),
 * and {@code ML-KEM}, which takes the parameter set from the key.
 *
 * <p>The secret is the 32-byte shared secret K and the encapsulation is the ciphertext c (768,
 * 1088 or 1568 bytes). Keys are {@link MlKemPublicKey} and {@link MlKemPrivateKey}, or any key in
 * X.509 or PKCS#8 form with an ML-KEM algorithm identifier, or any key with format {@code "RAW"}
 * that names the parameter set. {@code encapsulate} draws the message m (32 bytes, one
 * {@code nextBytes} call) from the {@link SecureRandom} given to {@code newEncapsulator}, or from
 * a default source.
 *
 * <p>Failures:
 * <ul>
 *   <li>{@code newEncapsulator}: {@link InvalidKeyException} for a key of another type or
 *       parameter set, or one that fails the FIPS 203 §7.2 encapsulation key check.
 *       {@link InvalidAlgorithmParameterException} for any non-null parameter spec.
 *   <li>{@code newDecapsulator}: {@link InvalidKeyException} for a key of another type or
 *       parameter set, or a destroyed one. {@link InvalidAlgorithmParameterException} as above.
 *   <li>{@code encapsulate} and {@code decapsulate}: {@link IndexOutOfBoundsException},
 *       {@link NullPointerException} and {@link UnsupportedOperationException} (for
 *       {@code from == to}) as {@link KEMSpi} specifies.
 *   <li>{@code decapsulate}: {@link DecapsulateException} when the encapsulation does not have
 *       the ciphertext length. A ciphertext of the right length does not fail, because FIPS 203
 *       implicit rejection turns a bad one into an unrelated secret.
 * </ul>
 *
 * <p>Encapsulators and decapsulators are immutable and safe for concurrent use. A decapsulator
 * keeps the expanded decapsulation key for its lifetime.
 */
final class MlKemKem implements KEMSpi {

    /** The required parameter set, or null for the {@code ML-KEM} service. */
    private final MlKemParameterSet parameterSet;

    MlKemKem(MlKemParameterSet parameterSet) {
        this.parameterSet = parameterSet;
    }

    private String name() {
        return parameterSet == null ? MlKemParameterSet.FAMILY : parameterSet.algorithm();
    }

    @Override
    public EncapsulatorSpi engineNewEncapsulator(PublicKey publicKey, AlgorithmParameterSpec spec,
            SecureRandom random) throws InvalidAlgorithmParameterException, InvalidKeyException {
        KemSupport.requireNoSpec(spec, name());
        MlKemPublicKey key = MlKemPublicKey.from(publicKey, parameterSet, name() + " KEM");

        return new Encapsulator(key.parameterSet(),
                key.prepared().newEncapsulator(KemSupport.orDefault(random)));
    }

    @Override
    public DecapsulatorSpi engineNewDecapsulator(PrivateKey privateKey, AlgorithmParameterSpec spec)
            throws InvalidAlgorithmParameterException, InvalidKeyException {
        KemSupport.requireNoSpec(spec, name());
        MlKemPrivateKey key = MlKemPrivateKey.from(privateKey, parameterSet, name() + " KEM");
        return new Decapsulator(key.parameterSet(), key.newDecapsulationKey());
    }

    private static final class Encapsulator implements EncapsulatorSpi {

        private final MlKemParameterSet parameterSet;
        private final MlKemEngine.Encapsulator encapsulator;

        Encapsulator(MlKemParameterSet parameterSet, MlKemEngine.Encapsulator encapsulator) {
            this.parameterSet = parameterSet;
            this.encapsulator = encapsulator;
        }

        @Override
        public KEM.Encapsulated engineEncapsulate(int from, int to, String algorithm) {
            KemSupport.checkSecretRange(from, to, MlKemParameterSet.SHARED_SECRET_LENGTH,
                    algorithm);

            MlKemEngine.Encapsulation encapsulation = encapsulator.encapsulate();
            SecretKey key = KemSupport.toSecretKey(encapsulation.sharedSecret(), from, to,
                    algorithm);
            return new KEM.Encapsulated(key, encapsulation.ciphertext(), null);
        }

        @Override
        public int engineSecretSize() {
            return MlKemParameterSet.SHARED_SECRET_LENGTH;
        }

        @Override
        public int engineEncapsulationSize() {
            return parameterSet.ciphertextLength();
        }
    }

    private static final class Decapsulator implements DecapsulatorSpi {

        private final MlKemParameterSet parameterSet;
        private final MlKemEngine.DecapsulationKey decapsulationKey;

        Decapsulator(
                MlKemParameterSet parameterSet, MlKemEngine.DecapsulationKey decapsulationKey) {
            this.parameterSet = parameterSet;
            this.decapsulationKey = decapsulationKey;
        }

        @Override
        public SecretKey engineDecapsulate(byte[] encapsulation, int from, int to, String algorithm)
                throws DecapsulateException {
            Objects.requireNonNull(encapsulation, "encapsulation");
            KemSupport.checkSecretRange(from, to, MlKemParameterSet.SHARED_SECRET_LENGTH,
                    algorithm);
            if (encapsulation.length != parameterSet.ciphertextLength()) {
                throw new DecapsulateException(parameterSet + " encapsulation must be "
                        + parameterSet.ciphertextLength() + " bytes (ciphertext c), got "
                        + encapsulation.length);
            }

            byte[] sharedSecret = decapsulationKey.decapsulate(encapsulation);
            return KemSupport.toSecretKey(sharedSecret, from, to, algorithm);
        }

        @Override
        public int engineSecretSize() {
            return MlKemParameterSet.SHARED_SECRET_LENGTH;
        }

        @Override
        public int engineEncapsulationSize() {
            return parameterSet.ciphertextLength();
        }
    }
}
