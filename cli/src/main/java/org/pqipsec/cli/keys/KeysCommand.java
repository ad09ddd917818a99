package org.pqipsec.cli.keys;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import javax.crypto.KDF;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.pqipsec.cli.capture.EspSaFile;
import org.pqipsec.provider.PQIPsecProvider;
import org.pqipsec.provider.spec.AdditionalKeyExchangeParameterSpec;
import org.pqipsec.provider.spec.ChildSaKeymatParameterSpec;
import org.pqipsec.provider.spec.ChildSaKeys;
import org.pqipsec.provider.spec.EncryptionAlgorithm;
import org.pqipsec.provider.spec.EncryptionTransform;
import org.pqipsec.provider.spec.IkePrf;
import org.pqipsec.provider.spec.IkeSaKeys;
import org.pqipsec.provider.spec.IkeSaKeysParameterSpec;
import org.pqipsec.provider.spec.IntegrityAlgorithm;
import org.pqipsec.provider.spec.SkeyseedParameterSpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code pqipsec keys}: derives SKEYSEED, the IKE SA keys (RFC 7296 §2.14, with RFC 9370
 * additional key exchanges) and the KEYMAT of the first Child SA (RFC 7296 §2.17) from given
 * nonces, SPIs, shared secrets and transforms, prints them, and writes the matching Wireshark
 * {@code ikev2_decryption_table} and {@code esp_sa} lines.
 */
@Command(
        name = "keys",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Derive and print SK_* and the first Child SA's KEYMAT from IKE_SA_INIT values, and"
                    + " write Wireshark decryption tables, for debugging IKEv2 interop.",
            "Values come from options or from a JSON object (--json) with the option names in"
                    + " camel case (ni, nr, spiI, spiR, sharedSecret, additionalSecrets, prf,"
                    + " encr, encrBits, integ, espEncr, espBits, espInteg, espSpiI, espSpiR);"
                    + " an option overrides the file. The output shows secrets: run it on test"
                    + " keys only."
        })
public final class KeysCommand implements Callable<Integer> {

    private static final HexFormat HEX = HexFormat.of();

    @Option(names = "--json", paramLabel = "FILE", description = "JSON object with the inputs.")
    Path json;

    @Option(names = "--ni", paramLabel = "HEX", description = "Initiator's nonce Ni.")
    String ni;

    @Option(names = "--nr", paramLabel = "HEX", description = "Responder's nonce Nr.")
    String nr;

    @Option(names = "--spi-i", paramLabel = "HEX", description = "Initiator's IKE SPI, 8 bytes.")
    String spiI;

    @Option(names = "--spi-r", paramLabel = "HEX", description = "Responder's IKE SPI, 8 bytes.")
    String spiR;

    @Option(names = "--shared-secret", paramLabel = "HEX",
            description = "Shared secret g^ir of the IKE_SA_INIT key exchange.")
    String sharedSecret;

    @Option(names = "--additional-secret", paramLabel = "HEX",
            description = "Shared secret of an additional key exchange (RFC 9370), in order;"
                    + " repeat for each.")
    List<String> additionalSecrets;

    @Option(names = "--prf", paramLabel = "ID", description = "PRF transform id: 2, 4, 5, 6, 7 or 8."
            + " Default: 5.")
    Integer prf;

    @Option(names = "--encr", paramLabel = "ID", description = "IKE encryption transform id."
            + " Default: 20 (ENCR_AES_GCM_16).")
    Integer encr;

    @Option(names = "--encr-bits", paramLabel = "BITS", description = "IKE encryption key length"
            + " in bits. Default: 256.")
    Integer encrBits;

    @Option(names = "--integ", paramLabel = "ID", description = "IKE integrity transform id; omit"
            + " for an AEAD cipher.")
    Integer integ;

    @Option(names = "--esp-encr", paramLabel = "ID", description = "ESP encryption transform id."
            + " Default: 20 (ENCR_AES_GCM_16).")
    Integer espEncr;

    @Option(names = "--esp-bits", paramLabel = "BITS", description = "ESP encryption key length in"
            + " bits. Default: 256.")
    Integer espBits;

    @Option(names = "--esp-integ", paramLabel = "ID", description = "ESP integrity transform id;"
            + " omit for an AEAD cipher.")
    Integer espInteg;

    @Option(names = "--esp-spi-i", paramLabel = "HEX", description = "SPI of the ESP SA that"
            + " carries initiator-to-responder traffic, 4 bytes. Default: 00000100.")
    String espSpiI;

