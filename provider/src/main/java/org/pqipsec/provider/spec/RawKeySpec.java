package org.pqipsec.provider.spec;

import java.security.spec.EncodedKeySpec;

/**
 * A key in its raw encoding, with format {@code "RAW"}: the byte string that the protocol carries
 * (for example the 1216-byte X25519MLKEM768 client share or the 32-byte X25519 u-coordinate).
 *
 * <p>The provider's {@code KeyFactory} services accept any {@link EncodedKeySpec} whose
 * {@code getFormat()} is {@code "RAW"}, the convention that SunJCE's ML-KEM {@code KeyFactory}
 * follows; this class is a ready one.
 */
public final class RawKeySpec extends EncodedKeySpec {

    /** The value that {@link #getFormat()} returns. */
    public static final String FORMAT = "RAW";

    /** Creates a spec over a copy of {@code encodedKey}. */
    public RawKeySpec(byte[] encodedKey) {
        super(encodedKey);
    }

    @Override
    public String getFormat() {
        return FORMAT;
    }
}
