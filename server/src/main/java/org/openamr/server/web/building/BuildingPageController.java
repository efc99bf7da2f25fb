package org.openamr.server.web.building;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openamr.server.alarm.journal.AlarmJournal;
import org.openamr.server.api.NotFoundException;
import org.openamr.server.building.Building;
import org.openamr.server.building.Buildings;
import org.openamr.server.building.PremiseStates;
import org.openamr.server.point.MeteringPoint.Resource;
import org.openamr.server.security.AccessScope;
import org.openamr.server.security.CurrentUser;
import org.openamr.server.web.Formats;
import org.openamr.server.web.HeatDisplay;
import org.openamr.server.web.HeatDisplays;
import org.openamr.server.web.PageConsumption;
import org.openamr.server.web.Period;
import org.openamr.server.web.PeriodChoice;
import org.openamr.server.web.alarms.AlarmBadge;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /buildings/{id}}: the apartments' grid and the building's balance for one resource. */
@Controller
class BuildingPageController {

    private final Buildings buildings;
    private final PremiseStates premiseStates;
    private final BalanceView balances;
    private final Formats fmt;
    private final CurrentUser current;
    private final HeatDisplays heatDisplays;
    private final AlarmJournal journal;
    private final Clock clock = Clock.systemUTC();

    BuildingPageController(Buildings buildings, PremiseStates premiseStates, BalanceView balances, Formats fmt,
            CurrentUser current, HeatDisplays heatDisplays, AlarmJournal journal) {
        this.heatDisplays = heatDisplays;
        this.journal = journal;
        this.buildings = buildings;
        this.premiseStates = premiseStates;
        this.balances = balances;
        this.fmt = fmt;
        this.current = current;
    }

    /** The header's first item: the buildings, or a resident's own apartment. */
    @ModelAttribute("nav")
    String nav() {
        return "home";
    }

    @GetMapping("/buildings/{id}")
    String building(@PathVariable UUID id, @RequestParam(defaultValue = "HEAT") String resource,
            @RequestParam(name = "month", required = false) String month,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to, Model model, HttpServletResponse response) {
        AccessScope scope = current.scope();
        Resource res = pageResource(resource);
        Building b = buildings.get(scope, id);
        ZoneId zone = ZoneId.of(b.timeZone());
        PeriodChoice choice = PeriodChoice.of(month, from, to);
        if (choice.refused()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        Period period = choice.period(zone, clock, Period.monthSoFar(zone, clock));
        HeatDisplay heat = heatDisplays.ofBuilding(scope, id);
        List<BuildingPage.Summary> summaries = balances.summaries(id, period, scope);
        BuildingPage.Balance months = balances.byMonth(id, res, zone, clock, choice.chosen() ? period : null, heat,
                scope);
        BuildingPage.Balance days = balances.byDay(id, res, zone, clock, choice.chosen() ? period : null, heat,
                scope);
        List<PremiseStates.Row> apartments = premiseStates.of(scope, buildings.internalId(scope, id));
        Instant now = Instant.now(clock);
        model.addAttribute("page", new BuildingPage(id, b.address(), zone, res, entrances(apartments, now),
                period, summaries, months, days, counts(apartments, now), choice, heat,
                AlarmBadge.of(journal.openByBuilding(scope).get(id))));
        return "building";
    }

    /**
     * One of the resources the pages show; any other is a page that does not exist. Read here rather than bound
     * to the enum by Spring, which would refuse a lower-case name and answer an unknown one with a 400.
     */
    private static Resource pageResource(String name) {
        return Resource.named(name).filter(PageConsumption.RESOURCES::contains)
                .orElseThrow(() -> new NotFoundException("resource", name));
    }

    private List<BuildingPage.Entrance> entrances(List<PremiseStates.Row> apartments, Instant now) {
        Map<Integer, List<BuildingPage.Tile>> byEntrance = new LinkedHashMap<>();
        for (PremiseStates.Row t : apartments) {
            byEntrance.computeIfAbsent(t.entrance(), e -> new ArrayList<>()).add(new BuildingPage.Tile(t.id(),
                    t.number(), t.floor(), t.status(now).name(), fmt.age(t.lastReading())));
        }
        List<BuildingPage.Entrance> out = new ArrayList<>();
        byEntrance.forEach((n, list) -> out.add(new BuildingPage.Entrance(n, list)));
        return out;
    }

    private static BuildingPage.StatusCounts counts(List<PremiseStates.Row> apartments, Instant now) {
        long[] c = new long[PremiseStates.Status.values().length];
        apartments.forEach(t -> c[t.status(now).ordinal()]++);
        return new BuildingPage.StatusCounts(c[0], c[1], c[2], c[3]);
    }
}
