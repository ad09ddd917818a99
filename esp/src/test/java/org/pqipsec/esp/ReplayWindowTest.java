package org.pqipsec.esp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ReplayWindowTest {

    @Test
    void newWindowRejectsOnlyZero() {
        ReplayWindow window = new ReplayWindow();

        assertEquals(EspDropReason.OUTSIDE_WINDOW, window.check(0));
        assertNull(window.check(1));
        assertNull(window.check(0xFFFF_FFFFL));
        assertEquals(0, window.highest());
        assertEquals(0, window.bitmap());
    }

    @Test
    void acceptShiftsBitmap() {
        ReplayWindow window = new ReplayWindow();

        window.accept(1);
        assertEquals(1, window.highest());
        assertEquals(0b1, window.bitmap());

        window.accept(3);
        assertEquals(3, window.highest());
        assertEquals(0b101, window.bitmap());

        window.accept(2);
        assertEquals(3, window.highest());
        assertEquals(0b111, window.bitmap());
    }

    @Test
    void windowEdgesAreExact() {
        ReplayWindow window = new ReplayWindow();
        window.accept(1000);

        assertNull(window.check(1000 - 63));
        assertEquals(EspDropReason.OUTSIDE_WINDOW, window.check(1000 - 64));
        assertEquals(EspDropReason.REPLAYED, window.check(1000));
        assertNull(window.check(1001));

        window.accept(1000 - 63);
        assertEquals(1L | 1L << 63, window.bitmap());
        assertEquals(EspDropReason.REPLAYED, window.check(1000 - 63));
    }

    @Test
    void jumpOfWindowSizeOrMoreClearsHistory() {
        ReplayWindow window = new ReplayWindow();
        for (long sequenceNumber = 1; sequenceNumber <= 64; sequenceNumber++) {
            window.accept(sequenceNumber);
        }
        assertEquals(-1L, window.bitmap());

        window.accept(63 + 64);
        assertEquals(1L << 63 | 1L, window.bitmap());

        window.accept(127 + 64);
        assertEquals(1L, window.bitmap());

        window.accept(127 + 64 + 1000);
        assertEquals(1L, window.bitmap());
        assertEquals(127 + 64 + 1000, window.highest());
    }

    @Test
    void highestSequenceNumberAccepted() {
        ReplayWindow window = new ReplayWindow();
        window.accept(0xFFFF_FFFFL);

        assertEquals(EspDropReason.REPLAYED, window.check(0xFFFF_FFFFL));
        assertNull(window.check(0xFFFF_FFFFL - 63));
        assertEquals(EspDropReason.OUTSIDE_WINDOW, window.check(0xFFFF_FFFFL - 64));
    }
}
