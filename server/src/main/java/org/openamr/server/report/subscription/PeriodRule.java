package org.openamr.server.report.subscription;

import java.time.LocalDate;
import java.time.YearMonth;
import org.openamr.server.report.ReportPeriod;

/** Which period a scheduled report covers, from the day it runs (in the subscription's time zone). */
public enum PeriodRule {
    /** the last whole month: the billing period */
    PREVIOUS_MONTH,
    /** from the 1st to the end of yesterday; on the 1st, the whole previous month (a month to date has no day yet) */
    MONTH_TO_DATE,
    /** the N whole days before the day it runs */
    LAST_DAYS;

    public ReportPeriod period(LocalDate today, Integer lastDays) {
        return switch (this) {
            case PREVIOUS_MONTH -> ReportPeriod.month(YearMonth.from(today).minusMonths(1));
            case MONTH_TO_DATE -> today.getDayOfMonth() == 1 ? ReportPeriod.month(YearMonth.from(today).minusMonths(1))
                    : new ReportPeriod(today.withDayOfMonth(1), today);
            case LAST_DAYS -> new ReportPeriod(today.minusDays(lastDays), today);
        };
    }
}
