package org.openamr.server.consumption;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.openamr.server.api.BadRequestException;
import org.openamr.server.api.TimeBounds;

/**
 * A query's {@code from} or {@code to}: an instant with offset ({@code 2026-11-01T00:00:00+03:00}, {@code …Z}),
 * or a local date-time, date or month ({@code 2026-11-01T06:00}, {@code 2026-11-01}, {@code 2026-11}) taken in
 * the building's time zone, which is how people name periods. The zone is the target's, known only once the
 * target is found, so a parameter is read first and placed on the time line later ({@link #at}).
 */
public sealed interface TimeParameter {

    /** The parameter's name, for the messages that refuse it. */
    String name();

    /** The instant this parameter means in the zone; refused outside the API's years ({@link TimeBounds}). */
    default Instant at(ZoneId zone) {
        return TimeBounds.check(name(), unchecked(zone));
    }

    Instant unchecked(ZoneId zone);

    /** The start of a local day (a month is its first day). */
    record Day(String name, LocalDate day) implements TimeParameter {
        @Override
        public Instant unchecked(ZoneId zone) {
            return day.atStartOfDay(zone).toInstant();
        }
    }

    /** A local date-time of the building's calendar. */
    record Local(String name, LocalDateTime time) implements TimeParameter {
        @Override
        public Instant unchecked(ZoneId zone) {
            return time.atZone(zone).toInstant();
        }
    }

    /** An instant given with its offset: the zone does not matter. */
    record Exact(String name, Instant instant) implements TimeParameter {
        @Override
        public Instant unchecked(ZoneId zone) {
            return instant;
        }
    }

    /** @throws BadRequestException when the text is missing or none of the forms above */
    static TimeParameter parse(String name, String text) {
        if (text == null || text.isBlank()) {
            throw new BadRequestException("parameter '" + name + "' is required: a date (2026-11-01), a month (2026-11)"
                    + " or an instant (2026-11-01T00:00:00+03:00)");
        }
        String t = text.trim();
        try {
            if (t.length() == 7) {
                return new Day(name, YearMonth.parse(t).atDay(1));
            }
            if (t.length() == 10) {
                return new Day(name, LocalDate.parse(t));
            }
            if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d(:?\\d\\d)?$")) {
                return new Exact(name, OffsetDateTime.parse(t).toInstant());
            }
            return new Local(name, LocalDateTime.parse(t));
        } catch (DateTimeParseException e) {
            throw new BadRequestException("parameter '" + name + "': '" + text + "' is not a date (2026-11-01), a month"
                    + " (2026-11) or an instant (2026-11-01T00:00:00+03:00)");
        }
    }
}
