package org.openamr.server.web.building;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.openamr.server.consumption.ConsumptionReport;
import org.openamr.server.consumption.Resolution;
import org.openamr.server.consumption.TargetKind;
import org.openamr.server.consumption.TotalInterval;
import org.openamr.server.consumption.TotalStatus;
import org.openamr.server.security.AccessScope;
import org.openamr.server.web.Chart;
import org.openamr.server.web.Figures;
import org.openamr.server.web.Formats;
import org.openamr.server.web.Period;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * A building's totals as the page shows them: the building meter (ОДПУ) against the sum of the apartments
 * (ΣИПУ) per resource, and per interval with their difference. The building's sums need the whole
 * building in scope, so a resident's request ends here with a 404.
 */
@Component
class BuildingBalances {

    static final int MONTHS = 12;
    static final int DAYS = 31;

    private final Figures figures;
    private final Formats fmt;
    private final MessageSource messages;
    private static final String HOUSE_COLOR = "#1f5fa8";
    private static final String PREMISES_COLOR = "#e08a1e";

    private final ObjectMapper json;

    BuildingBalances(Figures figures, Formats fmt, MessageSource messages, ObjectMapper json) {
        this.figures = figures;
        this.fmt = fmt;
        this.messages = messages;
        this.json = json;
    }

    List<BuildingPage.Summary> summaries(UUID building, Period period, AccessScope scope) {
        List<BuildingPage.Summary> out = new ArrayList<>();
        for (String r : Figures.RESOURCES) {
            ConsumptionReport report = figures.report(TargetKind.BUILDING, building, r, period, Resolution.DAY, false,
                    scope);
            out.add(new BuildingPage.Summary(r,
                    Figures.sum(Figures.total(report, ConsumptionReport.Group.BUILDING_METERS)),
                    Figures.sum(Figures.total(report, ConsumptionReport.Group.PREMISES))));
        }
        return out;
    }

    BuildingPage.Balance byMonth(UUID building, String resource, ZoneId zone, Clock clock, AccessScope scope) {
        return balance(figures.report(TargetKind.BUILDING, building, resource, Period.monthsBefore(zone, clock, MONTHS),
                Resolution.MONTH, false, scope), resource, start -> fmt.month(start, zone));
    }

    BuildingPage.Balance byDay(UUID building, String resource, ZoneId zone, Clock clock, AccessScope scope) {
        return balance(figures.report(TargetKind.BUILDING, building, resource, Period.daysBefore(zone, clock, DAYS),
                Resolution.DAY, false, scope), resource, start -> fmt.day(start, zone));
    }

    private BuildingPage.Balance balance(ConsumptionReport report, String resource, Function<Instant, String> label) {
        ConsumptionReport.Total house = Figures.total(report, ConsumptionReport.Group.BUILDING_METERS);
        ConsumptionReport.Total flats = Figures.total(report, ConsumptionReport.Group.PREMISES);
        List<BuildingPage.Row> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<BigDecimal> houseSeries = new ArrayList<>();
        List<BigDecimal> flatSeries = new ArrayList<>();
        boolean heat = resource.equals("HEAT") && "kWh".equals(house.unit());
        for (int i = 0; i < report.intervals().size(); i++) {
            TotalInterval h = house.intervals().get(i);
            TotalInterval f = flats.intervals().get(i);
            // a difference of partial sums would blame the common areas for a missing flat
            BigDecimal diff = h.status() == TotalStatus.COMPLETE && f.status() == TotalStatus.COMPLETE
                    ? h.value().subtract(f.value()) : null;
            rows.add(new BuildingPage.Row(report.intervals().get(i).start(), h.value(), h.status().name(), f.value(),
                    f.status().name(), diff, f.withData(), f.points()));
            labels.add(label.apply(report.intervals().get(i).start()));
            // heat is charted in Gcal, as Russian reports show it
            houseSeries.add(heat ? Formats.toGcal(h.value()) : h.value());
            flatSeries.add(heat ? Formats.toGcal(f.value()) : f.value());
        }
        Locale locale = LocaleContextHolder.getLocale();
        Chart chart = new Chart(fmt.unit(heat ? "Gcal" : house.unit()), labels, List.of(
                new Chart.Series(messages.getMessage("balance.house", null, locale), HOUSE_COLOR, houseSeries),
                new Chart.Series(messages.getMessage("balance.premises", null, locale), PREMISES_COLOR, flatSeries)));
        return new BuildingPage.Balance(house.unit(), rows, chart, json.writeValueAsString(chart));
    }
}
