package org.openamr.server.web.apartment;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.openamr.mbus.quantity.Unit;
import org.openamr.server.alarm.journal.AlarmFilter;
import org.openamr.server.alarm.journal.AlarmJournal;
import org.openamr.server.building.Building;
import org.openamr.server.building.Buildings;
import org.openamr.server.consumption.Boundary;
import org.openamr.server.consumption.ConsumptionReport;
import org.openamr.server.consumption.PointInterval;
import org.openamr.server.consumption.PointStatus;
import org.openamr.server.consumption.Resolution;
import org.openamr.server.consumption.Segment;
import org.openamr.server.consumption.TargetKind;
import org.openamr.server.meter.Meter;
import org.openamr.server.meter.Meters;
import org.openamr.server.point.MeteringPoint;
import org.openamr.server.point.MeteringPoint.Resource;
import org.openamr.server.point.MeteringPoints;
import org.openamr.server.premise.Premise;
import org.openamr.server.premise.PremiseActivity;
import org.openamr.server.premise.Premises;
import org.openamr.server.security.AccessScope;
import org.openamr.server.security.CurrentUser;
import org.openamr.server.web.Chart;
import org.openamr.server.web.Formats;
import org.openamr.server.web.HeatDisplay;
import org.openamr.server.web.HeatDisplays;
import org.openamr.server.web.PageConsumption;
import org.openamr.server.web.Period;
import org.openamr.server.web.PeriodChoice;
import org.openamr.server.web.alarms.AlarmLines;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.ObjectMapper;

/** {@code /apartments/{id}}: an apartment's heat and water by month, its meters and events. */
@Controller
class ApartmentPageController {

    static final int MONTHS = 12;
    /** Open alarms listed on the page; the alarms page has them all. */
    static final int ALARMS = 20;
    /** A meter whose newest reading is older than this is marked as not read lately. */
    static final java.time.Duration FRESH_WITHIN = java.time.Duration.ofHours(36);

    private final Premises premises;
    private final Buildings buildings;
    private final MeteringPoints points;
    private final Meters meters;
    private final PremiseActivity activity;
    private final PageConsumption figures;
    private final CurrentUser current;
    private final Formats fmt;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final HeatDisplays heatDisplays;
    private final AlarmJournal journal;
    private final AlarmLines alarmLines;
    private final Clock clock = Clock.systemUTC();
    /** Each resource in its colour: heat red, cold water blue, hot water orange. */
    private static final Map<Resource, String> COLORS = Map.of(Resource.HEAT, "#b8322a", Resource.COLD_WATER,
            "#1f5fa8", Resource.HOT_WATER, "#e08a1e");

    ApartmentPageController(Premises premises, Buildings buildings, MeteringPoints points, Meters meters,
            PremiseActivity activity, PageConsumption figures, CurrentUser current, Formats fmt, MessageSource messages,
            ObjectMapper json, HeatDisplays heatDisplays, AlarmJournal journal, AlarmLines alarmLines) {
        this.heatDisplays = heatDisplays;
        this.journal = journal;
        this.alarmLines = alarmLines;
        this.fmt = fmt;
        this.messages = messages;
        this.json = json;
        this.premises = premises;
        this.buildings = buildings;
        this.points = points;
        this.meters = meters;
        this.activity = activity;
        this.figures = figures;
        this.current = current;
    }

    /** The header's first item: the buildings, or a resident's own apartment. */
    @ModelAttribute("nav")
    String nav() {
        return "home";
    }

