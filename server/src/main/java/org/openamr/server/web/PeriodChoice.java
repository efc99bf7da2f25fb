package org.openamr.server.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.YearMonth;
import org.openamr.server.report.ReportPeriod;

/**
 * The period a page's figures are for, as chosen in its URL: {@code month=2026-11} or {@code from=…&to=…} ('to'
 * exclusive), read and checked by {@link ReportPeriod} exactly as the reports take them, so that a link to
 * {@code /reports} with the same parameters means the same days; none: the page's default. The choice is carried
 * on the links between the pages ({@link #query}). A refused choice is kept with its reason, for the page to say
 * it (with HTTP 400) and show its default instead.
 */
public final class PeriodChoice {

    private static final PeriodChoice DEFAULT = new PeriodChoice(null, null, null, null, null);

    private final String month;
    private final String from;
    private final String to;
    private final ReportPeriod chosen;
    private final ReportPeriod.Invalid invalid;

    private PeriodChoice(String month, String from, String to, ReportPeriod chosen, ReportPeriod.Invalid invalid) {
        this.month = month;
        this.from = from;
        this.to = to;
        this.chosen = chosen;
        this.invalid = invalid;
    }

    /** The parameters as a GET form sends them: an empty field is no choice. */
    public static PeriodChoice of(String month, String from, String to) {
        String m = blank(month);
        String f = blank(from);
        String t = blank(to);
        if (m == null && f == null && t == null) {
            return DEFAULT;
        }
        try {
            // the default of ReportPeriod.of (its 'today') is never reached: something was chosen
            ReportPeriod p = ReportPeriod.of(m, f, t, LocalDate.EPOCH);
            return m != null ? new PeriodChoice(YearMonth.from(p.from()).toString(), null, null, p, null)
                    : new PeriodChoice(null, p.from().toString(), p.to().toString(), p, null);
        } catch (ReportPeriod.Invalid e) {
            return new PeriodChoice(m, f, t, null, e);
        }
    }

    /**
     * The days to show: the chosen ones, ending at the last whole day (today's end is still ahead, so it could only
     * be a gap), or for no choice (or a refused one) {@code fallback}.
     */
    public Period period(ZoneId zone, Clock clock, Period fallback) {
        if (chosen == null) {
            return fallback;
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate end = chosen.to().isAfter(today) && today.isAfter(chosen.from()) ? today : chosen.to();
        return new Period(chosen.from(), end);
    }

    /** The period as the query parameters that chose it ({@code month=2026-11}); empty for the default. */
    public String query() {
        if (chosen == null) {
            return "";
        }
        return month != null ? "month=" + month : "from=" + from + "&to=" + to;
    }

    /** {@link #query} to append to a link that has no query yet: {@code ?month=2026-11} or nothing. */
    public String first() {
        return chosen == null ? "" : "?" + query();
    }

    /** {@link #query} to append to a link that has a query already: {@code &month=2026-11} or nothing. */
    public String more() {
        return chosen == null ? "" : "&" + query();
    }

    public boolean chosen() {
        return chosen != null;
    }

    public boolean refused() {
        return invalid != null;
    }

    /** The refusal's message key ({@code period.error.*}); null unless refused. */
    public String errorKey() {
        return invalid == null ? null : invalid.messageKey();
    }

    public Object[] errorArguments() {
        return invalid == null ? new Object[0] : invalid.arguments();
    }

    /** The month field's value: the chosen month, or what was typed when refused. */
    public String month() {
        return month;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
