package org.pqipsec.esp;

import java.io.Serial;
import java.security.GeneralSecurityException;
import java.util.Objects;

/**
 * Signals that an inbound SA discarded an ESP packet, with the {@link EspDropReason} that callers
 * count and report. The message names public header values only, such as lengths, the SPI and
 * the sequence number.
 */
public final class EspDropException extends GeneralSecurityException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Reason for the drop. */
    private final EspDropReason reason;

    /** Creates an exception for a packet dropped for {@code reason}. */
    public EspDropException(EspDropReason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Returns why the packet was dropped. */
    public EspDropReason reason() {
        return reason;
    }
}