    @Option(names = "--esp-spi-r", paramLabel = "HEX", description = "SPI of the ESP SA that"
            + " carries responder-to-initiator traffic, 4 bytes. Default: 00000101.")
    String espSpiR;

    @Option(names = "--initiator", paramLabel = "ADDRESS", defaultValue = "192.0.2.1",
            description = "Initiator's IP address for esp_sa. Default: ${DEFAULT-VALUE}.")
    String initiatorAddress;

    @Option(names = "--responder", paramLabel = "ADDRESS", defaultValue = "198.51.100.1",
            description = "Responder's IP address for esp_sa. Default: ${DEFAULT-VALUE}.")
    String responderAddress;

    @Option(names = "--out", paramLabel = "DIR", description = "Directory to write "
            + "ikev2_decryption_table and esp_sa to, created if missing. Default: none.")
    Path outputDirectory;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, GeneralSecurityException {
        PrintWriter out = spec.commandLine().getOut();
        Inputs in = readInputs();

        KDF kdf = KDF.getInstance(in.prf.kdfAlgorithm(), new PQIPsecProvider());
        SecretKey skeyseed = kdf.deriveKey("IKEv2-SKEYSEED",
                new SkeyseedParameterSpec(in.ni, in.nr, key(in.sharedSecret)));
        IkeSaKeys keys = IkeSaKeys.derive(kdf, in.prf, new IkeSaKeysParameterSpec(
                skeyseed, in.ni, in.nr, in.spiI, in.spiR, in.ikeEncryption, in.ikeIntegrity));
        out.printf("SKEYSEED(0) %s%n", HEX.formatHex(skeyseed.getEncoded()));

        // RFC 9370 §2.2.2: SKEYSEED(n) = prf(SK_d(n-1), SK(n) | Ni | Nr), then new SK_*.
        for (int n = 1; n <= in.additionalSecrets.size(); n++) {
            skeyseed = kdf.deriveKey("IKEv2-SKEYSEED", new AdditionalKeyExchangeParameterSpec(
                    keys.skD(), key(in.additionalSecrets.get(n - 1)), in.ni, in.nr));
            keys.destroy();
            keys = IkeSaKeys.derive(kdf, in.prf, new IkeSaKeysParameterSpec(skeyseed, in.ni,
                    in.nr, in.spiI, in.spiR, in.ikeEncryption, in.ikeIntegrity));
            out.printf("SKEYSEED(%d) %s%n", n, HEX.formatHex(skeyseed.getEncoded()));
        }

        byte[] empty = new byte[0];
        byte[] skAi = keys.skAi().map(SecretKey::getEncoded).orElse(empty);
        byte[] skAr = keys.skAr().map(SecretKey::getEncoded).orElse(empty);
        out.printf("IKE SA (%s, %s, %s)%n", in.prf.kdfAlgorithm(), in.ikeEncryption.keyAlgorithm(),
                in.ikeIntegrity == null ? "no integrity" : in.ikeIntegrity.ianaName());
        printKey(out, "SK_d", keys.skD().getEncoded());
        printKey(out, "SK_ai", skAi);
        printKey(out, "SK_ar", skAr);
        printKey(out, "SK_ei", keys.skEi().getEncoded());
        printKey(out, "SK_er", keys.skEr().getEncoded());
        printKey(out, "SK_pi", keys.skPi().getEncoded());
        printKey(out, "SK_pr", keys.skPr().getEncoded());

        // RFC 7296 §2.17: KEYMAT = prf+(SK_d, Ni | Nr), initiator-to-responder keys first.
        int keymatLength = ChildSaKeys.keymatLength(in.espEncryption, in.espIntegrity);
        ChildSaKeys child = ChildSaKeys.derive(kdf, new ChildSaKeymatParameterSpec(
                keys.skD(), in.ni, in.nr, keymatLength), in.espEncryption, in.espIntegrity);
        byte[] encryptionIr = child.initiatorToResponderEncryptionKey().orElseThrow().getEncoded();
        byte[] encryptionRi = child.responderToInitiatorEncryptionKey().orElseThrow().getEncoded();
        out.printf("Child SA KEYMAT (%s, %s)%n", in.espEncryption.keyAlgorithm(),
                in.espIntegrity == null ? "no integrity" : in.espIntegrity.ianaName());
        printKey(out, "ENCR i->r", encryptionIr);
        child.initiatorToResponderIntegrityKey()
                .ifPresent(k -> printKey(out, "INTEG i->r", k.getEncoded()));
        printKey(out, "ENCR r->i", encryptionRi);
        child.responderToInitiatorIntegrityKey()
                .ifPresent(k -> printKey(out, "INTEG r->i", k.getEncoded()));

        if (outputDirectory != null) {
            Files.createDirectories(outputDirectory);
            writeIkeTable(out, in, keys, skAi, skAr);
            writeEspSa(out, in, encryptionIr, encryptionRi);
        }
        Arrays.fill(encryptionIr, (byte) 0);
        Arrays.fill(encryptionRi, (byte) 0);
        keys.destroy();
        child.destroy();
        out.flush();
        return 0;
    }

