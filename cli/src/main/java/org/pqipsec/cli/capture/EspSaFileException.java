package org.pqipsec.cli.capture;

import java.io.Serial;

/**
 * An {@code esp_sa} file that cannot be used. The message is one line that names the file, the
 * line and the field, such as {@code "esp_sa: line 3: field 6 (encryption key): expected 0x and
 * 72 hex digits (32-byte key and 4-byte salt) for ENCR_CHACHA20_POLY1305, got 70 hex digits"},
 * and never contains key bytes.
 */
public final class EspSaFileException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a one-line message. */
    public EspSaFileException(String message) {
        super(message);
    }
}
