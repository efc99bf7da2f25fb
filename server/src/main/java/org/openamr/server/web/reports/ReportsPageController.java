package org.openamr.server.web.reports;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.openamr.server.api.BadRequestException;
import org.openamr.server.api.NotFoundException;
import org.openamr.server.building.Building;
import org.openamr.server.building.Buildings;
import org.openamr.server.channel.Channel;
import org.openamr.server.report.FileNames;
import org.openamr.server.unit.HeatUnit;
import org.openamr.server.report.ReportBuilder;
import org.openamr.server.report.ReportFile;
import org.openamr.server.report.ReportKind;
import org.openamr.server.report.ReportPeriod;
import org.openamr.server.report.ReportRequest;
import org.openamr.server.report.Reports;
import org.openamr.server.report.format.RenderOptions;
import org.openamr.server.report.format.ReportFormat;
import org.openamr.server.report.format.ShownText;
import org.openamr.server.report.subscription.NewSubscription;
import org.openamr.server.report.subscription.Subscription;
import org.openamr.server.report.subscription.SubscriptionService;
import org.openamr.server.report.table.Column;
import org.openamr.server.report.table.ColumnType;
import org.openamr.server.report.table.ReportDocument;
import org.openamr.server.report.table.Row;
import org.openamr.server.report.table.Section;
import org.openamr.server.security.AccessScope;
import org.openamr.server.security.CurrentUser;
import org.openamr.server.security.OpenAmrUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /reports}: choose a report (kind, what it covers among what the reader may see, period, format), look at
 * its first rows, download it; and, for companies' users, schedule it by e-mail and see how the mails went. The
 * files are the API's ({@link Reports}), so a download here and {@code /api/v1/reports} give the same bytes.
 */
@Controller
class ReportsPageController {

    static final int PREVIEW_ROWS = 50;

    private final Reports reports;
    private final Buildings buildings;
    private final SubscriptionService subscriptions;
    private final CurrentUser current;
    private final MessageSource messages;

    ReportsPageController(Reports reports, Buildings buildings, SubscriptionService subscriptions,
            CurrentUser current, MessageSource messages) {
        this.reports = reports;
        this.buildings = buildings;
        this.subscriptions = subscriptions;
        this.current = current;
        this.messages = messages;
    }

    @ModelAttribute("nav")
    String nav() {
        return "reports";
    }

