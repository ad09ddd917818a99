package org.pqipsec.cli.demo;

import java.io.InputStream;
import java.nio.file.Path;

import org.pqipsec.cli.capture.CaptureFileException;
import org.pqipsec.cli.capture.CaptureReader;

/** A capture that can be read more than once: a file, or the sample bundled in the JAR. */
sealed interface CaptureSource {

    /** Resource path of the bundled sample capture. */
    String BUNDLED_RESOURCE = "/org/pqipsec/cli/captures/afs.pcap";

    /** Returns the name that messages use for the capture. */
    String name();

    /** Opens a new reader at the first frame. */
    CaptureReader open() throws CaptureFileException;

    /** A capture file on disk. */
    record CaptureFile(Path path) implements CaptureSource {
        @Override
        public String name() {
            return path.toString();
        }

        @Override
        public CaptureReader open() throws CaptureFileException {
            return CaptureReader.open(path);
        }
    }

    /** The sample capture in the JAR: afs.pcap from the tcpdump test suite. */
    record Bundled() implements CaptureSource {
        @Override
        public String name() {
            return "afs.pcap (bundled)";
        }

        @Override
        public CaptureReader open() throws CaptureFileException {
            InputStream in = CaptureSource.class.getResourceAsStream(BUNDLED_RESOURCE);
            if (in == null) {
                throw new IllegalStateException("bundled capture " + BUNDLED_RESOURCE
                        + " is missing from the pqipsec-cli JAR; rebuild the project");
            }
            return CaptureReader.open(in, name());
        }
    }

    /** Returns the file source for {@code path}, or the bundled sample when it is null. */
    static CaptureSource of(Path path) {
        return path == null ? new Bundled() : new CaptureFile(path);
    }

}
