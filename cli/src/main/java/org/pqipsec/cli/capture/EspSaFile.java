package org.pqipsec.cli.capture;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Wireshark's table of ESP security associations (the {@code esp_sa} UAT file) for
 * AES-GCM-16 SAs (RFC 4106), so Wireshark and tshark can decrypt an ESP capture.
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
 *   <li>encryption algorithm: {@code "AES-GCM with 16 octet ICV [RFC4106]"}</li>
 *   <li>encryption key: {@code "0x"} and the hex of the AES key (16, 24 or 32 bytes)
 *       followed by the 4-byte salt</li>
 *   <li>authentication algorithm: {@code "NULL"}, since the AES-GCM ICV already authenticates</li>
 *   <li>authentication key: {@code ""}</li>
 * </ol>
 * Example: {@code "IPv4","192.0.2.1","192.0.2.2","0x12345678","AES-GCM with 16 octet ICV
 * [RFC4106]","0x000102030405060708090a0b0c0d0e0fa1a2a3a4","NULL",""}.
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

    private static final int SALT_LENGTH = 4;

    /**
     * One AES-GCM-16 security association.
     *
     * @param source      the outer source address of the ESP packets
     * @param destination the outer destination address, of the same IP version
     * @param spi         the Security Parameters Index, all 32 bits significant
     * @param key         the AES key, 16, 24 or 32 bytes
     * @param salt        the 4-byte salt, the implicit first part of the RFC 4106 nonce
     */
    public record Entry(InetAddress source, InetAddress destination, int spi, byte[] key, byte[] salt) {

        /** Checks the addresses and lengths and copies the key and salt. */
        public Entry {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(destination, "destination");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(salt, "salt");
            if (source.getClass() != destination.getClass()) {
                throw new IllegalArgumentException("source " + source.getHostAddress() + " and destination "
                        + destination.getHostAddress() + " must both be IPv4 or both be IPv6");
            }
            if (hasScope(source) || hasScope(destination)) {
                throw new IllegalArgumentException("IPv6 addresses with a scope id cannot be written to esp_sa");
            }
            if (key.length != 16 && key.length != 24 && key.length != 32) {
                throw new IllegalArgumentException("AES key must be 16, 24 or 32 bytes, got " + key.length);
            }
            if (salt.length != SALT_LENGTH) {
                throw new IllegalArgumentException("salt must be " + SALT_LENGTH + " bytes, got " + salt.length);
            }
            key = key.clone();
            salt = salt.clone();
        }

        /** Returns a copy of the AES key. */
        @Override
        public byte[] key() {
            return key.clone();
        }

        /** Returns a copy of the salt. */
        @Override
        public byte[] salt() {
            return salt.clone();
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
                    quote(AES_GCM_16),
                    quote(keyAndSalt),
                    quote(AUTHENTICATION_NULL),
                    quote(""));
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
     * Adds an SA.
     *
     * @return this file, for chaining
     * @throws IllegalArgumentException as described in {@link Entry}
     */
    public EspSaFile add(InetAddress source, InetAddress destination, int spi, byte[] key, byte[] salt) {
        entries.add(new Entry(source, destination, spi, key, salt));
        return this;
    }

    /** Returns the SAs in the order added. */
    public List<Entry> entries() {
        return List.copyOf(entries);
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
}
