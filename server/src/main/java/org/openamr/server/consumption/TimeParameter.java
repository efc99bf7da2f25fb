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
 * Reads a query's {@code from} and {@code to}: an instant with offset ({@code 2026-11-01T00:00:00+03:00},
 * {@code …Z}), or a local date-time, date or month ({@code 2026-11-01T06:00}, {@code 2026-11-01},
 * {@code 2026-11}) taken in the building's time zone, which is how people name periods.
 */
final class TimeParameter {

    private TimeParameter() {
    }

    static Instant parse(String name, String text, ZoneId zone) {
        return TimeBounds.check(name, parseAnyYear(name, text, zone));
    }

    private static Instant parseAnyYear(String name, String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            throw new BadRequestException("parameter '" + name + "' is required: a date (2026-11-01), a month (2026-11)"
                    + " or an instant (2026-11-01T00:00:00+03:00)");
        }
        String t = text.trim();
        try {
            if (t.length() == 7) {
                return YearMonth.parse(t).atDay(1).atStartOfDay(zone).toInstant();
            }
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(zone).toInstant();
            }
            if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d(:?\\d\\d)?$")) {
                return OffsetDateTime.parse(t).toInstant();
            }
            return LocalDateTime.parse(t).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRequestException("parameter '" + name + "': '" + text + "' is not a date (2026-11-01), a month"
                    + " (2026-11) or an instant (2026-11-01T00:00:00+03:00)");
        }
    }
}
