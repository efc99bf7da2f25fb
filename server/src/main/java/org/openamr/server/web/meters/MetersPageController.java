package org.openamr.server.web.meters;

import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.openamr.server.api.Page;
import org.openamr.server.building.Buildings;
import org.openamr.server.channel.Channel;
import org.openamr.server.channel.SilenceRule;
import org.openamr.server.meter.MeterOverview;
import org.openamr.server.point.MeteringPoint;
import org.openamr.server.security.AccessScope;
import org.openamr.server.security.CurrentUser;
import org.openamr.server.web.PageNumbers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /meters}: every meter the user sees with its place, its state and its verification date, filtered,
 * sorted and paged by the address (htmx swaps only the list; without script the form and links load the
 * page). A filter value that cannot be used is said on the page and left out, not answered with an error.
 */
@Controller
class MetersPageController {

    /** Buildings in the filter's list: a company's, not a city's. */
    static final int MAX_BUILDINGS = 1000;

    private final MeterOverview overview;
    private final Buildings buildings;
    private final SilenceRule silence;
    private final CurrentUser current;
    private final Clock clock = Clock.systemUTC();

    MetersPageController(MeterOverview overview, Buildings buildings, SilenceRule silence, CurrentUser current) {
        this.overview = overview;
        this.buildings = buildings;
        this.silence = silence;
        this.current = current;
    }

    @GetMapping("/meters")
    String meters(@RequestParam(required = false) String building, @RequestParam(required = false) String resource,
            @RequestParam(required = false) String status, @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
            @RequestParam(required = false) String page, Model model) {
        AccessScope scope = current.scope();
        List<MetersPage.Problem> problems = new ArrayList<>();
        int pageNo = PageNumbers.parse(page);
        if (pageNo == 0) {
            problems.add(new MetersPage.Problem("meters.problem.page", page));
            pageNo = 1;
        }
        MetersFilter filter = new MetersFilter(blank(building), upper(resource), upper(status), blank(q),
                blank(sort), blank(dir), pageNo);
        if (filter.building() != null && filter.buildingId() == null) {
            problems.add(new MetersPage.Problem("meters.problem.building", filter.building()));
        }
        String res = filter.resource();
        if (res != null && MeteringPoint.Resource.named(res).isEmpty()) {
            problems.add(new MetersPage.Problem("meters.problem.resource", res));
            res = null;
        }
        MeterOverview.State state = null;
        if (filter.status() != null) {
            try {
                state = MeterOverview.State.valueOf(filter.status());
            } catch (IllegalArgumentException unknown) {
                problems.add(new MetersPage.Problem("meters.problem.status", filter.status()));
            }
        }
        Instant now = Instant.now(clock);
        Map<Long, Duration> silences = silence.longerThanMinimum(now);
        Page<MeterOverview.Row> found = overview.search(scope, new MeterOverview.Query(filter.buildingId(), res, state,
                filter.q(), filter.sortKey(), filter.descending(), pageNo - 1, MetersFilter.PAGE_SIZE),
                silences, SilenceRule.MINIMUM, now);
        List<MetersPage.Row> rows = found.items().stream().map(r -> row(r)).toList();
        int pages = PageNumbers.count(found.total(), MetersFilter.PAGE_SIZE);
        List<MetersPage.Choice> choices = buildings.list(scope, 0, MAX_BUILDINGS).items().stream()
                .map(b -> new MetersPage.Choice(b.id(), b.address())).toList();
        // the filter offers what the reader's meters have: nothing to choose among for one meter (a resident's),
        // and no resource that none of their meters counts
        boolean filterable = visible(scope, null, silences, now) > 1;
        List<String> resources = !filterable ? List.of() : Arrays.stream(MeteringPoint.Resource.values())
                .map(Enum::name).filter(r -> visible(scope, r, silences, now) > 0).toList();
        model.addAttribute("page", new MetersPage(filter, choices, resources, rows, found.total(), pages,
                SilenceRule.MINIMUM.toHours(), problems, filterable));
        model.addAttribute("nav", "meters");
        return "meters";
    }

    /** How many meters the scope sees, of a resource or of any. */
    private long visible(AccessScope scope, String resource, Map<Long, Duration> silences, Instant now) {
        return overview.search(scope, new MeterOverview.Query(null, resource, null, null, MeterOverview.Sort.SERIAL,
                false, 0, 1), silences, SilenceRule.MINIMUM, now).total();
    }

    private MetersPage.Row row(MeterOverview.Row r) {
        ZoneId zone = r.timeZone() == null ? Channel.DEFAULT_ZONE : ZoneId.of(r.timeZone());
        boolean overdue = r.nextVerification() != null && r.nextVerification().isBefore(LocalDate.now(clock.withZone(zone)));
        return new MetersPage.Row(r.id(), r.serial(), r.manufacturer(), r.model(), r.medium(), r.place(), zone,
                r.lastReading(), r.state().name(), r.conditions(), r.nextVerification(), overdue, r.everInstalled());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String upper(String s) {
        return s == null || s.isBlank() ? null : s.trim().toUpperCase(Locale.ROOT);
    }
}
