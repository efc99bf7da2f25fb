package org.openamr.server.web.alarms;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.openamr.server.alarm.RuleKind;
import org.openamr.server.alarm.Severity;
import org.openamr.server.alarm.journal.AlarmFilter;
import org.openamr.server.alarm.journal.AlarmJournal;
import org.openamr.server.alarm.journal.AlarmView;
import org.openamr.server.api.BadRequestException;
import org.openamr.server.api.ConflictException;
import org.openamr.server.api.Page;
import org.openamr.server.building.Building;
import org.openamr.server.building.Buildings;
import org.openamr.server.channel.Channel;
import org.openamr.server.security.AccessScope;
import org.openamr.server.security.CurrentUser;
import org.openamr.server.web.Formats;
import org.openamr.server.web.PageNumbers;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /alarms}: the alarm journal the user sees ({@link AlarmJournal}, the service of the alarms API), filtered
 * and paged by the address, with a form per alarm nobody has acknowledged yet. A resident sees their apartment's
 * alarms in plain words and acknowledges nothing (the journal refuses them: the 403 page). A filter value that cannot
 * be used is said on the page and left out, not answered with an error.
 */
@Controller
class AlarmsPageController {

    /** Buildings in the filter's list: a company's, not a city's. */
    static final int MAX_BUILDINGS = 1000;

    private final AlarmJournal journal;
    private final Buildings buildings;
    private final AlarmLines lines;
    private final CurrentUser current;
    private final Formats fmt;

    AlarmsPageController(AlarmJournal journal, Buildings buildings, AlarmLines lines, CurrentUser current,
            Formats fmt) {
        this.journal = journal;
        this.buildings = buildings;
        this.lines = lines;
        this.current = current;
        this.fmt = fmt;
    }

    @ModelAttribute("nav")
    String nav() {
        return "alarms";
    }

    @GetMapping("/alarms")
    String alarms(@RequestParam(required = false) String building, @RequestParam(required = false) String severity,
            @RequestParam(required = false) String rule, @RequestParam(required = false) String state,
            @RequestParam(required = false) String premise, @RequestParam(required = false) String object,
            @RequestParam(required = false) String page, Model model) {
        int pageNo = PageNumbers.parse(page);
        List<AlarmsPage.Message> problems = new ArrayList<>();
        if (pageNo == 0) {
            problems.add(problem("alarms.problem.page", page));
            pageNo = 1;
        }
        AlarmsFilter filter = new AlarmsFilter(blank(building), upper(severity), upper(rule), upper(state),
                blank(premise), blank(object), pageNo);
        model.addAttribute("page", page(filter, problems));
        return "alarms";
    }

    /**
     * Acknowledges an alarm with the comment and returns to the list as it was (its filters come with the form), also
     * when the journal refuses: an alarm somebody acknowledged in the meantime (the API's 409) is the list again with
     * who did and when, not a second acknowledgement. Always back to the list's own address, so that reloading it or
     * switching its language does not send the form again.
     */
    @PostMapping("/alarms/{id}/acknowledge")
    String acknowledge(@PathVariable UUID id, @RequestParam(defaultValue = "") String comment,
            @RequestParam(required = false) String building, @RequestParam(required = false) String severity,
            @RequestParam(required = false) String rule, @RequestParam(required = false) String state,
            @RequestParam(required = false) String premise, @RequestParam(required = false) String object,
            @RequestParam(required = false) String page, RedirectAttributes redirect) {
        AccessScope scope = current.scope();
        AlarmsFilter filter = new AlarmsFilter(blank(building), upper(severity), upper(rule), upper(state),
                blank(premise), blank(object), Math.max(1, PageNumbers.parse(page)));
        try {
            AlarmView done = journal.acknowledge(scope, current.user(), id, comment);
            AlarmLine line = lines.of(List.of(done), zone(scope, done)).get(0);
            redirect.addFlashAttribute("acknowledged", new AlarmsPage.Message("alarms.acknowledged",
                    List.of(line.rule(), line.label())));
            redirect.addFlashAttribute("acknowledgedId", id);
        } catch (ConflictException e) {
            AlarmView now = journal.find(scope, id);
            AlarmLine line = lines.of(List.of(now), zone(scope, now)).get(0);
            redirect.addFlashAttribute("refusal", new AlarmsPage.Message("alarms.conflict", List.of(line.rule(),
                    line.label(), now.acknowledgedBy(), fmt.dateTime(now.acknowledgedAt(), line.zone()))));
            redirect.addFlashAttribute("refusedId", id);
        } catch (BadRequestException e) {
            if (comment.strip().length() <= AlarmJournal.MAX_COMMENT) {
                throw e;
            }
            // said as a number of characters, not a figure with a thousands separator
            redirect.addFlashAttribute("refusal", new AlarmsPage.Message("alarms.commentTooLong",
                    List.of(Integer.toString(AlarmJournal.MAX_COMMENT), Integer.toString(comment.strip().length()))));
            redirect.addFlashAttribute("refusedId", id);
        }
        return "redirect:" + filter.self();
    }

