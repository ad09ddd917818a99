package org.pqipsec.kat.ikev2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pqipsec.kat.ikev2.Vectors.concat;
import static org.pqipsec.kat.ikev2.Vectors.hex;
import static org.pqipsec.kat.ikev2.Vectors.integer;
import static org.pqipsec.kat.ikev2.Vectors.key;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.KDF;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.pqipsec.provider.spec.ChildSaKeymatParameterSpec;
import org.pqipsec.provider.spec.IkePrf;
import org.pqipsec.provider.spec.IkeSaRekeyParameterSpec;
import org.pqipsec.provider.spec.PrfPlusParameterSpec;
import org.pqipsec.provider.spec.SkeyseedParameterSpec;

/**
 * NIST ACVP kdf-components IKEv2 1.0. ACVP lengths are in bits, and a byte-oriented IKEv2
 * implementation can only run the test groups whose every length is a multiple of 8 and whose
 * hash is an IKEv2 PRF (SHA2-224 is not). The other groups are counted as skipped.
 *
 * <p>The prompt has no answers, so its runnable groups are checked against a prf and prf+ written
 * below with plain JCA {@code Mac} calls. The excerpt of group 2 carries NIST's answers.
 */
class AcvpIkev2Test {

    /** The groups of the prompt, counted by how the suite treats them. */
    private record GroupCount(int run, int skippedBitLengths, int skippedHash, int tests) {}

