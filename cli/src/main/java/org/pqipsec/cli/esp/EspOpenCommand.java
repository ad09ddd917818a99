package org.pqipsec.cli.esp;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.pqipsec.cli.capture.CaptureFileException;
import org.pqipsec.cli.capture.EspSaFile;
import org.pqipsec.cli.capture.EspSaFileException;
import org.pqipsec.cli.support.Counts;
import org.pqipsec.cli.support.IoErrors;
import org.pqipsec.cli.support.OutputFiles;
import org.pqipsec.esp.EspDropReason;
import org.pqipsec.esp.EspInboundSa;
import org.pqipsec.esp.EspTransform;
import org.pqipsec.esp.UdpEncapsulation;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code pqipsec esp open}: decapsulates every ESP packet of a capture with SAs from a
 * Wireshark {@code esp_sa} file or from options, writes the inner packets and counts drops.
 */
@Command(
        name = "open",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Decapsulates every ESP packet of a capture (IP protocol 50, or UDP on the NAT-T port), writes the"
                    + " inner packets to inner.pcap (raw IP) and prints the drops per reason. SAs come from a"
                    + " Wireshark esp_sa file (--sa-file) or from --spi, --transform and --key.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the capture was read and inner.pcap written",
            "1:an error",
            "2:invalid usage",
            "3:with --strict, some ESP packets were dropped or none was opened",
        })
public final class EspOpenCommand implements Callable<Integer> {

    static final int EXIT_FAILURE = 1;
    static final int EXIT_DROPPED = 3;

