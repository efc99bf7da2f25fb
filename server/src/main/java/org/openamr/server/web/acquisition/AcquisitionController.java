package org.openamr.server.web.acquisition;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.openamr.mbus.link.Address;
import org.openamr.server.api.BadRequestException;
import org.openamr.server.api.ConflictException;
import org.openamr.server.api.NotFoundException;
import org.openamr.server.building.Buildings;
import org.openamr.server.channel.AcquisitionTexts;
import org.openamr.server.channel.Channel;
import org.openamr.server.channel.JobService;
import org.openamr.server.channel.ChannelPatch;
import org.openamr.server.channel.ChannelService;
import org.openamr.server.channel.ChannelView;
import org.openamr.server.channel.ChannelRepository;
import org.openamr.server.channel.JobView;
import org.openamr.server.channel.OutcomeView;
import org.openamr.server.channel.RunView;
import org.openamr.server.channel.SearchSpec;
import org.openamr.server.channel.Text;
import org.openamr.server.ingest.Collectors;
import org.openamr.server.security.AccessScope;
import org.openamr.server.security.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /acquisition}: channels, their schedules and last polls; read-now and searches with live progress
 * (htmx polls the job), and each run's outcome per meter. Everything goes through the channel package,
 * which applies the caller's scope: administrators and service companies operate, management companies
 * only look, residents are refused.
 */
@Controller
@RequestMapping("/acquisition")
class AcquisitionController {

    /** Beyond this the list is cut: a service company's page, not a city's. */
    static final int MAX_CHANNELS = 200;
    private static final String HTMX = "HX-Request";

    private final ChannelRepository channels;
    private final ChannelService service;
    private final JobService actions;
    private final Buildings buildings;
    private final CronWords words;
    private final MessageSource messages;
    private final CurrentUser current;
    private final AcquisitionTexts texts;
    private final Collectors collectors;

    AcquisitionController(ChannelRepository channels, ChannelService service, JobService actions,
            Buildings buildings, CronWords words, MessageSource messages, CurrentUser current,
            AcquisitionTexts texts, Collectors collectors) {
        this.texts = texts;
        this.collectors = collectors;
        this.channels = channels;
        this.service = service;
        this.actions = actions;
        this.buildings = buildings;
        this.words = words;
        this.messages = messages;
        this.current = current;
    }

    @ModelAttribute("nav")
    String nav() {
        return "acquisition";
    }

    @GetMapping
    String page(Model model) {
        AccessScope scope = viewer();
        model.addAttribute("page", page(scope, (UUID) model.getAttribute("saved"), null,
                (String) model.getAttribute("startError")));
        return "acquisition";
    }

    /** Sets or (blank) removes a channel's schedule. */
    @PostMapping("/channels/{id}/schedule")
    String schedule(@PathVariable UUID id, @RequestParam(defaultValue = "") String cron, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        AccessScope scope = operator();
        MessageSourceResolvable problem = CronCheck.problem(cron);
        if (problem == null) {
            try {
                service.update(id, ChannelPatch.schedule(cron.isBlank() ? null : cron.trim()), scope);
            } catch (BadRequestException e) {
                problem = resolvable("acq.schedule.refused", e.getMessage());
            }
        }
        if (problem != null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("page", page(scope, null,
                    new AcquisitionPage.ScheduleError(id, cron, text(problem)), null));
            return "acquisition";
        }
        flash.addFlashAttribute("saved", id);
        return "redirect:/acquisition#channel-" + id;
    }

    @PostMapping("/channels/{id}/poll")
    String readNow(@PathVariable UUID id, @RequestHeader(name = HTMX, required = false) String htmx, Model model,
            RedirectAttributes flash) {
        AccessScope scope = operator();
        return started(() -> actions.readNow(id, scope), htmx != null, model, flash, scope);
    }

    @PostMapping("/channels/{id}/search")
    String search(@PathVariable UUID id, @RequestParam String mode, @RequestParam(required = false) String mask,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestHeader(name = HTMX, required = false) String htmx, Model model, RedirectAttributes flash) {
        AccessScope scope = operator();
        return started(() -> actions.search(id, searchSpec(mode, mask, from, to), scope), htmx != null, model, flash,
                scope);
    }

