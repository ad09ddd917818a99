package org.pqipsec.cli.keys;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import javax.crypto.KDF;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.pqipsec.cli.capture.EspSaFile;
import org.pqipsec.cli.support.IoErrors;
import org.pqipsec.cli.support.OutputFiles;
import org.pqipsec.esp.EspTransform;
import org.pqipsec.provider.PQIPsecProvider;
import org.pqipsec.provider.spec.AdditionalKeyExchangeParameterSpec;
import org.pqipsec.provider.spec.ChildSaKeymatParameterSpec;
import org.pqipsec.provider.spec.ChildSaKeys;
import org.pqipsec.provider.spec.EncryptionTransform;
import org.pqipsec.provider.spec.IkeSaKeys;
import org.pqipsec.provider.spec.IkeSaKeysParameterSpec;
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
 * {@code ikev2_decryption_table} and {@code esp_sa} lines. It checks every input first and
 * writes both files together before printing, so a failed run prints no keys and leaves the
 * files of an earlier run as they were.
 */
@Command(
        name = "keys",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Derives and prints SK_* and the first Child SA's KEYMAT from IKE_SA_INIT values, and"
                    + " writes Wireshark decryption tables, for debugging IKEv2 interop.",
            "Values come from options or from a JSON object (--json) with the option names in"
                    + " camel case: strings of hex digits for ni, nr, spiI, spiR, sharedSecret,"
                    + " espSpiI and espSpiR, an array of such strings for additionalSecrets,"
                    + " integers for prf, encr, encrBits, integ, espEncr, espBits and espInteg,"
                    + " and strings for initiator and responder. A null value counts as absent,"
                    + " and other keys are rejected. An option overrides the file. The output"
                    + " shows secrets: run it on test keys only."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the keys were derived and printed, and the files written",
            "1:an error: the --json file could not be read or --out could not be written",
            "2:invalid usage, including a missing, invalid or unknown value in the --json file",
        })
public final class KeysCommand implements Callable<Integer> {

    static final int EXIT_FAILURE = 1;

    private static final HexFormat HEX = HexFormat.of();

    @Option(names = "--json", paramLabel = "FILE", description = "JSON object with the inputs.")
    Path json;

    @Option(names = "--ni", paramLabel = "HEX", description = "Initiator's nonce Ni, 16 to 256"
            + " bytes and at least half the PRF key size (RFC 7296 §2.10).")
    String ni;

    @Option(names = "--nr", paramLabel = "HEX", description = "Responder's nonce Nr, with the"
            + " same length limits as --ni.")
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

    @Option(names = "--encr", paramLabel = "ID", description = "IKE encryption transform id:"
            + " 12, 13, 14, 15, 16, 18, 19, 20 or 28. Default: 20 (ENCR_AES_GCM_16).")
    Integer encr;

    @Option(names = "--encr-bits", paramLabel = "BITS", description = "IKE encryption key length"
            + " in bits: 128, 192 or 256, and only 256 for ChaCha20-Poly1305. Default: 256.")
    Integer encrBits;

    @Option(names = "--integ", paramLabel = "ID", description = "IKE integrity transform id:"
            + " 2, 5, 8, 12, 13 or 14. Required with --encr 12 or 13, and left out for an AEAD"
            + " cipher.")
    Integer integ;

    @Option(names = "--esp-encr", paramLabel = "ID", description = "ESP encryption transform id:"
            + " 12, 13, 14, 15, 16, 18, 19, 20, 21, 28, 30 or 31. Default: 20 (ENCR_AES_GCM_16).")
    Integer espEncr;

    @Option(names = "--esp-bits", paramLabel = "BITS", description = "ESP encryption key length in"
            + " bits, as for --encr-bits. Default: 256.")
    Integer espBits;

    @Option(names = "--esp-integ", paramLabel = "ID", description = "ESP integrity transform id,"
            + " as for --integ. Required with --esp-encr 12 or 13, and left out for an AEAD"
            + " cipher.")
    Integer espInteg;

    @Option(names = "--esp-spi-i", paramLabel = "HEX", description = "SPI of the ESP SA that"
            + " carries initiator-to-responder traffic, 4 bytes, not 00000000 to 000000ff."
            + " Default: 00000100.")
    String espSpiI;

    @Option(names = "--esp-spi-r", paramLabel = "HEX", description = "SPI of the ESP SA that"
            + " carries responder-to-initiator traffic, 4 bytes, not 00000000 to 000000ff."
            + " Default: 00000101.")
    String espSpiR;

    @Option(names = "--initiator", paramLabel = "ADDRESS",
            description = "Initiator's IP address for esp_sa. Default: 192.0.2.1.")
    String initiatorAddress;

    @Option(names = "--responder", paramLabel = "ADDRESS",
            description = "Responder's IP address for esp_sa, of the same IP version as"
                    + " --initiator. Default: 198.51.100.1.")
    String responderAddress;

