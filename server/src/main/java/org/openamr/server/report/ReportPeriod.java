package org.openamr.server.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.openamr.server.api.BadRequestException;
import org.openamr.server.consumption.Resolution;
import org.openamr.server.consumption.TimeParameter;

/**
 * The days a report covers, in the building's calendar: from {@code from} (inclusive) to {@code to} (exclusive,
 * as everywhere in the API), whole days only, at most {@value #MAX_MONTHS} months (a year and its neighbour month,
 * enough for an annual statement with its December). Given as {@code month=2026-11}, as {@code from}/{@code to}, or
 * not at all: the last whole month, the billing period everyone asks for.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    public static final int MAX_MONTHS = 13;

    public ReportPeriod {
        if (!to.isAfter(from)) {
            throw new Invalid("order", "parameter 'to' (" + to + ") must be after 'from' (" + from
                    + "); 'to' is exclusive: November is from=2026-11-01&to=2026-12-01", from, to);
        }
        if (to.isAfter(from.plusMonths(MAX_MONTHS))) {
            throw new Invalid("tooLong", "the period from " + from + " to " + to + " is longer than " + MAX_MONTHS
                    + " months: ask for several reports", from, to, MAX_MONTHS);
        }
    }

    public static ReportPeriod month(YearMonth month) {
        return new ReportPeriod(month.atDay(1), month.plusMonths(1).atDay(1));
    }

    /**
     * @param today the day it is in the caller's zone, for the default (the month before it)
     * @throws BadRequestException for a malformed parameter, a month beside from/to, or only one of from/to
     */
    public static ReportPeriod of(String month, String from, String to, LocalDate today) {
        boolean range = from != null || to != null;
        if (month != null && range) {
            throw new Invalid("both", "give either 'month' or 'from' and 'to', not both");
        }
        if (month != null) {
            try {
                return month(YearMonth.parse(month.trim()));
            } catch (DateTimeParseException e) {
                throw new Invalid("month", "parameter 'month': '" + month + "' is not a month like 2026-11", month);
            }
        }
        if (range) {
            if (from == null || to == null) {
                throw new Invalid("half", "give both 'from' and 'to' (dates like 2026-11-01; 'to' exclusive)");
            }
            return new ReportPeriod(day("from", from), day("to", to));
        }
        return month(YearMonth.from(today).minusMonths(1));
    }

    private static LocalDate day(String name, String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new Invalid("date", "parameter '" + name + "': '" + text + "' is not a date like 2026-11-01", text);
        }
    }

    /**
     * A period refused: the API says its message; a page says {@code period.error.<reason>} with the arguments in
     * the reader's language.
     */
    public static final class Invalid extends BadRequestException {

        private final String reason;
        private final transient Object[] arguments;

        Invalid(String reason, String message, Object... arguments) {
            super(message);
            this.reason = reason;
            this.arguments = arguments;
        }

        /** The message key of the refusal in the reader's language. */
        public String messageKey() {
            return "period.error." + reason;
        }

        public Object[] arguments() {
            return arguments.clone();
        }
    }

    /** Whether the period is whole calendar months, which are then computed per month (the due-date values). */
    public boolean wholeMonths() {
        return from.getDayOfMonth() == 1 && to.getDayOfMonth() == 1;
    }

    /** The resolution whose intervals tile the period exactly. */
    public Resolution resolution() {
        return wholeMonths() ? Resolution.MONTH : Resolution.DAY;
    }

    public TimeParameter fromParameter() {
        return new TimeParameter.Day("from", from);
    }

    public TimeParameter toParameter() {
        return new TimeParameter.Day("to", to);
    }

    /** The last day, inclusive, as people write a period («01.11.2026 – 30.11.2026»). */
    public LocalDate lastDay() {
        return to.minusDays(1);
    }

    /** The period in a file name: {@code 2026-11} for one month, else {@code 2026-11-05_2026-11-20} (last day). */
    public String fileLabel() {
        if (wholeMonths() && from.plusMonths(1).equals(to)) {
            return YearMonth.from(from).toString();
        }
        return from + "_" + lastDay();
    }
}