    @Option(names = "--in", paramLabel = "FILE", required = true,
            description = "Capture with ESP packets (pcap or pcapng; Ethernet, Linux cooked v1/v2, BSD loopback or raw IP).")
    Path input;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "pqipsec-esp-open",
            description = "Directory for inner.pcap, created if missing. Default: ${DEFAULT-VALUE}.")
    Path outputDirectory;

    @Option(names = "--sa-file", paramLabel = "FILE",
            description = "Wireshark esp_sa file; each record applies to its SPI, source and destination.")
    Path saFile;

    @Mixin
    SaOptions saOptions;

    @Option(names = "--replay-window", paramLabel = "PACKETS", defaultValue = "" + EspInboundSa.DEFAULT_REPLAY_WINDOW,
            description = "Anti-replay window, 32 to 65536 packets (RFC 4303 §3.4.3). Default: ${DEFAULT-VALUE}.")
    int replayWindow;

    @Option(names = "--udp-port", paramLabel = "PORT", defaultValue = "" + UdpEncapsulation.NAT_T_PORT,
            description = "UDP port whose datagrams carry ESP (RFC 3948). Default: ${DEFAULT-VALUE}.")
    int udpPort;

    @Option(names = "--strict", description = "Exit with code 3 when some ESP packet was dropped or none was opened.")
    boolean strict;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        checkUsage();

        OutputFiles files = null;
        try (InboundSas sas = buildSas()) {
            files = OutputFiles.in(outputDirectory);
            Path inner = files.stage("inner.pcap");
            CaptureOpener.Report report = CaptureOpener.run(input, sas, saOptions.mode, udpPort, inner);
            files.commit();
            out.print(render(report, files.directory().resolve("inner.pcap")));
            out.flush();
            return exitCode(report, err);
        } catch (CaptureFileException | EspSaFileException e) {
            err.println("pqipsec esp open: " + e.getMessage());
            return EXIT_FAILURE;
        } catch (FileAlreadyExistsException e) {
            err.println("pqipsec esp open: --out " + e.getFile() + " " + e.getReason() + "; name a directory");
            return EXIT_FAILURE;
        } catch (IOException e) {
            if (isSaFileError(e) && e instanceof NoSuchFileException) {
                err.println("pqipsec esp open: " + saFile + ": file not found");
            } else if (isSaFileError(e)) {
                err.println("pqipsec esp open: cannot read --sa-file " + saFile + ": " + IoErrors.reason(e));
            } else {
                err.println("pqipsec esp open: " + IoErrors.cannotWrite(outputDirectory, e));
            }
            return EXIT_FAILURE;
        } finally {
            if (files != null) {
                files.discard();
            }
        }
    }

    /** Returns whether {@code e} names the {@code --sa-file} file, which is only read. */
    private boolean isSaFileError(IOException e) {
        return saFile != null && e instanceof FileSystemException f && saFile.toString().equals(f.getFile());
    }

    private void checkUsage() {
        if (input.toString().isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--in must name a capture file");
        }
        if (outputDirectory.toString().isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--out must name a directory");
        }
        if (saFile != null && saOptions.namesSa()) {
            throw new ParameterException(spec.commandLine(),
                    "--sa-file cannot be combined with --spi, --transform or --key");
        }
        if (saFile == null && (saOptions.spi == null || saOptions.key == null)) {
            throw new ParameterException(spec.commandLine(), "give --sa-file, or --spi and --key");
        }
        if (replayWindow < 32 || replayWindow > 65_536) {
            throw new ParameterException(spec.commandLine(), "--replay-window must be 32 to 65536 packets, got "
                    + replayWindow);
        }
        if (udpPort < 1 || udpPort > 65_535) {
            throw new ParameterException(spec.commandLine(), "--udp-port must be 1 to 65535, got " + udpPort);
        }
    }

    /** Builds the inbound SAs; the key material arrays are wiped before this returns. */
    private InboundSas buildSas() throws IOException, EspSaFileException {
        List<InboundSas.Binding> bindings = new ArrayList<>();
        if (saFile == null) {
            EspTransform transform = saOptions.transform(spec.commandLine());
            int spi = saOptions.spi(spec.commandLine());
            byte[] keyMaterial = saOptions.keyMaterial(spec.commandLine(), transform);
            try {
                bindings.add(new InboundSas.Binding(null, null, inboundSa(transform, spi, keyMaterial)));
            } finally {
                Arrays.fill(keyMaterial, (byte) 0);
            }
            return new InboundSas(bindings);
        }

        EspSaFile table = EspSaFile.read(saFile);
        try {
            for (EspSaFile.Entry entry : table.entries()) {
                byte[] keyMaterial = entry.keyMaterial();
                try {
                    bindings.add(new InboundSas.Binding(entry.source(), entry.destination(),
                            inboundSa(entry.transform(), entry.spi(), keyMaterial)));
                } finally {
                    Arrays.fill(keyMaterial, (byte) 0);
                }
            }
        } finally {
            table.wipe();
        }
        return new InboundSas(bindings);
    }

    private EspInboundSa inboundSa(EspTransform transform, int spi, byte[] keyMaterial) {
        try {
            return EspInboundSa.builder(transform, spi, keyMaterial)
                    .extendedSequenceNumbers(saOptions.esn)
                    .replayWindow(replayWindow)
                    .build();
        } catch (InvalidKeyException e) {
            // The key lengths were checked while parsing, so the engine rejected the key itself.
            throw new IllegalStateException("the " + transform + " engine rejected the key: " + e.getMessage(), e);
        }
    }

    private String render(CaptureOpener.Report report, Path innerCapture) {
        StringBuilder text = new StringBuilder();
        text.append("pqipsec esp open: ").append(input).append('\n');
        text.append(Counts.of(report.framesRead(), "frame")).append(": ").append(report.espPackets()).append(" ESP, ")
                .append(report.framesRead() - report.espPackets()).append(" skipped\n");
        text.append(Counts.of(report.opened(), "inner packet")).append(" written to ").append(innerCapture)
                .append(" (").append(saOptions.mode.name().toLowerCase(java.util.Locale.ROOT)).append(" mode), ")
                .append(Counts.of(report.dummies(), "dummy packet")).append(" discarded\n");
        text.append(Counts.of(report.dropped(), "ESP packet")).append(" dropped\n");
        for (EspDropReason reason : EspDropReason.values()) {
            long count = report.drops().getOrDefault(reason, 0L);
            if (count > 0) {
                text.append("  ").append(reason).append(' ').append(count).append('\n');
            }
        }
        if (report.drops().containsKey(EspDropReason.BAD_INNER_PACKET) && saOptions.mode == EspMode.TUNNEL) {
            text.append("  (BAD_INNER_PACKET in tunnel mode: if the SA uses transport mode, add --mode transport)\n");
        }
        if (report.espPackets() > 0
                && report.drops().getOrDefault(EspDropReason.AUTHENTICATION_FAILED, 0L) == report.espPackets()) {
            // The ESN high bits enter the ICV (RFC 4303 §2.2.1), so an ESN mismatch fails every packet.
            text.append("  (every ESP packet failed the ICV check: check the key (--key or --sa-file) and --esn,"
                    + " because ESN on one side and off on the other fails every ICV)\n");
        }
        for (String drop : report.firstDrops()) {
            text.append("  ").append(drop).append('\n');
        }
        for (Map.Entry<String, Long> skipped : report.skipped().entrySet()) {
            text.append("skipped: ").append(skipped.getKey()).append(' ').append(skipped.getValue()).append('\n');
        }
        return text.toString();
    }

    private int exitCode(CaptureOpener.Report report, PrintWriter err) {
        if (strict && report.dropped() > 0) {
            err.println("pqipsec esp open: --strict: " + report.dropped() + " of "
                    + Counts.of(report.espPackets(), "ESP packet") + (report.dropped() == 1 ? " was" : " were")
                    + " dropped");
            return EXIT_DROPPED;
        }
        if (strict && report.opened() == 0) {
            err.println("pqipsec esp open: --strict: no ESP packet was opened");
            return EXIT_DROPPED;
        }
        return 0;
    }
}
