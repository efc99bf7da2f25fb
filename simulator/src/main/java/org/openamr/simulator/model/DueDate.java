package org.openamr.simulator.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The last due date (accounting date) before a moment: the end of the previous month. Meters
 * store their registers at 00:00 local time of the 1st and show the date as the last day of the
 * month that ended (Danfoss/Diehl show e.g. 31.03.2023).
 *
 * @param date    the date the meter shows, the last day of the previous month
 * @param instant the moment the values were stored, the 1st of the month 00:00 local
 */
public record DueDate(LocalDate date, Instant instant) {

    public static DueDate before(Instant at, ZoneId zone) {
        LocalDate first = at.atZone(zone).toLocalDate().withDayOfMonth(1);
        return new DueDate(first.minusDays(1), first.atStartOfDay(zone).toInstant());
    }
}
