package org.pqipsec.cli.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text of Wireshark's {@code esp_sa} table. {@link TsharkEspDecryptionTest} checks that
 * tshark decrypts with it.
 */
class EspSaFileTest {

    private static final byte[] KEY_128 = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
    private static final byte[] SALT = HexFormat.of().parseHex("a1a2a3a4");

    private static InetAddress address(String text) throws Exception {
        return InetAddress.getByName(text);
    }

    @Test
    void ipv4RecordFields() throws Exception {
        EspSaFile file = new EspSaFile()
                .add(address("192.0.2.1"), address("192.0.2.2"), 0x0000_1234, KEY_128, SALT);

        assertEquals("\"IPv4\",\"192.0.2.1\",\"192.0.2.2\",\"0x00001234\",\"AES-GCM with 16 octet ICV [RFC4106]\","
                + "\"0x000102030405060708090a0b0c0d0e0fa1a2a3a4\",\"NULL\",\"\"", file.entries().getFirst().record());
    }

    @Test
    void ipv6RecordAndHighSpi() throws Exception {
        byte[] key256 = CaptureBytes.counting(32);
        EspSaFile file = new EspSaFile()
                .add(address("2001:db8::1"), address("2001:db8::2"), 0xfedc_ba98, key256, SALT);

        assertEquals("\"IPv6\",\"2001:db8:0:0:0:0:0:1\",\"2001:db8:0:0:0:0:0:2\",\"0xfedcba98\","
                + "\"AES-GCM with 16 octet ICV [RFC4106]\",\"0x" + HexFormat.of().formatHex(key256)
                + "a1a2a3a4\",\"NULL\",\"\"", file.entries().getFirst().record());
    }

    @Test
    void fileContentAndTsharkOptions(@TempDir Path directory) throws Exception {
        EspSaFile sas = new EspSaFile()
                .add(address("192.0.2.1"), address("192.0.2.2"), 1, KEY_128, SALT)
                .add(address("192.0.2.2"), address("192.0.2.1"), 2, KEY_128, SALT);
        Path path = directory.resolve("esp_sa");

        sas.write(path);

        List<String> lines = Files.readAllLines(path, StandardCharsets.US_ASCII);
        assertEquals(3, lines.size(), "comment and two records");
        assertEquals('#', lines.get(0).charAt(0));
        assertEquals(sas.entries().get(0).record(), lines.get(1));
        assertEquals(sas.entries().get(1).record(), lines.get(2));
        assertEquals(sas.content(), Files.readString(path, StandardCharsets.US_ASCII));
        assertEquals(List.of("uat:esp_sa:" + lines.get(1), "uat:esp_sa:" + lines.get(2)), sas.tsharkOptions());
    }

    @Test
    void keyAndSaltAreCopied() throws Exception {
        byte[] key = KEY_128.clone();
        EspSaFile file = new EspSaFile().add(address("192.0.2.1"), address("192.0.2.2"), 1, key, SALT);
        key[0] = 0x7f;
        file.entries().getFirst().key()[1] = 0x7f;

        assertArrayEquals(KEY_128, file.entries().getFirst().key());
        assertArrayEquals(SALT, file.entries().getFirst().salt());
    }

    @Test
    void rejectsInvalidSas() throws Exception {
        InetAddress v4 = address("192.0.2.1");
        InetAddress v6 = address("2001:db8::1");
        EspSaFile file = new EspSaFile();

        IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class,
                () -> file.add(v4, v6, 1, KEY_128, SALT));
        IllegalArgumentException shortKey = assertThrows(IllegalArgumentException.class,
                () -> file.add(v4, v4, 1, new byte[15], SALT));
        IllegalArgumentException shortSalt = assertThrows(IllegalArgumentException.class,
                () -> file.add(v4, v4, 1, KEY_128, new byte[3]));
        IllegalArgumentException scoped = assertThrows(IllegalArgumentException.class,
                () -> file.add(address("fe80::1%1"), v6, 1, KEY_128, SALT));

