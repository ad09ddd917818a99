package org.pqipsec.provider.ikev2;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.pqipsec.provider.spec.IkePrf;

/**
 * Loads the known-answer records of {@code /ikev2/ikev2-kdf-kat.txt}: blocks of
 * {@code name = value} lines separated by blank lines, with {@code #} comment lines. The file and
 * its PROVENANCE.md document the fields and sources.
 */
final class KnownAnswers {

    static final String RESOURCE = "/ikev2/ikev2-kdf-kat.txt";

    private static final List<Record> RECORDS = load();

    private KnownAnswers() {}

    /** One record of the file. */
    record Record(Map<String, String> fields) {

        String kind() {
            return text("kind");
        }

        String source() {
            return text("source");
        }

        /** Returns the record's PRF, mapped from a source name such as {@code HMAC-SHA2-256}. */
        IkePrf prf() {
            return switch (text("prf")) {
                case "HMAC-SHA2-256" -> IkePrf.HMAC_SHA2_256;
                case "HMAC-SHA2-384" -> IkePrf.HMAC_SHA2_384;
                case "HMAC-SHA2-512" -> IkePrf.HMAC_SHA2_512;
                default -> throw new IllegalStateException("Unknown prf in " + source());
            };
        }

        boolean has(String name) {
            return fields.containsKey(name);
        }

        String text(String name) {
            String value = fields.get(name);
            if (value == null) {
                throw new IllegalStateException(
                        "Missing field " + name + " in " + fields.get("source"));
            }
            return value;
        }

        byte[] hex(String name) {
            return HexFormat.of().parseHex(text(name));
        }

        int number(String name) {
            return Integer.parseInt(text(name));
        }

        @Override
        public String toString() {
            return text("prf") + " " + source();
        }
    }

    /** Returns the records of one kind: prfPlus, skeyseed, ikeSa, childSa or rekey. */
    static Stream<Record> ofKind(String kind) {
        List<Record> matching = RECORDS.stream().filter(r -> r.kind().equals(kind)).toList();
        if (matching.isEmpty()) {
            throw new IllegalStateException("No " + kind + " records in " + RESOURCE);
        }
        return matching.stream();
    }

    private static List<Record> load() {
        InputStream stream = KnownAnswers.class.getResourceAsStream(RESOURCE);
        if (stream == null) {
            throw new IllegalStateException(RESOURCE + " is not on the test class path");
        }

        List<Record> records = new ArrayList<>();
        Map<String, String> current = new LinkedHashMap<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                if (line.isBlank()) {
                    addRecord(records, current);
                    current = new LinkedHashMap<>();
                    continue;
                }
                int equals = line.indexOf(" = ");
                if (equals < 0) {
                    throw new IllegalStateException("Malformed line in " + RESOURCE + ": " + line);
                }
                current.put(line.substring(0, equals).strip(), line.substring(equals + 3).strip());
            }
            addRecord(records, current);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(records);
    }

    private static void addRecord(List<Record> records, Map<String, String> fields) {
        if (!fields.isEmpty()) {
            records.add(new Record(Map.copyOf(fields)));
        }
    }
}
