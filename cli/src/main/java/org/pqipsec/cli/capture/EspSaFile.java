package org.pqipsec.cli.capture;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.pqipsec.esp.EspTransform;

/**
 * Wireshark's table of ESP security associations (the {@code esp_sa} UAT file), so Wireshark
 * and tshark can decrypt an ESP capture and {@code pqipsec esp open} can read the same SAs.
 *
 * <p>Wireshark reads the file named {@code esp_sa} from its configuration profile directory;
 * tshark also takes each record as an option, {@code -o 'uat:esp_sa:RECORD'}. Decryption
 * additionally needs the preference {@code esp.enable_encryption_decode:TRUE}, and ICV
 * checking {@code esp.enable_authentication_check:TRUE}.
 *
 * <p>Format, as accepted by tshark 4.0.17 (Debian 4.0.17-0+deb12u3): one SA per line, lines
 * starting with {@code #} are comments, and each record has exactly 8 comma-separated,
 * double-quoted fields in this order:
 * <ol>
 *   <li>protocol: {@code "IPv4"} or {@code "IPv6"} (tshark rejects {@code "Any"})</li>
 *   <li>source address, such as {@code "192.0.2.1"} or {@code "2001:db8:0:0:0:0:0:1"}</li>
 *   <li>destination address</li>
 *   <li>SPI as {@code "0x%08x"}</li>
 *   <li>encryption algorithm, such as {@code "AES-GCM with 16 octet ICV [RFC4106]"}</li>
 *   <li>encryption key: {@code "0x"} and the hex of the cipher key followed by the 4-byte
 *       salt</li>
 *   <li>authentication algorithm: {@code "NULL"}, since the AEAD ICV already authenticates</li>
 *   <li>authentication key: {@code ""}</li>
 * </ol>
 * Example: {@code "IPv4","192.0.2.1","192.0.2.2","0x12345678","AES-GCM with 16 octet ICV
 * [RFC4106]","0x000102030405060708090a0b0c0d0e0fa1a2a3a4","NULL",""}.
 *
 * <p>Of the transforms in {@link EspTransform}, tshark 4.0.17 accepts only the three AES-GCM
 * ICV lengths, as {@code "AES-GCM with 8 octet ICV [RFC4106]"}, {@code "... 12 octet ..."} and
 * {@code "... 16 octet ..."}; it rejects every other name with "invalid value", including
 * names for ChaCha20-Poly1305 and AES-GMAC. For those transforms this class writes the IANA
 * name, such as {@code "ENCR_CHACHA20_POLY1305"}, which only {@code pqipsec esp open} reads.
 *
 * <p>tshark 4.0 has no sequence-number length or ESN fields: it drops fields after the
 * eighth with a warning and rejects a record with fewer than eight. With any authentication
 * algorithm other than {@code "NULL"} it decrypts nothing and reports "AES-GCM encryption can
 * only be used with NULL authentication" for every packet.
 *
 * <pre>{@code
 * new EspSaFile()
 *         .add(InetAddress.getByName("192.0.2.1"), InetAddress.getByName("192.0.2.2"), spi, key, salt)
 *         .write(Path.of("esp_sa"));
 * }</pre>
 */
public final class EspSaFile {

    /** The encryption algorithm name Wireshark gives ENCR_AES_GCM_16. */
    public static final String AES_GCM_16 = "AES-GCM with 16 octet ICV [RFC4106]";

    /** The authentication algorithm name for "no separate integrity algorithm". */
    public static final String AUTHENTICATION_NULL = "NULL";

    /** The UAT table name, which is also the file name Wireshark reads. */
    public static final String TABLE_NAME = "esp_sa";

    private static final int SALT_LENGTH = EspTransform.SALT_LENGTH;

    private static final int FIELD_COUNT = 8;

    private static final String[] FIELD_NAMES = {
        "protocol", "source address", "destination address", "SPI", "encryption algorithm",
        "encryption key", "authentication algorithm", "authentication key",
    };

    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern SPI_HEX = Pattern.compile("0[xX][0-9A-Fa-f]{1,8}");

    /**
     * Returns the encryption algorithm name that the {@code esp_sa} table uses for
     * {@code transform}: Wireshark's name for the AES-GCM transforms, the IANA name otherwise.
     */
    public static String algorithmName(EspTransform transform) {
        return switch (transform) {
            case ENCR_AES_GCM_8 -> "AES-GCM with 8 octet ICV [RFC4106]";
            case ENCR_AES_GCM_12 -> "AES-GCM with 12 octet ICV [RFC4106]";
            case ENCR_AES_GCM_16 -> AES_GCM_16;
            default -> transform.name();
        };
    }

