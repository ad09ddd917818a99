package org.pqipsec.kat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.NamedParameterSpec;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.crypto.KEM;
import javax.crypto.SecretKey;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * X-Wing on the test vectors of draft-connolly-cfrg-xwing-kem (spec/test-vectors.json), all
 * through the JCA: key generation and encapsulation read the vector's seed and eseed from a fixed
 * SecureRandom, so they run GenerateKeyPairDerand and EncapsulateDerand of §5.2.1 and §5.4.1.
 */
class XWingVectorTest {

    private static final String NAME = "X-Wing";

    @SuppressWarnings("unchecked")
    static Stream<Map<String, Object>> vectors() {
        String text = new String(Vectors.resource("xwing/test-vectors.json"),
                StandardCharsets.UTF_8);
        List<Map<String, Object>> list = (List<Map<String, Object>>) Json.parse(text);
        assertEquals(3, list.size(), "vector count");
        return list.stream();
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void keyGenerationMatches(Map<String, Object> vector) throws Exception {
        Vectors.FixedRandom random = Vectors.fixedRandom(Vectors.hex(vector, "seed"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance(NAME, Vectors.PQIPSEC);
        generator.initialize(new NamedParameterSpec(NAME), random);
        KeyPair keyPair = generator.generateKeyPair();

        assertEquals(0, random.remaining(), "key generation must draw exactly the seed");
        assertEquals(hex(vector, "sk"), hex(keyPair.getPrivate().getEncoded()));
        assertEquals(hex(vector, "pk"), hex(keyPair.getPublic().getEncoded()));
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void encapsulationMatches(Map<String, Object> vector) throws Exception {
        Vectors.FixedRandom random = Vectors.fixedRandom(Vectors.hex(vector, "eseed"));
        KEM.Encapsulated encapsulated = KEM.getInstance(NAME, Vectors.PQIPSEC)
                .newEncapsulator(publicKey(vector), random).encapsulate();

        assertEquals(0, random.remaining(), "encapsulation must draw exactly eseed");
        assertEquals(hex(vector, "ct"), hex(encapsulated.encapsulation()));
        assertEquals(hex(vector, "ss"), hex(encapsulated.key().getEncoded()));
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void decapsulationMatches(Map<String, Object> vector) throws Exception {
        PrivateKey privateKey = java.security.KeyFactory.getInstance(NAME, Vectors.PQIPSEC)
                .generatePrivate(new RawSpec(Vectors.hex(vector, "sk")));
        SecretKey secret = KEM.getInstance(NAME, Vectors.PQIPSEC).newDecapsulator(privateKey)
                .decapsulate(Vectors.hex(vector, "ct"));

        assertEquals(hex(vector, "ss"), hex(secret.getEncoded()));
    }

    private static java.security.PublicKey publicKey(Map<String, Object> vector)
            throws Exception {
        return java.security.KeyFactory.getInstance(NAME, Vectors.PQIPSEC)
                .generatePublic(new RawSpec(Vectors.hex(vector, "pk")));
    }

    private static String hex(Map<String, Object> vector, String key) {
        return HexFormat.of().formatHex(Vectors.hex(vector, key));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
