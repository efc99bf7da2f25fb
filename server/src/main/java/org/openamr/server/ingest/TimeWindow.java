package org.openamr.server.ingest;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The times a reading may have: from {@code openamr.ingest.max-reading-age} (default five years: the
 * monthly archives of heat meters go back 48–60 months) before the push arrived to one day after it. Anything else is a concentrator clock that was never
 * set, a unit mix-up (milliseconds for seconds) or made up, and stored it would create partitions
 * (a month of {@code reading} per value) and consumption far from reality.
 */
record TimeWindow(Instant from, Instant to) {

    /** Before this no reading is accepted whatever the configured age: nothing here is older. */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final Period DEFAULT_MAX_AGE = Period.ofYears(5);
    static final Duration AHEAD = Duration.ofDays(1);

    static TimeWindow around(Instant now) {
        return around(now, DEFAULT_MAX_AGE);
    }

    static TimeWindow around(Instant now, Period maxAge) {
        Instant seconds = now.truncatedTo(ChronoUnit.SECONDS);
        Instant oldest = seconds.atOffset(ZoneOffset.UTC).minus(maxAge).toInstant();
        return new TimeWindow(oldest.isBefore(EARLIEST) ? EARLIEST : oldest, seconds.plus(AHEAD));
    }

    boolean contains(Instant t) {
        return !t.isBefore(from) && !t.isAfter(to);
    }

    String describe() {
        return from + " .. " + to + " (readings at most " + Duration.between(from, to.minus(AHEAD)).toDays()
                + " days old and at most a day ahead of the server's clock)";
    }
}
