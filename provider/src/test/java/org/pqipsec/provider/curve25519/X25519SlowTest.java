package org.pqipsec.provider.curve25519;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** The RFC 7748 §5.2 iterated vector after 1,000,000 iterations (about a minute of CPU time or more). */
class X25519SlowTest {

    @Test
    @EnabledIfSystemProperty(named = "pqipsec.slowTests", matches = "true",
            disabledReason = "1,000,000 X25519 iterations; run with -Dpqipsec.slowTests=true")
    void rfc7748IteratedMillionTimes() {
        assertEquals("7c3911e0ab2586fd864497297e575e6f3bc601c0883c30df5f4dd2d24f665424",
                HexFormat.of().formatHex(X25519Test.iterate(1_000_000)));
    }
}
