package org.pqipsec.kat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pqipsec.kat.Vectors.hex;
import static org.pqipsec.kat.Vectors.list;

import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.crypto.DecapsulateException;
import javax.crypto.KEM;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Wycheproof ML-KEM vectors for all three parameter sets: {@code mlkem_*_test} (seed, c, K),
 * {@code *_encaps_test} (ek, m, c, K, with ModulusOverflow keys), {@code *_keygen_seed_test}
 * (seed, ek, dk) and {@code *_semi_expanded_decaps_test} (dk, c, K). Valid cases must give the
 * listed outputs. Invalid cases must fail with the JCA exception the API defines for them. The
 * files have no "acceptable" results, and any other result value fails the test.
 */
class WycheproofMlKemTest {

    private static final String[] SETS = {"512", "768", "1024"};

    @TestFactory
    Stream<DynamicTest> decapsulation() {
        return cases("test", (set, test, valid) -> {
            byte[] seed = hex(test, "seed");
            byte[] c = hex(test, "c");
            if (!valid && seed.length != 64) {
                InvalidKeySpecException e = assertThrows(InvalidKeySpecException.class,
                        () -> MlKemJca.privateKey(set, seed));
                assertTrue(e.getMessage().contains("must be 64 bytes"), e.getMessage());
                return;
            }
            KeyPair keyPair = MlKemJca.generate(set, Arrays.copyOf(seed, 32),
                    Arrays.copyOfRange(seed, 32, 64));
            assertArrayEquals(hex(test, "ek"), MlKemJca.raw(keyPair.getPublic()), "ek");
            KEM.Decapsulator decapsulator = KEM.getInstance(set, Vectors.PQIPSEC)
                    .newDecapsulator(keyPair.getPrivate());
            if (valid) {
                assertArrayEquals(hex(test, "K"), decapsulator.decapsulate(c).getEncoded());
            } else {
                assertEquals(false, c.length == decapsulator.encapsulationSize(),
                        "an invalid case here must have a wrong ciphertext length");
                assertThrows(DecapsulateException.class, () -> decapsulator.decapsulate(c));
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> encapsulation() {
        return cases("encaps_test", (set, test, valid) -> {
            byte[] ek = hex(test, "ek");
            if (valid) {
                KEM.Encapsulated encapsulated =
                        MlKemJca.encapsulate(set, MlKemJca.publicKey(set, ek), hex(test, "m"));
                assertArrayEquals(hex(test, "c"), encapsulated.encapsulation(), "c");
                assertArrayEquals(hex(test, "K"), encapsulated.key().getEncoded(), "K");
                return;
            }
            InvalidKeySpecException atImport = assertThrows(InvalidKeySpecException.class,
                    () -> MlKemJca.publicKey(set, ek));
            // The same key handed straight to the KEM, as a foreign RAW key.
            PublicKey foreign = new ForeignKey(set, ek);
            InvalidKeyException atEncapsulation = assertThrows(InvalidKeyException.class,
                    () -> KEM.getInstance(set, Vectors.PQIPSEC).newEncapsulator(foreign));
            String check = ek.length == expectedEkLength(set) ? "modulus check" : "length check";
            assertTrue(atImport.getMessage().contains("FIPS 203 §7.2 " + check),
                    atImport.getMessage());
            assertTrue(atEncapsulation.getMessage().contains("FIPS 203 §7.2 " + check),
                    atEncapsulation.getMessage());
        });
    }

    @TestFactory
    Stream<DynamicTest> keyGenerationFromSeed() {
        return cases("keygen_seed_test", (set, test, valid) -> {
            assertTrue(valid, "keygen_seed files hold only valid cases");
            byte[] seed = hex(test, "seed");
            KeyPair keyPair = MlKemJca.generate(set, Arrays.copyOf(seed, 32),
                    Arrays.copyOfRange(seed, 32, 64));

            assertArrayEquals(hex(test, "ek"), MlKemJca.raw(keyPair.getPublic()), "ek");
            assertEquals(MlKemJca.privateKey(set, hex(test, "dk")), keyPair.getPrivate(), "dk");
            assertArrayEquals(seed, MlKemJca.raw(keyPair.getPrivate()), "seed");
        });
    }

    @TestFactory
    Stream<DynamicTest> semiExpandedDecapsulation() {
        return cases("semi_expanded_decaps_test", (set, test, valid) -> {
            byte[] dk = hex(test, "dk");
            byte[] c = hex(test, "c");
            List<?> flags = (List<?>) test.get("flags");
            if (flags.contains("IncorrectDecapsulationKeyLength")
                    || flags.contains("InvalidDecapsulationKey")) {
                assertTrue(!valid);
                InvalidKeySpecException e = assertThrows(InvalidKeySpecException.class,
                        () -> MlKemJca.privateKey(set, dk));
                assertTrue(e.getMessage().contains("FIPS 203 §7.3")
                        || e.getMessage().contains("bytes (RAW expanded dk)"), e.getMessage());
                return;
            }
            PrivateKey privateKey = MlKemJca.privateKey(set, dk);
            if (valid) {
                assertArrayEquals(hex(test, "K"), MlKemJca.decapsulate(set, privateKey, c));
            } else {
                assertTrue(flags.contains("IncorrectCiphertextLength"), flags.toString());
                DecapsulateException e = assertThrows(DecapsulateException.class,
                        () -> MlKemJca.decapsulate(set, privateKey, c));
                assertTrue(e.getMessage().contains("encapsulation must be"), e.getMessage());
            }
        });
    }

    @FunctionalInterface
    private interface Case {
        void run(String set, Map<String, Object> test, boolean valid) throws Exception;
    }

    private static Stream<DynamicTest> cases(String kind, Case body) {
        List<DynamicTest> tests = new ArrayList<>();
        for (String size : SETS) {
            Map<String, Object> file = Vectors.json("wycheproof/mlkem_" + size + "_" + kind + ".json");
            int declared = ((Long) file.get("numberOfTests")).intValue();
            int count = 0;
            for (Map<String, Object> group : list(file, "testGroups")) {
                String set = (String) group.get("parameterSet");
                for (Map<String, Object> test : list(group, "tests")) {
                    count++;
                    String result = (String) test.get("result");
                    tests.add(DynamicTest.dynamicTest(set + " " + kind + " tcId " + test.get("tcId")
                            + " " + result, () -> {
                                if (!result.equals("valid") && !result.equals("invalid")) {
                                    throw new AssertionError("unexpected result " + result);
                                }
                                body.run(set, test, result.equals("valid"));
                            }));
                }
            }
            assertEquals(declared, count, "numberOfTests of mlkem_" + size + "_" + kind);
        }
        return tests.stream();
    }

    private static int expectedEkLength(String set) {
        return switch (set) {
            case "ML-KEM-512" -> 800;
            case "ML-KEM-768" -> 1184;
            default -> 1568;
        };
    }

    /** A public key from another provider in RAW form, named by its parameter set. */
    private record ForeignKey(String algorithm, byte[] encoded) implements PublicKey {

        @Override
        public String getAlgorithm() {
            return algorithm;
        }

        @Override
        public String getFormat() {
            return "RAW";
        }

        @Override
        public byte[] getEncoded() {
            return encoded.clone();
        }
    }
}
