package org.pqipsec.cli.capture;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Reads the frames of a capture file and finds the IPv4 or IPv6 packet in each.
 *
 * <p>Formats: classic pcap (draft-ietf-opsawg-pcap) in either byte order with microsecond or
 * nanosecond timestamps, and pcapng (draft-ietf-opsawg-pcapng) with any number of sections in
 * either byte order, per-interface link types and timestamp resolutions, and Enhanced, Simple
 * and obsolete Packet Blocks. Link types are those of {@link LinkType}.
 *
 * <p>Every failure is a {@link CaptureFileException} with a one-line message naming the file
 * and frame. Length fields are checked against the snapshot length or block limit, and
 * against the bytes left in a file, before anything is allocated. Reads from a stream of
 * unknown size grow in chunks, so a corrupt length cannot force a large allocation either.
 *
 * <pre>{@code
 * try (CaptureReader reader = CaptureReader.open(Path.of("afs.pcap"))) {
 *     for (CaptureFrame frame = reader.next(); frame != null; frame = reader.next()) {
 *         switch (frame.networkLayer()) {
 *             case IpPacket ip -> send(ip.bytes());
 *             case NotIp other -> System.err.println("frame " + frame.number() + ": " + other.reason());
 *         }
 *     }
 * }
 * }</pre>
 */
public final class CaptureReader implements AutoCloseable {

    /** Format of the file being read. */
    public enum Format {
        /** Classic pcap. */
        PCAP,
        /** pcapng. */
        PCAPNG
    }

    private static final int BUFFER_SIZE = 64 * 1024;

    private final CaptureInput input;
    private final Format format;
    private final RecordParser parser;
    private long framesRead;
    private boolean finished;

    private CaptureReader(CaptureInput input, Format format, RecordParser parser) {
        this.input = input;
        this.format = format;
        this.parser = parser;
    }

    /**
     * Opens a capture file and reads its file header.
     *
     * @param file the pcap or pcapng file, which error messages name as given here
     * @throws CaptureFileException when the file is missing or unreadable, is not pcap or pcapng,
     *                              has a truncated or unsupported header, or an unsupported link type
     */
    public static CaptureReader open(Path file) throws CaptureFileException {
        String name = file.toString();
        try {
            long size = Files.size(file);
            InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER_SIZE);
            return start(new CaptureInput(in, name, size));
        } catch (NoSuchFileException e) {
            throw new CaptureFileException(name, "file not found");
        } catch (AccessDeniedException e) {
            throw new CaptureFileException(name, "permission denied");
        } catch (IOException e) {
            throw new CaptureFileException(name, "cannot read the file: " + describe(e));
        }
    }

    /**
     * Starts reading a capture from a stream, such as a resource in a JAR. The reader closes
     * the stream when it is closed.
     *
     * @param in   the stream, positioned at the start of the file
     * @param name the name that error messages give the file
     * @throws CaptureFileException as for {@link #open(Path)}
     */
    public static CaptureReader open(InputStream in, String name) throws CaptureFileException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(name, "name");
        try {
            return start(new CaptureInput(new BufferedInputStream(in, BUFFER_SIZE), name, -1));
        } catch (IOException e) {
            throw new CaptureFileException(name, "cannot read the file: " + describe(e));
        }
    }

    /** Reads every frame of a capture file into a list. */
    public static List<CaptureFrame> readAll(Path file) throws CaptureFileException {
        try (CaptureReader reader = open(file)) {
            List<CaptureFrame> frames = new ArrayList<>();
            for (CaptureFrame frame = reader.next(); frame != null; frame = reader.next()) {
                frames.add(frame);
            }
            return frames;
        }
    }

    /** Detects the format from the first 4 bytes and reads the file header. */
    private static CaptureReader start(CaptureInput input) throws IOException, CaptureFileException {
        try {
            byte[] magic = input.read(4);
            if (magic.length == 0) {
                throw input.fileError(1, "file is empty; expected a pcap or pcapng file");
            }
            if (magic.length < 4) {
                throw input.fileError(1, "file of " + magic.length + " bytes is too short for a pcap or pcapng header");
            }

            // pcap writes its magic number in the writer's byte order, so each of the two
            // magic numbers may appear in either byte order. The pcapng block type 0a0d0d0a
            // reads the same in both.
            int bigEndian = ByteBuffer.wrap(magic).getInt();
            int littleEndian = Integer.reverseBytes(bigEndian);
            if (bigEndian == PcapngParser.SECTION_HEADER_BLOCK) {
                return new CaptureReader(input, Format.PCAPNG, new PcapngParser(input, magic));
            }
            if (isPcapMagic(bigEndian) || isPcapMagic(littleEndian)) {
                return new CaptureReader(input, Format.PCAP, new PcapParser(input, magic));
            }
            throw input.fileError(1, "not a pcap or pcapng file (starts with "
                    + HexFormat.of().formatHex(magic) + ")");
        } catch (IOException | CaptureFileException | RuntimeException e) {
            closeQuietly(input, e);
            throw e;
        }
    }

    private static boolean isPcapMagic(int magic) {
        return magic == PcapParser.MAGIC_MICROSECONDS || magic == PcapParser.MAGIC_NANOSECONDS;
    }

    /** Returns the name that error messages give the file. */
    public String name() {
        return input.name();
    }

    /** Returns the format of the file. */
    public Format format() {
        return format;
    }

    /**
     * Reads the next frame.
     *
     * @return the frame, or null after the last one
     * @throws CaptureFileException when the record is truncated or corrupt, or uses an
     *                              unsupported link type. The reader returns null after it.
     */
    public CaptureFrame next() throws CaptureFileException {
        if (finished) {
            return null;
        }
        long number = framesRead + 1;
        PacketRecord record;
        try {
            record = parser.next(number);
        } catch (IOException e) {
            finished = true;
            throw input.frameError(number, "read failed at offset " + input.offset() + ": " + describe(e));
        } catch (CaptureFileException e) {
            finished = true;
            throw e;
        }
        if (record == null) {
            finished = true;
            return null;
        }
        framesRead = number;

        NetworkLayer networkLayer = LinkLayer.extract(record.linkType(), record.data());
        return new CaptureFrame(number, record.timestamp(), record.data().length, record.originalLength(),
                record.interfaceId(), record.linkType(), networkLayer);
    }

    /** Closes the file. */
    @Override
    public void close() throws CaptureFileException {
        try {
            input.close();
        } catch (IOException e) {
            throw input.fileError(framesRead + 1, "close failed: " + describe(e));
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static void closeQuietly(CaptureInput input, Exception primary) {
        try {
            input.close();
        } catch (IOException e) {
            primary.addSuppressed(e);
        }
    }
}
