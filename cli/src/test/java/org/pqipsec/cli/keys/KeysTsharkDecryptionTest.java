package org.pqipsec.cli.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Inet4Address;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pqipsec.cli.Main;
import org.pqipsec.cli.capture.PcapWriter;
import org.pqipsec.cli.capture.Tshark;
import org.pqipsec.cli.support.OuterIpv4Header;
import org.pqipsec.provider.PQIPsecProvider;

import picocli.CommandLine;

/**
 * Checks the {@code ikev2_decryption_table} that {@code pqipsec keys} writes by letting tshark
 * decrypt IKEv2 Encrypted payloads (SK, RFC 7296 §3.14) sealed here with plain JCA calls and
 * the SK_* keys that the same run printed.
 *
 * <p>Each capture contains three IKE_AUTH messages in UDP/500 over IPv4 between RFC 5737
 * addresses: the initiator's request (IDi and Notify INITIAL_CONTACT, sealed with SK_ei and
 * SK_ai), the responder's response (IDr and Notify ESP_TFC_PADDING_NOT_SUPPORTED, sealed with
 * SK_er and SK_ar) and a copy of the request with one bit of its Integrity Checksum Data
 * flipped. tshark picks SK_ei and SK_ai or SK_er and SK_ar by the header's Initiator flag, so
 * a table with either pair swapped fails the checks on both directions.
 *
 * <p>Run by hand, the check on frame 1 is:
 * <pre>
 * WIRESHARK_CONFIG_DIR=TMP tshark -n -r CAPTURE -T fields -e isakmp.id.data.fqdn
 *     -e isakmp.notify.msgtype -e isakmp.enc.pad_length
 * WIRESHARK_CONFIG_DIR=TMP tshark -n -r CAPTURE -O isakmp -V    (Integrity Checksum Data lines)
 * </pre>
 * with the written {@code ikev2_decryption_table} in TMP.
 */
class KeysTsharkDecryptionTest {

    private static final HexFormat HEX = HexFormat.of();

    private static final String NI = "8f3d2b7c61a04e9d5b2c1f0e7d6c5b4a39281706f5e4d3c2b1a0998877665544";
    private static final String NR = "0a1b2c3d4e5f60718293a4b5c6d7e8f90123456789abcdeffedcba9876543210";
    private static final String SPI_I = "a1b2c3d4e5f60718";
    private static final String SPI_R = "1827364554637281";
    private static final String SHARED_SECRET =
            "5d2e7b9c0a4f1836e2d95c7ab0418f6e3c2d1b0a99887766554433221100ffee";
    private static final String ADDITIONAL_SECRET =
            "77c1d2e3f4a5b6c7d8e9fa0b1c2d3e4f5061728394a5b6c7d8e9fa0b1c2d3e4f";

    /** IKEv2 payload types (IANA IKEv2 Payload Types). */
    private static final int PAYLOAD_IDI = 35;
    private static final int PAYLOAD_IDR = 36;
    private static final int PAYLOAD_NOTIFY = 41;
    private static final int PAYLOAD_SK = 46;

    /** IKE_AUTH exchange type and the Initiator and Response header flags (RFC 7296 §3.1). */
    private static final int IKE_AUTH = 35;
    private static final int FLAG_INITIATOR = 0x08;
    private static final int FLAG_RESPONSE = 0x20;

    private static final int ID_FQDN = 2;
    private static final int INITIAL_CONTACT = 16384;
    private static final int ESP_TFC_PADDING_NOT_SUPPORTED = 16394;

    private static final int IKE_PORT = 500;

    @TempDir
    Path directory;

    /** How the Encrypted payload is sealed. */
    enum Mode {
        /** AES-CBC (RFC 3602) with a 16-byte IV, then a truncated HMAC as the ICD. */
        CBC,
        /**
         * AES-CTR (RFC 5930) with an 8-byte IV, counter block nonce | IV | 1 (RFC 3686 §4), then
         * a truncated HMAC as the ICD.
         */
        CTR,
        /** AES-GCM (RFC 5282) with an 8-byte IV, and the GCM tag is the ICD. */
        GCM
    }

