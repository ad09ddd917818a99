package org.pqipsec.cli.keys;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidAlgorithmParameterException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.pqipsec.esp.EspTransform;
import org.pqipsec.provider.ike.IkeNonce;
import org.pqipsec.provider.spec.EncryptionAlgorithm;
import org.pqipsec.provider.spec.EncryptionTransform;
import org.pqipsec.provider.spec.IkePrf;
import org.pqipsec.provider.spec.IntegrityAlgorithm;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The checked inputs of {@code pqipsec keys}, read from its options and the {@code --json}
 * object. An option overrides the JSON key of the same name.
 *
 * @param espEncryption the ESP encryption transform of the Child SA
 * @param espSpiI the SPI of the ESP SA that carries initiator-to-responder traffic
 * @param espSpiR the SPI of the ESP SA that carries responder-to-initiator traffic
 */
record KeysInputs(byte[] ni, byte[] nr, byte[] spiI, byte[] spiR, byte[] sharedSecret,
        List<byte[]> additionalSecrets, IkePrf prf, EncryptionTransform ikeEncryption,
        IntegrityAlgorithm ikeIntegrity, ChildEncryption espEncryption,
        IntegrityAlgorithm espIntegrity, int espSpiI, int espSpiR, InetAddress initiator,
        InetAddress responder) {

    /**
     * An ESP encryption transform and the transform whose KEYMAT layout it shares.
     *
     * @param ianaName the IANA name, for example {@code ENCR_AES_GCM_16_IIV}
     * @param keymat the transform that sets the KEYMAT lengths. The RFC 8750 implicit-IV
     *     transforms take the key and salt of their base transform, as {@link EspTransform} states
     * @param espSa the transform of the {@code esp_sa} records, or empty when {@code esp_sa}
     *     has no records for it
     */
    record ChildEncryption(String ianaName, EncryptionTransform keymat,
            Optional<EspTransform> espSa) {}

    /** One input: its option name and its key in the JSON object. */
    private enum Field {
        NI("--ni", "ni"),
        NR("--nr", "nr"),
        SPI_I("--spi-i", "spiI"),
        SPI_R("--spi-r", "spiR"),
        SHARED_SECRET("--shared-secret", "sharedSecret"),
        ADDITIONAL_SECRETS("--additional-secret", "additionalSecrets"),
        PRF("--prf", "prf"),
        ENCR("--encr", "encr"),
        ENCR_BITS("--encr-bits", "encrBits"),
        INTEG("--integ", "integ"),
        ESP_ENCR("--esp-encr", "espEncr"),
        ESP_BITS("--esp-bits", "espBits"),
        ESP_INTEG("--esp-integ", "espInteg"),
        ESP_SPI_I("--esp-spi-i", "espSpiI"),
        ESP_SPI_R("--esp-spi-r", "espSpiR"),
        INITIATOR("--initiator", "initiator"),
        RESPONDER("--responder", "responder");

        final String option;
        final String key;

        Field(String option, String key) {
            this.option = option;
            this.key = key;
        }
    }

    /** A value and the name of its source for messages: the option or the JSON key. */
    private record SourcedValue<T>(T value, String label) {}

    private static final String PRF_IDS = "2, 4, 5, 6, 7 or 8";
    private static final String IKE_ENCRYPTION_IDS = "12, 13, 14, 15, 16, 18, 19, 20 or 28";
    private static final String ESP_ENCRYPTION_IDS =
            "12, 13, 14, 15, 16, 18, 19, 20, 21, 28, 30 or 31";
    private static final String INTEGRITY_IDS = "2, 5, 8, 12, 13 or 14";

    /**
     * Reads and checks every input before anything is derived or written.
     *
     * @throws ParameterException for a missing or invalid value, which the command line reports
     *     as invalid usage. The message names the option or JSON key and never contains a secret
     * @throws IOException if the {@code --json} file cannot be read
     */
    static KeysInputs read(KeysCommand options, CommandLine commandLine) throws IOException {
        return new Reader(options, commandLine).read();
    }

    /** Reads the inputs of one run; the JSON object is empty without {@code --json}. */
    private static final class Reader {

        private static final HexFormat HEX = HexFormat.of();

        private final KeysCommand options;
        private final CommandLine commandLine;
        private Map<String, Object> json = Map.of();

        Reader(KeysCommand options, CommandLine commandLine) {
            this.options = options;
            this.commandLine = commandLine;
        }

        KeysInputs read() throws IOException {
            if (options.json != null) {
                json = readJson(options.json);
            }

            IkePrf prf = prf(number(options.prf, Field.PRF, 5));
            byte[] ni = nonce(required(options.ni, Field.NI), prf);
            byte[] nr = nonce(required(options.nr, Field.NR), prf);
            byte[] spiI = fixedHex(required(options.spiI, Field.SPI_I), 8);
            byte[] spiR = fixedHex(required(options.spiR, Field.SPI_R), 8);
            byte[] sharedSecret = hex(required(options.sharedSecret, Field.SHARED_SECRET));
            List<byte[]> additionalSecrets = additionalSecrets();

            SourcedValue<Integer> encr = number(options.encr, Field.ENCR, 20);
            if (encr.value() == EncryptionAlgorithm.NULL_AUTH_AES_GMAC.ianaId()) {
                throw usage(encr.label() + " " + encr.value() + " (ENCR_NULL_AUTH_AES_GMAC) does not"
                        + " encrypt, so IKE cannot use it; expected " + IKE_ENCRYPTION_IDS);
            }
            EncryptionAlgorithm ikeAlgorithm = EncryptionAlgorithm.fromIanaId(encr.value())
                    .orElseThrow(() -> usage(encr.label() + " " + encr.value() + " is not a"
                            + " supported encryption transform id; expected " + IKE_ENCRYPTION_IDS));
            EncryptionTransform ikeEncryption = encryption(ikeAlgorithm,
                    number(options.encrBits, Field.ENCR_BITS, 256));
            IntegrityAlgorithm ikeIntegrity = integrity(ikeAlgorithm, options.integ, Field.INTEG);

            ChildEncryption espEncryption = espEncryption(number(options.espEncr, Field.ESP_ENCR, 20),
                    number(options.espBits, Field.ESP_BITS, 256));
            IntegrityAlgorithm espIntegrity = integrity(espEncryption.keymat().algorithm(),
                    options.espInteg, Field.ESP_INTEG);
            int espSpiI = espSpi(text(options.espSpiI, Field.ESP_SPI_I, "00000100"));
            int espSpiR = espSpi(text(options.espSpiR, Field.ESP_SPI_R, "00000101"));

            SourcedValue<String> initiatorText = text(options.initiatorAddress, Field.INITIATOR, "192.0.2.1");
            SourcedValue<String> responderText = text(options.responderAddress, Field.RESPONDER,
                    "198.51.100.1");
            InetAddress initiator = address(initiatorText);
            InetAddress responder = address(responderText);
            if ((initiator instanceof Inet4Address) != (responder instanceof Inet4Address)) {
                throw usage(initiatorText.label() + " " + initiatorText.value() + " and "
                        + responderText.label() + " " + responderText.value()
                        + " must both be IPv4 or both be IPv6");
            }

            return new KeysInputs(ni, nr, spiI, spiR, sharedSecret, additionalSecrets, prf,
                    ikeEncryption, ikeIntegrity, espEncryption, espIntegrity, espSpiI, espSpiR,
                    initiator, responder);
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> readJson(Path file) throws IOException {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (CharacterCodingException e) {
                throw usage(file + ": is not UTF-8 text");
            }
            Object parsed;
            try {
                parsed = Json.parse(text);
            } catch (IllegalArgumentException e) {
                throw usage(file + ": " + e.getMessage());
            }
            if (!(parsed instanceof Map<?, ?> object)) {
                throw usage(file + ": expected a JSON object, got " + typeName(parsed));
            }
            List<String> known = Arrays.stream(Field.values()).map(field -> field.key).toList();
            for (Object key : object.keySet()) {
                if (!known.contains(key)) {
                    throw usage(file + ": unknown key \"" + key + "\"; expected "
                            + String.join(", ", known));
                }
            }
            return (Map<String, Object>) object;
        }

        /** Returns the label for a value read from the JSON object. */
        private String jsonLabel(Field field) {
            return options.json + ": key \"" + field.key + "\"";
        }

        /** Describes a missing input by its option and, with {@code --json}, its JSON key. */
        private String missing(Field field) {
            if (options.json == null) {
                return "missing " + field.option;
            }
            return "missing " + field.option + " (or key \"" + field.key + "\" in " + options.json
                    + ")";
        }

        /** Returns the JSON value of {@code field}, where null counts as absent. */
        private Optional<Object> jsonValue(Field field) {
            return Optional.ofNullable(json.get(field.key));
        }

        private SourcedValue<String> required(String option, Field field) {
            return optionalText(option, field).orElseThrow(() -> usage(missing(field)));
        }

        private SourcedValue<String> text(String option, Field field, String fallback) {
            return optionalText(option, field).orElse(new SourcedValue<>(fallback, field.option));
        }

        private Optional<SourcedValue<String>> optionalText(String option, Field field) {
            if (option != null) {
                return Optional.of(new SourcedValue<>(option, field.option));
            }
            return jsonValue(field).map(value -> {
                if (!(value instanceof String text)) {
                    throw usage(jsonLabel(field) + " must be a string, got " + typeName(value));
                }
                return new SourcedValue<>(text, jsonLabel(field));
            });
        }

        private SourcedValue<Integer> number(Integer option, Field field, int fallback) {
            return optionalNumber(option, field).orElse(new SourcedValue<>(fallback, field.option));
        }

        private Optional<SourcedValue<Integer>> optionalNumber(Integer option, Field field) {
            if (option != null) {
                return Optional.of(new SourcedValue<>(option, field.option));
            }
            return jsonValue(field).map(value -> {
                if (!(value instanceof BigDecimal number)) {
                    throw usage(jsonLabel(field) + " must be an integer, got " + typeName(value));
                }
                try {
                    return new SourcedValue<>(number.intValueExact(), jsonLabel(field));
                } catch (ArithmeticException e) {
                    throw usage(jsonLabel(field) + " must be an integer, got " + number);
                }
            });
        }

        private List<byte[]> additionalSecrets() {
            List<byte[]> secrets = new ArrayList<>();
            if (options.additionalSecrets != null) {
                for (String text : options.additionalSecrets) {
                    secrets.add(hex(new SourcedValue<>(text, Field.ADDITIONAL_SECRETS.option)));
                }
                return secrets;
            }
            Optional<Object> value = jsonValue(Field.ADDITIONAL_SECRETS);
            if (value.isEmpty()) {
                return secrets;
            }
            String label = jsonLabel(Field.ADDITIONAL_SECRETS);
            if (!(value.get() instanceof List<?> items)) {
                throw usage(label + " must be an array of strings, got " + typeName(value.get()));
            }
            for (int i = 0; i < items.size(); i++) {
                String itemLabel = label + " item " + (i + 1);
                if (!(items.get(i) instanceof String text)) {
                    throw usage(itemLabel + " must be a string, got " + typeName(items.get(i)));
                }
                secrets.add(hex(new SourcedValue<>(text, itemLabel)));
            }
            return secrets;
        }

        /** Parses hex digits, with or without {@code 0x}; messages never contain the digits. */
        private byte[] hex(SourcedValue<String> input) {
            String text = input.value();
            String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
            if (digits.isEmpty()) {
                throw usage(input.label() + " is empty; expected hex digits");
            }
            if (!digits.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 0x80)) {
                throw usage(input.label() + " is not hexadecimal; expected only the digits 0-9"
                        + " and a-f, with an optional 0x");
            }
            if (digits.length() % 2 != 0) {
                throw usage(input.label() + " has an odd number of hex digits ("
                        + digits.length() + "); expected whole bytes");
            }
            return HEX.parseHex(digits);
        }

        private byte[] fixedHex(SourcedValue<String> input, int length) {
            byte[] bytes = hex(input);
            if (bytes.length != length) {
                throw usage(input.label() + " must be " + length + " bytes, got " + bytes.length
                        + (bytes.length == 1 ? " byte" : " bytes"));
            }
            return bytes;
        }

        /** Parses a nonce and checks its length against RFC 7296 §2.10 and §3.9. */
        private byte[] nonce(SourcedValue<String> input, IkePrf prf) {
            byte[] nonce = hex(input);
            if (nonce.length < IkeNonce.minLength(prf) || nonce.length > IkeNonce.MAX_LENGTH) {
                throw usage(input.label() + " must be " + IkeNonce.minLength(prf) + " to "
                        + IkeNonce.MAX_LENGTH + " bytes for " + prf + " (RFC 7296 §2.10, §3.9), got "
                        + nonce.length + (nonce.length == 1 ? " byte" : " bytes"));
            }
            try {
                IkeNonce.check(nonce, input.label(), prf);
            } catch (InvalidAlgorithmParameterException e) {
                throw usage(e.getMessage());
            }
            return nonce;
        }

        /** Parses an ESP SPI, rejecting the values 0 to 255 that RFC 4303 §2.1 reserves. */
        private int espSpi(SourcedValue<String> input) {
            int spi = HexFormat.fromHexDigits(HEX.formatHex(fixedHex(input, 4)));
            if (Integer.compareUnsigned(spi, 255) <= 0) {
                throw usage(input.label() + " must not be 00000000 to 000000ff, which RFC 4303"
                        + " §2.1 reserves");
            }
            return spi;
        }

        private IkePrf prf(SourcedValue<Integer> id) {
            return IkePrf.fromIanaId(id.value()).orElseThrow(() -> usage(id.label() + " "
                    + id.value() + " is not a supported PRF transform id; expected " + PRF_IDS));
        }

        private EncryptionTransform encryption(EncryptionAlgorithm algorithm, SourcedValue<Integer> bits) {
            if (!algorithm.acceptsKeyBits(bits.value())) {
                throw usage(bits.label() + " " + bits.value() + " is not a key length of "
                        + algorithm.ianaName() + "; expected "
                        + (algorithm == EncryptionAlgorithm.CHACHA20_POLY1305
                                ? "256" : "128, 192 or 256"));
            }
            return new EncryptionTransform(algorithm, bits.value());
        }

        /**
         * Finds an ESP encryption transform: one of the provider's, or an RFC 8750 implicit-IV
         * transform, which derives its keys as its base transform does.
         */
        private ChildEncryption espEncryption(SourcedValue<Integer> id, SourcedValue<Integer> bits) {
            Optional<EspTransform> esp = Arrays.stream(EspTransform.values())
                    .filter(transform -> transform.ianaId() == id.value())
                    .findFirst();
            EncryptionAlgorithm algorithm;
            String name;
            if (esp.isPresent() && esp.get().implicitIv()) {
                algorithm = esp.get().cipher() == EspTransform.Cipher.CHACHA20_POLY1305
                        ? EncryptionAlgorithm.CHACHA20_POLY1305 : EncryptionAlgorithm.AES_GCM_16;
                name = esp.get().name();
            } else {
                algorithm = EncryptionAlgorithm.fromIanaId(id.value()).orElseThrow(() ->
                        usage(id.label() + " " + id.value() + " is not a supported encryption"
                                + " transform id; expected " + ESP_ENCRYPTION_IDS));
                name = algorithm.ianaName();
            }
            EncryptionTransform keymat = encryption(algorithm, bits);
            return new ChildEncryption(name, keymat, esp);
        }

        /**
         * Parses the integrity transform that goes with {@code cipher}: none for an AEAD cipher,
         * which carries its own ICV, and one for any other cipher.
         */
        private IntegrityAlgorithm integrity(EncryptionAlgorithm cipher, Integer option,
                Field field) {
            Optional<SourcedValue<Integer>> id = optionalNumber(option, field);
            if (id.isEmpty()) {
                if (!cipher.isAead()) {
                    throw usage(missing(field) + ": " + cipher.ianaName() + " needs an integrity transform; expected "
                            + INTEGRITY_IDS);
                }
                return null;
            }
            SourcedValue<Integer> input = id.get();
            IntegrityAlgorithm integrity = IntegrityAlgorithm.fromIanaId(input.value())
                    .orElseThrow(() -> usage(input.label() + " " + input.value() + " is not a"
                            + " supported integrity transform id; expected " + INTEGRITY_IDS));
            if (cipher.isAead()) {
                throw usage(input.label() + " must be left out for " + cipher.ianaName()
                        + ", an AEAD cipher that carries its own ICV");
            }
            return integrity;
        }

        /** Parses a literal address; {@code InetAddress.ofLiteral} never looks a name up. */
        private InetAddress address(SourcedValue<String> input) {
            if (input.value().indexOf('%') >= 0) {
                throw usage(input.label() + " " + input.value() + " has a scope id, which esp_sa"
                        + " cannot contain; give the address without it");
            }
            try {
                return InetAddress.ofLiteral(input.value());
            } catch (IllegalArgumentException e) {
                throw usage(input.label() + " " + input.value()
                        + " is not an IPv4 or IPv6 address");
            }
        }

        private ParameterException usage(String message) {
            return new ParameterException(commandLine, message);
        }

        private static String typeName(Object value) {
            return switch (value) {
                case null -> "null";
                case String s -> "a string";
                case BigDecimal n -> "a number";
                case Boolean b -> "a boolean";
                case List<?> l -> "an array";
                case Map<?, ?> m -> "an object";
                default -> value.getClass().getSimpleName();
            };
        }
    }

    /** Describes the transforms that {@code esp_sa} has records for, by IANA name. */
    static String espSaTransforms() {
        return Arrays.stream(EspTransform.values()).map(Enum::name)
                .collect(Collectors.joining(", "));
    }
}
