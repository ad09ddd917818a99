package org.pqipsec.esp;

/**
 * Anti-replay window of RFC 4303 §3.4.3 for 32-bit sequence numbers, {@value #SIZE} packets wide.
 *
 * <p>The window covers {@code highest - 63} to {@code highest}. Bit {@code i} of the bitmap is set
 * when sequence number {@code highest - i} was accepted. The class is not thread-safe, and
 * {@link EspInboundSa} guards it with its lock.
 */
final class ReplayWindow {

    /** Window width in packets. RFC 4303 §3.4.3 requires at least 32 and recommends 64. */
    static final int SIZE = 64;

    /** Highest sequence number accepted so far, 0 before the first packet. */
    private long highest;

    private long bitmap;

    /**
     * Checks {@code sequenceNumber} against the window before ICV verification and returns the
     * reason to drop the packet, or {@code null} if it may proceed. The window does not change.
     */
    EspDropReason check(long sequenceNumber) {
        if (sequenceNumber > highest) {
            return null;
        }
        long offset = highest - sequenceNumber;
        if (sequenceNumber == 0 || offset >= SIZE) {
            return EspDropReason.OUTSIDE_WINDOW;
        }
        if ((bitmap & (1L << offset)) != 0) {
            return EspDropReason.REPLAYED;
        }
        return null;
    }

    /**
     * Marks {@code sequenceNumber} as received, sliding the window right when it is the new highest.
     * RFC 4303 §3.4.3 allows this only after the ICV verified and {@link #check} returned null.
     */
    void accept(long sequenceNumber) {
        if (sequenceNumber > highest) {
            long shift = sequenceNumber - highest;
            bitmap = shift >= SIZE ? 1L : (bitmap << shift) | 1L;
            highest = sequenceNumber;
        } else {
            bitmap |= 1L << (highest - sequenceNumber);
        }
    }

    long highest() {
        return highest;
    }

    long bitmap() {
        return bitmap;
    }
}
