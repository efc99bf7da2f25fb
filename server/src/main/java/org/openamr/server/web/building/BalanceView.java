package org.openamr.server.web.building;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.openamr.mbus.quantity.Unit;
import org.openamr.server.balance.Balances;
import org.openamr.server.balance.BuildingBalance;
import org.openamr.server.consumption.ConsumptionReport;
import org.openamr.server.consumption.Resolution;
import org.openamr.server.consumption.TargetKind;
import org.openamr.server.consumption.TotalInterval;
import org.openamr.server.point.MeteringPoint.Resource;
import org.openamr.server.security.AccessScope;
import org.openamr.server.web.Chart;
import org.openamr.server.web.Formats;
import org.openamr.server.web.HeatDisplay;
import org.openamr.server.web.PageConsumption;
import org.openamr.server.web.Period;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * A building's totals as the page shows them: this month's sums per resource, and the {@link Balances balance}
 * of the building meter (ОДПУ) against the sum of the apartments (ΣИПУ) by month and by day, as tables and
 * charts. The building's sums need the whole building in scope, so a resident's request ends here with a 404.
 */
@Component
class BalanceView {

    static final int MONTHS = 12;
    static final int DAYS = 31;

    private final PageConsumption figures;
    private final Balances balances;
    private final Formats fmt;
    private final MessageSource messages;
    private static final String HOUSE_COLOR = "#1f5fa8";
    private static final String PREMISES_COLOR = "#e08a1e";

    private final ObjectMapper json;

    BalanceView(PageConsumption figures, Balances balances, Formats fmt, MessageSource messages, ObjectMapper json) {
        this.figures = figures;
        this.balances = balances;
        this.fmt = fmt;
        this.messages = messages;
        this.json = json;
    }

    List<BuildingPage.Summary> summaries(UUID building, Period period, AccessScope scope) {
        List<BuildingPage.Summary> out = new ArrayList<>();
        for (Resource r : PageConsumption.RESOURCES) {
            ConsumptionReport report = figures.report(TargetKind.BUILDING, building, r, period,
                    period.sumResolution(), false, scope);
            out.add(new BuildingPage.Summary(r,
                    PageConsumption.sum(report.total(ConsumptionReport.Group.BUILDING_METERS)),
                    PageConsumption.sum(report.total(ConsumptionReport.Group.PREMISES))));
        }
        return out;
    }

    /**
     * The {@value #MONTHS} whole months up to the chosen period's last one (by default up to the month before this
     * one): a chosen period is seen among its neighbours, a month that is not over yet is not one of them.
     *
     * @param chosen null: no period chosen
     */
    BuildingPage.Balance byMonth(UUID building, Resource resource, ZoneId zone, Clock clock, Period chosen,
            HeatDisplay heat, AccessScope scope) {
        Period months = Period.monthsBefore(zone, clock, MONTHS);
        if (chosen != null) {
            LocalDate end = chosen.lastDay().withDayOfMonth(1).plusMonths(1);
            end = end.isAfter(months.to()) ? months.to() : end;
            months = new Period(end.minusMonths(MONTHS), end);
        }
        return view(balance(building, resource, months, Resolution.MONTH, scope), start -> fmt.month(start, zone),
                heat);
    }

    /** The chosen period's days, its last {@value #DAYS} at most (the months table has the rest); by default the last. */
    BuildingPage.Balance byDay(UUID building, Resource resource, ZoneId zone, Clock clock, Period chosen,
            HeatDisplay heat, AccessScope scope) {
        Period days = Period.daysBefore(zone, clock, DAYS);
        if (chosen != null) {
            LocalDate start = chosen.to().minusDays(DAYS);
            days = new Period(start.isAfter(chosen.from()) ? start : chosen.from(), chosen.to());
        }
        return view(balance(building, resource, days, Resolution.DAY, scope), start -> fmt.day(start, zone), heat);
    }

    private BuildingBalance balance(UUID building, Resource resource, Period period, Resolution resolution,
            AccessScope scope) {
        return balances.of(building, resource, PageConsumption.from(period), PageConsumption.to(period), resolution,
                scope);
    }

    private BuildingPage.Balance view(BuildingBalance balance, Function<Instant, String> label, HeatDisplay display) {
        List<BuildingPage.Row> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<BigDecimal> houseSeries = new ArrayList<>();
        List<BigDecimal> flatSeries = new ArrayList<>();
        boolean heat = balance.resource() == Resource.HEAT && balance.unit() == Unit.KWH;
        for (BuildingBalance.Row row : balance.rows()) {
            TotalInterval h = row.house();
            TotalInterval f = row.premises();
            rows.add(new BuildingPage.Row(row.interval().start(), h.value(), h.status().name(), f.value(),
                    f.status().name(), row.difference(), f.withData(), f.points()));
            labels.add(label.apply(row.interval().start()));
            // heat is charted in the unit the table shows first
            houseSeries.add(heat ? display.inFirst(h.value()) : h.value());
            flatSeries.add(heat ? display.inFirst(f.value()) : f.value());
        }
        Locale locale = LocaleContextHolder.getLocale();
        Chart chart = new Chart(heat ? fmt.heatUnit(display.first()) : fmt.unit(balance.unit().symbol()), labels,
                List.of(
                new Chart.Series(messages.getMessage("balance.house", null, locale), HOUSE_COLOR, houseSeries),
                new Chart.Series(messages.getMessage("balance.premises", null, locale), PREMISES_COLOR, flatSeries)));
        return new BuildingPage.Balance(balance.unit(), rows, chart, json.writeValueAsString(chart));
    }
}
