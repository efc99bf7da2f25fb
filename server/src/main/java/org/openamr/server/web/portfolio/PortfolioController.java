package org.openamr.server.web.portfolio;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openamr.server.alarm.Severity;
import org.openamr.server.alarm.journal.AlarmJournal;
import org.openamr.server.api.NotFoundException;
import org.openamr.server.building.Building;
import org.openamr.server.building.Buildings;
import org.openamr.server.consumption.ConsumptionReport;
import org.openamr.server.consumption.Resolution;
import org.openamr.server.consumption.TargetKind;
import org.openamr.server.point.MeteringPoint.Resource;
import org.openamr.server.premise.Premise;
import org.openamr.server.premise.Premises;
import org.openamr.server.security.AccessScope;
import org.openamr.server.security.CurrentUser;
import org.openamr.server.web.HeatDisplays;
import org.openamr.server.web.PageConsumption;
import org.openamr.server.web.PeriodChoice;
import org.openamr.server.web.Period;
import org.openamr.server.web.alarms.AlarmBadge;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /}: the portfolio; a resident has no portfolio and lands on their apartment. */
@Controller
class PortfolioController {

    /** A portfolio page is for a company's buildings, not a city's: beyond this the list is cut. */
    static final int MAX_BUILDINGS = 200;

    private final Buildings buildings;
    private final Premises premises;
    private final PageConsumption figures;
    private final CurrentUser current;
    private final HeatDisplays heat;
    private final AlarmJournal journal;
    private final Clock clock = Clock.systemUTC();

    PortfolioController(Buildings buildings, Premises premises, PageConsumption figures, CurrentUser current,
            HeatDisplays heat, AlarmJournal journal) {
        this.heat = heat;
        this.journal = journal;
        this.buildings = buildings;
        this.premises = premises;
        this.figures = figures;
        this.current = current;
    }

    /** The header's first item: the buildings, or a resident's own apartment. */
    @ModelAttribute("nav")
    String nav() {
        return "home";
    }

    @GetMapping("/")
    String portfolio(@RequestParam(name = "month", required = false) String month,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to, Model model, HttpServletResponse response) {
        AccessScope scope = current.scope();
        if (scope instanceof AccessScope.Resident) {
            Premise own = premises.list(scope, null, 0, 1).items().stream().findFirst()
                    .orElseThrow(() -> new NotFoundException("premise", null));
            PeriodChoice kept = PeriodChoice.of(month, from, to);
            return "redirect:/apartments/" + own.id() + (kept.refused() ? "" : kept.first());
        }
        PeriodChoice choice = PeriodChoice.of(month, from, to);
        if (choice.refused()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        List<PortfolioPage.BuildingRow> rows = new ArrayList<>();
        Map<UUID, Map<Severity, Integer>> alarms = journal.openByBuilding(scope);
        for (Building b : buildings.list(scope, 0, MAX_BUILDINGS).items()) {
            rows.add(row(b, choice, scope, AlarmBadge.of(alarms.get(b.id()))));
        }
        model.addAttribute("page", new PortfolioPage(rows, choice));
        return "portfolio";
    }

    private PortfolioPage.BuildingRow row(Building b, PeriodChoice choice, AccessScope scope, AlarmBadge alarms) {
        ZoneId zone = ZoneId.of(b.timeZone());
        Period period = choice.period(zone, clock, Period.monthSoFar(zone, clock));
        List<PortfolioPage.ResourceRow> resources = new ArrayList<>();
        long withData = 0;
        long cells = 0;
        for (Resource resource : PageConsumption.RESOURCES) {
            ConsumptionReport report = figures.report(TargetKind.BUILDING, b.id(), resource, period,
                    period.sumResolution(), false, scope);
            PageConsumption.Sum house = PageConsumption.sum(report.total(ConsumptionReport.Group.BUILDING_METERS));
            PageConsumption.Sum flats = PageConsumption.sum(report.total(ConsumptionReport.Group.PREMISES));
            // completeness counts days with a reading, whatever resolution the sums were taken at
            PageConsumption.Sum byDay = period.sumResolution() == Resolution.DAY ? flats
                    : PageConsumption.sum(figures.report(TargetKind.BUILDING, b.id(), resource, period,
                            Resolution.DAY, false, scope).total(ConsumptionReport.Group.PREMISES));
            withData += byDay.withData();
            cells += byDay.cells();
            resources.add(new PortfolioPage.ResourceRow(resource, house, flats));
        }
        return new PortfolioPage.BuildingRow(b.id(), b.address(), zone, period, resources, withData, cells,
                heat.ofBuilding(scope, b.id()), alarms);
    }
}
