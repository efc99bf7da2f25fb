package org.openamr.simulator.radio;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.openamr.simulator.bus.DemoSegment;

/**
 * What a {@link RadioSource} simulates: {@code meters} virtual meters from {@code seed}, each
 * sending every {@code interval} give or take up to {@code jitter}, from {@code start} for
 * {@code period}. The same settings always give the same telegrams, byte for byte.
 *
 * @param jitter how far a transmission may fall before or after its regular moment; less than half
 *               the interval, so that a meter's telegrams stay in order
 * @param period the simulated time; null for a source without end (a live server)
 */
public record RadioSettings(long seed, int meters, RadioSecurity security, Duration interval, Duration jitter,
                            Instant start, Duration period) {

    public static final int MAX_METERS = DemoSegment.MAX_METERS;
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(120);
    private static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

    public RadioSettings {
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(jitter, "jitter");
        Objects.requireNonNull(start, "start");
        if (meters < 1 || meters > MAX_METERS) {
            throw new IllegalArgumentException("meters must be 1.." + MAX_METERS + ", got " + meters);
        }
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            throw new IllegalArgumentException("the transmit interval must be at least 1 s, got " + text(interval));
        }
        if (jitter.isNegative() || jitter.multipliedBy(2).compareTo(interval) >= 0) {
            throw new IllegalArgumentException("the jitter must be 0 or more and less than half the interval ("
                    + text(interval) + "), got " + text(jitter));
        }
        if (period != null && (period.isZero() || period.isNegative())) {
            throw new IllegalArgumentException("the period must be longer than 0, got " + text(period));
        }
    }

    /** A tenth of the interval: a meter's crystal and its randomised slot, as OMS meters vary. */
    public static Duration defaultJitter(Duration interval) {
        return interval.dividedBy(10);
    }

    /** The end of the simulated period, null without one. */
    public Instant end() {
        return period == null ? null : start.plus(period);
    }

    /** One line for a file header or a start message; no key material. */
    public String describe() {
        return "seed " + seed + ", " + meters + " meter" + (meters == 1 ? "" : "s") + ", security " + security.text()
                + ", interval " + text(interval) + " ± " + text(jitter) + ", from " + start
                + (period == null ? ", without end" : " for " + text(period));
    }

    private static String text(Duration d) {
        return DurationText.format(d);
    }
}
