package org.pqipsec.cli.esp;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.pqipsec.cli.capture.CaptureFileException;
import org.pqipsec.cli.capture.EspSaFile;
import org.pqipsec.cli.support.Counts;
import org.pqipsec.cli.support.IoErrors;
import org.pqipsec.cli.support.OutputFiles;
import org.pqipsec.esp.EspOutboundSa;
import org.pqipsec.esp.EspTransform;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code pqipsec esp seal}: seals every IP packet of a capture with one outbound SA and writes
 * the ESP capture with the matching Wireshark {@code esp_sa} file.
 */
@Command(
        name = "seal",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Seals every IPv4 and IPv6 packet of a capture with one outbound ESP SA and writes esp.pcap (raw IP)"
                    + " and esp_sa, the Wireshark SA table that also feeds 'pqipsec esp open --sa-file'. Tunnel mode"
                    + " puts each packet inside an outer IPv4 header from 192.0.2.1 to 198.51.100.1 (RFC 5737)."
                    + " Without --spi or --key, a random SPI or key is used; esp_sa contains the key.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the capture was read and esp.pcap and esp_sa written",
            "1:an error",
            "2:invalid usage",
            "3:with --strict, some frames were not sealed, or none was",
        })
public final class EspSealCommand implements Callable<Integer> {

    static final int EXIT_FAILURE = 1;
    static final int EXIT_NOT_SEALED = 3;

    private static final int RANDOM_AES_KEY_LENGTH = 32;

