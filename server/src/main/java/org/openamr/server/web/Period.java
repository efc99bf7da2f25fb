package org.openamr.server.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.openamr.server.consumption.Resolution;
import org.openamr.server.report.ReportPeriod;

/**
 * Whole local days {@code [from, to)} of a building's calendar, as the consumption service takes them.
 * Today is never included: its end is still ahead, so it could only be a gap.
 */
public record Period(LocalDate from, LocalDate to) {

    public Period {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("period " + from + " … " + to + " is empty");
        }
    }

    /** This month up to yesterday; on the 1st, the whole month before (this one has no whole day yet). */
    public static Period monthSoFar(ZoneId zone, Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate first = today.withDayOfMonth(1);
        return today.equals(first) ? new Period(first.minusMonths(1), first) : new Period(first, today);
    }

    /** The {@code n} whole months before this one. */
    public static Period monthsBefore(ZoneId zone, Clock clock, int n) {
        LocalDate first = LocalDate.now(clock.withZone(zone)).withDayOfMonth(1);
        return new Period(first.minusMonths(n), first);
    }

    /** The {@code n} whole days before today. */
    public static Period daysBefore(ZoneId zone, Clock clock, int n) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return new Period(today.minusDays(n), today);
    }

    /**
     * The resolution a sum over the period is taken at: whole months by month (their due-date values, so that a
     * page's month is the statement's month), else by day. The rule is the reports' ({@link ReportPeriod}).
     */
    public Resolution sumResolution() {
        return new ReportPeriod(from, to).resolution();
    }

    /** The last day inside the period, for "1–23 Nov". */
    public LocalDate lastDay() {
        return to.minusDays(1);
    }
}
