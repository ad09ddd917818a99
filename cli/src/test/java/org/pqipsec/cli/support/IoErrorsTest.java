package org.pqipsec.cli.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class IoErrorsTest {

    @Test
    void reasonUsesPlainWords() {
        assertEquals("permission denied", IoErrors.reason(new AccessDeniedException("/x")));
        assertEquals("no such file or directory", IoErrors.reason(new NoSuchFileException("/proc/x")));
        assertEquals("not a directory", IoErrors.reason(new NotDirectoryException("/x")));
        assertEquals("read-only file system",
                IoErrors.reason(new FileSystemException("/x", null, "Read-only file system")));
        assertEquals("disk quota exceeded", IoErrors.reason(new IOException("disk quota exceeded")));
        assertEquals("input/output error", IoErrors.reason(new IOException()));
    }

    @Test
    void reasonKeepsLeadingAcronym() {
        assertEquals("NFS server not responding",
                IoErrors.reason(new FileSystemException("/x", null, "NFS server not responding")));
    }

    @Test
    void cannotWriteNamesOtherFile() {
        Path directory = Path.of("/tmp/out");

        assertEquals("cannot write to --out /tmp/out: no such file or directory",
                IoErrors.cannotWrite(directory, new NoSuchFileException("/tmp/out")));
        assertEquals("cannot write to --out /tmp/out: /tmp/out/.esp.pcap.partial: permission denied",
                IoErrors.cannotWrite(directory, new AccessDeniedException("/tmp/out/.esp.pcap.partial")));
    }
}
