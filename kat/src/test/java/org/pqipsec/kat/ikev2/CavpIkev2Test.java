package org.pqipsec.kat.ikev2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pqipsec.kat.ikev2.Vectors.concat;
import static org.pqipsec.kat.ikev2.Vectors.hex;
import static org.pqipsec.kat.ikev2.Vectors.integer;
import static org.pqipsec.kat.ikev2.Vectors.key;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.crypto.KDF;
import javax.crypto.SecretKey;

import org.junit.jupiter.api.Test;
import org.pqipsec.provider.spec.ChildSaKeymatParameterSpec;
import org.pqipsec.provider.spec.IkePrf;
import org.pqipsec.provider.spec.IkeSaRekeyParameterSpec;
import org.pqipsec.provider.spec.PrfPlusParameterSpec;
import org.pqipsec.provider.spec.SkeyseedParameterSpec;

/**
 * All 900 NIST CAVS 17.3 IKEv2 (SP 800-135) records. Each record runs the five derivations of
 * the CAVP file through the KDF, and every mismatch is collected before one assertion:
 *
 * <pre>
 * SKEYSEED          = prf(Ni | Nr, g^ir)
 * DKM               = prf+(SKEYSEED, Ni | Nr | SPIi | SPIr)
 * DKM(Child SA)     = prf+(SK_d, Ni | Nr)              SK_d = the first PRF-length bytes of DKM
 * DKM(Child SA D-H) = prf+(SK_d, g^ir (new) | Ni | Nr)
 * SKEYSEED(Rekey)   = prf(SK_d, g^ir (new) | Ni | Nr)
 * </pre>
 */
class CavpIkev2Test {

    @Test
    @SuppressWarnings("unchecked")
    void allRecordsMatch() throws GeneralSecurityException {
        Map<String, Object> root = (Map<String, Object>) Vectors.load(
                "ikev2-cavp-sp800-135-ikev2.json");
        List<Map<String, Object>> records = (List<Map<String, Object>>) root.get("records");
        List<String> failures = new ArrayList<>();
        int checked = 0;

        for (Map<String, Object> record : records) {
            IkePrf prf = Vectors.prf((String) record.get("prf")).orElseThrow();
            String name = prf + " g^ir " + record.get("girBits") + " bits, Ni "
                    + record.get("niBits") + " bits, COUNT " + record.get("count");
            checked += check(prf, record, name, failures);
        }

        assertEquals(900, records.size());
        assertEquals(900 * 5, checked);
        assertTrue(failures.isEmpty(), failures.size() + " mismatches:\n"
                + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
    }

    private static int check(IkePrf prf, Map<String, Object> record, String name,
            List<String> failures) throws GeneralSecurityException {
        KDF kdf = Vectors.kdf(prf);
        byte[] ni = hex(record, "ni");
        byte[] nr = hex(record, "nr");
        byte[] gir = hex(record, "gir");
        byte[] girNew = hex(record, "girNew");
        byte[] spiI = hex(record, "spii");
        byte[] spiR = hex(record, "spir");
        int dkmLength = integer(record, "dkmBits") / 8;
        int childDkmLength = integer(record, "childDkmBits") / 8;

        SecretKey skeyseed =
                kdf.deriveKey("IKEv2-SKEYSEED", new SkeyseedParameterSpec(ni, nr, key(gir)));
        compare(name, "SKEYSEED", hex(record, "skeyseed"), skeyseed.getEncoded(), failures);

        byte[] dkm = kdf.deriveData(
                new PrfPlusParameterSpec(skeyseed, concat(ni, nr, spiI, spiR), dkmLength));
        compare(name, "DKM", hex(record, "dkm"), dkm, failures);

        SecretKey skD = key(Arrays.copyOf(dkm, prf.outputLength()));
        byte[] child = kdf.deriveData(
                new ChildSaKeymatParameterSpec(skD, ni, nr, childDkmLength));
        compare(name, "DKM(Child SA)", hex(record, "dkmChild"), child, failures);

        byte[] childDh = kdf.deriveData(
                new ChildSaKeymatParameterSpec(skD, key(girNew), ni, nr, childDkmLength));
        compare(name, "DKM(Child SA D-H)", hex(record, "dkmChildDh"), childDh, failures);

        byte[] rekey = kdf.deriveData(
                new IkeSaRekeyParameterSpec(skD, List.of(key(girNew)), ni, nr));
        compare(name, "SKEYSEED(Rekey)", hex(record, "skeyseedRekey"), rekey, failures);
        return 5;
    }

    private static void compare(String name, String field, byte[] expected, byte[] actual,
            List<String> failures) {
        if (!Arrays.equals(expected, actual)) {
            failures.add(name + " " + field + ": expected " + hex(expected) + ", got "
                    + hex(actual));
        }
    }
}
