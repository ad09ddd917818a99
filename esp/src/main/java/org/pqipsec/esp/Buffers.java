package org.pqipsec.esp;

import java.nio.ByteBuffer;
import java.util.Objects;

/** Absolute-index helpers for {@link ByteBuffer}s that leave the caller's position and limit alone. */
final class Buffers {

    private Buffers() {
    }

    /**
     * Returns a view of {@code buffer[offset, offset + length)} as its position and limit. Only
     * the paths for buffers without a backing array use it, since it allocates the view.
     */
    static ByteBuffer range(ByteBuffer buffer, int offset, int length) {
        ByteBuffer view = buffer.duplicate();
        view.clear();
        view.limit(offset + length);
        view.position(offset);
        return view;
    }

    /** Checks that {@code [offset, offset + length)} lies inside {@code buffer}'s limit. */
    static void checkRange(ByteBuffer buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.limit());
    }

    static void fill(ByteBuffer buffer, int offset, int length, byte value) {
        for (int i = 0; i < length; i++) {
            buffer.put(offset + i, value);
        }
    }

    static int getInt(ByteBuffer buffer, int offset) {
        return (buffer.get(offset) & 0xff) << 24
                | (buffer.get(offset + 1) & 0xff) << 16
                | (buffer.get(offset + 2) & 0xff) << 8
                | (buffer.get(offset + 3) & 0xff);
    }

    static void putInt(ByteBuffer buffer, int offset, int value) {
        buffer.put(offset, (byte) (value >>> 24));
        buffer.put(offset + 1, (byte) (value >>> 16));
        buffer.put(offset + 2, (byte) (value >>> 8));
        buffer.put(offset + 3, (byte) value);
    }

    static void putLong(ByteBuffer buffer, int offset, long value) {
        putInt(buffer, offset, (int) (value >>> 32));
        putInt(buffer, offset + 4, (int) value);
    }

    static void putInt(byte[] array, int offset, int value) {
        array[offset] = (byte) (value >>> 24);
        array[offset + 1] = (byte) (value >>> 16);
        array[offset + 2] = (byte) (value >>> 8);
        array[offset + 3] = (byte) value;
    }

    static void putLong(byte[] array, int offset, long value) {
        putInt(array, offset, (int) (value >>> 32));
        putInt(array, offset + 4, (int) value);
    }

    static long getLong(byte[] array, int offset) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (array[offset + i] & 0xff);
        }
        return value;
    }
}
