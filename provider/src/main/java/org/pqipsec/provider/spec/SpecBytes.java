package org.pqipsec.provider.spec;

/** Copies the byte arrays that the parameter specs take and return. */
final class SpecBytes {

    private SpecBytes() {}

    /** Returns a copy of {@code bytes}, or null if it is null. */
    static byte[] copy(byte[] bytes) {
        return bytes == null ? null : bytes.clone();
    }
}