    private AlarmsPage page(AlarmsFilter filter, List<AlarmsPage.Message> problems) {
        AccessScope scope = current.scope();
        Locale locale = LocaleContextHolder.getLocale();
        UUID buildingId = id(filter.building(), "alarms.problem.building", problems);
        UUID premiseId = id(filter.premise(), "alarms.problem.premise", problems);
        UUID objectId = id(filter.object(), "alarms.problem.object", problems);
        Severity minimum = named(Severity.class, filter.severity(), "alarms.problem.severity", problems);
        RuleKind kind = named(RuleKind.class, filter.rule(), "alarms.problem.rule", problems);
        AlarmFilter.StateFilter state = named(AlarmFilter.StateFilter.class, filter.state(), "alarms.problem.state",
                problems);
        List<Building> visible = buildings.list(scope, 0, MAX_BUILDINGS).items();
        Map<UUID, ZoneId> zones = zones(visible);
        Page<AlarmView> found = journal.list(scope, new AlarmFilter(state == null ? Set.of() : Set.of(state), minimum,
                kind == null ? Set.of() : Set.of(kind), buildingId, premiseId, objectId), filter.page() - 1,
                AlarmsFilter.PAGE_SIZE);
        List<AlarmsPage.Choice> buildingChoices = visible.stream()
                .map(b -> AlarmsPage.Choice.of(b.id(), b.address())).toList();
        List<AlarmsPage.Choice> rules = Arrays.stream(RuleKind.values())
                .map(k -> new AlarmsPage.Choice(k.name(), AlarmLines.words(k.label(), locale))).toList();
        return new AlarmsPage(filter, buildingChoices, rules, lines.of(found.items(), zones, Channel.DEFAULT_ZONE),
                found.total(), PageNumbers.count(found.total(), AlarmsFilter.PAGE_SIZE), problems,
                scope instanceof AccessScope.Resident, AlarmJournal.MAX_COMMENT);
    }

    private ZoneId zone(AccessScope scope, AlarmView alarm) {
        return alarm.building() == null ? Channel.DEFAULT_ZONE
                : ZoneId.of(buildings.get(scope, alarm.building()).timeZone());
    }

    private static Map<UUID, ZoneId> zones(List<Building> visible) {
        Map<UUID, ZoneId> out = new HashMap<>();
        visible.forEach(b -> out.put(b.id(), ZoneId.of(b.timeZone())));
        return out;
    }

    private static AlarmsPage.Message problem(String key, String value) {
        return new AlarmsPage.Message(key, List.of(value));
    }

    private static UUID id(String text, String problem, List<AlarmsPage.Message> problems) {
        UUID id = AlarmsFilter.id(text);
        if (text != null && id == null) {
            problems.add(problem(problem, text));
        }
        return id;
    }

    private static <E extends Enum<E>> E named(Class<E> type, String text, String problem,
            List<AlarmsPage.Message> problems) {
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException unknown) {
            problems.add(problem(problem, text));
            return null;
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String upper(String s) {
        return s == null || s.isBlank() ? null : s.trim().toUpperCase(Locale.ROOT);
    }
}