    /** The job's panel; htmx asks for it every second until the job is over. */
    @GetMapping("/jobs/{id}")
    String job(@PathVariable UUID id, @RequestHeader(name = HTMX, required = false) String htmx, Model model) {
        AccessScope scope = viewer();
        model.addAttribute("job", panel(actions.job(id, scope), scope));
        return htmx != null ? "fragments/acquisition :: job" : "acquisition-job";
    }

    @GetMapping("/channels/{id}/runs/{runId}")
    String run(@PathVariable UUID id, @PathVariable UUID runId, Model model) {
        AccessScope scope = viewer();
        Channel c = channels.visible(id, scope).orElseThrow(() -> new NotFoundException("channel", id));
        RunView run = service.run(id, runId, scope);
        List<RunPage.Outcome> meters = run.meters().stream().map(this::outcome).toList();
        model.addAttribute("page", new RunPage(c.publicId(), c.name(), c.zone(), figures(run), meters));
        return "acquisition-run";
    }

    private String started(Supplier<JobView> start, boolean htmx, Model model, RedirectAttributes flash,
            AccessScope scope) {
        JobView job;
        try {
            job = start.get();
        } catch (LocalisedRefusal e) {
            return refused(text(e.problem), htmx, model, flash);
        } catch (BadRequestException | ConflictException e) {
            return refused(text(resolvable("acq.start.refused", e.getMessage())), htmx, model, flash);
        }
        if (!htmx) {
            return "redirect:/acquisition/jobs/" + job.id();
        }
        model.addAttribute("job", panel(job, scope));
        return "fragments/acquisition :: job";
    }

    private static String refused(String message, boolean htmx, Model model, RedirectAttributes flash) {
        if (!htmx) {
            flash.addFlashAttribute("startError", message);
            return "redirect:/acquisition";
        }
        model.addAttribute("message", message);
        return "fragments/acquisition :: refused";
    }

    /** A search's parameters checked here first, so that a slip is answered in the reader's language. */
    private static SearchSpec searchSpec(String mode, String mask, String from, String to) {
        if ("primary".equals(mode)) {
            Integer f = address(from, 0);
            Integer t = address(to, Address.MAX_PRIMARY);
            if (f == null || t == null || f > t) {
                throw new LocalisedRefusal(resolvable("acq.search.error.range", blankAs(from, "0"), blankAs(to, "250")));
            }
            return SearchSpec.of(mode, null, f, t);
        }
        String m = mask == null || mask.isBlank() ? null : mask.trim();
        if (m != null && !m.matches("[0-9A-Fa-f]{16}")) {
            throw new LocalisedRefusal(resolvable("acq.search.error.mask", m));
        }
        return SearchSpec.of(mode, m, null, null);
    }

