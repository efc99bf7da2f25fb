package org.openamr.server.consumption;

import java.time.Instant;
import java.util.Objects;

/** A half-open interval [start, end): a reading at {@code end} belongs to the next interval's start. */
public record Interval(Instant start, Instant end) {

    public Interval {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("interval end " + end + " is not after its start " + start);
        }
    }
}
