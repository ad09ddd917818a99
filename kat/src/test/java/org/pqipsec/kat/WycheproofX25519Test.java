package org.pqipsec.kat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pqipsec.kat.Vectors.hex;
import static org.pqipsec.kat.Vectors.list;

import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.DecapsulateException;
import javax.crypto.KEM;
import javax.crypto.KeyAgreement;

import org.junit.jupiter.api.Test;

/**
 * Wycheproof {@code x25519_test.json} (518 cases) through the provider's KeyAgreement and KEM
 * {@code X25519}.
 *
 * <p>Every flag has an expected behaviour in {@link #FLAGS}, and a case with a flag missing from
 * that table fails. A case whose flags include a {@link Behaviour#REJECT} flag must be rejected:
 * its shared secret is all zero, which the provider refuses as RFC 8031 requires for IKEv2
 * (Wycheproof marks these {@code acceptable}). Every other case must give the listed shared
 * secret. Each test collects all failures and counts the cases per flag, then asserts once.
 */
class WycheproofX25519Test {

    /** What the provider does with a case that carries a flag. */
    private enum Behaviour {
        /** Agrees on the listed shared secret. */
        AGREE,
        /** Rejects the public key: InvalidKeyException at doPhase, also at the KEM. */
        REJECT
    }

    private static final Map<String, Behaviour> FLAGS = Map.ofEntries(
            // Ordinary inputs and known-answer vectors.
            Map.entry("Normal", Behaviour.AGREE),
            Map.entry("Ktv", Behaviour.AGREE),
            // Arithmetic edge cases: the result must be exact.
            Map.entry("EdgeCaseMultiplication", Behaviour.AGREE),
            Map.entry("EdgeCasePrivateKey", Behaviour.AGREE),
            Map.entry("EdgeCaseShared", Behaviour.AGREE),
            Map.entry("SpecialPublicKey", Behaviour.AGREE),
            // Points on the twist: RFC 7748 §5 defines X25519 on them, and it is computed.
            Map.entry("Twist", Behaviour.AGREE),
            // u in [p, 2^255) or with the top bit set: RFC 7748 §5 masks the bit and reduces u.
            Map.entry("NonCanonicalPublic", Behaviour.AGREE),
            // Points of small order, whose shared secret is all zero: rejected.
            Map.entry("LowOrderPublic", Behaviour.REJECT),
            Map.entry("SmallPublicKey", Behaviour.REJECT),
            Map.entry("ZeroSharedSecret", Behaviour.REJECT));

    private static final String AGREEMENT_SMALL_ORDER = "X25519 KeyAgreement: the public key"
            + " has small order, so the shared secret is all zero (RFC 7748 §6.1)";
    private static final String SMALL_ORDER = " contains an X25519 point of small order, which"
            + " gives an all-zero shared secret (RFC 7748 §6.1)";

    private record Case(int tcId, List<String> flags, byte[] publicKey, byte[] privateKey,
            byte[] shared, String result) {

        Behaviour expected() {
            for (String flag : flags) {
                if (!FLAGS.containsKey(flag)) {
                    throw new AssertionError("tcId " + tcId + " has flag " + flag
                            + ", which the table of expected behaviour lacks");
                }
            }
            return flags.stream().anyMatch(flag -> FLAGS.get(flag) == Behaviour.REJECT)
                    ? Behaviour.REJECT : Behaviour.AGREE;
        }
    }

    @FunctionalInterface
    private interface Check {
        /** Runs one case and returns what the provider did. */
        Behaviour run(Case test) throws Exception;
    }

    private static List<Case> cases() {
        Map<String, Object> file = Vectors.json("wycheproof/x25519_test.json");
        assertEquals("XDH", file.get("algorithm"));
        List<Case> cases = new ArrayList<>();
        for (Map<String, Object> group : list(file, "testGroups")) {
            assertEquals("curve25519", group.get("curve"));
            for (Map<String, Object> test : list(group, "tests")) {
                List<String> flags = new ArrayList<>();
                for (Object flag : (List<?>) test.get("flags")) {
                    flags.add((String) flag);
                }
                cases.add(new Case(((Long) test.get("tcId")).intValue(), flags,
                        hex(test, "public"), hex(test, "private"), hex(test, "shared"),
                        (String) test.get("result")));
            }
        }
        assertEquals(((Long) file.get("numberOfTests")).intValue(), cases.size());
        return cases;
    }