    private static Integer address(String value, int absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int a = Integer.parseInt(value.trim());
            return Address.isPrimary(a) ? a : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blankAs(String value, String absent) {
        return value == null || value.isBlank() ? absent : value.trim();
    }

    /** A refusal already worded for the reader. */
    private static final class LocalisedRefusal extends RuntimeException {
        final transient MessageSourceResolvable problem;

        LocalisedRefusal(MessageSourceResolvable problem) {
            super(null, null, false, false);
            this.problem = problem;
        }
    }

    private AcquisitionPage page(AccessScope scope, UUID saved, AcquisitionPage.ScheduleError error,
            String startError) {
        Map<UUID, String> addresses = new HashMap<>();
        List<AcquisitionPage.ChannelCard> cards = new ArrayList<>();
        Instant now = Instant.now();
        List<Channel> visible = new ArrayList<>();
        List<ChannelView> views = channels.list(scope, null, null, 0, MAX_CHANNELS).items();
        for (ChannelView v : views) {
            visible.add(channels.visible(v.id(), scope).orElseThrow());
        }
        // collectors only push, so only concentrator channels can have any
        Map<Long, List<Collectors.Collector>> delivering = collectors.ofChannels(visible.stream()
                .filter(c -> !c.kind().polled()).map(Channel::id).toList());
        for (int i = 0; i < views.size(); i++) {
            ChannelView v = views.get(i);
            Channel c = visible.get(i);
            String building = v.buildingId() == null ? null
                    : addresses.computeIfAbsent(v.buildingId(), b -> buildings.get(scope, b).address());
            List<AcquisitionPage.CollectorRow> rows = delivering.getOrDefault(c.id(), List.of()).stream()
                    .map(k -> new AcquisitionPage.CollectorRow(k.id(), k.lastContact(), k.queueDepth(), k.version(),
                            k.lastBatch()))
                    .toList();
            cards.add(new AcquisitionPage.ChannelCard(v.id(), v.name(), v.kind(), v.address(), v.baud(), v.enabled(),
                    v.buildingId(), building, c.zone(), v.meters(), schedule(v.scheduleCron(), c.zone(), now),
                    figures(v.lastPoll()), rows, v.modbusMap()));
        }
        return new AcquisitionPage(scope.mayOperateChannels(), cards, saved, error, startError);
    }

    private AcquisitionPage.Schedule schedule(String cron, ZoneId zone, Instant now) {
        if (cron == null) {
            return new AcquisitionPage.Schedule(null, text(resolvable("cron.onDemand")), null);
        }
        ZonedDateTime next = CronExpression.parse(cron).next(now.atZone(zone));
        return new AcquisitionPage.Schedule(cron, words.describe(cron), next == null ? null : next.toInstant());
    }

    private JobPanel panel(JobView job, AccessScope scope) {
        Channel c = channels.visible(job.channelId(), scope)
                .orElseThrow(() -> new NotFoundException("channel", job.channelId()));
        JobView.Progress p = job.progress();
        Integer percent = p.fraction() == null ? null
                : p.fraction().multiply(BigDecimal.valueOf(100)).intValue();
        boolean over = job.status().over();
        ChannelView view = over ? channels.view(c.publicId(), scope).orElseThrow() : null;
        return new JobPanel(job.id(), c.publicId(), job.kind(), job.mode(), job.status(), p.done(), p.total(), percent,
                p.found(), said(job.messageText(), job.message()), said(job.errorText(), job.error()),
                figures(job.result()), c.zone(), view == null ? 0 : view.meters(),
                view == null ? null : figures(view.lastPoll()));
    }

    /** A server text in the reader's language; as stored (English) when it was stored before texts had kinds. */
    private Said said(Text text, String english) {
        if (text != null) {
            // a bare exception's or converter's sentence has no kind to say it by: English on purpose
            return new Said(texts.say(text, LocaleContextHolder.getLocale()),
                    text.kind() == Text.Kind.RAW ? "en" : null);
        }
        return english == null ? null : new Said(english, "en");
    }

    private AcquisitionPage.RunFigures figures(RunView r) {
        if (r == null) {
            return null;
        }
        Duration took = r.finishedAt() == null ? null : Duration.between(r.startedAt(), r.finishedAt());
        return new AcquisitionPage.RunFigures(r.id(), r.kind().name(), r.trigger().name(), r.startedAt(),
                r.status().name(),
                r.metersTotal(), r.metersRead(), r.metersSilent(), r.metersFailed() - r.metersSilent(),
                r.metersFound(), r.metersCreated(), r.readingsInserted(), took,
                said(r.messageText(), r.message()));
    }

    private RunPage.Outcome outcome(OutcomeView o) {
        return new RunPage.Outcome(o.serial(), o.manufacturer(), o.addressedBy(), o.result().name(), o.valuesRead(), o.at(),
                said(o.errorText(), o.error()));
    }

    /** Who may look: everyone who sees whole buildings; a resident has no channels to see. */
    private AccessScope viewer() {
        AccessScope scope = current.scope();
        if (scope instanceof AccessScope.Resident) {
            throw new AccessDeniedException("a resident has no acquisition channels to see");
        }
        return scope;
    }

    private AccessScope operator() {
        AccessScope scope = current.scope();
        if (!scope.mayOperateChannels()) {
            throw new AccessDeniedException(scope.role() + " may not operate channels");
        }
        return scope;
    }

    private static MessageSourceResolvable resolvable(String code, Object... args) {
        return new DefaultMessageSourceResolvable(new String[] {code}, args);
    }

    private String text(MessageSourceResolvable problem) {
        return messages.getMessage(problem, LocaleContextHolder.getLocale());
    }
}
