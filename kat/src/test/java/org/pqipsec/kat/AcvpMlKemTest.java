package org.pqipsec.kat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pqipsec.kat.Vectors.hex;
import static org.pqipsec.kat.Vectors.list;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.crypto.KEM;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * NIST ACVP ML-KEM keyGen and encapDecap (FIPS203, v1.1.0.43), every group, through pqipsec's
 * public JCA API: KeyPairGenerator with a source returning d then z, KEM with a source returning
 * m, and KeyFactory with RAW seeds, expanded dk and ek. One dynamic test per tcId.
 */
class AcvpMlKemTest {

    private static final String KEY_GEN = "acvp/ML-KEM-keyGen-FIPS203/internalProjection.json";
    private static final String ENCAP_DECAP =
            "acvp/ML-KEM-encapDecap-FIPS203/internalProjection.json";

    @TestFactory
    Stream<DynamicTest> keyGen() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map<String, Object> group : list(Vectors.json(KEY_GEN), "testGroups")) {
            String set = (String) group.get("parameterSet");
            for (Map<String, Object> test : list(group, "tests")) {
                tests.add(DynamicTest.dynamicTest(set + " tcId " + test.get("tcId"), () -> {
                    KeyPair keyPair = MlKemJca.generate(set, hex(test, "d"), hex(test, "z"));

                    assertArrayEquals(hex(test, "ek"), MlKemJca.raw(keyPair.getPublic()));
                    // The generated key keeps its seed, so dk is compared through key equality
                    // with the expected dk imported in expanded form.
                    PrivateKey expected = MlKemJca.privateKey(set, hex(test, "dk"));
                    assertEquals(expected, keyPair.getPrivate(), "dk");
                }));
            }
        }
        assertEquals(75, tests.size());
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> encapDecap() {
        List<DynamicTest> tests = new ArrayList<>();
        int[] groups = new int[4];
        for (Map<String, Object> group : list(Vectors.json(ENCAP_DECAP), "testGroups")) {
            String set = (String) group.get("parameterSet");
            String function = (String) group.get("function");
            String keyFormat = (String) group.get("keyFormat");
            for (Map<String, Object> test : list(group, "tests")) {
                String name = set + " " + function + " " + keyFormat + " tcId " + test.get("tcId");
                tests.add(DynamicTest.dynamicTest(name, switch (function) {
                    case "encapsulation" -> () -> encapsulation(set, test);
                    case "decapsulation" -> () -> decapsulation(set, keyFormat, test);
                    case "decapsulationKeyCheck" -> () -> decapsulationKeyCheck(set, test);
                    case "encapsulationKeyCheck" -> () -> encapsulationKeyCheck(set, test);
                    default -> throw new IllegalArgumentException("unknown function " + function);
                }));
            }
            groups[List.of("encapsulation", "decapsulation", "decapsulationKeyCheck",
                    "encapsulationKeyCheck").indexOf(function)]++;
        }
        assertArrayEquals(new int[] {3, 6, 3, 3}, groups, "groups per function");
        return tests.stream();
    }

    private static void encapsulation(String set, Map<String, Object> test) throws Exception {
        KEM.Encapsulated encapsulated =
                MlKemJca.encapsulate(set, MlKemJca.publicKey(set, hex(test, "ek")), hex(test, "m"));

        assertArrayEquals(hex(test, "c"), encapsulated.encapsulation(), "c");
        assertArrayEquals(hex(test, "k"), encapsulated.key().getEncoded(), "k");
    }

    private static void decapsulation(String set, String keyFormat, Map<String, Object> test)
            throws Exception {
        PrivateKey privateKey = switch (keyFormat) {
            case "seed" -> MlKemJca.privateKey(set, Vectors.concat(hex(test, "d"), hex(test, "z")));
            case "expanded" -> MlKemJca.privateKey(set, hex(test, "dk"));
            default -> throw new IllegalArgumentException("unknown keyFormat " + keyFormat);
        };

        assertArrayEquals(hex(test, "k"), MlKemJca.decapsulate(set, privateKey, hex(test, "c")));
    }

    private static void decapsulationKeyCheck(String set, Map<String, Object> test)
            throws Exception {
        byte[] dk = hex(test, "dk");
        if ((Boolean) test.get("testPassed")) {
            MlKemJca.privateKey(set, dk);
        } else {
            InvalidKeySpecException e = assertThrows(InvalidKeySpecException.class,
                    () -> MlKemJca.privateKey(set, dk));
            assertTrue(e.getMessage().contains("FIPS 203 §7.3"), e.getMessage());
        }
    }

    private static void encapsulationKeyCheck(String set, Map<String, Object> test)
            throws Exception {
        byte[] ek = hex(test, "ek");
        if ((Boolean) test.get("testPassed")) {
            MlKemJca.publicKey(set, ek);
        } else {
            // These invalid keys are 416 bytes too long, so the length check rejects them.
            InvalidKeySpecException e = assertThrows(InvalidKeySpecException.class,
                    () -> MlKemJca.publicKey(set, ek));
            assertTrue(e.getMessage().contains("FIPS 203 §7.2"), e.getMessage());
        }
    }
}
