package org.pqipsec.cli.capture;

import java.io.Serial;

/**
 * A capture file that cannot be read: missing, unreadable, not pcap or pcapng, truncated,
 * corrupt, or using a link type that {@link CaptureReader} does not support.
 *
 * <p>The message is one line that names the file and the frame, so a command can print it
 * as it is: {@code "afs.pcap: frame 17: record header truncated at offset 9841 (8 of 16
 * bytes)"}. Problems outside a packet record (the file header, a pcapng section header or
 * interface description) are placed {@code "before frame N"}, where N is the next frame
 * the reader would have returned. Problems with the file as a whole (missing, permission
 * denied) name only the file: {@code "afs.pcap: file not found"}.
 */
public final class CaptureFileException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long frameNumber;
    private final boolean insideFrame;
    private final String detail;

    /**
     * Creates the exception for a file that cannot be opened at all. Its message names only the
     * file, and {@link #frameNumber()} is 0.
     *
     * @param file   the file name as the caller gave it
     * @param detail what is wrong, without the file prefix
     */
    CaptureFileException(String file, String detail) {
        super(file + ": " + detail);
        this.file = file;
        this.frameNumber = 0;
        this.insideFrame = false;
        this.detail = detail;
    }

    /**
     * Creates the exception for a problem found while reading the file.
     *
     * @param file        the file name as the caller gave it
     * @param frameNumber the 1-based frame being read, or the next frame when not inside one
     * @param insideFrame whether the problem lies in the record of {@code frameNumber}
     * @param detail      what is wrong, without the file and frame prefix
     */
    CaptureFileException(String file, long frameNumber, boolean insideFrame, String detail) {
        super(file + ": " + (insideFrame ? "frame " : "before frame ") + frameNumber + ": " + detail);
        this.file = file;
        this.frameNumber = frameNumber;
        this.insideFrame = insideFrame;
        this.detail = detail;
    }

    /** Returns the file name as the caller gave it to {@link CaptureReader}. */
    public String file() {
        return file;
    }

    /**
     * Returns the 1-based number of the frame being read when {@link #insideFrame()} is true,
     * otherwise the number of the next frame the reader would have returned, and 0 when the
     * file could not be opened.
     */
    public long frameNumber() {
        return frameNumber;
    }

    /** Returns whether the problem lies inside the record of {@link #frameNumber()}. */
    public boolean insideFrame() {
        return insideFrame;
    }

    /** Returns the description of the problem without the file and frame prefix. */
    public String detail() {
        return detail;
    }
}
