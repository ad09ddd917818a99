package org.pqipsec.esp;

import java.util.Arrays;
import java.util.Objects;

/**
 * Payload Data and Next Header of an ESP packet that passed every inbound check
 * (RFC 4303 §3.4), with its sequence number.
 *
 * <p>The record does not copy {@code payload}, so the array that {@link #payload()} returns
 * belongs to the caller. A packet whose {@code nextHeader} is {@link NextHeader#NO_NEXT_HEADER} is a dummy
 * packet (RFC 4303 §2.6): the SA discards its payload and returns it empty.
 *
 * @param sequenceNumber the sequence number, 32-bit or with ESN the full 64-bit value
 *     (unsigned), never 0
 * @param nextHeader the Next Header value, from 0 to 255, such as {@link NextHeader#IPV4}
 * @param payload the Payload Data, without Padding, Pad Length and Next Header
 */
public record DecapsulatedPacket(long sequenceNumber, int nextHeader, byte[] payload) {

    /** Checks that each field is in its range. */
    public DecapsulatedPacket {
        if (sequenceNumber == 0) {
            throw new IllegalArgumentException("sequenceNumber must not be 0");
        }
        if (nextHeader < 0 || nextHeader > 255) {
            throw new IllegalArgumentException("nextHeader must be 0 to 255, got " + nextHeader);
        }
        Objects.requireNonNull(payload, "payload");
    }

    /** Returns whether this is a dummy packet (Next Header 59, RFC 4303 §2.6). */
    public boolean isDummy() {
        return nextHeader == NextHeader.NO_NEXT_HEADER;
    }

    /** Compares payloads by content rather than by array identity. */
    @Override
    public boolean equals(Object other) {
        return other instanceof DecapsulatedPacket that
                && sequenceNumber == that.sequenceNumber
                && nextHeader == that.nextHeader
                && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sequenceNumber, nextHeader, Arrays.hashCode(payload));
    }

    /** Describes the packet by its header values and payload length, never its payload bytes. */
    @Override
    public String toString() {
        return "DecapsulatedPacket[sequenceNumber=" + sequenceNumber + ", nextHeader=" + nextHeader
                + ", payloadLength=" + payload.length + "]";
    }
}