        assertEquals("source 192.0.2.1 and destination 2001:db8:0:0:0:0:0:1 must both be IPv4 or both be IPv6",
                mixed.getMessage());
        assertEquals("AES key must be 16, 24 or 32 bytes, got 15", shortKey.getMessage());
        assertEquals("salt must be 4 bytes, got 3", shortSalt.getMessage());
        assertEquals("IPv6 addresses with a scope id cannot be written to esp_sa", scoped.getMessage());
        assertEquals(List.of(), file.entries(), "rejected SAs are not added");
    }

    @Test
    void parseReadsEveryTransformBack() throws Exception {
        EspSaFile written = new EspSaFile();
        int spi = 0x1000;
        for (org.pqipsec.esp.EspTransform transform : org.pqipsec.esp.EspTransform.values()) {
            written.add(address("192.0.2.1"), address("198.51.100.1"), spi++, transform, CaptureBytes.counting(32), SALT);
        }
        written.add(address("2001:db8::1"), address("2001:db8::2"), 0xffff_ffff, KEY_128, SALT);

        EspSaFile read = EspSaFile.parse(written.content(), "esp_sa");

        assertEquals(written.entries().size(), read.entries().size());
        for (int i = 0; i < read.entries().size(); i++) {
            assertEquals(written.entries().get(i).record(), read.entries().get(i).record(), "record " + (i + 1));
            assertEquals(written.entries().get(i).transform(), read.entries().get(i).transform());
        }
    }

    @Test
    void parseNamesLineAndField() throws Exception {
        String valid = "\"IPv4\",\"192.0.2.1\",\"192.0.2.2\",\"0x00001234\",\"AES-GCM with 8 octet ICV [RFC4106]\","
                + "\"0x000102030405060708090a0b0c0d0e0fa1a2a3a4\",\"NULL\",\"\"";
        assertEquals(1, assertDoesNotThrowParse(valid).entries().size());

        assertParseError(valid.replace("\"IPv4\"", "\"Any\""),
                "f: line 1: field 1 (protocol): expected \"IPv4\" or \"IPv6\", got \"Any\"");
        assertParseError(valid.replace("192.0.2.1", "example.com"),
                "f: line 1: field 2 (source address): \"example.com\" is not an IPv4 address");
        assertParseError(valid.replace("\"192.0.2.2\"", "\"*\""),
                "f: line 1: field 3 (destination address): wildcard addresses are not supported; give the address");
        assertParseError(valid.replace("0x00001234", "0x000000ff"),
                "f: line 1: field 4 (SPI): SPI 0x000000ff is reserved; values 0 to 255 are not assigned to SAs"
                        + " (RFC 4303 §2.1)");
        assertParseError(valid.replace("AES-GCM with 8 octet ICV [RFC4106]", "AES-CBC [RFC3602]"),
                "f: line 1: field 5 (encryption algorithm): unsupported algorithm \"AES-CBC [RFC3602]\"");
        assertParseError(valid.replace("0x000102030405060708090a0b0c0d0e0fa1a2a3a4", "0x0001020304050607zz"),
                "f: line 1: field 6 (encryption key): contains a character that is not a hex digit");
        assertParseError(valid.replace("\"NULL\"", "\"HMAC-SHA-1-96 [RFC2404]\""),
                "f: line 1: field 7 (authentication algorithm): expected \"NULL\"");
        assertParseError(valid.replace(",\"NULL\",\"\"", ",\"NULL\""), "f: line 1: expected 8 quoted fields, got 7");
        assertParseError("# only a comment\n", "f: contains no SA records");
    }

    private static EspSaFile assertDoesNotThrowParse(String content) throws EspSaFileException {
        return EspSaFile.parse(content, "f");
    }

    private static void assertParseError(String content, String messageStart) {
        EspSaFileException error = assertThrows(EspSaFileException.class, () -> EspSaFile.parse(content, "f"));
        org.junit.jupiter.api.Assertions.assertTrue(error.getMessage().startsWith(messageStart), error.getMessage());
        org.junit.jupiter.api.Assertions.assertFalse(error.getMessage().contains("0001020304"), error.getMessage());
    }
}
