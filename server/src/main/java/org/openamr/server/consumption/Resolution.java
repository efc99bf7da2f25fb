package org.openamr.server.consumption;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Length of the intervals consumption is given for, aligned to the building's local calendar, and
 * how far a boundary value may be interpolated from.
 *
 * <p>The interpolation distance is the longest gap, on each side of a boundary, between the
 * boundary and the nearest reading that may still be used. It is chosen per resolution so that the
 * usual reading rhythm of each use fits and an interpolated value stays a small part of the interval:
 * <ul>
 *   <li>HOUR, 2 h: hourly polls, one missed poll on one side still interpolates;</li>
 *   <li>DAY, 36 h: a meter read once a day at any time of day, with half a day of slack;</li>
 *   <li>MONTH, 3 days: a month's figure may rest on readings from the last days of one month and the
 *       first days of the next, as reporting days are handled in practice; the due-date value stored by
 *       the meter is used instead whenever there is one.</li>
 * </ul>
 */
public enum Resolution {
    HOUR(Duration.ofHours(2)),
    DAY(Duration.ofHours(36)),
    MONTH(Duration.ofDays(3));

    private final Duration maxInterpolationDistance;

    Resolution(Duration maxInterpolationDistance) {
        this.maxInterpolationDistance = maxInterpolationDistance;
    }

    public Duration maxInterpolationDistance() {
        return maxInterpolationDistance;
    }

    /** The start of the interval containing {@code at}, in the zone's local calendar. */
    public Instant floor(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        return switch (this) {
            // truncation keeps the offset where the local time is ambiguous, so the repeated hour of
            // an autumn DST change is an hour of its own
            case HOUR -> local.truncatedTo(ChronoUnit.HOURS).toInstant();
            case DAY -> local.toLocalDate().atStartOfDay(zone).toInstant();
            case MONTH -> local.toLocalDate().withDayOfMonth(1).atStartOfDay(zone).toInstant();
        };
    }

    /** The start of the interval after the one starting at {@code start}. */
    public Instant next(Instant start, ZoneId zone) {
        return switch (this) {
            // hours follow the instant line: a DST day has 23 or 25 of them
            case HOUR -> start.plus(Duration.ofHours(1));
            case DAY -> start.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
            case MONTH -> start.atZone(zone).toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay(zone)
                    .toInstant();
        };
    }
}