    private void writeIkeTable(PrintWriter out, Inputs in, IkeSaKeys keys, byte[] skAi,
            byte[] skAr) throws IOException {
        var encryption = WiresharkTables.encryptionName(in.ikeEncryption);
        var integrity = WiresharkTables.integrityName(in.ikeIntegrity);
        Path file = outputDirectory.resolve(WiresharkTables.IKEV2_TABLE_NAME);
        if (encryption.isEmpty() || integrity.isEmpty()) {
            out.printf("%s not written: Wireshark 4.0 cannot decrypt IKE with %s%n",
                    file, encryption.isEmpty() ? in.ikeEncryption.keyAlgorithm()
                            : in.ikeIntegrity.ianaName());
            return;
        }
        boolean checked = WiresharkTables.checksIntegrity(in.ikeIntegrity);
        byte[] none = new byte[0];
        String line = WiresharkTables.ikev2Line(in.spiI, in.spiR, keys.skEi().getEncoded(),
                keys.skEr().getEncoded(), encryption.get(), checked ? skAi : none,
                checked ? skAr : none, integrity.get());
        Files.writeString(file, line + "\n", StandardCharsets.US_ASCII);
        out.printf("wrote %s%n", file);
        if (!checked) {
            out.printf("  Wireshark 4.0 decrypts but does not check %s%n",
                    in.ikeIntegrity.ianaName());
        }
    }

    private void writeEspSa(PrintWriter out, Inputs in, byte[] keyIr, byte[] keyRi)
            throws IOException {
        Path file = outputDirectory.resolve(EspSaFile.TABLE_NAME);
        if (in.espEncryption.algorithm() != EncryptionAlgorithm.AES_GCM_16) {
            // NOTE: EspSaFile writes only ENCR_AES_GCM_16 records so far.
            out.printf("%s not written: only ENCR_AES_GCM_16 esp_sa records are supported%n",
                    file);
            return;
        }
        InetAddress initiator = address(initiatorAddress, "--initiator");
        InetAddress responder = address(responderAddress, "--responder");
        EspSaFile espSa = new EspSaFile()
                .add(initiator, responder, in.espSpiI, cut(keyIr, 0, keyIr.length - 4),
                        cut(keyIr, keyIr.length - 4, 4))
                .add(responder, initiator, in.espSpiR, cut(keyRi, 0, keyRi.length - 4),
                        cut(keyRi, keyRi.length - 4, 4));
        espSa.write(file);
        out.printf("wrote %s%n", file);
    }

    private static byte[] cut(byte[] bytes, int offset, int length) {
        return Arrays.copyOfRange(bytes, offset, offset + length);
    }

    private static void printKey(PrintWriter out, String name, byte[] key) {
        out.printf("  %-10s %s%n", name, key.length == 0 ? "(none)" : HEX.formatHex(key));
    }

    private static SecretKey key(byte[] bytes) {
        return new SecretKeySpec(bytes, "RAW");
    }

    private InetAddress address(String text, String option) {
        try {
            // Only literal addresses: the command never resolves names.
            if (!text.matches("[0-9a-fA-F:.]+")) {
                throw new UnknownHostException(text);
            }
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new ParameterException(spec.commandLine(),
                    option + " " + text + " is not an IPv4 or IPv6 address");
        }
    }

    /** The parsed and checked inputs. */
    private record Inputs(byte[] ni, byte[] nr, byte[] spiI, byte[] spiR, byte[] sharedSecret,
            List<byte[]> additionalSecrets, IkePrf prf, EncryptionTransform ikeEncryption,
            IntegrityAlgorithm ikeIntegrity, EncryptionTransform espEncryption,
            IntegrityAlgorithm espIntegrity, int espSpiI, int espSpiR) {}

