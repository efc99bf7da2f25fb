package org.openamr.gateway.reading;

import java.time.Duration;
import java.time.Instant;

/** One read-out of every listed meter: when, and how many answered well, not at all, or badly. */
public record CycleResult(Instant start, Instant end, int ok, int notAnswering, int badAnswer) {

    public Duration duration() {
        return Duration.between(start, end);
    }
}
