package org.pqipsec.provider.kem;

import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.ProviderException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
import java.util.Objects;

import javax.crypto.DecapsulateException;
import javax.crypto.KEM;
import javax.crypto.KEMSpi;
import javax.crypto.SecretKey;

/**
 * KEM {@code SecP256r1MLKEM768} and {@code SecP384r1MLKEM1024}: the ECDHE-MLKEM hybrids of
 * draft-ietf-tls-ecdhe-mlkem-01 §3.1, ECDH on P-256 or P-384 and ML-KEM-768 or ML-KEM-1024
 * side by side with the ECDH part first. {@link EcdhMlKemParameters} gives the byte layout. The
 * ECDH arithmetic is SunEC's ({@link EcdhSunEc}).
 *
 * <p>Failures:
 * <ul>
 *   <li>{@code newEncapsulator}: {@link InvalidKeyException} for a key of another type or
 *       length, an ECDH point that is not an uncompressed point on the curve, or an ML-KEM
 *       encapsulation key that fails the FIPS 203 §7.2 check.
 *       {@link InvalidAlgorithmParameterException} for any non-null parameter spec.
 *   <li>{@code newDecapsulator}: {@link InvalidKeyException} for a key of another type or
 *       length, a scalar outside [1, n - 1], or a destroyed key.
 *   <li>{@code decapsulate}: {@link DecapsulateException} when the encapsulation has the wrong
 *       length or its ECDH part is not an uncompressed point on the curve.
 *   <li>{@code encapsulate} and {@code decapsulate}: the range exceptions that {@link KEMSpi}
 *       specifies.
 * </ul>
 *
 * <p>{@code encapsulate} draws the ephemeral ECDH scalar first (through SunEC's EC
 * {@code KeyPairGenerator}) and the ML-KEM message m second, from the same source.
 *
 * <p>The key objects keep their checked and prepared parts, so only the first encapsulator or
 * decapsulator for a key object checks the point or scalar and prepares the ML-KEM key. A
 * decapsulator keeps its own copy of the ML-KEM decapsulation key, which outlives the private
 * key's {@code destroy()}, and shares the private key's SunEC key.
 */
final class EcdhMlKemKem implements KEMSpi {

    private final EcdhMlKemParameters parameters;
    private final EcdhSunEc ecdh;
    private final String usage;

    EcdhMlKemKem(EcdhMlKemParameters parameters) {
        this.parameters = parameters;
        this.ecdh = new EcdhSunEc(parameters);
        this.usage = parameters.algorithm() + " KEM";
    }

    @Override
    public EncapsulatorSpi engineNewEncapsulator(PublicKey publicKey, AlgorithmParameterSpec spec,
            SecureRandom random) throws InvalidAlgorithmParameterException, InvalidKeyException {
        KemSupport.requireNoSpec(spec, parameters.algorithm());
        EcdhMlKemPublicKey key = EcdhMlKemPublicKey.from(parameters, publicKey, usage);
        SecureRandom source = KemSupport.orDefault(random);

        ECPublicKey peer = key.ecdhPublicKey(ecdh);
        MlKemEngine.Encapsulator mlKem = key.mlKemEncapsulationKey().newEncapsulator(source);
        return new Encapsulator(parameters, ecdh, peer, mlKem, source);
    }

    @Override
    public DecapsulatorSpi engineNewDecapsulator(PrivateKey privateKey, AlgorithmParameterSpec spec)
            throws InvalidAlgorithmParameterException, InvalidKeyException {
        KemSupport.requireNoSpec(spec, parameters.algorithm());
        EcdhMlKemPrivateKey key = EcdhMlKemPrivateKey.from(parameters, privateKey, usage);

        EcdhMlKemPrivateKey.DecapsulationParts parts = key.decapsulationParts(ecdh);
        return new Decapsulator(parameters, ecdh, parts.ecdhKey(), parts.mlKem());
    }

