package org.openamr.server.api;

import java.time.Instant;

/**
 * The instants a time parameter of the API may hold. Java reads years up to ±999,999,999 and PostgreSQL fails
 * on most of them with its own words, so a parameter outside metering's plausible years is refused up front,
 * naming the parameter and the range.
 */
public final class TimeBounds {

    public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    private TimeBounds() {
    }

    /** The instant itself when it is within the range (or null); otherwise a {@link BadRequestException}. */
    public static Instant check(String parameter, Instant value) {
        if (value != null && (value.isBefore(EARLIEST) || value.isAfter(LATEST))) {
            throw new BadRequestException("parameter '" + parameter + "': " + value + " is outside the allowed range "
                    + EARLIEST + " to " + LATEST);
        }
        return value;
    }
}
