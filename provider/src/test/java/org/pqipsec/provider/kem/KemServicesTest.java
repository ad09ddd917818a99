package org.pqipsec.provider.kem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.pqipsec.provider.kem.KemTestSupport.PROVIDER;

import java.security.InvalidParameterException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;

import javax.crypto.KEM;
import javax.crypto.KeyAgreement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KemServicesTest {

    @ParameterizedTest
    @CsvSource({
        "X25519, X25519Kem, X25519KeyPairGenerator, X25519KeyFactory",
        "ML-KEM, MlKemKem, MlKemKeyPairGenerator, MlKemKeyFactory",
        "ML-KEM-512, MlKemKem, MlKemKeyPairGenerator, MlKemKeyFactory",
        "ML-KEM-768, MlKemKem, MlKemKeyPairGenerator, MlKemKeyFactory",
        "ML-KEM-1024, MlKemKem, MlKemKeyPairGenerator, MlKemKeyFactory",
        "X25519MLKEM768, X25519MlKem768Kem, X25519MlKem768KeyPairGenerator,"
                + " X25519MlKem768KeyFactory"
    })
    void servicesRegistered(String algorithm, String kem, String keyPairGenerator,
            String keyFactory) throws Exception {
        String prefix = "org.pqipsec.provider.kem.";

        assertEquals(prefix + kem, PROVIDER.getService("KEM", algorithm).getClassName());
        assertEquals(prefix + keyPairGenerator,
                PROVIDER.getService("KeyPairGenerator", algorithm).getClassName());
        assertEquals(prefix + keyFactory,
                PROVIDER.getService("KeyFactory", algorithm).getClassName());

        KeyPair keyPair = KeyPairGenerator.getInstance(algorithm, PROVIDER).generateKeyPair();
        KEM.Encapsulator encapsulator =
                KEM.getInstance(algorithm, PROVIDER).newEncapsulator(keyPair.getPublic());
        assertEquals("PQIPsec", encapsulator.providerName());
        KeyFactory keyFactoryInstance = KeyFactory.getInstance(algorithm, PROVIDER);
        assertEquals("PQIPsec", keyFactoryInstance.getProvider().getName());
    }

    @ParameterizedTest
    @CsvSource({"KEM, X25519MLKEM768", "KeyFactory, ML-KEM-768", "KeyPairGenerator, X25519",
        "KeyAgreement, X25519"})
    void constructorParameterRejected(String type, String algorithm) {
        Provider.Service service = PROVIDER.getService(type, algorithm);

        assertThrows(InvalidParameterException.class, () -> service.newInstance("unexpected"));
    }

    @Test
    void keyAgreementRegistered() throws Exception {
        assertEquals("org.pqipsec.provider.kem.X25519KeyAgreement",
                PROVIDER.getService("KeyAgreement", "X25519").getClassName());
        assertEquals("PQIPsec",
                KeyAgreement.getInstance("X25519", PROVIDER).getProvider().getName());
    }
}
