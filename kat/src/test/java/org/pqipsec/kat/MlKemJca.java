package org.pqipsec.kat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.EncodedKeySpec;

import javax.crypto.KEM;

/**
 * The ML-KEM operations the suites run, all through pqipsec's public JCA services: key
 * generation from a fixed d and z, encapsulation with a fixed m, RAW key import and export.
 */
final class MlKemJca {

    private MlKemJca() {}

    /** Runs KeyPairGenerator {@code set} on a source that returns d, then z. */
    static KeyPair generate(String set, byte[] d, byte[] z) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(set, Vectors.PQIPSEC);
        Vectors.FixedRandom random = Vectors.fixedRandom(Vectors.concat(d, z));
        generator.initialize(new java.security.spec.NamedParameterSpec(set), random);
        KeyPair keyPair = generator.generateKeyPair();
        assertEquals(0, random.remaining(), "key generation must draw exactly d and z");
        return keyPair;
    }

    /** Returns the RAW encoding of a key through KeyFactory {@code ML-KEM}. */
    static byte[] raw(Key key) throws GeneralSecurityException {
        return KeyFactory.getInstance("ML-KEM", Vectors.PQIPSEC)
                .getKeySpec(key, EncodedKeySpec.class).getEncoded();
    }

    static PublicKey publicKey(String set, byte[] ek) throws GeneralSecurityException {
        return KeyFactory.getInstance(set, Vectors.PQIPSEC).generatePublic(new RawSpec(ek));
    }

    /** Imports a RAW private key: the 64-byte seed d ‖ z or the expanded dk. */
    static PrivateKey privateKey(String set, byte[] encoded) throws GeneralSecurityException {
        return KeyFactory.getInstance(set, Vectors.PQIPSEC).generatePrivate(new RawSpec(encoded));
    }

    /** Encapsulates to {@code publicKey} with a source that returns m. */
    static KEM.Encapsulated encapsulate(String set, PublicKey publicKey, byte[] m)
            throws GeneralSecurityException {
        Vectors.FixedRandom random = Vectors.fixedRandom(m);
        KEM.Encapsulated encapsulated = KEM.getInstance(set, Vectors.PQIPSEC)
                .newEncapsulator(publicKey, random).encapsulate();
        assertEquals(0, random.remaining(), "encapsulation must draw exactly m");
        return encapsulated;
    }

    static byte[] decapsulate(String set, PrivateKey privateKey, byte[] c)
            throws GeneralSecurityException {
        return KEM.getInstance(set, Vectors.PQIPSEC).newDecapsulator(privateKey)
                .decapsulate(c).getEncoded();
    }
}