    @GetMapping("/reports")
    String page(@RequestParam(name = "kind", defaultValue = "statement") String kind,
            @RequestParam(name = "scope", required = false) String scope,
            @RequestParam(name = "month", required = false) String month,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "format", defaultValue = "xlsx") String format,
            @RequestParam(name = "heatUnit", required = false) String heatUnit,
            @RequestParam(name = "show", required = false) String show, Model model, HttpServletResponse response) {
        ReportsPage.Choice choice = choice(kind, scope, month, from, to, format, heatUnit(heatUnit, scope));
        ReportsPage.Preview preview = null;
        String error = null;
        if (show != null) {
            try {
                preview = preview(reports.document(request(choice), current.scope()).document());
            } catch (BadRequestException | NotFoundException e) {
                error = refusal(e);
                response.setStatus(e instanceof NotFoundException ? 404 : 400);
            }
        }
        model.addAttribute("page", page(choice, preview, error, ReportsPage.SubscriptionForm.blank(), List.of()));
        return "reports";
    }

    @GetMapping("/reports/file")
    Object file(@RequestParam(name = "kind", defaultValue = "statement") String kind,
            @RequestParam(name = "scope", required = false) String scope,
            @RequestParam(name = "month", required = false) String month,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "format", defaultValue = "xlsx") String format,
            @RequestParam(name = "heatUnit", required = false) String heatUnit, Model model,
            HttpServletResponse response) {
        ReportsPage.Choice choice = choice(kind, scope, month, from, to, format, heatUnit(heatUnit, scope));
        try {
            ReportFormat f = ReportFormat.named(format).orElseThrow(() -> new BadRequestException(
                    "format '" + format + "' is not one of " + ReportFormat.names()));
            ReportFile file = reports.make(request(choice), f, RenderOptions.DEFAULT, current.scope());
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.mediaType()))
                    .header(HttpHeaders.CONTENT_DISPOSITION, FileNames.contentDisposition(file.fileName()))
                    .body(file.content());
        } catch (BadRequestException | NotFoundException e) {
            response.setStatus(e instanceof NotFoundException ? 404 : 400);
            model.addAttribute("page", page(choice, null, refusal(e), ReportsPage.SubscriptionForm.blank(), List.of()));
            return "reports";
        }
    }

    @PostMapping("/reports/subscriptions")
    String subscribe(@RequestParam(name = "name", defaultValue = "") String name,
            @RequestParam(name = "kind", defaultValue = "statement") String kind,
            @RequestParam(name = "scope", defaultValue = "") String scope,
            @RequestParam(name = "period", defaultValue = "PREVIOUS_MONTH") String period,
            @RequestParam(name = "lastDays", required = false) Integer lastDays,
            @RequestParam(name = "formats", required = false) List<String> formats,
            @RequestParam(name = "cron", defaultValue = "") String cron,
            @RequestParam(name = "timeZone", defaultValue = "Europe/Moscow") String timeZone,
            @RequestParam(name = "recipients", defaultValue = "") String recipients, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        ReportsPage.SubscriptionForm form = new ReportsPage.SubscriptionForm(name, kind, scope, period, lastDays,
                formats == null ? List.of() : formats, cron, timeZone, recipients);
        try {
            List<String> to = Arrays.stream(recipients.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
            Locale lang = ReportRequest.languageFor(LocaleContextHolder.getLocale());
            NewSubscription n = NewSubscription.parse(name, kind, uuid(scope), period,
                    "LAST_DAYS".equals(period) ? lastDays : null, form.formats(), null, lang.getLanguage(), cron,
                    timeZone, to);
            Subscription s = subscriptions.create(n, current.user());
            redirect.addFlashAttribute("done", s.name());
            return "redirect:/reports";
        } catch (BadRequestException | NotFoundException e) {
            response.setStatus(e instanceof NotFoundException ? 404 : 400);
            model.addAttribute("page", page(choice("statement", null, null, null, null, "xlsx", "gcal"), null, null,
                    form, List.of(refusal(e))));
            return "reports";
        }
    }

    @PostMapping("/reports/subscriptions/{id}/send")
    String sendNow(@PathVariable UUID id, RedirectAttributes redirect) {
        subscriptions.sendNow(id, current.user());
        redirect.addFlashAttribute("queued", subscriptions.get(id, current.user()).name());
        return "redirect:/reports#subscriptions";
    }

    @PostMapping("/reports/subscriptions/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        String name = subscriptions.get(id, current.user()).name();
        subscriptions.delete(id, current.user());
        redirect.addFlashAttribute("deleted", name);
        return "redirect:/reports#subscriptions";
    }

    private ReportsPage page(ReportsPage.Choice choice, ReportsPage.Preview preview, String error,
            ReportsPage.SubscriptionForm form, List<String> formErrors) {
        OpenAmrUser user = current.user();
        AccessScope scope = user.scope();
        Locale l = LocaleContextHolder.getLocale();
        // a building meter's sheet is not a resident's: their scope never holds the whole building
        List<ReportsPage.Option> kinds = reports.kinds().stream()
                .filter(k -> !(scope instanceof AccessScope.Resident) || k != ReportKind.HEAT_SHEET)
                .map(k -> new ReportsPage.Option(k.apiName(), say(l, "reports.kind." + k.apiName()))).toList();
        List<ReportsPage.Option> scopes = new ArrayList<>();
        List<Building> visible = scope instanceof AccessScope.Resident ? List.of()
                : buildings.list(scope, 0, 500).items();
        scopes.add(new ReportsPage.Option("", scope instanceof AccessScope.Resident ? say(l, "reports.scope.own")
                : say(l, "reports.scope.all")));
        for (Building b : visible) {
            scopes.add(new ReportsPage.Option(b.id().toString(), b.address()));
            for (Building.Entrance e : b.entrances()) {
                scopes.add(new ReportsPage.Option(e.id().toString(), say(l, "reports.scope.entrance", b.address(),
                        e.number())));
            }
        }
        boolean may = SubscriptionService.maySubscribe(user);
        List<ReportsPage.SubscriptionRow> rows = new ArrayList<>();
        if (may) {
            for (Subscription s : subscriptions.list(user)) {
                String label = s.scope() == null ? say(l, "reports.scope.all") : scopes.stream()
                        .filter(o -> o.value().equals(s.scope().toString())).map(ReportsPage.Option::label)
                        .findFirst().orElse(s.scope().toString());
                rows.add(new ReportsPage.SubscriptionRow(s, label, subscriptions.runs(s.publicId(), user, 5)));
            }
        }
        return new ReportsPage(choice, kinds, scopes, Arrays.stream(ReportFormat.values()).map(ReportFormat::extension)
                .toList(), Arrays.stream(HeatUnit.values()).map(h -> h.name().toLowerCase(Locale.ROOT)).toList(),
                preview, error, may, subscriptions.mailEnabled(), rows, form, formErrors);
    }

    /** The unit asked for, or the management company's when the choice covers one company's buildings. */
    private String heatUnit(String asked, String scope) {
        if (asked != null && !asked.isBlank()) {
            return asked;
        }
        UUID id;
        try {
            id = uuid(scope);
        } catch (BadRequestException e) {
            // the report refuses the scope with its reason; the unit need not
            return HeatUnit.GCAL.name().toLowerCase(Locale.ROOT);
        }
        return reports.defaultHeatUnit(id, current.scope()).name().toLowerCase(Locale.ROOT);
    }

    private static ReportsPage.Choice choice(String kind, String scope, String month, String from, String to,
            String format, String heatUnit) {
        boolean range = from != null && !from.isBlank() || to != null && !to.isBlank();
        String m = range ? null : month == null || month.isBlank()
                ? YearMonth.now(Channel.DEFAULT_ZONE).minusMonths(1).toString() : month;
        return new ReportsPage.Choice(kind, scope == null ? "" : scope, m, range ? from : null, range ? to : null,
                format, heatUnit);
    }

    private static ReportRequest request(ReportsPage.Choice c) {
        ReportKind kind = ReportKind.named(c.kind()).orElseThrow(() -> new BadRequestException(
                "report '" + c.kind() + "' is not one of " + ReportKind.names()));
        HeatUnit unit = HeatUnit.named(c.heatUnit()).orElse(HeatUnit.GCAL);
        ReportPeriod period = ReportPeriod.of(c.month(), blank(c.from()), blank(c.to()),
                LocalDate.now(Channel.DEFAULT_ZONE));
        Locale l = ReportRequest.languageFor(LocaleContextHolder.getLocale());
        return new ReportRequest(kind, uuid(c.scope()), period, unit, l);
    }

    /** The first rows of the main table, as the reader will see them in the file. */
    private static ReportsPage.Preview preview(ReportDocument doc) {
        Section main = doc.main();
        List<List<String>> rows = new ArrayList<>();
        char separator = ShownText.separator(doc.locale());
        for (Row r : main.rows().subList(0, Math.min(PREVIEW_ROWS, main.rows().size()))) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < main.columns().size(); i++) {
                cells.add(ShownText.of(r.cells().get(i), main.columns().get(i), doc.locale(), separator));
            }
            rows.add(cells);
        }
        return new ReportsPage.Preview(doc.title(), doc.header().stream().map(f -> f.label() + ": " + f.value())
                .toList(), main.columns().stream().map(Column::label).toList(), rows,
                main.columns().stream().map(c -> c.type() == ColumnType.NUMBER).toList(),
                Math.max(0, main.rows().size() - PREVIEW_ROWS));
    }

    private String refusal(RuntimeException e) {
        Locale l = LocaleContextHolder.getLocale();
        return e instanceof NotFoundException ? say(l, "reports.error.notFound")
                : say(l, "reports.error.refused", e.getMessage());
    }

    private String say(Locale l, String key, Object... args) {
        return messages.getMessage(key, args, l);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static UUID uuid(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(s.trim());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("scope '" + s + "' is not an identifier");
        }
    }
}
