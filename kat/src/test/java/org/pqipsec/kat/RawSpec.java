package org.pqipsec.kat;

import java.security.spec.EncodedKeySpec;

/**
 * A RAW {@link EncodedKeySpec} written here, not the provider's, so the suites show that any
 * spec with format {@code "RAW"} works, as the JCA convention for ML-KEM allows.
 */
final class RawSpec extends EncodedKeySpec {

    RawSpec(byte[] encoded) {
        super(encoded);
    }

    @Override
    public String getFormat() {
        return "RAW";
    }
}
