package org.pqipsec.cli.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import org.pqipsec.cli.capture.CaptureFileException;
import org.pqipsec.cli.capture.EspSaFile;
import org.pqipsec.cli.support.Counts;
import org.pqipsec.cli.support.IoErrors;
import org.pqipsec.cli.support.OutputFiles;
import org.pqipsec.esp.EspInboundSa;
import org.pqipsec.esp.EspOutboundSa;
import org.pqipsec.esp.EspTransform;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code pqipsec demo}: a hybrid IKEv2 key exchange between two peers in one process, then ESP
 * tunnel mode over the packets of a real capture, written out and checked on the way back.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Runs IKE_SA_INIT with a Diffie-Hellman group (--dh, default X25519) and IKE_INTERMEDIATE with ML-KEM (--kem, default ML-KEM-768),"
                    + " derives the IKE SA and one ESP Child SA (AES-GCM-16, 256-bit keys) through the"
                    + " PQIPsec provider, and wraps every IPv4 and IPv6 packet of a capture in ESP tunnel"
                    + " mode. It writes esp.pcap, esp_sa and summary.txt, and checks that every packet"
                    + " decapsulates to the original.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every carried packet round-tripped",
            "1:an error, or a packet that did not round-trip",
            "2:invalid usage",
            "3:with --strict, some frames were not carried, or none was",
        })
public final class DemoCommand implements Callable<Integer> {

    static final int EXIT_FAILURE = 1;
    static final int EXIT_NOT_CARRIED = 3;

