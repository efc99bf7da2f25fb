package org.openamr.server.web.unassigned;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jakarta.servlet.http.HttpServletResponse;
import org.openamr.server.api.Page;
import org.openamr.server.building.Building;
import org.openamr.server.building.Buildings;
import org.openamr.server.channel.Channel;
import org.openamr.server.channel.ChannelRepository;
import org.openamr.server.meter.Meter;
import org.openamr.server.meter.Meters;
import org.openamr.server.point.MeteringPoint;
import org.openamr.server.point.MeteringPoints;
import org.openamr.server.point.PointNameTakenException;
import org.openamr.server.point.PointOccupiedException;
import org.openamr.server.point.PointService;
import org.openamr.server.premise.Premise;
import org.openamr.server.premise.Premises;
import org.openamr.server.reading.Reading;
import org.openamr.server.reading.Readings;
import org.openamr.server.security.AccessScope;
import org.openamr.server.security.CurrentUser;
import org.openamr.server.web.Formats;
import org.openamr.server.web.PageNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /meters/unassigned}: meters found by searches or concentrator pushes that hang at no point, and the
 * form that installs one. The list is the API's ({@code GET /api/v1/meters?unassigned=true}), the
 * installation goes through {@link PointService} like the API's, with its checks and its audit log entry;
 * only roles that may change the registry get here. The form works without script (a button asks for the
 * next step's choices); htmx refreshes it in place when a choice changes.
 */
@Controller
class UnassignedPageController {

    private static final Logger log = LoggerFactory.getLogger(UnassignedPageController.class);
    static final int PAGE_SIZE = 50;
    /** Choices in the form: buildings of a company, premises of a building, points of a premise. */
    static final int MAX_CHOICES = 1000;

    private final Meters meters;
    private final Readings readings;
    private final ChannelRepository channels;
    private final Buildings buildings;
    private final Premises premises;
    private final MeteringPoints points;
    private final PointService pointService;
    private final CurrentUser current;
    private final Formats fmt;
    private final MessageSource messages;
    private final Clock clock = Clock.systemUTC();

    UnassignedPageController(Meters meters, Readings readings, ChannelRepository channels, Buildings buildings,
            Premises premises, MeteringPoints points, PointService pointService, CurrentUser current, Formats fmt,
            MessageSource messages) {
        this.meters = meters;
        this.readings = readings;
        this.channels = channels;
        this.buildings = buildings;
        this.premises = premises;
        this.points = points;
        this.pointService = pointService;
        this.current = current;
        this.fmt = fmt;
        this.messages = messages;
    }

    @GetMapping("/meters/unassigned")
    String list(@RequestParam(required = false) String page, Model model) {
        AccessScope scope = current.registryEditor();
        int pageNo = Math.max(1, PageNumbers.parse(page));
        Page<Meter> found = meters.list(scope, null, true, pageNo - 1, PAGE_SIZE);
        int pages = PageNumbers.count(found.total(), PAGE_SIZE);
        model.addAttribute("page", new UnassignedPage(heard(scope, found.items()), found.total(), pageNo, pages));
        model.addAttribute("nav", "unassigned");
        return "unassigned";
    }

    @GetMapping("/meters/unassigned/{id}")
    String form(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
        AccessScope scope = current.registryEditor();
        Meter meter = meters.get(scope, id);
        if (!meter.points().isEmpty()) {
            redirect.addFlashAttribute("alreadyInstalled", meter.serial());
            return "redirect:/meters/unassigned";
        }
        UnassignedPage.HeardMeter heard = heard(scope, List.of(meter)).get(0);
        List<AssignPage.Choice> choices = buildingChoices(scope);
        // the building whose channel heard it, else the only one there is
        UUID building = meter.channel() == null ? null
                : channels.visible(meter.channel(), scope).map(Channel::buildingPublicId).orElse(null);
        if (building == null && choices.size() == 1) {
            building = choices.get(0).id();
        }
        model.addAttribute("page", page(scope, heard, choices, AssignForm.inBuilding(building), proposedTime(meter),
                null));
        model.addAttribute("nav", "unassigned");
        return "assign";
    }

    @PostMapping("/meters/unassigned/{id}")
    String assign(@PathVariable UUID id, @ModelAttribute AssignForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        AccessScope scope = current.registryEditor();
        Meter meter = meters.get(scope, id);
        UnassignedPage.HeardMeter heard = heard(scope, List.of(meter)).get(0);
        List<AssignPage.Choice> choices = buildingChoices(scope);
        model.addAttribute("nav", "unassigned");
        UUID building = form.building();
        ZoneId zone = building == null ? heard.zone() : ZoneId.of(buildings.get(scope, building).timeZone());
        Instant at;
        try {
            // the field appears with the points: until then the form proposes when the meter was first heard
            at = form.installedAt().isBlank() ? proposedTime(meter)
                    : LocalDateTime.parse(form.installedAt()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            at = null;
        }
        AssignPage page = page(scope, heard, choices, form, at, null);
        if (!form.assigns()) {
            model.addAttribute("page", page);
            return "assign";
        }
        AssignPage.Problem problem = null;
        int status = HttpServletResponse.SC_BAD_REQUEST;
        if (building == null || !page.premiseChosen() || page.point().isEmpty()) {
            problem = new AssignPage.Problem("assign.incomplete", List.of());
        } else if (at == null) {
            problem = new AssignPage.Problem("assign.badTime", List.of(form.installedAt()));
        } else if (AssignPage.NEW_POINT.equals(page.point()) && page.resource() == null) {
            problem = new AssignPage.Problem("assign.noResource", List.of());
        } else {
            status = HttpServletResponse.SC_CONFLICT;
            try {
                install(page, id, at);
                redirect.addFlashAttribute("assigned", assigned(scope, meter.serial(), page));
                return "redirect:/meters/unassigned";
            } catch (PointOccupiedException e) {
                MeteringPoint.Installation o = e.occupant();
                problem = new AssignPage.Problem(o.removedAt() == null ? "assign.occupied" : "assign.occupiedUntil",
                        List.of(o.serial(), fmt.dateTime(o.installedAt(), page.zone()),
                                fmt.dateTime(o.removedAt(), page.zone())));
            } catch (PointNameTakenException e) {
                problem = new AssignPage.Problem("assign.nameTaken", List.of(messages.getMessage(
                        "resource." + e.resource().name(), null, LocaleContextHolder.getLocale()), e.name()));
            } catch (DataIntegrityViolationException e) {
                log.info("assignment of meter {} refused by the database: {}", id, e.getMostSpecificCause().getMessage());
                problem = new AssignPage.Problem("assign.contradicts", List.of());
            }
        }
        response.setStatus(status);
        model.addAttribute("page", page(scope, heard, choices, form, at, problem));
        return "assign";
    }

    /** When the meter was first heard: it hung there by then, and its readings since count for the point. */
    private Instant proposedTime(Meter meter) {
        return meter.firstSeenAt() != null ? meter.firstSeenAt() : Instant.now(clock);
    }

    private void install(AssignPage page, UUID meter, Instant at) {
        if (AssignPage.NEW_POINT.equals(page.point())) {
            boolean buildingLevel = AssignPage.BUILDING_LEVEL.equals(page.premise());
            pointService.installAtNewPoint(buildingLevel ? null : UUID.fromString(page.premise()),
                    buildingLevel ? page.building() : null, MeteringPoint.Resource.valueOf(page.resource()),
                    page.name(), meter, at);
        } else {
            pointService.installAtFreePoint(UUID.fromString(page.point()), meter, at);
        }
    }

    private UnassignedPage.Assigned assigned(AccessScope scope, String serial, AssignPage page) {
        Building b = buildings.get(scope, page.building());
        if (AssignPage.BUILDING_LEVEL.equals(page.premise())) {
            return new UnassignedPage.Assigned(serial, null, null, b.id(), b.address());
        }
        Premise p = premises.get(scope, UUID.fromString(page.premise()));
        return new UnassignedPage.Assigned(serial, p.id(), p.number(), b.id(), b.address());
    }

    /**
     * The form as far as the choices made so far allow: a choice that does not belong to the one before it
     * (a premise of another building, after the building changed) is dropped, never trusted.
     */
    private AssignPage page(AccessScope scope, UnassignedPage.HeardMeter meter, List<AssignPage.Choice> choices,
            AssignForm form, Instant at, AssignPage.Problem problem) {
        UUID building = form.building();
        String premise = form.premise();
        String point = form.point();
        String resource = form.resource();
        String name = form.name();
        UUID chosenBuilding = building != null && offers(choices, building.toString()) ? building : null;
        ZoneId zone = meter.zone();
        List<AssignPage.Choice> premiseChoices = List.of();
        if (chosenBuilding != null) {
            zone = ZoneId.of(buildings.get(scope, chosenBuilding).timeZone());
            premiseChoices = premises.list(scope, chosenBuilding, 0, MAX_CHOICES).items().stream()
                    .map(p -> new AssignPage.Choice(p.id(), p.number())).toList();
        }
        String chosenPremise = chosenBuilding != null
                && (AssignPage.BUILDING_LEVEL.equals(premise) || offers(premiseChoices, premise)) ? premise : "";
        List<AssignPage.PointChoice> pointChoices = List.of();
        if (!chosenPremise.isEmpty()) {
            List<MeteringPoint> found = AssignPage.BUILDING_LEVEL.equals(chosenPremise)
                    ? points.list(scope, chosenBuilding, null, 0, MAX_CHOICES).items().stream()
                            .filter(p -> p.premise() == null).toList()
                    : points.list(scope, null, UUID.fromString(chosenPremise), 0, MAX_CHOICES).items();
            pointChoices = found.stream().map(UnassignedPageController::pointChoice).toList();
        }
        String chosenPoint = !chosenPremise.isEmpty() && (AssignPage.NEW_POINT.equals(point)
                || pointChoices.stream().anyMatch(p -> p.id().toString().equals(point))) ? point : "";
        List<String> resources = Arrays.stream(MeteringPoint.Resource.values()).map(Enum::name).toList();
        String res = resource != null && resources.contains(resource) ? resource
                : MeteringPoint.Resource.forMedium(meter.medium()).map(Enum::name).orElse(null);
        String local = at == null ? "" : LocalDateTime.ofInstant(at.truncatedTo(ChronoUnit.MINUTES), zone).toString();
        return new AssignPage(meter, choices, chosenBuilding, zone, premiseChoices, chosenPremise, pointChoices,
                chosenPoint, resources, res, name == null ? "" : name.trim(), local, problem);
    }

    private static boolean offers(List<AssignPage.Choice> choices, String id) {
        return choices.stream().anyMatch(c -> c.id().toString().equals(id));
    }

    private static AssignPage.PointChoice pointChoice(MeteringPoint p) {
        Optional<MeteringPoint.Installation> now = p.installations().stream().filter(i -> i.removedAt() == null)
                .reduce((a, b) -> b);
        return new AssignPage.PointChoice(p.id(), p.resource().name(), p.name(), now.map(MeteringPoint.Installation::serial)
                .orElse(null), now.map(MeteringPoint.Installation::installedAt).orElse(null));
    }

    private List<AssignPage.Choice> buildingChoices(AccessScope scope) {
        return buildings.list(scope, 0, MAX_CHOICES).items().stream()
                .map(b -> new AssignPage.Choice(b.id(), b.address())).toList();
    }

    /** The meters with their newest values, times in the zone of the building whose channel heard them. */
    private List<UnassignedPage.HeardMeter> heard(AccessScope scope, List<Meter> list) {
        Map<UUID, List<Reading>> values = readings.latest(scope, list.stream().map(Meter::id).toList());
        Map<UUID, ZoneId> zones = new HashMap<>();
        List<UnassignedPage.HeardMeter> out = new ArrayList<>();
        for (Meter m : list) {
            ZoneId zone = m.channel() == null ? Channel.DEFAULT_ZONE : zones.computeIfAbsent(m.channel(),
                    c -> channels.visible(c, scope).map(Channel::zone).orElse(Channel.DEFAULT_ZONE));
            List<UnassignedPage.Value> v = values.getOrDefault(m.id(), List.of()).stream()
                    .map(r -> new UnassignedPage.Value(r.quantity(), r.unit(), r.tariff(), r.subunit(),
                            new BigDecimal(r.value()), r.measuredAt())).toList();
            out.add(new UnassignedPage.HeardMeter(m.id(), m.serial(), m.manufacturer(), m.model(), m.medium(),
                    m.primaryAddress(), m.secondaryAddress(), m.firstSeenAt(), m.lastSeenAt(), zone, v));
        }
        return out;
    }
}