    /**
     * IKE SA transforms to seal with, by IANA transform id, and the JCA names and lengths that
     * their RFCs fix.
     */
    enum IkeTransform {
        /** ENCR_AES_CBC-256 with AUTH_HMAC_SHA2_256_128 (RFC 3602, RFC 4868). */
        AES_CBC_256_SHA2_256(12, 256, Mode.CBC, 12, "HmacSHA256", 16),
        /** ENCR_AES_CBC-128 with AUTH_HMAC_SHA1_96 (RFC 3602, RFC 2404). */
        AES_CBC_128_SHA1(12, 128, Mode.CBC, 2, "HmacSHA1", 12),
        /** ENCR_AES_CBC-256 with AUTH_HMAC_SHA2_512_256 (RFC 3602, RFC 4868). */
        AES_CBC_256_SHA2_512(12, 256, Mode.CBC, 14, "HmacSHA512", 32),
        /**
         * ENCR_AES_CBC-128 with AUTH_AES_XCBC_96 (RFC 3566), whose MAC the JDK lacks, so the
         * provider computes it. tshark 4.0.17 cannot check it.
         */
        AES_CBC_128_XCBC(12, 128, Mode.CBC, 5, "AES-XCBC-MAC-96", 12),
        /** ENCR_AES_CTR-256 with AUTH_HMAC_SHA2_384_192 (RFC 5930, RFC 4868). */
        AES_CTR_256_SHA2_384(13, 256, Mode.CTR, 13, "HmacSHA384", 24),
        /** ENCR_AES_GCM_16 with a 256-bit key: a 16-byte ICV and no integrity transform. */
        AES_GCM_16_256(20, 256, Mode.GCM, 0, null, 16),
        /** ENCR_AES_GCM_12 with a 128-bit key: a 12-byte ICV and no integrity transform. */
        AES_GCM_12_128(19, 128, Mode.GCM, 0, null, 12);

        final int encryptionId;
        final int keyBits;
        final Mode mode;
        /** IANA integrity transform id, or 0 for an AEAD cipher. */
        final int integrityId;
        /** JCA MAC name, or null for an AEAD cipher. */
        final String macAlgorithm;
        /** Length of the Integrity Checksum Data: the truncated MAC or the GCM tag. */
        final int icdLength;

        IkeTransform(int encryptionId, int keyBits, Mode mode, int integrityId,
                String macAlgorithm, int icdLength) {
            this.encryptionId = encryptionId;
            this.keyBits = keyBits;
            this.mode = mode;
            this.integrityId = integrityId;
            this.macAlgorithm = macAlgorithm;
            this.icdLength = icdLength;
        }

        /** Returns whether tshark 4.0.17 checks this transform's ICD. */
        boolean icdChecked() {
            return integrityId != 5;
        }
    }

    /** SK_* of one IKE SA as {@code pqipsec keys} printed them, with empty SK_a* for AEAD. */
    private record SkKeys(byte[] skAi, byte[] skAr, byte[] skEi, byte[] skEr) {}

    @ParameterizedTest
    @EnumSource(IkeTransform.class)
    void tsharkDecryptsWithWrittenTable(IkeTransform transform) throws Exception {
        SkKeys keys = deriveKeys(transform);
        Path table = directory.resolve(WiresharkTables.IKEV2_TABLE_NAME);
        Path capture = writeCapture(transform, keys);

        List<List<String>> frames = Tshark.fields(capture, List.of(table),
                "frame.number", "isakmp.rspi", "isakmp.id.data.fqdn", "isakmp.notify.msgtype",
                "isakmp.enc.pad_length");

        assertEquals(3, frames.size(), frames.toString());
        List<String> request = frames.get(0);
        assertEquals("initiator.example", request.get(2), "IDi of the request: " + request);
        assertEquals(String.valueOf(INITIAL_CONTACT), request.get(3), "Notify type: " + request);
        assertEquals(String.valueOf(padLength(transform, requestPayloads().length)),
                request.get(4), "pad length: " + request);

        List<String> response = frames.get(1);
        assertEquals("responder.example", response.get(2), "IDr of the response: " + response);
        assertEquals(String.valueOf(ESP_TFC_PADDING_NOT_SUPPORTED), response.get(3),
                "Notify type: " + response);

        String verbose = Tshark.dissect(capture, List.of(table), List.of("-O", "isakmp", "-V"));
        List<String> verdicts = checksumVerdicts(verbose);
        assertEquals(3, verdicts.size(), verbose);
        if (transform.icdChecked()) {
            assertTrue(verdicts.get(0).endsWith("[correct]"), "request: " + verdicts.get(0));
            assertTrue(verdicts.get(1).endsWith("[correct]"), "response: " + verdicts.get(1));
            assertTrue(verdicts.get(2).contains("[incorrect"), "flipped ICD: " + verdicts.get(2));
        } else {
            for (String verdict : verdicts) {
                assertTrue(verdict.endsWith("[not validated]"), verdict);
            }
        }
    }

