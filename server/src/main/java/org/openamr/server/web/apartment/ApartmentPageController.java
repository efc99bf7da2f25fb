package org.openamr.server.web.apartment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openamr.mbus.quantity.Unit;
import org.openamr.server.building.Building;
import org.openamr.server.building.Buildings;
import org.openamr.server.consumption.Boundary;
import org.openamr.server.consumption.ConsumptionReport;
import org.openamr.server.consumption.PointInterval;
import org.openamr.server.consumption.PointStatus;
import org.openamr.server.consumption.Resolution;
import org.openamr.server.consumption.Segment;
import org.openamr.server.consumption.TargetKind;
import org.openamr.server.consumption.Units;
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
import org.openamr.server.web.PageConsumption;
import org.openamr.server.web.Period;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.ObjectMapper;

/** {@code /apartments/{id}}: an apartment's heat and water by month, its meters and events. */
@Controller
class ApartmentPageController {

    static final int MONTHS = 12;
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
    private final Clock clock = Clock.systemUTC();
    /** Each resource in its colour: heat red, cold water blue, hot water orange. */
    private static final Map<Resource, String> COLORS = Map.of(Resource.HEAT, "#b8322a", Resource.COLD_WATER,
            "#1f5fa8", Resource.HOT_WATER, "#e08a1e");

    ApartmentPageController(Premises premises, Buildings buildings, MeteringPoints points, Meters meters,
            PremiseActivity activity, PageConsumption figures, CurrentUser current, Formats fmt, MessageSource messages,
            ObjectMapper json) {
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
    String apartment(@PathVariable UUID id, Model model) {
        AccessScope scope = current.scope();
        Premise premise = premises.get(scope, id);
        Building building = buildings.get(scope, premise.building());
        ZoneId zone = ZoneId.of(building.timeZone());
        Period months = Period.monthsBefore(zone, clock, MONTHS);
        List<ApartmentPage.ResourceTable> tables = new ArrayList<>();
        Period soFar = Period.monthSoFar(zone, clock);
        for (Resource resource : PageConsumption.RESOURCES) {
            ConsumptionReport report = figures.report(TargetKind.PREMISE, id, resource, months, Resolution.MONTH, true,
                    scope);
            ConsumptionReport days = soFar.from().equals(months.to())
                    ? figures.report(TargetKind.PREMISE, id, resource, soFar, Resolution.DAY, true, scope) : null;
            for (ConsumptionReport.PointResult point : report.points()) {
                ConsumptionReport.PointResult thisMonth = days == null ? null : days.points().stream()
                        .filter(p -> p.point().id() == point.point().id()).findFirst().orElse(null);
                tables.add(table(resource, point, thisMonth, soFar, zone));
            }
        }
        boolean seesBuilding = !(scope instanceof AccessScope.Resident);
        model.addAttribute("page", new ApartmentPage(id, premise.number(), premise.entrance(), premise.floor(),
                building.address(), seesBuilding ? building.id() : null, zone, tables, meters(scope, id),
                activity.events(scope, id)));
        return "apartment";
    }

    private ApartmentPage.ResourceTable table(Resource resource, ConsumptionReport.PointResult point,
            ConsumptionReport.PointResult thisMonth, Period soFar, ZoneId zone) {
        boolean heat = point.unit() == Unit.KWH;
        List<ApartmentPage.Month> rows = new ArrayList<>();
        if (thisMonth != null) {
            rows.add(soFar(thisMonth, soFar, heat));
        }
        // months before the first known value (history shorter than the table, a meter fitted later) say
        // nothing: the table starts where the data does
        int first = 0;
        while (first < point.intervals().size() - 1 && nothingKnown(point.intervals().get(first))) {
            first++;
        }
        // newest first: the month a resident asks about is the last one
        for (int n = point.intervals().size() - 1; n >= first; n--) {
            PointInterval i = point.intervals().get(n);
            List<ApartmentPage.Reading> from = new ArrayList<>();
            List<ApartmentPage.Reading> to = new ArrayList<>();
            for (Segment s : i.segments()) {
                from.add(reading(s, s.start()));
                to.add(reading(s, s.end()));
            }
            rows.add(new ApartmentPage.Month(i.interval().start(), i.value(), heat ? Units.toGcal(i.value()) : null,
                    i.status().name(), i.interpolated(), from, to, i.problems(), null));
        }
        return new ApartmentPage.ResourceTable(resource, point.unit().symbol(), heat, rows,
                chartJson(resource, heat, point.unit(), rows, zone));
    }

    /** The table's months, oldest first, as bars in the table's unit (heat in Gcal, as Russian bills show it). */
    private String chartJson(Resource resource, boolean heat, Unit unit, List<ApartmentPage.Month> rows, ZoneId zone) {
        List<String> labels = new ArrayList<>();
        List<BigDecimal> values = new ArrayList<>();
        for (int n = rows.size() - 1; n >= 0; n--) {
            ApartmentPage.Month m = rows.get(n);
            labels.add(fmt.month(m.start(), zone));
            values.add(heat ? m.gcal() : m.value());
        }
        String name = messages.getMessage("resource." + resource, null, LocaleContextHolder.getLocale());
        return json.writeValueAsString(new Chart(fmt.unit((heat ? Unit.GCAL : unit).symbol()), labels,
                List.of(new Chart.Series(name, COLORS.getOrDefault(resource, "#1f5fa8"), values))));
    }

    /**
     * This month up to yesterday from its days: a figure only when every day has one (a point's sum with a
     * day missing would read as a low month), the values at the first day's start and the last day's end.
     */
    private static ApartmentPage.Month soFar(ConsumptionReport.PointResult days, Period period, boolean heat) {
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
        return new ApartmentPage.Month(list.get(0).interval().start(), value, heat ? Units.toGcal(value) : null,
                status.name(), interpolated, from, to, problems, period.lastDay());
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
