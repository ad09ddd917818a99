package org.pqipsec.esp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ReplayWindowTest {

    @Test
    void newWindowRejectsOnlyZero() {
        ReplayWindow window = new ReplayWindow(1024, true);

        assertEquals(EspDropReason.OUTSIDE_WINDOW, window.check(0));
        assertNull(window.check(1));
        assertNull(window.check(0xFFFF_FFFFL));
        assertEquals(0, window.highest());
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 64, 65, 100, 1024, 4000, 65_536})
    void windowEdgesAreExact(int size) {
        ReplayWindow window = new ReplayWindow(size, true);
        long highest = 3L * size + 17;
        window.accept(highest);

        assertNull(window.check(highest - size + 1), "oldest number inside the window");
        assertEquals(EspDropReason.OUTSIDE_WINDOW, window.check(highest - size), "first number left of it");
        assertEquals(EspDropReason.REPLAYED, window.check(highest));
        assertNull(window.check(highest + 1));
    }

    @Test
    void sizesOutsideRangeRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ReplayWindow(31, true));
        assertThrows(IllegalArgumentException.class, () -> new ReplayWindow(65_537, true));
    }

    @Test
    void disabledWindowPassesEverythingButTracksHighest() {
        ReplayWindow window = new ReplayWindow(64, false);
        window.accept(500);
        window.accept(500);

        assertNull(window.check(500));
        assertNull(window.check(1));
        assertEquals(500, window.highest());
    }

    /**
     * Replays a random walk of sequence numbers against a plain model that remembers every
     * number ever accepted, so ring wrap-around and block clearing are checked at every step.
     */
    @ParameterizedTest
    @ValueSource(ints = {32, 64, 200, 1024})
    void ringMatchesModelOnRandomTraffic(int size) {
        ReplayWindow window = new ReplayWindow(size, true);
        BitSet seen = new BitSet();
        long highest = 0;
        Random random = new Random(6479L + size);

        for (int step = 0; step < 200_000; step++) {
            long candidate = Math.max(1, highest + random.nextInt(3 * size) - 2L * size);
            if (random.nextInt(50) == 0) {
                candidate = highest + 1 + random.nextInt(5 * size);
            }
            EspDropReason expected;
            if (highest >= candidate && highest - candidate >= size) {
                expected = EspDropReason.OUTSIDE_WINDOW;
            } else if (seen.get((int) candidate)) {
                expected = EspDropReason.REPLAYED;
            } else {
                expected = null;
            }

            assertEquals(expected, window.check(candidate), "step " + step + ", number " + candidate);
            if (expected == null) {
                window.accept(candidate);
                seen.set((int) candidate);
                highest = Math.max(highest, candidate);
            }
        }
    }

    @Test
    void extendedHighHalfInferredInsideOneSubspace() {
        ReplayWindow window = new ReplayWindow(64, true);
        window.accept((5L << 32) | 1000);

        assertEquals((5L << 32) | 1000, window.inferExtended(1000));
        assertEquals((5L << 32) | 937, window.inferExtended(937), "bottom of the window");
        assertEquals((6L << 32) | 936, window.inferExtended(936), "below the window: next subspace");
        assertEquals((5L << 32) | 5000, window.inferExtended(5000));
    }

    @Test
    void extendedHighHalfInferredAcrossSubspaceBoundary() {
        ReplayWindow window = new ReplayWindow(64, true);
        window.accept((5L << 32) | 10);

        assertEquals((5L << 32) | 10, window.inferExtended(10));
        assertEquals((4L << 32) | 0xFFFF_FFFFL, window.inferExtended(0xFFFF_FFFF), "just left of 2^32 boundary");
        assertEquals((4L << 32) | 0xFFFF_FFCBL, window.inferExtended(0xFFFF_FFCB), "bottom of the window");
        assertEquals((5L << 32) | 0xFFFF_FFCAL, window.inferExtended(0xFFFF_FFCA), "beyond the window: ahead");
        assertEquals((5L << 32) | 11, window.inferExtended(11));
    }

    @Test
    void extendedFirstSubspaceHasNoPredecessor() {
        ReplayWindow window = new ReplayWindow(1024, true);
        window.accept(3);

        assertEquals(0xFFFF_FFF0L, window.inferExtended(0xFFFF_FFF0));
    }
}