    @Option(names = "--in", paramLabel = "FILE",
            description = "Capture to carry (pcap or pcapng; Ethernet, Linux cooked v1/v2, BSD loopback or raw IP)."
                    + " Default: afs.pcap, a sample from the tcpdump test suite bundled in the JAR.")
    Path input;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "pqipsec-demo",
            description = "Directory for esp.pcap, esp_sa and summary.txt, created if missing. Default: ${DEFAULT-VALUE}.")
    Path outputDirectory;

    @Option(names = "--show-keys",
            description = "Also print the derived secrets (SK_*, ESP keys and salts) in hex. Off by default.")
    boolean showKeys;

    @Option(names = "--strict",
            description = "Exit with code 3 when some frames could not be carried (not IP, or too large),"
                    + " or when the capture has no frame that could be.")
    boolean strict;

    @Option(names = "--dh", paramLabel = "ID", defaultValue = "31",
            description = "Diffie-Hellman group of IKE_SA_INIT, as an IKEv2 Transform Type 4 id: 14 (MODP 2048),"
                    + " 19, 20, 21 (ECP P-256, P-384, P-521), 31 (Curve25519) or 32 (Curve448). Default: ${DEFAULT-VALUE}.")
    int dhGroup;

    @Option(names = "--kem", paramLabel = "ID", defaultValue = "36",
            description = "ML-KEM of the IKE_INTERMEDIATE exchange: 35 (ML-KEM-512), 36 (ML-KEM-768) or"
                    + " 37 (ML-KEM-1024). Default: ${DEFAULT-VALUE}.")
    int kem;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (input != null && input.toString().isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--in must name a capture file");
        }
        if (outputDirectory.toString().isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--out must name a directory");
        }
        CaptureSource source = CaptureSource.of(input);
        List<HybridIkeHandshake.KeyExchangeMethod> methods;
        try {
            methods = HybridIkeHandshake.methods(dhGroup, kem);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        OutputFiles files = null;
        try {
            files = OutputFiles.in(outputDirectory);
            Provider provider = PqipsecProvider.find();
            HybridIkeHandshake.Result ike = new HybridIkeHandshake(provider, new SecureRandom(), methods).run();
            DemoSummary summary;
            try {
                summary = carry(source, ike, files);
                String text = summary.render(showKeys);
                Files.writeString(files.stage("summary.txt"), text, StandardCharsets.UTF_8);
                files.commit();
                out.print(text);
                out.flush();
            } finally {
                ike.ikeSaKeys().destroy();
                ike.childSaKeys().destroy();
            }
            return exitCode(summary.tunnel(), err);
        } catch (CaptureFileException e) {
            err.println("pqipsec demo: " + e.getMessage());
            return EXIT_FAILURE;
        } catch (FileAlreadyExistsException e) {
            err.println("pqipsec demo: --out " + e.getFile() + " " + e.getReason() + "; name a directory");
            return EXIT_FAILURE;
        } catch (IOException e) {
            err.println("pqipsec demo: " + IoErrors.cannotWrite(outputDirectory, e));
            return EXIT_FAILURE;
        } catch (GeneralSecurityException | IllegalStateException e) {
            err.println("pqipsec demo: key exchange failed: " + e.getMessage());
            return EXIT_FAILURE;
        } finally {
            if (files != null) {
                files.discard();
            }
        }
    }

    private DemoSummary carry(CaptureSource source, HybridIkeHandshake.Result ike, OutputFiles files)
            throws GeneralSecurityException, IOException, CaptureFileException {
        byte[] keyIr = ike.childSaKeys().initiatorToResponderEncryptionKey().orElseThrow().getEncoded();
        byte[] keyRi = ike.childSaKeys().responderToInitiatorEncryptionKey().orElseThrow().getEncoded();
        try {
            // The initiator seals with the SPI the responder chose for its inbound SA.
            EspOutboundSa initiatorOut = new EspOutboundSa(
                    EspTransform.ENCR_AES_GCM_16, ike.espSpiInitiatorToResponder(), keyIr);
            EspInboundSa responderIn = new EspInboundSa(
                    EspTransform.ENCR_AES_GCM_16, ike.espSpiInitiatorToResponder(), keyIr);
            EspTunnel.Report tunnel;
            try {
                tunnel = EspTunnel.run(source, initiatorOut, responderIn, files.stage("esp.pcap"));
            } finally {
                initiatorOut.destroy();
                responderIn.destroy();
            }

            writeEspSa(ike, keyIr, keyRi, files.stage(EspSaFile.TABLE_NAME));
            return new DemoSummary(source.name(), files.directory(), ike, tunnel);
        } finally {
            Arrays.fill(keyIr, (byte) 0);
            Arrays.fill(keyRi, (byte) 0);
        }
    }

    /** Writes the Wireshark esp_sa file for both directions of the Child SA. */
    private static void writeEspSa(HybridIkeHandshake.Result ike, byte[] keyIr, byte[] keyRi, Path file)
            throws IOException {
        EspSaFile table = new EspSaFile()
                .add(EspTunnel.INITIATOR_ADDRESS, EspTunnel.RESPONDER_ADDRESS, ike.espSpiInitiatorToResponder(),
                        aesKey(keyIr), salt(keyIr))
                .add(EspTunnel.RESPONDER_ADDRESS, EspTunnel.INITIATOR_ADDRESS, ike.espSpiResponderToInitiator(),
                        aesKey(keyRi), salt(keyRi));
        table.write(file);
    }

    private static byte[] aesKey(byte[] keyAndSalt) {
        return Arrays.copyOf(keyAndSalt, keyAndSalt.length - 4);
    }

    private static byte[] salt(byte[] keyAndSalt) {
        return Arrays.copyOfRange(keyAndSalt, keyAndSalt.length - 4, keyAndSalt.length);
    }

    private int exitCode(EspTunnel.Report tunnel, PrintWriter err) {
        if (!tunnel.allRoundTripped()) {
            err.println("pqipsec demo: " + tunnel.roundTripFailures().size() + " of "
                    + Counts.of(tunnel.carried(), "carried packet") + " did not round-trip; see the summary");
            return EXIT_FAILURE;
        }
        if (strict && tunnel.carried() == 0) {
            err.println("pqipsec demo: --strict: the capture has no frame that could be carried");
            return EXIT_NOT_CARRIED;
        }
        if (strict && tunnel.notCarried() > 0) {
            err.println("pqipsec demo: --strict: " + tunnel.notCarried() + " of "
                    + Counts.of(tunnel.framesRead(), "frame") + (tunnel.notCarried() == 1 ? " was" : " were")
                    + " not carried; see the summary");
            return EXIT_NOT_CARRIED;
        }
        return 0;
    }
}