    @GetMapping("/apartments/{id}")
    String apartment(@PathVariable UUID id, @RequestParam(name = "month", required = false) String month,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to, Model model, HttpServletResponse response) {
        AccessScope scope = current.scope();
        Premise premise = premises.get(scope, id);
        Building building = buildings.get(scope, premise.building());
        ZoneId zone = ZoneId.of(building.timeZone());
        PeriodChoice choice = PeriodChoice.of(month, from, to);
        if (choice.refused()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        // by default the last MONTHS whole months and this one up to yesterday
        Period soFar = Period.monthSoFar(zone, clock);
        Period fallback = new Period(Period.monthsBefore(zone, clock, MONTHS).from(), soFar.to());
        Parts parts = Parts.of(choice.period(zone, clock, fallback));
        HeatDisplay heat = heatDisplays.ofBuilding(scope, building.id());
        List<ApartmentPage.ResourceTable> tables = new ArrayList<>();
        for (Resource resource : PageConsumption.RESOURCES) {
            ConsumptionReport months = parts.months() == null ? null
                    : figures.report(TargetKind.PREMISE, id, resource, parts.months(), Resolution.MONTH, true, scope);
            ConsumptionReport head = days(id, resource, parts.head(), scope);
            ConsumptionReport tail = days(id, resource, parts.tail(), scope);
            ConsumptionReport any = months != null ? months : head != null ? head : tail;
            for (ConsumptionReport.PointResult point : any.points()) {
                tables.add(table(resource, point(months, point), point(head, point), parts.head(), point(tail, point),
                        parts.tail(), zone, heat));
            }
        }
        boolean seesBuilding = !(scope instanceof AccessScope.Resident);
        model.addAttribute("page", new ApartmentPage(id, premise.number(), premise.entrance(), premise.floor(),
                building.address(), seesBuilding ? building.id() : null, zone, tables, meters(scope, id),
                activity.events(scope, id), choice, heat, alarmLines.of(journal.list(scope, new AlarmFilter(Set.of(),
                        null, Set.of(), null, id, null), 0, ALARMS).items(), zone), !seesBuilding));
        return "apartment";
    }

    /**
     * A period as the table shows it: its whole months a row each, and the days before the first and after the last
     * whole month a row each (this month up to yesterday, a chosen period's first or last days), summed from days.
     * A period within one month is one row of days ({@code tail}).
     */
    record Parts(Period head, Period months, Period tail) {

        static Parts of(Period p) {
            LocalDate firstMonth = p.from().getDayOfMonth() == 1 ? p.from() : p.from().withDayOfMonth(1).plusMonths(1);
            LocalDate lastMonthEnd = p.to().withDayOfMonth(1);
            if (!lastMonthEnd.isAfter(firstMonth)) {
                if (firstMonth.isAfter(p.from()) && firstMonth.isBefore(p.to())) {
                    return new Parts(new Period(p.from(), firstMonth), null, new Period(firstMonth, p.to()));
                }
                return new Parts(null, null, p);
            }
            return new Parts(firstMonth.isAfter(p.from()) ? new Period(p.from(), firstMonth) : null,
                    new Period(firstMonth, lastMonthEnd),
                    lastMonthEnd.isBefore(p.to()) ? new Period(lastMonthEnd, p.to()) : null);
        }
    }

    private ConsumptionReport days(UUID id, Resource resource, Period period, AccessScope scope) {
        return period == null ? null
                : figures.report(TargetKind.PREMISE, id, resource, period, Resolution.DAY, true, scope);
    }

    private static ConsumptionReport.PointResult point(ConsumptionReport report, ConsumptionReport.PointResult of) {
        return report == null ? null : report.points().stream().filter(p -> p.point().id() == of.point().id())
                .findFirst().orElse(null);
    }

    private ApartmentPage.ResourceTable table(Resource resource, ConsumptionReport.PointResult months,
            ConsumptionReport.PointResult head, Period headDays, ConsumptionReport.PointResult tail, Period tailDays,
            ZoneId zone, HeatDisplay display) {
        ConsumptionReport.PointResult any = months != null ? months : head != null ? head : tail;
        boolean heat = any.unit() == Unit.KWH;
        List<ApartmentPage.Month> rows = new ArrayList<>();
        if (tail != null) {
            rows.add(days(tail, tailDays, heat, display));
        }
        if (months != null) {
            // months before the first known value (history shorter than the table, a meter fitted later) say
            // nothing: the table starts where the data does
            int first = 0;
            while (head == null && first < months.intervals().size() - 1
                    && nothingKnown(months.intervals().get(first))) {
                first++;
            }
            // newest first: the month a resident asks about is the last one
            for (int n = months.intervals().size() - 1; n >= first; n--) {
                PointInterval i = months.intervals().get(n);
                List<ApartmentPage.Reading> from = new ArrayList<>();
                List<ApartmentPage.Reading> to = new ArrayList<>();
                for (Segment s : i.segments()) {
                    from.add(reading(s, s.start()));
                    to.add(reading(s, s.end()));
                }
                rows.add(new ApartmentPage.Month(i.interval().start(), i.value(),
                        heat ? display.inFirst(i.value()) : null, heat ? display.inSecond(i.value()) : null,
                        i.status().name(), i.interpolated(), from, to, i.problems(), null, null));
            }
        }
        if (head != null) {
            rows.add(days(head, headDays, heat, display));
        }
        return new ApartmentPage.ResourceTable(resource, any.unit().symbol(), heat, rows,
                chartJson(resource, heat, any.unit(), rows, zone, display));
    }

    /** The table's rows, oldest first, as bars in the table's unit (heat in the unit shown first). */
    private String chartJson(Resource resource, boolean heat, Unit unit, List<ApartmentPage.Month> rows, ZoneId zone,
            HeatDisplay display) {
        List<String> labels = new ArrayList<>();
        List<BigDecimal> values = new ArrayList<>();
        for (int n = rows.size() - 1; n >= 0; n--) {
            ApartmentPage.Month m = rows.get(n);
            labels.add(m.since() == null ? fmt.month(m.start(), zone) : fmt.day(m.since()) + " – " + fmt.day(m.soFarUntil()));
            values.add(heat ? m.first() : m.value());
        }
        String name = messages.getMessage("resource." + resource, null, LocaleContextHolder.getLocale());
        return json.writeValueAsString(new Chart(heat ? fmt.heatUnit(display.first()) : fmt.unit(unit.symbol()),
                labels, List.of(new Chart.Series(name, COLORS.getOrDefault(resource, "#1f5fa8"), values))));
    }

    /**
     * Some days of a month (this one up to yesterday, a chosen period's first or last days) from their days: a
     * figure only when every day has one (a point's sum with a day missing would read as a low month), the values
     * at the first day's start and the last day's end.
     */
    private static ApartmentPage.Month days(ConsumptionReport.PointResult days, Period period, boolean heat,
            HeatDisplay display) {
        List<PointInterval> list = days.intervals();
        BigDecimal sum = BigDecimal.ZERO;
        PointStatus status = PointStatus.COMPLETE;
        boolean interpolated = false;
        List<String> problems = new ArrayList<>();
        for (PointInterval d : list) {
            if (d.status() == PointStatus.COMPLETE) {
                sum = sum.add(d.value());
            } else if (status != PointStatus.ANOMALY) {
                status = d.status();
            }
            interpolated |= d.interpolated();
            problems.addAll(d.problems());
        }
        BigDecimal value = status == PointStatus.COMPLETE ? sum : null;
        List<ApartmentPage.Reading> from = list.get(0).segments().stream().map(s -> reading(s, s.start())).toList();
        List<ApartmentPage.Reading> to = list.get(list.size() - 1).segments().stream().map(s -> reading(s, s.end()))
                .toList();
        return new ApartmentPage.Month(list.get(0).interval().start(), value, heat ? display.inFirst(value) : null,
                heat ? display.inSecond(value) : null, status.name(), interpolated, from, to, problems,
                period.lastDay(), period.from().getDayOfMonth() == 1 ? null : period.from());
    }

    private static boolean nothingKnown(PointInterval i) {
        return i.value() == null && i.segments().stream().noneMatch(s -> s.start().known() || s.end().known());
    }

    private static ApartmentPage.Reading reading(Segment s, Boundary b) {
        return new ApartmentPage.Reading(s.meterSerial(), b.at(), b.value(), s.unit().symbol(),
                b.source() == null ? null : b.source().name());
    }

    private List<ApartmentPage.MeterInfo> meters(AccessScope scope, UUID premise) {
        // a Danfoss heat meter counts the flat's water too: one meter, several points
        Map<UUID, List<String>> resources = new LinkedHashMap<>();
        for (MeteringPoint p : points.list(scope, null, premise, 0, 100).items()) {
            for (MeteringPoint.Installation i : p.installations()) {
                if (i.removedAt() == null) {
                    resources.computeIfAbsent(i.meter(), m -> new ArrayList<>()).add(p.resource().name());
                }
            }
        }
        Instant now = Instant.now(clock);
        List<ApartmentPage.MeterInfo> out = new ArrayList<>();
        resources.forEach((id, res) -> {
            Meter m = meters.get(scope, id);
            Instant last = activity.lastReading(scope, id);
            out.add(new ApartmentPage.MeterInfo(id, m.serial(), m.manufacturer(), m.model(), m.medium(), res,
                    m.verifiedOn(), m.nextVerification(), last, last != null && last.isAfter(now.minus(FRESH_WITHIN))));
        });
        return out;
    }
}