    /** Returns whether tshark 4.0.17 accepts the algorithm name of {@code transform}. */
    public static boolean wiresharkSupports(EspTransform transform) {
        return !algorithmName(transform).equals(transform.name());
    }

    /**
     * Returns the note that a command prints after writing a record of {@code transform} that
     * tshark 4.0.17 cannot read, or an empty result for a transform that it reads.
     */
    public static Optional<String> wiresharkNote(EspTransform transform) {
        if (wiresharkSupports(transform)) {
            return Optional.empty();
        }
        return Optional.of("note: Wireshark 4.0 cannot decrypt " + transform
                + "; esp_sa names it by its IANA name, which only pqipsec esp open reads");
    }

    private static Optional<EspTransform> transformNamed(String name) {
        return Arrays.stream(EspTransform.values())
                .filter(transform -> algorithmName(transform).equals(name))
                .findFirst();
    }

    /**
     * One security association.
     *
     * @param source      the outer source address of the ESP packets
     * @param destination the outer destination address, of the same IP version
     * @param spi         the Security Parameters Index, all 32 bits significant
     * @param transform   the ESP transform
     * @param key         the cipher key: 16, 24 or 32 bytes for AES, 32 for ChaCha20
     * @param salt        the 4-byte salt, the implicit first part of the nonce
     */
    public record Entry(InetAddress source, InetAddress destination, int spi, EspTransform transform, byte[] key,
            byte[] salt) {

        /** Checks the addresses and lengths and copies the key and salt. */
        public Entry {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(destination, "destination");
            Objects.requireNonNull(transform, "transform");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(salt, "salt");
            if (source.getClass() != destination.getClass()) {
                throw new IllegalArgumentException("source " + source.getHostAddress() + " and destination "
                        + destination.getHostAddress() + " must both be IPv4 or both be IPv6");
            }
            if (hasScope(source) || hasScope(destination)) {
                throw new IllegalArgumentException("IPv6 addresses with a scope id cannot be written to esp_sa");
            }
            if (!transform.isValidKeyLength(key.length)) {
                throw new IllegalArgumentException(transform.cipher() == EspTransform.Cipher.CHACHA20_POLY1305
                        ? "ChaCha20 key must be 32 bytes, got " + key.length
                        : "AES key must be 16, 24 or 32 bytes, got " + key.length);
            }
            if (salt.length != SALT_LENGTH) {
                throw new IllegalArgumentException("salt must be " + SALT_LENGTH + " bytes, got " + salt.length);
            }
            key = key.clone();
            salt = salt.clone();
        }

        /** Returns a copy of the cipher key. */
        @Override
        public byte[] key() {
            return key.clone();
        }

        /** Returns a copy of the salt. */
        @Override
        public byte[] salt() {
            return salt.clone();
        }

        /** Returns key ‖ salt, the keying material that the ESP SAs take; the caller wipes it. */
        public byte[] keyMaterial() {
            byte[] material = Arrays.copyOf(key, key.length + salt.length);
            System.arraycopy(salt, 0, material, key.length, salt.length);
            return material;
        }

        /** Overwrites this entry's key and salt with zeros. */
        void wipe() {
            Arrays.fill(key, (byte) 0);
            Arrays.fill(salt, (byte) 0);
        }

        /** Returns the UAT record for this SA, without a line break. */
        public String record() {
            String protocol = source instanceof Inet4Address ? "IPv4" : "IPv6";
            HexFormat hex = HexFormat.of();
            String keyAndSalt = "0x" + hex.formatHex(key) + hex.formatHex(salt);
            return String.join(",",
                    quote(protocol),
                    quote(source.getHostAddress()),
                    quote(destination.getHostAddress()),
                    quote(String.format("0x%08x", spi)),
                    quote(algorithmName(transform)),
                    quote(keyAndSalt),
                    quote(AUTHENTICATION_NULL),
                    quote(""));
        }

        /** Describes the SA without its key and salt. */
        @Override
        public String toString() {
            return "Entry[" + source.getHostAddress() + " -> " + destination.getHostAddress()
                    + ", SPI " + String.format("0x%08x", spi) + ", " + transform + "]";
        }

        private static boolean hasScope(InetAddress address) {
            return address instanceof Inet6Address v6 && (v6.getScopeId() != 0 || v6.getScopedInterface() != null);
        }

        // The values never contain a double quote or backslash, the two characters the UAT
        // format would need escaped.
        private static String quote(String value) {
            return "\"" + value + "\"";
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    /**
     * Adds an AES-GCM-16 SA.
     *
     * @return this file, for chaining
     * @throws IllegalArgumentException as described in {@link Entry}
     */
    public EspSaFile add(InetAddress source, InetAddress destination, int spi, byte[] key, byte[] salt) {
        return add(source, destination, spi, EspTransform.ENCR_AES_GCM_16, key, salt);
    }

    /**
     * Adds an SA.
     *
     * @return this file, for chaining
     * @throws IllegalArgumentException as described in {@link Entry}
     */
    public EspSaFile add(InetAddress source, InetAddress destination, int spi, EspTransform transform, byte[] key,
            byte[] salt) {
        entries.add(new Entry(source, destination, spi, transform, key, salt));
        return this;
    }

    /** Returns the SAs in the order added. */
    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Overwrites the keys and salts of every entry with zeros, after their last use. */
    public void wipe() {
        entries.forEach(Entry::wipe);
    }

    /** Returns the file content: a comment line, then one record per SA, each ending in a line feed. */
    public String content() {
        StringBuilder text = new StringBuilder();
        text.append("# Wireshark ESP SAs: protocol, source, destination, SPI, encryption algorithm,"
                + " key and salt, authentication algorithm, authentication key\n");
        for (Entry entry : entries) {
            text.append(entry.record()).append('\n');
        }
        return text.toString();
    }

    /**
     * Returns tshark options that load the same SAs, each to follow an {@code -o} argument.
     */
    public List<String> tsharkOptions() {
        return entries.stream().map(entry -> "uat:" + TABLE_NAME + ":" + entry.record()).toList();
    }

    /**
     * Writes the file, replacing any existing one. The file contains the keys in clear, so it
     * is for test traffic and demonstrations only.
     */
    public void write(Path file) throws IOException {
        Files.writeString(file, content(), StandardCharsets.US_ASCII);
    }

    /**
     * Reads an {@code esp_sa} file in the format described above.
     *
     * @throws EspSaFileException naming the file, line and field of the first invalid record;
     *     the message never contains key bytes
     * @throws IOException if the file cannot be read
     */
    public static EspSaFile read(Path file) throws IOException, EspSaFileException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Parses the content of an {@code esp_sa} file; {@code name} goes into error messages.
     *
     * @throws EspSaFileException as {@link #read(Path)}
     */
    public static EspSaFile parse(String content, String name) throws EspSaFileException {
        EspSaFile file = new EspSaFile();
        List<String> lines = content.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            file.entries.add(parseRecord(line, name, i + 1));
        }
        if (file.entries.isEmpty()) {
            throw new EspSaFileException(name + ": contains no SA records");
        }
        return file;
    }

    private static Entry parseRecord(String line, String name, int lineNumber) throws EspSaFileException {
        String where = name + ": line " + lineNumber + ": ";
        List<String> fields = splitFields(line, where);
        if (fields.size() != FIELD_COUNT) {
            throw new EspSaFileException(where + "expected " + FIELD_COUNT + " quoted fields, got " + fields.size());
        }

        String protocol = fields.get(0);
        if (!protocol.equals("IPv4") && !protocol.equals("IPv6")) {
            throw fieldError(where, 0, "expected \"IPv4\" or \"IPv6\", got \"" + protocol + "\"");
        }
        InetAddress source = parseAddress(fields.get(1), protocol, where, 1);
        InetAddress destination = parseAddress(fields.get(2), protocol, where, 2);

        String spiText = fields.get(3);
        if (!SPI_HEX.matcher(spiText).matches()) {
            throw fieldError(where, 3, "expected 0x and 1 to 8 hex digits, got \"" + spiText + "\"");
        }
        int spi = Integer.parseUnsignedInt(spiText.substring(2), 16);
        if (Integer.compareUnsigned(spi, 255) <= 0) {
            throw fieldError(where, 3, "SPI " + spiText + " is reserved; values 0 to 255 are not assigned"
                    + " to SAs (RFC 4303 §2.1)");
        }

        EspTransform transform = transformNamed(fields.get(4)).orElseThrow(() -> fieldError(where, 4,
                "unsupported algorithm \"" + fields.get(4) + "\"; expected one of " + Arrays.stream(EspTransform.values())
                        .map(t -> "\"" + algorithmName(t) + "\"").toList()));

        byte[] keyMaterial = parseKey(fields.get(5), transform, where);
        try {
            if (!fields.get(6).equals(AUTHENTICATION_NULL)) {
                throw fieldError(where, 6, "expected \"NULL\" because " + transform
                        + " authenticates by itself, got \"" + fields.get(6) + "\"");
            }
            String authenticationKey = fields.get(7);
            if (!authenticationKey.isEmpty() && !authenticationKey.equalsIgnoreCase("0x")) {
                throw fieldError(where, 7, "expected an empty key with NULL authentication");
            }
            byte[] key = Arrays.copyOf(keyMaterial, keyMaterial.length - SALT_LENGTH);
            byte[] salt = Arrays.copyOfRange(keyMaterial, keyMaterial.length - SALT_LENGTH, keyMaterial.length);
            try {
                return new Entry(source, destination, spi, transform, key, salt);
            } finally {
                Arrays.fill(key, (byte) 0);
                Arrays.fill(salt, (byte) 0);
            }
        } finally {
            Arrays.fill(keyMaterial, (byte) 0);
        }
    }

    /** Splits {@code "a","b",...} into its unquoted values. */
    private static List<String> splitFields(String line, String where) throws EspSaFileException {
        List<String> fields = new ArrayList<>();
        int position = 0;
        while (true) {
            if (position >= line.length() || line.charAt(position) != '"') {
                throw new EspSaFileException(where + "field " + (fields.size() + 1)
                        + " must start with a double quote");
            }
            int end = line.indexOf('"', position + 1);
            if (end < 0) {
                throw new EspSaFileException(where + "field " + (fields.size() + 1) + " has no closing double quote");
            }
            String value = line.substring(position + 1, end);
            if (value.indexOf('\\') >= 0) {
                throw new EspSaFileException(where + "field " + (fields.size() + 1)
                        + " contains a backslash escape, which is not supported");
            }
            fields.add(value);
            position = end + 1;
            if (position == line.length()) {
                return fields;
            }
            if (line.charAt(position) != ',') {
                throw new EspSaFileException(where + "expected a comma after field " + fields.size());
            }
            position++;
        }
    }

    private static InetAddress parseAddress(String text, String protocol, String where, int field)
            throws EspSaFileException {
        if (text.equals("*")) {
            throw fieldError(where, field, "wildcard addresses are not supported; give the address");
        }

        // Only literals reach InetAddress, so no name is ever looked up in DNS.
        boolean literal = protocol.equals("IPv4") ? IPV4_LITERAL.matcher(text).matches()
                : IPV6_LITERAL.matcher(text).matches();
        if (literal) {
            try {
                InetAddress address = InetAddress.getByName(text);
                if (protocol.equals("IPv4") == (address instanceof Inet4Address)) {
                    return address;
                }
            } catch (IOException e) {
                // Reported below as an invalid address.
            }
        }
        throw fieldError(where, field, "\"" + text + "\" is not an " + protocol + " address");
    }

    /** Parses {@code 0x} and the hex of key ‖ salt; messages give lengths, never the digits. */
    private static byte[] parseKey(String text, EspTransform transform, String where) throws EspSaFileException {
        String expected = transform.cipher() == EspTransform.Cipher.CHACHA20_POLY1305
                ? "72 hex digits (32-byte key and 4-byte salt)"
                : "40, 56 or 72 hex digits (16-, 24- or 32-byte AES key and 4-byte salt)";
        if (!text.startsWith("0x") && !text.startsWith("0X")) {
            throw fieldError(where, 5, "expected 0x and " + expected);
        }
        String digits = text.substring(2);
        if (!digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw fieldError(where, 5, "contains a character that is not a hex digit");
        }
        int keyLength = digits.length() / 2 - SALT_LENGTH;
        if (digits.length() % 2 != 0 || keyLength < 0 || !transform.isValidKeyLength(keyLength)) {
            throw fieldError(where, 5, "expected 0x and " + expected + " for " + transform + ", got "
                    + digits.length() + " hex digits");
        }
        return HexFormat.of().parseHex(digits);
    }

    private static EspSaFileException fieldError(String where, int field, String detail) {
        return new EspSaFileException(where + "field " + (field + 1) + " (" + FIELD_NAMES[field] + "): " + detail);
    }
}
