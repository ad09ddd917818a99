package org.pqipsec.provider.kem;

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
 * KEM {@code X25519}: X25519 Diffie-Hellman used as a KEM (RFC 7748 §6.1), as IKEv2 group 31
 * (RFC 8031) carries it and as X25519MLKEM768 uses it inside.
 *
 * <p>The encapsulation is the sender's 32-byte ephemeral public key (an RFC 7748 §5
 * u-coordinate, little-endian) and the secret is the 32-byte X25519 shared secret. Keys are
 * {@link java.security.interfaces.XECPublicKey} and {@link java.security.interfaces.XECPrivateKey}
 * with the X25519 parameters: this provider's {@link X25519PublicKey} and
 * {@link X25519PrivateKey}, or those of another provider (SunEC, BouncyCastle), which are
 * translated as {@link X25519Keys} describes.
 *
 * <p>Failures:
 * <ul>
 *   <li>{@code newEncapsulator}: {@link InvalidKeyException} when the key is not an X25519
 *       public key, or when it is a point of small order (every shared secret with it would be all
 *       zero). {@link InvalidAlgorithmParameterException} for any non-null parameter spec.
 *   <li>{@code newDecapsulator}: {@link InvalidKeyException} when the key is not an X25519 private
 *       key, is destroyed or hides its scalar. {@link InvalidAlgorithmParameterException} as above.
 *   <li>{@code encapsulate}: {@link IndexOutOfBoundsException}, {@link NullPointerException} and
 *       {@link UnsupportedOperationException} (for {@code from == to}) as {@link KEMSpi} specifies;
 *       {@link ProviderException} if the shared secret is all zero, which the key check at
 *       {@code newEncapsulator} rules out.
 *   <li>{@code decapsulate}: the same argument exceptions, and {@link DecapsulateException} when
 *       the encapsulation is not 32 bytes or is a point of small order.
 * </ul>
 *
 * <p>Encapsulators and decapsulators are immutable and safe for concurrent use. A decapsulator
 * keeps a copy of the private scalar for its lifetime.
 */
final class X25519Kem implements KEMSpi {

    static final String ALGORITHM = "X25519";

    X25519Kem() {}

    @Override
    public EncapsulatorSpi engineNewEncapsulator(PublicKey publicKey, AlgorithmParameterSpec spec,
            SecureRandom random) throws InvalidAlgorithmParameterException, InvalidKeyException {
        KemSupport.requireNoSpec(spec, ALGORITHM);
        byte[] u = X25519Keys.toPublicKey(publicKey, "X25519 KEM").rawU();
        X25519Dh.checkRecipientKey(u, ALGORITHM);
        return new Encapsulator(u, KemSupport.orDefault(random));
    }

    @Override
    public DecapsulatorSpi engineNewDecapsulator(PrivateKey privateKey, AlgorithmParameterSpec spec)
            throws InvalidAlgorithmParameterException, InvalidKeyException {
        KemSupport.requireNoSpec(spec, ALGORITHM);
        X25519PrivateKey key = X25519Keys.toPrivateKey(privateKey, "X25519 KEM");
        try {
            return new Decapsulator(key.scalar());
        } catch (IllegalStateException destroyed) {
            throw new InvalidKeyException("X25519 KEM: the X25519 private key is destroyed",
                    destroyed);
        } finally {
            if (key != privateKey) {
                key.destroy();
            }
        }
    }

    private static final class Encapsulator implements EncapsulatorSpi {

        private final byte[] u;
        private final SecureRandom random;

        Encapsulator(byte[] u, SecureRandom random) {
            this.u = u;
            this.random = random;
        }

        @Override
        public KEM.Encapsulated engineEncapsulate(int from, int to, String algorithm) {
            KemSupport.checkSecretRange(from, to, X25519Dh.LENGTH, algorithm);

            byte[] encapsulation = new byte[X25519Dh.LENGTH];
            byte[] secret = new byte[X25519Dh.LENGTH];
            try {
                X25519Dh.encapsulate(u, random, encapsulation, 0, secret, 0);
                SecretKey key = KemSupport.toSecretKey(secret, from, to, algorithm);
                return new KEM.Encapsulated(key, encapsulation, null);
            } finally {
                Arrays.fill(secret, (byte) 0);
            }
        }

        @Override
        public int engineSecretSize() {
            return X25519Dh.LENGTH;
        }

        @Override
        public int engineEncapsulationSize() {
            return X25519Dh.LENGTH;
        }
    }

    private static final class Decapsulator implements DecapsulatorSpi {

        private final byte[] k;

        Decapsulator(byte[] k) {
            this.k = k;
        }

        @Override
        public SecretKey engineDecapsulate(byte[] encapsulation, int from, int to, String algorithm)
                throws DecapsulateException {
            Objects.requireNonNull(encapsulation, "encapsulation");
            KemSupport.checkSecretRange(from, to, X25519Dh.LENGTH, algorithm);
            if (encapsulation.length != X25519Dh.LENGTH) {
                throw new DecapsulateException("X25519 encapsulation must be 32 bytes (an ephemeral"
                        + " public key), got " + encapsulation.length);
            }

            byte[] secret = new byte[X25519Dh.LENGTH];
            try {
                X25519Dh.decapsulate(k, encapsulation, 0, secret, 0, ALGORITHM);
                return KemSupport.toSecretKey(secret, from, to, algorithm);
            } finally {
                Arrays.fill(secret, (byte) 0);
            }
        }

        @Override
        public int engineSecretSize() {
            return X25519Dh.LENGTH;
        }

        @Override
        public int engineEncapsulationSize() {
            return X25519Dh.LENGTH;
        }
    }
}
