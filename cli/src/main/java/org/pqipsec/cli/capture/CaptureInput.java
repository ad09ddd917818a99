package org.pqipsec.cli.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A byte stream over a capture file that tracks the offset, so errors can report where a
 * record was cut. It never allocates more than the bytes actually present.
 */
final class CaptureInput implements AutoCloseable {

    /** Reads up to this many bytes at a time when the stream's size is unknown. */
    private static final int CHUNK = 64 * 1024;

    private final InputStream in;
    private final String name;
    private final long size;
    private long offset;

    /**
     * @param in   the stream, positioned at the start of the file
     * @param name the file name for error messages
     * @param size the file size in bytes, or -1 when unknown
     */
    CaptureInput(InputStream in, String name, long size) {
        this.in = in;
        this.name = name;
        this.size = size;
    }

    /** Returns the file name for error messages. */
    String name() {
        return name;
    }

    /** Returns the offset of the next byte to be read. */
    long offset() {
        return offset;
    }

    /**
     * Reads {@code length} bytes, or fewer when the file ends first. The caller compares the
     * returned array's length with the request to detect truncation.
     */
    byte[] read(int length) throws IOException {
        if (size >= 0) {

            // The size is known: allocate only what the file still holds.
            int available = (int) Math.min(length, Math.max(0, size - offset));
            byte[] bytes = in.readNBytes(available);
            offset += bytes.length;
            return bytes;
        }

        // The size is unknown: small reads go straight into one array, larger reads grow in
        // chunks so a corrupt length field cannot force a large allocation.
        byte[] bytes;
        if (length <= CHUNK) {
            bytes = in.readNBytes(length);
        } else {
            var collected = new ByteArrayOutputStream(CHUNK);
            int remaining = length;
            while (remaining > 0) {
                byte[] chunk = in.readNBytes(Math.min(remaining, CHUNK));
                collected.write(chunk);
                remaining -= chunk.length;
                if (chunk.length == 0) {
                    break;
                }
            }
            bytes = collected.toByteArray();
        }
        offset += bytes.length;
        return bytes;
    }

    /** Skips {@code length} bytes, or fewer when the file ends first; returns the count skipped. */
    long skip(long length) throws IOException {
        long skipped = 0;
        while (skipped < length) {
            long step = in.skip(length - skipped);
            if (step <= 0) {

                // InputStream.skip may return 0 before the end, so one read distinguishes the two.
                if (in.read() < 0) {
                    break;
                }
                step = 1;
            }
            skipped += step;
        }
        offset += skipped;
        return skipped;
    }

    /** Returns a one-line error for a problem inside the record of the given frame. */
    CaptureFileException frameError(long frameNumber, String detail) {
        return new CaptureFileException(name, frameNumber, true, detail);
    }

    /** Returns a one-line error for a problem outside any frame, before the given frame. */
    CaptureFileException fileError(long nextFrameNumber, String detail) {
        return new CaptureFileException(name, nextFrameNumber, false, detail);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
