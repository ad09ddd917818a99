package org.pqipsec.kat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.spec.EncodedKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

import javax.crypto.KEM;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ML-KEM keys moving between pqipsec, SunJCE (JDK 25) and BouncyCastle as X.509, PKCS#8 and RAW
 * encodings, each move checked by a KEM round trip across the two providers.
 */
class MlKemKeyInteropTest {

    private static final Provider BC = new BouncyCastleProvider();

    @ParameterizedTest
    @ValueSource(strings = {"ML-KEM-512", "ML-KEM-768", "ML-KEM-1024"})
    void publicKeysBothWays(String set) throws Exception {
        KeyPair ours = KeyPairGenerator.getInstance(set, Vectors.PQIPSEC).generateKeyPair();
        for (Provider other : new Provider[] {java.security.Security.getProvider("SunJCE"), BC}) {
            // Ours to theirs (X.509), their encapsulation, our decapsulation.
            PublicKey theirView = KeyFactory.getInstance("ML-KEM", other)
                    .generatePublic(new X509EncodedKeySpec(ours.getPublic().getEncoded()));
            KEM.Encapsulated encapsulated =
                    KEM.getInstance("ML-KEM", other).newEncapsulator(theirView).encapsulate();
            assertArrayEquals(encapsulated.key().getEncoded(), MlKemJca.decapsulate(set,
                    ours.getPrivate(), encapsulated.encapsulation()), other.getName());

            // Theirs to ours (X.509 and the key object itself), our encapsulation.
            KeyPair theirs = KeyPairGenerator.getInstance(set, other).generateKeyPair();
            PublicKey ourView = KeyFactory.getInstance("ML-KEM", Vectors.PQIPSEC)
                    .generatePublic(new X509EncodedKeySpec(theirs.getPublic().getEncoded()));
            assertArrayEquals(theirs.getPublic().getEncoded(), ourView.getEncoded());
            KEM.Encapsulated toThem = KEM.getInstance("ML-KEM", Vectors.PQIPSEC)
                    .newEncapsulator(theirs.getPublic()).encapsulate();
            assertArrayEquals(toThem.key().getEncoded(), KEM.getInstance("ML-KEM", other)
                    .newDecapsulator(theirs.getPrivate()).decapsulate(toThem.encapsulation())
                    .getEncoded(), other.getName());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ML-KEM-512", "ML-KEM-768", "ML-KEM-1024"})
    void sunJcePrivateKeysBothWays(String set) throws Exception {
        Provider sun = java.security.Security.getProvider("SunJCE");
        KeyPair theirs = KeyPairGenerator.getInstance(set, sun).generateKeyPair();
        KeyFactory ourFactory = KeyFactory.getInstance("ML-KEM", Vectors.PQIPSEC);

        // SunJCE writes the expandedKey form; a key without its seed writes that form back.
        PrivateKey fromPkcs8 = ourFactory.generatePrivate(
                new PKCS8EncodedKeySpec(theirs.getPrivate().getEncoded()));
        assertArrayEquals(theirs.getPrivate().getEncoded(), fromPkcs8.getEncoded());
        EncodedKeySpec sunRaw = KeyFactory.getInstance("ML-KEM", sun)
                .getKeySpec(theirs.getPrivate(), EncodedKeySpec.class);
        PrivateKey fromRaw = ourFactory.generatePrivate(new RawSpec(sunRaw.getEncoded()));
        assertEquals(fromPkcs8, fromRaw);

        KEM.Encapsulated encapsulated =
                KEM.getInstance("ML-KEM", sun).newEncapsulator(theirs.getPublic()).encapsulate();
        assertArrayEquals(encapsulated.key().getEncoded(),
                MlKemJca.decapsulate(set, fromPkcs8, encapsulated.encapsulation()));

        PrivateKey back = KeyFactory.getInstance("ML-KEM", sun)
                .generatePrivate(new PKCS8EncodedKeySpec(fromRaw.getEncoded()));
        assertArrayEquals(encapsulated.key().getEncoded(), KEM.getInstance("ML-KEM", sun)
                .newDecapsulator(back).decapsulate(encapsulated.encapsulation()).getEncoded());
        // NOTE: SunJCE of JDK 25 reads only the expandedKey form, so a pqipsec key that keeps
        // its seed (written in the seed form) cannot move to SunJCE as PKCS#8.
    }

    @ParameterizedTest
    @ValueSource(strings = {"ML-KEM-512", "ML-KEM-768", "ML-KEM-1024"})
    void bouncyCastlePrivateKeysBothWays(String set) throws Exception {
        KeyPair ours = KeyPairGenerator.getInstance(set, Vectors.PQIPSEC).generateKeyPair();
        KeyPair theirs = KeyPairGenerator.getInstance(set, BC).generateKeyPair();

        // Ours (seed form) to BouncyCastle.
        PrivateKey inBc = KeyFactory.getInstance("ML-KEM", BC)
                .generatePrivate(new PKCS8EncodedKeySpec(ours.getPrivate().getEncoded()));
        KEM.Encapsulated toOurs = KEM.getInstance("ML-KEM", Vectors.PQIPSEC)
                .newEncapsulator(ours.getPublic()).encapsulate();
        assertArrayEquals(toOurs.key().getEncoded(), KEM.getInstance("ML-KEM", BC)
                .newDecapsulator(inBc).decapsulate(toOurs.encapsulation()).getEncoded());

        // BouncyCastle's default (both form) to ours, which keeps the seed.
        PrivateKey inOurs = KeyFactory.getInstance("ML-KEM", Vectors.PQIPSEC)
                .generatePrivate(new PKCS8EncodedKeySpec(theirs.getPrivate().getEncoded()));
        assertEquals(64, MlKemJca.raw(inOurs).length);
        KEM.Encapsulated toTheirs = KEM.getInstance("ML-KEM", BC)
                .newEncapsulator(theirs.getPublic()).encapsulate();
        assertArrayEquals(toTheirs.key().getEncoded(),
                MlKemJca.decapsulate(set, inOurs, toTheirs.encapsulation()));
    }
}