    private record Encapsulator(EcdhMlKemParameters parameters, EcdhSunEc ecdh, ECPublicKey peer,
            MlKemEngine.Encapsulator mlKem, SecureRandom random) implements EncapsulatorSpi {

        @Override
        public KEM.Encapsulated engineEncapsulate(int from, int to, String algorithm) {
            KemSupport.checkSecretRange(from, to, parameters.secretLength(), algorithm);
            int pointLength = parameters.pointLength();
            int fieldLength = parameters.fieldLength();

            byte[] encapsulation = new byte[parameters.encapsulationLength()];
            byte[] secret = new byte[parameters.secretLength()];
            try {
                // ECDH part: ephemeral point to bytes [0, P) of the encapsulation, shared
                // secret to [0, F) of the secret.
                KeyPair ephemeral = ecdh.generateKeyPair(random);
                ecdh.writePoint((ECPublicKey) ephemeral.getPublic(), encapsulation, 0);
                try {
                    ecdh.agree((ECPrivateKey) ephemeral.getPrivate(), peer, secret, 0);
                } catch (InvalidKeyException e) {
                    throw new ProviderException(parameters.algorithm() + " ECDH failed on a"
                            + " point that passed the curve check", e);
                }

                // ML-KEM part: c to [P, P + C) of the encapsulation, K to [F, F + 32).
                MlKemEngine.Encapsulation mlKemOutput = mlKem.encapsulate();
                try {
                    System.arraycopy(mlKemOutput.ciphertext(), 0, encapsulation, pointLength,
                            parameters.mlKem().ciphertextLength());
                    System.arraycopy(mlKemOutput.sharedSecret(), 0, secret, fieldLength,
                            MlKemParameterSet.SHARED_SECRET_LENGTH);
                } finally {
                    Arrays.fill(mlKemOutput.sharedSecret(), (byte) 0);
                }

                SecretKey key = KemSupport.toSecretKey(secret, from, to, algorithm);
                return new KEM.Encapsulated(key, encapsulation, null);
            } finally {
                Arrays.fill(secret, (byte) 0);
            }
        }

        @Override
        public int engineSecretSize() {
            return parameters.secretLength();
        }

        @Override
        public int engineEncapsulationSize() {
            return parameters.encapsulationLength();
        }

        @Override
        public String toString() {
            return parameters.algorithm() + " KEM part";
        }
    }

    private record Decapsulator(EcdhMlKemParameters parameters, EcdhSunEc ecdh,
            ECPrivateKey ecdhKey, MlKemEngine.DecapsulationKey mlKem) implements DecapsulatorSpi {

        @Override
        public SecretKey engineDecapsulate(byte[] encapsulation, int from, int to, String algorithm)
                throws DecapsulateException {
            Objects.requireNonNull(encapsulation, "encapsulation");
            KemSupport.checkSecretRange(from, to, parameters.secretLength(), algorithm);
            int pointLength = parameters.pointLength();
            if (encapsulation.length != parameters.encapsulationLength()) {
                throw new DecapsulateException(parameters.algorithm() + " encapsulation must be "
                        + parameters.encapsulationLength() + " bytes (" + pointLength
                        + "-byte uncompressed ECDH point ‖ "
                        + parameters.mlKem().ciphertextLength()
                        + "-byte " + parameters.mlKem().algorithm() + " ciphertext), got "
                        + encapsulation.length);
            }
            String problem = ecdh.checkPoint(encapsulation, 0);
            if (problem != null) {
                throw new DecapsulateException(parameters.algorithm() + " encapsulation: the"
                        + " ECDH point " + problem);
            }

            byte[] secret = new byte[parameters.secretLength()];
            try {
                // ECDH part: ephemeral point from bytes [0, P), shared secret to [0, F).
                try {
                    ecdh.agree(ecdhKey, ecdh.publicKey(encapsulation, 0), secret, 0);
                } catch (InvalidKeyException e) {
                    throw new DecapsulateException(parameters.algorithm() + " encapsulation: "
                            + e.getMessage(), e);
                }

                // ML-KEM part: c from [P, P + C), K to [F, F + 32).
                byte[] sharedSecret = mlKem.decapsulate(
                        Arrays.copyOfRange(encapsulation, pointLength, encapsulation.length));
                try {
                    System.arraycopy(sharedSecret, 0, secret, parameters.fieldLength(),
                            MlKemParameterSet.SHARED_SECRET_LENGTH);
                } finally {
                    Arrays.fill(sharedSecret, (byte) 0);
                }

                return KemSupport.toSecretKey(secret, from, to, algorithm);
            } finally {
                Arrays.fill(secret, (byte) 0);
            }
        }

        @Override
        public int engineSecretSize() {
            return parameters.secretLength();
        }

        @Override
        public int engineEncapsulationSize() {
            return parameters.encapsulationLength();
        }

        @Override
        public String toString() {
            return parameters.algorithm() + " KEM part";
        }
    }
}