    @Option(names = "--in", paramLabel = "FILE", required = true,
            description = "Capture with plain IP packets (pcap or pcapng; Ethernet, Linux cooked v1/v2, BSD loopback or raw IP).")
    Path input;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "pqipsec-esp-seal",
            description = "Directory for esp.pcap and esp_sa, created if missing. Default: ${DEFAULT-VALUE}.")
    Path outputDirectory;

    @Mixin
    SaOptions saOptions;

    @Option(names = "--udp-encap",
            description = "Carry ESP in UDP from port 4500 to port 4500 (RFC 3948 NAT traversal).")
    boolean udpEncapsulation;

    @Option(names = "--strict", description = "Exit with code 3 when some frames were not sealed, or none was.")
    boolean strict;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (input.toString().isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--in must name a capture file");
        }
        if (outputDirectory.toString().isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--out must name a directory");
        }
        EspTransform transform = saOptions.transform(spec.commandLine());
        SecureRandom random = new SecureRandom();
        int spi = saOptions.spi == null ? randomSpi(random) : saOptions.spi(spec.commandLine());
        byte[] keyMaterial = saOptions.key == null
                ? randomKeyMaterial(transform, random)
                : saOptions.keyMaterial(spec.commandLine(), transform);

        OutputFiles files = null;
        EspOutboundSa sa = null;
        EspSaFile table = new EspSaFile();
        try {
            sa = EspOutboundSa.builder(transform, spi, keyMaterial).extendedSequenceNumbers(saOptions.esn).build();
            files = OutputFiles.in(outputDirectory);
            CaptureSealer.Report report = CaptureSealer.run(input, sa, saOptions.mode, udpEncapsulation,
                    files.stage("esp.pcap"));

            byte[] key = Arrays.copyOf(keyMaterial, keyMaterial.length - EspTransform.SALT_LENGTH);
            byte[] salt = Arrays.copyOfRange(keyMaterial, key.length, keyMaterial.length);
            try {
                for (CaptureSealer.AddressPair pair : report.addresses()) {
                    table.add(pair.source(), pair.destination(), spi, transform, key, salt);
                }
                table.write(files.stage(EspSaFile.TABLE_NAME));
            } finally {
                Arrays.fill(key, (byte) 0);
                Arrays.fill(salt, (byte) 0);
            }
            files.commit();

            out.print(render(report, files.directory(), transform, spi));
            out.flush();
            return exitCode(report, err);
        } catch (CaptureFileException e) {
            err.println("pqipsec esp seal: " + e.getMessage());
            return EXIT_FAILURE;
        } catch (FileAlreadyExistsException e) {
            err.println("pqipsec esp seal: --out " + e.getFile() + " " + e.getReason() + "; name a directory");
            return EXIT_FAILURE;
        } catch (IOException e) {
            err.println("pqipsec esp seal: " + IoErrors.cannotWrite(outputDirectory, e));
            return EXIT_FAILURE;
        } catch (InvalidKeyException e) {
            // The key length was checked while parsing, so the engine rejected the key itself.
            err.println("pqipsec esp seal: the " + transform + " engine rejected the key: " + e.getMessage());
            return EXIT_FAILURE;
        } finally {
            Arrays.fill(keyMaterial, (byte) 0);
            table.wipe();
            if (sa != null) {
                sa.destroy();
            }
            if (files != null) {
                files.discard();
            }
        }
    }

    /** Returns an SPI from 256 to 2^32 - 1, skipping the reserved 0 to 255 (RFC 4303 §2.1). */
    private static int randomSpi(SecureRandom random) {
        int spi;
        do {
            spi = random.nextInt();
        } while (Integer.compareUnsigned(spi, 255) <= 0);
        return spi;
    }

    /** Returns a random 32-byte key and 4-byte salt; AES gets AES-256. */
    private static byte[] randomKeyMaterial(EspTransform transform, SecureRandom random) {
        byte[] keyMaterial = new byte[RANDOM_AES_KEY_LENGTH + EspTransform.SALT_LENGTH];
        random.nextBytes(keyMaterial);
        return keyMaterial;
    }

    private String render(CaptureSealer.Report report, Path directory, EspTransform transform, int spi) {
        String mode = saOptions.mode.name().toLowerCase(Locale.ROOT);
        StringBuilder text = new StringBuilder();
        text.append("pqipsec esp seal: ").append(input).append('\n');
        text.append(Counts.of(report.framesRead(), "frame")).append(": ").append(report.sealed()).append(" sealed, ")
                .append(report.framesRead() - report.sealed()).append(" skipped\n");
        text.append("SA: SPI ").append(String.format("0x%08x", spi)).append(", ").append(transform).append(", ")
                .append(mode).append(" mode").append(saOptions.esn ? ", ESN" : "")
                .append(udpEncapsulation ? ", UDP port 4500" : "").append('\n');
        text.append("wrote ").append(directory.resolve("esp.pcap")).append(" and ")
                .append(directory.resolve(EspSaFile.TABLE_NAME)).append(" (contains the key)\n");
        for (Map.Entry<String, Long> skipped : report.skipped().entrySet()) {
            text.append("skipped: ").append(skipped.getKey()).append(' ').append(skipped.getValue()).append('\n');
        }
        text.append("open with: pqipsec esp open --in ").append(directory.resolve("esp.pcap"))
                .append(" --sa-file ").append(directory.resolve(EspSaFile.TABLE_NAME))
                .append(saOptions.mode == EspMode.TRANSPORT ? " --mode transport" : "")
                .append(saOptions.esn ? " --esn" : "").append('\n');
        EspSaFile.wiresharkNote(transform).ifPresent(note -> text.append(note).append('\n'));
        if (saOptions.esn) {
            text.append("note: esp_sa has no ESN field, so Wireshark 4.0 cannot verify these packets\n");
        }
        return text.toString();
    }

    private int exitCode(CaptureSealer.Report report, PrintWriter err) {
        if (strict && report.sealed() == 0) {
            err.println("pqipsec esp seal: --strict: the capture has no packet that could be sealed");
            return EXIT_NOT_SEALED;
        }
        if (strict && report.sealed() < report.framesRead()) {
            err.println("pqipsec esp seal: --strict: " + (report.framesRead() - report.sealed()) + " of "
                    + Counts.of(report.framesRead(), "frame")
                    + (report.framesRead() - report.sealed() == 1 ? " was" : " were") + " not sealed");
            return EXIT_NOT_SEALED;
        }
        return 0;
    }
}
