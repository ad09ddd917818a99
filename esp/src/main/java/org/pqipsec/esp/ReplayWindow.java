package org.pqipsec.esp;

import java.util.Arrays;

/**
 * Anti-replay window of RFC 4303 §3.4.3, kept as the ring of 64-bit blocks of RFC 6479, with
 * the inference of the high half of an extended sequence number from RFC 4303 Appendix A2.
 *
 * <p>The window covers {@code highest - size + 1} to {@code highest}. Sequence number {@code s}
 * owns bit {@code s mod 64} of block {@code (s / 64) mod blocks}, where the block count is a
 * power of two with at least one block more than the window needs, so sliding right only
 * clears whole blocks (RFC 6479) and never shifts the bitmap.
 *
 * <p>Sequence numbers are unsigned 64-bit values; without ESN only their low 32 bits are used.
 * The class is not thread-safe, and {@link EspInboundSa} guards it with a lock.
 */
final class ReplayWindow {

    /** Smallest window, the minimum of RFC 4303 §3.4.3. */
    static final int MIN_SIZE = 32;

    /** Largest window this class accepts, 1024 blocks of the ring. */
    static final int MAX_SIZE = 65_536;

    /** Window used when the caller names none. */
    static final int DEFAULT_SIZE = 1024;

    private final int size;
    private final boolean enforced;
    private final long[] ring;
    private final int blockMask;

    /** Highest sequence number accepted so far, 0 before the first packet. */
    private long highest;

    /**
     * Creates a window of {@code size} packets. With {@code enforced} false every packet passes
     * {@link #check}, and the window still tracks the highest number for ESN inference.
     */
    ReplayWindow(int size, boolean enforced) {
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw new IllegalArgumentException("replay window must be " + MIN_SIZE + " to "
                    + MAX_SIZE + " packets, got " + size);
        }
        this.size = size;
        this.enforced = enforced;
        int blocksNeeded = (size + 63) / 64 + 1;
        int blocks = Integer.highestOneBit(blocksNeeded - 1) << 1;
        this.ring = new long[blocks];
        this.blockMask = blocks - 1;
    }

    int size() {
        return size;
    }

    boolean enforced() {
        return enforced;
    }

    long highest() {
        return highest;
    }

    /**
     * Returns the full 64-bit sequence number whose low half is {@code low}, as RFC 4303
     * Appendix A2.1 infers it from the window: Tl and Th are the halves of the highest number,
     * and W the window size.
     */
    long inferExtended(int low) {
        long sequenceLow = Integer.toUnsignedLong(low);
        long topLow = highest & 0xFFFF_FFFFL;
        long topHigh = highest >>> 32;
        long windowSpan = size - 1;

        long high;
        if (topLow >= windowSpan) {
            // Case A: the window lies inside one 2^32 subspace.
            high = sequenceLow >= topLow - windowSpan ? topHigh : topHigh + 1;
        } else {
            // Case B: the window spans the boundary into the previous subspace. Before 2^32
            // packets there is no previous subspace, so the number belongs to subspace 0.
            long bottom = (topLow - windowSpan) & 0xFFFF_FFFFL;
            high = sequenceLow >= bottom && topHigh > 0 ? topHigh - 1 : topHigh;
        }
        return high << 32 | sequenceLow;
    }

    /**
     * Checks {@code sequenceNumber} against the window and returns the reason to drop the packet,
     * or {@code null} if it may proceed. The window does not change (RFC 4303 §3.4.3).
     */
    EspDropReason check(long sequenceNumber) {
        if (!enforced) {
            return null;
        }
        if (sequenceNumber == 0) {
            return EspDropReason.OUTSIDE_WINDOW;
        }
        if (Long.compareUnsigned(sequenceNumber, highest) > 0) {
            return null;
        }
        if (Long.compareUnsigned(highest - sequenceNumber, size) >= 0) {
            return EspDropReason.OUTSIDE_WINDOW;
        }
        long bit = 1L << (sequenceNumber & 63);
        return (ring[blockIndex(sequenceNumber)] & bit) != 0 ? EspDropReason.REPLAYED : null;
    }

    /**
     * Marks {@code sequenceNumber} as received, clearing the blocks the window slides past when
     * it is a new highest (RFC 6479). Call it only after the ICV verified and {@link #check}
     * returned null.
     */
    void accept(long sequenceNumber) {
        if (Long.compareUnsigned(sequenceNumber, highest) > 0) {
            long oldBlock = highest >>> 6;
            long newBlock = sequenceNumber >>> 6;
            long blocksAdvanced = newBlock - oldBlock;
            if (Long.compareUnsigned(blocksAdvanced, ring.length) >= 0) {
                Arrays.fill(ring, 0L);
            } else {
                for (long i = 1; i <= blocksAdvanced; i++) {
                    ring[(int) ((oldBlock + i) & blockMask)] = 0L;
                }
            }
            highest = sequenceNumber;
        }
        ring[blockIndex(sequenceNumber)] |= 1L << (sequenceNumber & 63);
    }

    private int blockIndex(long sequenceNumber) {
        return (int) ((sequenceNumber >>> 6) & blockMask);
    }
}