    @Test
    void tsharkWithoutTableShowsNoPayloads() throws Exception {
        IkeTransform transform = IkeTransform.AES_CBC_256_SHA2_256;
        Path capture = writeCapture(transform, deriveKeys(transform));

        List<List<String>> frames = Tshark.fields(capture, List.of(),
                "frame.number", "isakmp.rspi", "isakmp.notify.msgtype");

        assertEquals(3, frames.size(), frames.toString());
        for (List<String> frame : frames) {
            assertEquals(SPI_R, frame.get(1).replace(":", ""), "IKE header: " + frame);
            assertEquals("", frame.get(2), "inner Notify without keys: " + frame);
        }
    }

    /**
     * tshark 4.0.17's IKEv2 decryption table has no ENCR_CHACHA20_POLY1305 entry, so
     * {@code pqipsec keys} writes no table for it.
     */
    @Test
    void chacha20PolyTableNotWritten() {
        KeysRun run = runKeys("--encr", "28", "--encr-bits", "256");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("ikev2_decryption_table not written: Wireshark 4.0 cannot"
                + " decrypt IKE with"), "keys output lacks the reason");
        assertFalse(Files.exists(directory.resolve(WiresharkTables.IKEV2_TABLE_NAME)));
    }

    private record KeysRun(int exitCode, String out, String err) {}

    /** Runs {@code pqipsec keys} on this class's IKE_SA_INIT values with {@code --out DIR}. */
    private KeysRun runKeys(String... transformOptions) {
        List<String> args = new ArrayList<>(List.of("keys", "--ni", NI, "--nr", NR,
                "--spi-i", SPI_I, "--spi-r", SPI_R, "--shared-secret", SHARED_SECRET,
                "--additional-secret", ADDITIONAL_SECRET, "--prf", "5",
                "--out", directory.toString()));
        args.addAll(List.of(transformOptions));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args.toArray(String[]::new));
        return new KeysRun(exitCode, out.toString(), err.toString());
    }

    /** Runs {@code pqipsec keys} for {@code transform} and reads SK_* back from its output. */
    private SkKeys deriveKeys(IkeTransform transform) {
        List<String> options = new ArrayList<>(List.of(
                "--encr", String.valueOf(transform.encryptionId),
                "--encr-bits", String.valueOf(transform.keyBits)));
        if (transform.integrityId != 0) {
            options.add("--integ");
            options.add(String.valueOf(transform.integrityId));
        }
        KeysRun run = runKeys(options.toArray(String[]::new));

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("wrote "
                + directory.resolve(WiresharkTables.IKEV2_TABLE_NAME)), "keys wrote no table");
        return new SkKeys(printedKey(run.out(), "SK_ai"), printedKey(run.out(), "SK_ar"),
                printedKey(run.out(), "SK_ei"), printedKey(run.out(), "SK_er"));
    }

    /** Returns the key on the output line {@code "  NAME  HEX"}, or no bytes for "(none)". */
    private static byte[] printedKey(String output, String name) {
        for (String line : output.lines().toList()) {
            String[] words = line.trim().split("\\s+");
            if (words.length == 2 && words[0].equals(name)) {
                return words[1].equals("(none)") ? new byte[0] : HEX.parseHex(words[1]);
            }
        }
        throw new AssertionError(name + " missing from the keys output");
    }

    private Path writeCapture(IkeTransform transform, SkKeys keys) throws Exception {
        byte[] request = sealMessage(transform, keys.skEi(), keys.skAi(), FLAG_INITIATOR,
                PAYLOAD_IDI, requestPayloads());
        byte[] response = sealMessage(transform, keys.skEr(), keys.skAr(), FLAG_RESPONSE,
                PAYLOAD_IDR, responsePayloads());
        byte[] tampered = request.clone();
        tampered[tampered.length - 1] ^= 0x01;

        Path capture = directory.resolve("ike-" + transform.name() + ".pcap");
        try (PcapWriter writer = PcapWriter.create(capture)) {
            Instant time = Instant.parse("2026-01-01T00:00:00Z");
            writer.write(time, udpOverIpv4(OuterIpv4Header.DOCUMENTATION_SOURCE,
                    OuterIpv4Header.DOCUMENTATION_DESTINATION, 1, request));
            writer.write(time.plusMillis(1), udpOverIpv4(OuterIpv4Header.DOCUMENTATION_DESTINATION,
                    OuterIpv4Header.DOCUMENTATION_SOURCE, 2, response));
            writer.write(time.plusMillis(2), udpOverIpv4(OuterIpv4Header.DOCUMENTATION_SOURCE,
                    OuterIpv4Header.DOCUMENTATION_DESTINATION, 3, tampered));
        }
        return capture;
    }

    /** IDi(FQDN initiator.example) followed by N(INITIAL_CONTACT). */
    private static byte[] requestPayloads() {
        return concat(identification(PAYLOAD_NOTIFY, "initiator.example"),
                notify(0, INITIAL_CONTACT));
    }

    /** IDr(FQDN responder.example) followed by N(ESP_TFC_PADDING_NOT_SUPPORTED). */
    private static byte[] responsePayloads() {
        return concat(identification(PAYLOAD_NOTIFY, "responder.example"),
                notify(0, ESP_TFC_PADDING_NOT_SUPPORTED));
    }

    /**
     * Seals {@code innerPayloads} into an IKE_AUTH message with message ID 1 (RFC 7296 §3.14):
     *
     * <pre>
     * IKE header (28) | SK header (4) | IV | encrypt(inner payloads | padding | pad length) | ICD
     * </pre>
     *
     * With AES-CBC and AES-CTR the ICD is the truncated HMAC over everything before it. With
     * AES-GCM (RFC 5282) the nonce is the 4-byte salt at the end of SK_e followed by the IV, the
     * AAD is the IKE header and the SK header, and the ICD is the GCM tag.
     */
    private static byte[] sealMessage(IkeTransform transform, byte[] skE, byte[] skA, int flags,
            int firstInnerPayload, byte[] innerPayloads) throws GeneralSecurityException {
        int padLength = padLength(transform, innerPayloads.length);
        byte[] plaintext = new byte[innerPayloads.length + padLength + 1];
        System.arraycopy(innerPayloads, 0, plaintext, 0, innerPayloads.length);
        plaintext[plaintext.length - 1] = (byte) padLength;

        int ivLength = transform.mode == Mode.CBC ? 16 : 8;
        byte[] iv = new byte[ivLength];
        for (int i = 0; i < iv.length; i++) {
            iv[i] = (byte) (flags + i);
        }
        int skLength = 4 + ivLength + plaintext.length + transform.icdLength;
        byte[] message = new byte[28 + skLength];

        // IKE header: SPIi | SPIr | next payload | version 2.0 | exchange type | flags |
        // message ID | length.
        System.arraycopy(HEX.parseHex(SPI_I), 0, message, 0, 8);
        System.arraycopy(HEX.parseHex(SPI_R), 0, message, 8, 8);
        message[16] = PAYLOAD_SK;
        message[17] = 0x20;
        message[18] = IKE_AUTH;
        message[19] = (byte) flags;
        putInt(message, 20, 1);
        putInt(message, 24, message.length);

        // SK payload header: the next payload is the first inner payload, and the critical bit is
        // clear.
        message[28] = (byte) firstInnerPayload;
        putShort(message, 30, skLength);
        System.arraycopy(iv, 0, message, 32, ivLength);
        int encryptedOffset = 32 + ivLength;

        int keyLength = transform.keyBits / 8;
        SecretKeySpec aesKey = new SecretKeySpec(skE, 0, keyLength, "AES");
        byte[] salt = Arrays.copyOfRange(skE, keyLength, skE.length);
        byte[] sealed = switch (transform.mode) {
            case CBC -> {
                Cipher cbc = Cipher.getInstance("AES/CBC/NoPadding");
                cbc.init(Cipher.ENCRYPT_MODE, aesKey, new IvParameterSpec(iv));
                yield cbc.doFinal(plaintext);
            }
            case CTR -> {
                byte[] counterBlock = concat(concat(salt, iv), new byte[] {0, 0, 0, 1});
                Cipher ctr = Cipher.getInstance("AES/CTR/NoPadding");
                ctr.init(Cipher.ENCRYPT_MODE, aesKey, new IvParameterSpec(counterBlock));
                yield ctr.doFinal(plaintext);
            }
            case GCM -> {
                Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
                gcm.init(Cipher.ENCRYPT_MODE, aesKey,
                        new GCMParameterSpec(transform.icdLength * 8, concat(salt, iv)));
                gcm.updateAAD(message, 0, 32);
                yield gcm.doFinal(plaintext);
            }
        };
        System.arraycopy(sealed, 0, message, encryptedOffset, sealed.length);

        if (transform.mode != Mode.GCM) {
            Mac mac = transform.macAlgorithm.startsWith("Hmac")
                    ? Mac.getInstance(transform.macAlgorithm)
                    : Mac.getInstance(transform.macAlgorithm, new PQIPsecProvider());
            mac.init(new SecretKeySpec(skA, transform.macAlgorithm));
            mac.update(message, 0, message.length - transform.icdLength);
            byte[] checksum = mac.doFinal();
            System.arraycopy(checksum, 0, message, message.length - transform.icdLength,
                    transform.icdLength);
        }
        return message;
    }

    /**
     * Returns the padding length: up to a whole number of 16-byte blocks for AES-CBC, and for
     * AES-CTR and AES-GCM, which need no block alignment, 3 bytes, so that the decrypted data
     * is not a multiple of the AES block size.
     */
    private static int padLength(IkeTransform transform, int innerLength) {
        if (transform.mode != Mode.CBC) {
            return 3;
        }
        return (16 - (innerLength + 1) % 16) % 16;
    }

    /** ID payload (RFC 7296 §3.5) with an ID_FQDN. */
    private static byte[] identification(int nextPayload, String fqdn) {
        byte[] name = fqdn.getBytes(StandardCharsets.US_ASCII);
        byte[] payload = new byte[8 + name.length];
        payload[0] = (byte) nextPayload;
        putShort(payload, 2, payload.length);
        payload[4] = ID_FQDN;
        System.arraycopy(name, 0, payload, 8, name.length);
        return payload;
    }

    /** Notify payload (RFC 7296 §3.10) with protocol ID 0, no SPI and no data. */
    private static byte[] notify(int nextPayload, int type) {
        byte[] payload = new byte[8];
        payload[0] = (byte) nextPayload;
        putShort(payload, 2, payload.length);
        putShort(payload, 6, type);
        return payload;
    }

    /** UDP (RFC 768) from port 500 to port 500, checksum 0 (none), in an IPv4 packet. */
    private static byte[] udpOverIpv4(Inet4Address source,
            Inet4Address destination, int identification, byte[] ikeMessage) {
        byte[] udp = new byte[8 + ikeMessage.length];
        putShort(udp, 0, IKE_PORT);
        putShort(udp, 2, IKE_PORT);
        putShort(udp, 4, udp.length);
        System.arraycopy(ikeMessage, 0, udp, 8, ikeMessage.length);
        return OuterIpv4Header.wrap(source, destination, identification,
                OuterIpv4Header.PROTOCOL_UDP, udp);
    }

    /** Returns the "Integrity Checksum Data" line of each frame in tshark's -V output. */
    private static List<String> checksumVerdicts(String verbose) {
        List<String> verdicts = new ArrayList<>();
        for (String line : verbose.lines().toList()) {
            if (line.trim().startsWith("Integrity Checksum Data:")) {
                verdicts.add(line.trim());
            }
        }
        return verdicts;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first);
        out.writeBytes(second);
        return out.toByteArray();
    }

    private static void putShort(byte[] bytes, int offset, int value) {
        bytes[offset] = (byte) (value >>> 8);
        bytes[offset + 1] = (byte) value;
    }

    private static void putInt(byte[] bytes, int offset, int value) {
        putShort(bytes, offset, value >>> 16);
        putShort(bytes, offset + 2, value);
    }
}
