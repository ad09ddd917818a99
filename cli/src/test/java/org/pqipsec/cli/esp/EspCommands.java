package org.pqipsec.cli.esp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.pqipsec.cli.Main;
import org.pqipsec.cli.capture.CaptureFrame;
import org.pqipsec.cli.capture.CaptureReader;
import org.pqipsec.cli.capture.IpPacket;

import picocli.CommandLine;

/** Runs {@code pqipsec} commands in process and compares captures for the esp command tests. */
final class EspCommands {

    /** Exit code, standard output and standard error of one command run. */
    record Run(int exitCode, String out, String err) {}

    private EspCommands() {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    /** Returns the IP packets of a capture, in order. */
    static List<byte[]> ipPackets(Path capture) throws Exception {
        return CaptureReader.readAll(capture).stream()
                .map(CaptureFrame::ipPacket)
                .flatMap(java.util.Optional::stream)
                .map(IpPacket::bytes)
                .toList();
    }

    /** Checks that two lists of packets are equal packet by packet. */
    static void assertSamePackets(List<byte[]> expected, List<byte[]> actual, String what) {
        assertEquals(expected.size(), actual.size(), what + ": packet count");
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), what + ": packet " + (i + 1));
        }
    }
}
