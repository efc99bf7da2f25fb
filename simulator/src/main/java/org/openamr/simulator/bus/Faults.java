package org.openamr.simulator.bus;

import java.time.Duration;

/**
 * Faults the bus injects into replies, as probabilities per reply (a collision is never faulted
 * again: it is garbage already). Which replies are hit is deterministic from the bus seed and the
 * order of requests, so a failing test replays exactly.
 *
 * @param lost      the reply never comes (a slave that missed the request, a lost character)
 * @param corrupted one bit of one byte flips: a checksum, parity or framing error for the master
 * @param late      the reply starts {@code lateBy} after the end of the response window of
 *                  EN 13757-2 (330 bit times + 50 ms): a master must treat it as a timeout
 * @param lateBy    how far beyond the window a late reply starts
 */
public record Faults(double lost, double corrupted, double late, Duration lateBy) {

    public static final Duration DEFAULT_LATE_BY = Duration.ofMillis(100);

    public Faults {
        for (double p : new double[] {lost, corrupted, late}) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("fault rates are probabilities 0..1, got " + p);
            }
        }
        if (lost + corrupted + late > 1.0000001) {
            throw new IllegalArgumentException("fault rates add up to more than 1");
        }
        if (lateBy.isNegative() || lateBy.isZero()) {
            throw new IllegalArgumentException("a late reply must come after the window, lateBy > 0");
        }
    }

    public static Faults none() {
        return new Faults(0, 0, 0, DEFAULT_LATE_BY);
    }

    /** A total fault rate {@code p}, split equally between lost, corrupted and late replies ({@code --faults p}). */
    public static Faults of(double p) {
        return new Faults(p / 3, p / 3, p / 3, DEFAULT_LATE_BY);
    }

    public double total() {
        return lost + corrupted + late;
    }

    public boolean any() {
        return total() > 0;
    }
}
