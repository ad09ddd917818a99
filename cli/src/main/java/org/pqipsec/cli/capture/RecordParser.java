package org.pqipsec.cli.capture;

import java.io.IOException;

/** Reads the packet records of one capture file format. */
sealed interface RecordParser permits PcapParser, PcapngParser {

    /**
     * The largest captured length accepted when the file's snapshot length is smaller. At
     * 262144 bytes it is far above common link MTUs, so a record longer than both it and the
     * snapshot length points to a corrupt length field.
     */
    int MAX_PACKET_LENGTH = 262_144;

    /** Returns the largest captured length accepted in a pcap file with this snapshot length. */
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
