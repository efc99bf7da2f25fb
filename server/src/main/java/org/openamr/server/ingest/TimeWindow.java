package org.openamr.server.ingest;

import java.time.Duration;
import java.time.Instant;

/**
 * The times a reading may have: from 2000-01-01 to two days after the push arrived. Anything else is
 * a concentrator clock that was never set or a unit mix-up (milliseconds for seconds), and stored it
 * would create partitions and consumption far from reality.
 */
record TimeWindow(Instant from, Instant to) {

    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final Duration AHEAD = Duration.ofDays(2);

    static TimeWindow around(Instant now) {
        return new TimeWindow(EARLIEST, now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plus(AHEAD));
    }

    boolean contains(Instant t) {
        return !t.isBefore(from) && !t.isAfter(to);
    }

    String describe() {
        return from + " .. " + to;
    }
}
