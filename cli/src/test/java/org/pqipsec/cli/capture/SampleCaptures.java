package org.pqipsec.cli.capture;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real captures shipped with the module: {@code afs.pcap} in the main resources (the
 * demo's default input) and three more in the test resources. PROVENANCE.md beside each set
 * records where they come from.
 */
public final class SampleCaptures {

    /** Resource path of the default demo input, shipped in the JAR. */
    public static final String AFS_RESOURCE = "/org/pqipsec/cli/captures/afs.pcap";

    public static final String AFS = "afs.pcap";
    public static final String MPTCP = "mptcp-v0.pcap";
    public static final String NTP = "ntp-control.pcap";
    public static final String QUIC = "quic_handshake.pcap";

    private SampleCaptures() {
    }

    /** Opens a sample as a resource stream. */
    public static InputStream open(String name) {
        String resource = name.equals(AFS) ? AFS_RESOURCE : "/captures/" + name;
        InputStream in = SampleCaptures.class.getResourceAsStream(resource);
        assertNotNull(in, "resource " + resource + " is missing from the build");
        return in;
    }

    /** Copies a sample into {@code directory} under its own name and returns the copy. */
    public static Path copy(String name, Path directory) throws IOException {
        Path target = directory.resolve(name);
        try (InputStream in = open(name)) {
            Files.copy(in, target);
        }
        return target;
    }
}
