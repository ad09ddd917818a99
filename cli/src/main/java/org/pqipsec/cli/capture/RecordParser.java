package org.pqipsec.cli.capture;

import java.io.IOException;

/** Reads the packet records of one capture file format. */
sealed interface RecordParser permits PcapParser, PcapngParser {

    /**
     * The largest captured length accepted when the file's snapshot length is smaller. It is
     * 262144 bytes, far above any link MTU, so only a corrupt length field exceeds it.
     */
    int MAX_PACKET_LENGTH = 262_144;

    /** Returns the largest captured length accepted for a file or interface with this snapshot length. */
    static long maxCapturedLength(long snapshotLength) {
        return Math.max(snapshotLength, MAX_PACKET_LENGTH);
    }

    /**
     * Reads the next packet record.
     *
     * @param frameNumber the 1-based number the record will get, for error messages
     * @return the record, or null at the end of the file
     */
    PacketRecord next(long frameNumber) throws IOException, CaptureFileException;
}