    /**
     * Runs {@code check} on every case, collects failures and counts cases per flag, and asserts
     * that every flag of the file was seen and every case behaved as its flags require.
     */
    private static void runAll(String path, Check check) {
        List<String> failures = new ArrayList<>();
        Map<String, Integer> perFlag = new TreeMap<>();
        int agreed = 0;
        int rejected = 0;
        for (Case test : cases()) {
            Behaviour expected = test.expected();
            boolean allZero = HexFormat.of().formatHex(test.shared()).equals("00".repeat(32));
            if ((expected == Behaviour.REJECT) != allZero) {
                failures.add("tcId " + test.tcId() + ": flags " + test.flags()
                        + " disagree with the all-zero shared secret check");
                continue;
            }
            if (!test.result().equals("acceptable") && !(test.result().equals("valid")
                    && expected == Behaviour.AGREE)) {
                failures.add("tcId " + test.tcId() + ": result " + test.result()
                        + " with expected behaviour " + expected);
                continue;
            }
            try {
                Behaviour actual = check.run(test);
                if (actual != expected) {
                    failures.add("tcId " + test.tcId() + " " + test.flags() + ": expected "
                            + expected + ", got " + actual);
                    continue;
                }
            } catch (Exception | AssertionError e) {
                failures.add("tcId " + test.tcId() + " " + test.flags() + ": " + e);
                continue;
            }
            if (expected == Behaviour.AGREE) {
                agreed++;
            } else {
                rejected++;
            }
            for (String flag : test.flags()) {
                perFlag.merge(flag, 1, Integer::sum);
            }
        }

        assertEquals(List.of(), failures, path);
        assertEquals(FLAGS.keySet(), perFlag.keySet(), path + ": flags seen " + perFlag);
        for (Map.Entry<String, Integer> entry : perFlag.entrySet()) {
            assertTrue(entry.getValue() > 0, path + ": no case with flag " + entry.getKey());
        }
        assertEquals(487, agreed, path + ": agreed cases");
        assertEquals(31, rejected, path + ": rejected cases");
        assertEquals(31, perFlag.get("ZeroSharedSecret"), path);
    }

    private static PublicKey rawPublicKey(byte[] u) throws Exception {
        return KeyFactory.getInstance("X25519", Vectors.PQIPSEC).generatePublic(new RawSpec(u));
    }

    private static PrivateKey rawPrivateKey(byte[] k) throws Exception {
        return KeyFactory.getInstance("X25519", Vectors.PQIPSEC).generatePrivate(new RawSpec(k));
    }

    private static Behaviour agree(PrivateKey privateKey, PublicKey publicKey, byte[] expected)
            throws Exception {
        KeyAgreement agreement = KeyAgreement.getInstance("X25519", Vectors.PQIPSEC);
        agreement.init(privateKey);
        try {
            agreement.doPhase(publicKey, true);
        } catch (InvalidKeyException e) {
            assertEquals(AGREEMENT_SMALL_ORDER, e.getMessage());
            return Behaviour.REJECT;
        }
        assertEquals(HexFormat.of().formatHex(expected),
                HexFormat.of().formatHex(agreement.generateSecret()));
        return Behaviour.AGREE;
    }

    @Test
    void keyAgreementRawKeys() {
        runAll("KeyAgreement, RAW keys", test -> agree(rawPrivateKey(test.privateKey()),
                rawPublicKey(test.publicKey()), test.shared()));
    }

    @Test
    void keyAgreementEncodedKeys() {
        KeyFactory[] keyFactory = new KeyFactory[1];
        runAll("KeyAgreement, X.509 and PKCS#8 keys", test -> {
            if (keyFactory[0] == null) {
                keyFactory[0] = KeyFactory.getInstance("X25519", Vectors.PQIPSEC);
            }
            byte[] spki = Vectors.concat(HexFormat.of().parseHex("302a300506032b656e032100"),
                    test.publicKey());
            byte[] pkcs8 = Vectors.concat(
                    HexFormat.of().parseHex("302e020100300506032b656e04220420"),
                    test.privateKey());
            return agree(keyFactory[0].generatePrivate(new PKCS8EncodedKeySpec(pkcs8)),
                    keyFactory[0].generatePublic(new X509EncodedKeySpec(spki)), test.shared());
        });
    }

    @Test
    void kemDecapsulation() {
        runAll("KEM X25519 decapsulate", test -> {
            KEM.Decapsulator decapsulator = KEM.getInstance("X25519", Vectors.PQIPSEC)
                    .newDecapsulator(rawPrivateKey(test.privateKey()));
            try {
                byte[] secret = decapsulator.decapsulate(test.publicKey()).getEncoded();
                assertEquals(HexFormat.of().formatHex(test.shared()),
                        HexFormat.of().formatHex(secret));
                return Behaviour.AGREE;
            } catch (DecapsulateException e) {
                assertEquals("X25519 encapsulation" + SMALL_ORDER, e.getMessage());
                return Behaviour.REJECT;
            }
        });
    }

    @Test
    void kemEncapsulatorKeyCheck() {
        runAll("KEM X25519 newEncapsulator", test -> {
            KEM kem = KEM.getInstance("X25519", Vectors.PQIPSEC);
            try {
                kem.newEncapsulator(rawPublicKey(test.publicKey()));
                return Behaviour.AGREE;
            } catch (InvalidKeyException e) {
                assertEquals("X25519 public key" + SMALL_ORDER, e.getMessage());
                return Behaviour.REJECT;
            }
        });
    }
}