    @Test
    void excerptMatchesNistAnswers() throws GeneralSecurityException {
        List<String> failures = new ArrayList<>();
        int tests = 0;
        String excerpt = "acvp/EXCERPT-internalProjection-tg2-tc101-105.json";
        for (Map<String, Object> group : groups(excerpt)) {
            IkePrf prf = Vectors.prf((String) group.get("hashAlg")).orElseThrow();
            for (Map<String, Object> test : tests(group)) {
                Outputs outputs = derive(prf, group, test);
                String name = "tcId " + test.get("tcId");
                compare(name, "sKeySeed", hex(test, "sKeySeed"), outputs.skeyseed, failures);
                compare(name, "derivedKeyingMaterial", hex(test, "derivedKeyingMaterial"),
                        outputs.dkm, failures);
                compare(name, "derivedKeyingMaterialChild",
                        hex(test, "derivedKeyingMaterialChild"), outputs.child, failures);
                compare(name, "derivedKeyingMaterialDh", hex(test, "derivedKeyingMaterialDh"),
                        outputs.childDh, failures);
                compare(name, "sKeySeedReKey", hex(test, "sKeySeedReKey"), outputs.rekey,
                        failures);
                tests++;
            }
        }

        assertEquals(5, tests);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void byteAlignedPromptGroupsMatchReference() throws GeneralSecurityException {
        List<String> failures = new ArrayList<>();
        int run = 0;
        int skippedBitLengths = 0;
        int skippedHash = 0;
        int tests = 0;

        for (Map<String, Object> group : groups("acvp/prompt.json")) {
            Optional<IkePrf> prf = Vectors.prf((String) group.get("hashAlg"));
            if (!byteAligned(group)) {
                skippedBitLengths++;
                continue;
            }
            if (prf.isEmpty()) {
                skippedHash++;
                continue;
            }
            run++;
            for (Map<String, Object> test : tests(group)) {
                Outputs actual = derive(prf.get(), group, test);
                Outputs expected = reference(prf.get(), group, test);
                String name = "tgId " + group.get("tgId") + " tcId " + test.get("tcId");
                compare(name, "sKeySeed", expected.skeyseed, actual.skeyseed, failures);
                compare(name, "derivedKeyingMaterial", expected.dkm, actual.dkm, failures);
                compare(name, "derivedKeyingMaterialChild", expected.child, actual.child,
                        failures);
                compare(name, "derivedKeyingMaterialDh", expected.childDh, actual.childDh,
                        failures);
                compare(name, "sKeySeedReKey", expected.rekey, actual.rekey, failures);
                tests++;
            }
        }

        // 15 groups of 100 tests: only groups 2 (SHA-1) and 11 (SHA2-384) have every length a
        // multiple of 8. The three SHA2-224 groups all have some other bit length, so the hash
        // check never decides a skip in this prompt.
        System.out.println("ACVP IKEv2 prompt: " + run + " groups run (" + tests + " tests), "
                + skippedBitLengths + " skipped for bit lengths, " + skippedHash
                + " skipped for a hash that is not an IKEv2 PRF");
        assertEquals(new GroupCount(2, 13, 0, 200),
                new GroupCount(run, skippedBitLengths, skippedHash, tests));
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static boolean byteAligned(Map<String, Object> group) {
        for (String field : List.of("dhLength", "nInitLength", "nRespLength",
                "derivedKeyingMaterialLength", "derivedKeyingMaterialChildLength")) {
            if (integer(group, field) % 8 != 0) {
                return false;
            }
        }
        return true;
    }

    private record Outputs(byte[] skeyseed, byte[] dkm, byte[] child, byte[] childDh,
            byte[] rekey) {}

    /** The five ACVP outputs through the provider's KDF. */
    private static Outputs derive(IkePrf prf, Map<String, Object> group,
            Map<String, Object> test) throws GeneralSecurityException {
        KDF kdf = Vectors.kdf(prf);
        byte[] ni = hex(test, "nInit");
        byte[] nr = hex(test, "nResp");
        byte[] spiI = hex(test, "spiInit");
        byte[] spiR = hex(test, "spiResp");
        int dkmLength = integer(group, "derivedKeyingMaterialLength") / 8;
        int childLength = integer(group, "derivedKeyingMaterialChildLength") / 8;

        SecretKey skeyseed = kdf.deriveKey("IKEv2-SKEYSEED",
                new SkeyseedParameterSpec(ni, nr, key(hex(test, "gir"))));
        byte[] dkm = kdf.deriveData(
                new PrfPlusParameterSpec(skeyseed, concat(ni, nr, spiI, spiR), dkmLength));
        SecretKey skD = key(Arrays.copyOf(dkm, prf.outputLength()));
        SecretKey girNew = key(hex(test, "girNew"));
        byte[] child = kdf.deriveData(new ChildSaKeymatParameterSpec(skD, ni, nr, childLength));
        byte[] childDh =
                kdf.deriveData(new ChildSaKeymatParameterSpec(skD, girNew, ni, nr, childLength));
        byte[] rekey = kdf.deriveData(new IkeSaRekeyParameterSpec(skD, List.of(girNew), ni, nr));
        return new Outputs(skeyseed.getEncoded(), dkm, child, childDh, rekey);
    }

    /** The same outputs from RFC 7296 §2.13, §2.14, §2.17 and §2.18 with plain HMAC calls. */
    private static Outputs reference(IkePrf prf, Map<String, Object> group,
            Map<String, Object> test) throws GeneralSecurityException {
        byte[] ni = hex(test, "nInit");
        byte[] nr = hex(test, "nResp");
        byte[] gir = hex(test, "gir");
        byte[] girNew = hex(test, "girNew");
        byte[] seed = concat(ni, nr, hex(test, "spiInit"), hex(test, "spiResp"));
        int dkmLength = integer(group, "derivedKeyingMaterialLength") / 8;
        int childLength = integer(group, "derivedKeyingMaterialChildLength") / 8;

        byte[] skeyseed = hmac(prf, concat(ni, nr), gir);
        byte[] dkm = prfPlus(prf, skeyseed, seed, dkmLength);
        byte[] skD = Arrays.copyOf(dkm, prf.outputLength());
        byte[] child = prfPlus(prf, skD, concat(ni, nr), childLength);
        byte[] childDh = prfPlus(prf, skD, concat(girNew, ni, nr), childLength);
        byte[] rekey = hmac(prf, skD, concat(girNew, ni, nr));
        return new Outputs(skeyseed, dkm, child, childDh, rekey);
    }

    private static byte[] hmac(IkePrf prf, byte[] key, byte[] data)
            throws GeneralSecurityException {
        Mac mac = Mac.getInstance(prf.macAlgorithm());
        mac.init(new SecretKeySpec(key, prf.macAlgorithm()));
        return mac.doFinal(data);
    }

    /** T1 = prf(K, S | 0x01), Tn = prf(K, Tn-1 | S | n), concatenated and cut to length. */
    private static byte[] prfPlus(IkePrf prf, byte[] key, byte[] seed, int length)
            throws GeneralSecurityException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] previous = new byte[0];
        for (int n = 1; out.size() < length; n++) {
            previous = hmac(prf, key, concat(previous, seed, new byte[] {(byte) n}));
            out.writeBytes(previous);
        }
        return Arrays.copyOf(out.toByteArray(), length);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> groups(String resource) {
        Map<String, Object> root = (Map<String, Object>) Vectors.load(resource);
        return (List<Map<String, Object>>) root.get("testGroups");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> tests(Map<String, Object> group) {
        return (List<Map<String, Object>>) group.get("tests");
    }

    private static void compare(String name, String field, byte[] expected, byte[] actual,
            List<String> failures) {
        if (!Arrays.equals(expected, actual)) {
            failures.add(name + " " + field + ": expected " + hex(expected) + ", got "
                    + hex(actual));
        }
    }
}