    @Option(names = "--out", paramLabel = "DIR", description = "Directory to write "
            + "ikev2_decryption_table and esp_sa to, created if missing. Default: none.")
    Path outputDirectory;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (outputDirectory != null && outputDirectory.toString().isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--out must name a directory");
        }
        KeysInputs in;
        try {
            in = KeysInputs.read(this, spec.commandLine());
        } catch (NoSuchFileException e) {
            err.println("pqipsec keys: --json " + json + ": file not found");
            return EXIT_FAILURE;
        } catch (IOException e) {
            err.println("pqipsec keys: cannot read --json " + json + ": " + IoErrors.reason(e));
            return EXIT_FAILURE;
        }

        KDF kdf;
        try {
            kdf = KDF.getInstance(in.prf().kdfAlgorithm(), new PQIPsecProvider());
        } catch (NoSuchAlgorithmException e) {
            err.println("pqipsec keys: the provider has no KDF " + in.prf().kdfAlgorithm());
            return EXIT_FAILURE;
        }
        IkeSaKeys keys = null;
        ChildSaKeys child = null;
        OutputFiles files = null;
        try {
            StringBuilder report = new StringBuilder();
            keys = deriveIkeSaKeys(kdf, in, report);
            child = deriveChildSaKeys(kdf, in, keys, report);
            if (outputDirectory != null) {
                files = OutputFiles.in(outputDirectory);
                List<String> lines = new ArrayList<>();
                stageIkeTable(files, in, keys, lines);
                stageEspSa(files, in, child, lines);
                files.commit();
                lines.forEach(line -> report.append(line).append('\n'));
            }
            out.print(report);
            out.flush();
            return 0;
        } catch (FileAlreadyExistsException e) {
            err.println("pqipsec keys: cannot write to --out " + outputDirectory + ": "
                    + e.getFile() + " exists and is not a directory");
            return EXIT_FAILURE;
        } catch (IOException e) {
            err.println("pqipsec keys: " + IoErrors.cannotWrite(outputDirectory, e));
            return EXIT_FAILURE;
        } catch (GeneralSecurityException e) {
            // The inputs were checked, so this is a fault of the provider, not of the values.
            err.println("pqipsec keys: key derivation failed: " + e.getMessage());
            return EXIT_FAILURE;
        } finally {
            if (files != null) {
                files.discard();
            }
            if (keys != null) {
                keys.destroy();
            }
            if (child != null) {
                child.destroy();
            }
        }
    }

    /** Derives SKEYSEED and SK_* (RFC 7296 §2.14), then updates them for each RFC 9370 secret. */
    private static IkeSaKeys deriveIkeSaKeys(KDF kdf, KeysInputs in, StringBuilder report)
            throws GeneralSecurityException {
        SecretKey skeyseed = kdf.deriveKey("IKEv2-SKEYSEED",
                new SkeyseedParameterSpec(in.ni(), in.nr(), key(in.sharedSecret())));
        IkeSaKeys keys = IkeSaKeys.derive(kdf, in.prf(), new IkeSaKeysParameterSpec(skeyseed,
                in.ni(), in.nr(), in.spiI(), in.spiR(), in.ikeEncryption(), in.ikeIntegrity()));
        report.append(String.format("SKEYSEED(0) %s%n", HEX.formatHex(skeyseed.getEncoded())));

        // RFC 9370 §2.2.2: SKEYSEED(n) = prf(SK_d(n-1), SK(n) | Ni | Nr), then new SK_*.
        for (int n = 1; n <= in.additionalSecrets().size(); n++) {
            skeyseed = kdf.deriveKey("IKEv2-SKEYSEED", new AdditionalKeyExchangeParameterSpec(
                    keys.skD(), key(in.additionalSecrets().get(n - 1)), in.ni(), in.nr()));
            keys.destroy();
            keys = IkeSaKeys.derive(kdf, in.prf(), new IkeSaKeysParameterSpec(skeyseed, in.ni(),
                    in.nr(), in.spiI(), in.spiR(), in.ikeEncryption(), in.ikeIntegrity()));
            report.append(String.format("SKEYSEED(%d) %s%n", n,
                    HEX.formatHex(skeyseed.getEncoded())));
        }

        report.append(String.format("IKE SA (%s, %s, %s)%n", in.prf().kdfAlgorithm(),
                in.ikeEncryption().keyAlgorithm(), in.ikeIntegrity() == null ? "no integrity"
                        : in.ikeIntegrity().ianaName()));
        appendKey(report, "SK_d", keys.skD().getEncoded());
        appendKey(report, "SK_ai", encoded(keys.skAi()));
        appendKey(report, "SK_ar", encoded(keys.skAr()));
        appendKey(report, "SK_ei", keys.skEi().getEncoded());
        appendKey(report, "SK_er", keys.skEr().getEncoded());
        appendKey(report, "SK_pi", keys.skPi().getEncoded());
        appendKey(report, "SK_pr", keys.skPr().getEncoded());
        return keys;
    }

    /** Derives the first Child SA's KEYMAT (RFC 7296 §2.17), initiator-to-responder first. */
    private static ChildSaKeys deriveChildSaKeys(KDF kdf, KeysInputs in, IkeSaKeys keys,
            StringBuilder report) throws GeneralSecurityException {
        EncryptionTransform encryption = in.espEncryption().keymat();
        int keymatLength = ChildSaKeys.keymatLength(encryption, in.espIntegrity());
        ChildSaKeys child = ChildSaKeys.derive(kdf, new ChildSaKeymatParameterSpec(
                keys.skD(), in.ni(), in.nr(), keymatLength), encryption, in.espIntegrity());
        report.append(String.format("Child SA KEYMAT (%s-%d, %s)%n",
                in.espEncryption().ianaName(), encryption.keyBits(),
                in.espIntegrity() == null ? "no integrity" : in.espIntegrity().ianaName()));
        appendKey(report, "ENCR i->r", encoded(child.initiatorToResponderEncryptionKey()));
        child.initiatorToResponderIntegrityKey()
                .ifPresent(k -> appendKey(report, "INTEG i->r", k.getEncoded()));
        appendKey(report, "ENCR r->i", encoded(child.responderToInitiatorEncryptionKey()));
        child.responderToInitiatorIntegrityKey()
                .ifPresent(k -> appendKey(report, "INTEG r->i", k.getEncoded()));
        return child;
    }

    private void stageIkeTable(OutputFiles files, KeysInputs in, IkeSaKeys keys,
            List<String> lines) throws IOException {
        var encryption = WiresharkTables.encryptionName(in.ikeEncryption());
        var integrity = WiresharkTables.integrityName(in.ikeIntegrity());
        Path file = outputDirectory.resolve(WiresharkTables.IKEV2_TABLE_NAME);
        if (encryption.isEmpty() || integrity.isEmpty()) {
            lines.add(String.format("%s not written: Wireshark 4.0 cannot decrypt IKE with %s",
                    file, encryption.isEmpty() ? in.ikeEncryption().keyAlgorithm()
                            : in.ikeIntegrity().ianaName()));
            return;
        }
        boolean checked = WiresharkTables.checksIntegrity(in.ikeIntegrity());
        byte[] none = new byte[0];
        String line = WiresharkTables.ikev2Line(in.spiI(), in.spiR(), keys.skEi().getEncoded(),
                keys.skEr().getEncoded(), encryption.get(),
                checked ? encoded(keys.skAi()) : none, checked ? encoded(keys.skAr()) : none,
                integrity.get());
        Files.writeString(files.stage(WiresharkTables.IKEV2_TABLE_NAME), line + "\n",
                StandardCharsets.US_ASCII);
        lines.add("wrote " + file);
        if (!checked) {
            lines.add("  Wireshark 4.0 decrypts but does not check "
                    + in.ikeIntegrity().ianaName());
        }
    }

    private void stageEspSa(OutputFiles files, KeysInputs in, ChildSaKeys child,
            List<String> lines) throws IOException {
        Path file = outputDirectory.resolve(EspSaFile.TABLE_NAME);
        if (in.espEncryption().espSa().isEmpty()) {
            lines.add(String.format("%s not written: esp_sa has records only for %s, not %s",
                    file, KeysInputs.espSaTransforms(), in.espEncryption().ianaName()));
            return;
        }
        EspTransform transform = in.espEncryption().espSa().get();
        byte[] keyIr = encoded(child.initiatorToResponderEncryptionKey());
        byte[] keyRi = encoded(child.responderToInitiatorEncryptionKey());
        EspSaFile espSa = new EspSaFile();
        try {
            espSa.add(in.initiator(), in.responder(), in.espSpiI(), transform,
                            cut(keyIr, 0, keyIr.length - EspTransform.SALT_LENGTH),
                            cut(keyIr, keyIr.length - EspTransform.SALT_LENGTH,
                                    EspTransform.SALT_LENGTH))
                    .add(in.responder(), in.initiator(), in.espSpiR(), transform,
                            cut(keyRi, 0, keyRi.length - EspTransform.SALT_LENGTH),
                            cut(keyRi, keyRi.length - EspTransform.SALT_LENGTH,
                                    EspTransform.SALT_LENGTH));
            espSa.write(files.stage(EspSaFile.TABLE_NAME));
        } finally {
            Arrays.fill(keyIr, (byte) 0);
            Arrays.fill(keyRi, (byte) 0);
            espSa.wipe();
        }
        lines.add("wrote " + file);
        EspSaFile.wiresharkNote(transform).ifPresent(lines::add);
    }

    private static byte[] encoded(Optional<SecretKey> key) {
        return key.map(SecretKey::getEncoded).orElse(new byte[0]);
    }

    private static byte[] cut(byte[] bytes, int offset, int length) {
        return Arrays.copyOfRange(bytes, offset, offset + length);
    }

    private static void appendKey(StringBuilder report, String name, byte[] key) {
        report.append(String.format("  %-10s %s%n", name,
                key.length == 0 ? "(none)" : HEX.formatHex(key)));
    }

    private static SecretKey key(byte[] bytes) {
        return new SecretKeySpec(bytes, "RAW");
    }
}
