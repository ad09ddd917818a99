package org.pqipsec.kat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import javax.crypto.KEM;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * C2SP CCTV ML-KEM negative vectors: {@code modulus} (every value in [q, 2^12) at every
 * position of ek, which the FIPS 203 §7.2 modulus check must reject at import and at
 * encapsulation) and {@code strcmp} (ciphertexts whose re-encryption differs only after a zero
 * byte, which must take the implicit-rejection path).
 */
class CctvMlKemTest {

    @ParameterizedTest
    @ValueSource(strings = {"ML-KEM-512", "ML-KEM-768", "ML-KEM-1024"})
    void modulusKeysRejected(String set) throws Exception {
        byte[] gzip = Vectors.resource("cctv/modulus/" + set + ".txt.gz");
        List<String> lines;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(new ByteArrayInputStream(gzip)), StandardCharsets.US_ASCII))) {
            lines = reader.lines().filter(line -> !line.isBlank()).toList();
        }
        // 767 values in [3329, 4095] plus one line per polynomial position, as the README
        // describes; at least the 767 values must be present.
        assertTrue(lines.size() >= 767, "lines: " + lines.size());

        KEM kem = KEM.getInstance(set, Vectors.PQIPSEC);
        int rejectedAtImport = 0;
        int rejectedAtEncapsulation = 0;
        for (String line : lines) {
            byte[] ek = HexFormat.of().parseHex(line.trim());
            InvalidKeySpecException atImport = assertThrows(InvalidKeySpecException.class,
                    () -> MlKemJca.publicKey(set, ek));
            assertTrue(atImport.getMessage().contains("FIPS 203 §7.2 modulus check"),
                    atImport.getMessage());
            rejectedAtImport++;

            PublicKey foreign = new ForeignPublicKey(set, ek);
            InvalidKeyException atEncapsulation =
                    assertThrows(InvalidKeyException.class, () -> kem.newEncapsulator(foreign));
            assertTrue(atEncapsulation.getMessage().contains("FIPS 203 §7.2 modulus check"),
                    atEncapsulation.getMessage());
            rejectedAtEncapsulation++;
        }
        assertEquals(lines.size(), rejectedAtImport);
        assertEquals(lines.size(), rejectedAtEncapsulation);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ML-KEM-512", "ML-KEM-768", "ML-KEM-1024"})
    void strcmpCiphertextsTakeImplicitRejection(String set) throws Exception {
        String text = new String(Vectors.resource("cctv/strcmp/" + set + ".txt"),
                StandardCharsets.US_ASCII);
        Map<String, byte[]> fields = new HashMap<>();
        for (String line : text.split("\n")) {
            int equals = line.indexOf(" = ");
            if (equals > 0) {
                fields.put(line.substring(0, equals).trim(),
                        HexFormat.of().parseHex(line.substring(equals + 3).trim()));
            }
        }

        byte[] k = MlKemJca.decapsulate(set, MlKemJca.privateKey(set, fields.get("dk")),
                fields.get("c"));

        assertArrayEquals(fields.get("K"), k);
    }

    /** A RAW public key that another provider might hand over, named by its parameter set. */
    private record ForeignPublicKey(String algorithm, byte[] encoded) implements PublicKey {

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
