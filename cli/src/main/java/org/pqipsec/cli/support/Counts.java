package org.pqipsec.cli.support;

/** Counts with their noun in the singular or plural, for command output. */
public final class Counts {

    private Counts() {
    }

    /**
     * Returns {@code count} and {@code noun}, with "s" added unless {@code count} is 1: "1 frame",
     * "2 frames", "0 ESP packets". The noun must form its plural with "s".
     */
    public static String of(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