    @SuppressWarnings("unchecked")
    private Inputs readInputs() throws IOException {
        Map<String, Object> file = Map.of();
        if (json != null) {
            Object parsed;
            try {
                parsed = Json.parse(Files.readString(json, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), json + ": " + e.getMessage());
            }
            if (!(parsed instanceof Map<?, ?>)) {
                throw new ParameterException(spec.commandLine(), json + ": expected a JSON object");
            }
            file = (Map<String, Object>) parsed;
        }

        List<byte[]> additional = new ArrayList<>();
        List<?> additionalTexts = additionalSecrets != null
                ? additionalSecrets
                : (List<?>) file.getOrDefault("additionalSecrets", List.of());
        for (Object text : additionalTexts) {
            additional.add(hex(String.valueOf(text), "additionalSecrets"));
        }

        int prfId = number(prf, file, "prf", 5);
        IkePrf chosenPrf = IkePrf.fromIanaId(prfId).orElseThrow(() -> new ParameterException(
                spec.commandLine(), "--prf " + prfId + " is not supported; expected 2, 4, 5, 6,"
                        + " 7 or 8"));
        return new Inputs(
                hex(text(ni, file, "ni"), "--ni"), hex(text(nr, file, "nr"), "--nr"),
                fixedHex(text(spiI, file, "spiI"), "--spi-i", 8),
                fixedHex(text(spiR, file, "spiR"), "--spi-r", 8),
                hex(text(sharedSecret, file, "sharedSecret"), "--shared-secret"),
                additional, chosenPrf,
                encryption(number(encr, file, "encr", 20), number(encrBits, file, "encrBits", 256),
                        "--encr"),
                integrity(optionalNumber(integ, file, "integ"), "--integ"),
                encryption(number(espEncr, file, "espEncr", 20),
                        number(espBits, file, "espBits", 256), "--esp-encr"),
                integrity(optionalNumber(espInteg, file, "espInteg"), "--esp-integ"),
                HexFormat.fromHexDigits(HEX.formatHex(fixedHex(
                        textOr(espSpiI, file, "espSpiI", "00000100"), "--esp-spi-i", 4))),
                HexFormat.fromHexDigits(HEX.formatHex(fixedHex(
                        textOr(espSpiR, file, "espSpiR", "00000101"), "--esp-spi-r", 4))));
    }

    private String text(String option, Map<String, Object> file, String key) {
        String value = textOr(option, file, key, null);
        if (value == null) {
            throw new ParameterException(spec.commandLine(), "missing " + key
                    + ": give it as an option or in the --json file");
        }
        return value;
    }

    private static String textOr(String option, Map<String, Object> file, String key,
            String fallback) {
        if (option != null) {
            return option;
        }
        Object value = file.get(key);
        return value == null ? fallback : String.valueOf(value);
    }

    private static int number(Integer option, Map<String, Object> file, String key, int fallback) {
        Integer value = optionalNumber(option, file, key);
        return value == null ? fallback : value;
    }

    private static Integer optionalNumber(Integer option, Map<String, Object> file, String key) {
        if (option != null) {
            return option;
        }
        Object value = file.get(key);
        return value instanceof BigDecimal number ? number.intValueExact() : null;
    }

    private byte[] hex(String text, String field) {
        try {
            byte[] bytes = HEX.parseHex(text.startsWith("0x") ? text.substring(2) : text);
            if (bytes.length == 0) {
                throw new ParameterException(spec.commandLine(), field + " is empty");
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), field
                    + " is not an even number of hex digits");
        }
    }

    private byte[] fixedHex(String text, String field, int length) {
        byte[] bytes = hex(text, field);
        if (bytes.length != length) {
            throw new ParameterException(spec.commandLine(), field + " must be " + length
                    + " bytes, got " + bytes.length);
        }
        return bytes;
    }

    private EncryptionTransform encryption(int id, int bits, String field) {
        EncryptionAlgorithm algorithm = EncryptionAlgorithm.fromIanaId(id).orElseThrow(() ->
                new ParameterException(spec.commandLine(), field + " " + id
                        + " is not a supported encryption transform"));
        try {
            return new EncryptionTransform(algorithm, bits);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private IntegrityAlgorithm integrity(Integer id, String field) {
        if (id == null) {
            return null;
        }
        return IntegrityAlgorithm.fromIanaId(id).orElseThrow(() ->
                new ParameterException(spec.commandLine(), field + " " + id
                        + " is not a supported integrity transform"));
    }
}
