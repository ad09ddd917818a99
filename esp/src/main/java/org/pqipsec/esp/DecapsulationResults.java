package org.pqipsec.esp;

import java.util.Arrays;

/**
 * Outcome of each packet of an inbound burst, reused from burst to burst so a steady stream
 * allocates nothing. Index {@code i} describes packet {@code i} of the last burst.
 */
public final class DecapsulationResults {

    private final int[] nextHeader;
    private final long[] sequenceNumber;
    private final int[] payloadLength;
    private final EspDropReason[] dropReason;

    /** Creates room for bursts of up to {@code capacity} packets. */
    public DecapsulationResults(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        nextHeader = new int[capacity];
        sequenceNumber = new long[capacity];
        payloadLength = new int[capacity];
        dropReason = new EspDropReason[capacity];
    }

    /** Returns the largest burst these results can describe. */
    public int capacity() {
        return nextHeader.length;
    }

    /** Returns whether packet {@code i} passed every check; dummy packets count as accepted. */
    public boolean accepted(int i) {
        return dropReason[i] == null;
    }

    /** Returns why packet {@code i} was dropped, or {@code null} if it was accepted. */
    public EspDropReason dropReason(int i) {
        return dropReason[i];
    }

    /** Returns the Next Header of accepted packet {@code i}; 59 marks a discarded dummy packet. */
    public int nextHeader(int i) {
        return nextHeader[i];
    }

    /** Returns the full (with ESN, 64-bit) sequence number of packet {@code i}, or 0 if unknown. */
    public long sequenceNumber(int i) {
        return sequenceNumber[i];
    }

    /** Returns the Payload Data length written for packet {@code i}, 0 when dropped or dummy. */
    public int payloadLength(int i) {
        return payloadLength[i];
    }

    void accept(int i, long sequence, int header, int length) {
        sequenceNumber[i] = sequence;
        nextHeader[i] = header;
        payloadLength[i] = length;
        dropReason[i] = null;
    }

    void drop(int i, long sequence, EspDropReason reason) {
        sequenceNumber[i] = sequence;
        nextHeader[i] = -1;
        payloadLength[i] = 0;
        dropReason[i] = reason;
    }

    void requireCapacity(int count) {
        if (count > capacity()) {
            throw new IllegalArgumentException("burst of " + count
                    + " packets exceeds the results capacity of " + capacity());
        }
    }

    @Override
    public String toString() {
        return "DecapsulationResults[capacity=" + capacity() + ", dropReasons="
                + Arrays.toString(dropReason) + "]";
    }
}
