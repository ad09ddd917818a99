package org.pqipsec.cli.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CountsTest {

    @Test
    void pluralUnlessOne() {
        assertEquals("0 frames", Counts.of(0, "frame"));
        assertEquals("1 frame", Counts.of(1, "frame"));
        assertEquals("2 ESP packets", Counts.of(2, "ESP packet"));
    }
}
