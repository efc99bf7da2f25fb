package org.openamr.server.web.registerimport;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openamr.server.building.Building;
import org.openamr.server.building.Buildings;
import org.openamr.server.registerimport.RegisterColumn;
import org.openamr.server.registerimport.RegisterFileException;
import org.openamr.server.registerimport.RegisterFiles;
import org.openamr.server.registerimport.RegisterImport;
import org.openamr.server.registerimport.RegisterParser;
import org.openamr.server.registerimport.RegisterRow;
import org.openamr.server.registerimport.RegisterTemplates;
import org.openamr.server.registerimport.RowPlan;
import org.openamr.server.security.AccessScope;
import org.openamr.server.security.CurrentUser;
import org.openamr.server.security.Role;
import org.openamr.server.web.Formats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /import}: a building's register (premises, points, meters) from a CSV or Excel file. Upload, preview
 * every row with what it would create or change and every problem, confirm: then all of it is written in one
 * transaction, or nothing. For administrators and service companies.
 */
@Controller
@RequestMapping("/import")
class ImportPageController {

    private static final Logger log = LoggerFactory.getLogger(ImportPageController.class);
    static final int MAX_BUILDINGS = 1000;

    private final Buildings buildings;
    private final RegisterImport imports;
    private final PendingImports pending;
    private final MessageSource messages;
    private final Formats fmt;
    private final CurrentUser current;

    ImportPageController(Buildings buildings, RegisterImport imports, PendingImports pending, MessageSource messages,
            Formats fmt, CurrentUser current) {
        this.buildings = buildings;
        this.imports = imports;
        this.pending = pending;
        this.messages = messages;
        this.fmt = fmt;
        this.current = current;
    }

    @ModelAttribute("nav")
    String nav() {
        return "import";
    }

    @GetMapping
    String form(@RequestParam(required = false) UUID building, Model model) {
        AccessScope scope = importer();
        model.addAttribute("page", upload(scope, building, null, (ImportPage.Done) model.getAttribute("done")));
        return "import";
    }

    /** The template, {@code language} ru or en (not {@code lang}, which would switch the pages' language). */
    @GetMapping("/template.{format:csv|xlsx}")
    ResponseEntity<byte[]> template(@org.springframework.web.bind.annotation.PathVariable String format,
            @RequestParam(defaultValue = "en") String language) {
        importer();
        Locale locale = "ru".equals(language) ? Locale.forLanguageTag("ru") : Locale.ENGLISH;
        boolean csv = format.equals("csv");
        byte[] body = csv ? RegisterTemplates.csv(locale) : RegisterTemplates.xlsx(locale);
        String name = (RegisterTemplates.russian(locale) ? "reestr-shablon." : "register-template.") + format;
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .contentType(csv ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)
                        : MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(body);
    }

    @PostMapping
    String preview(@RequestParam UUID building, @RequestParam("file") MultipartFile file, HttpSession session,
            Model model, HttpServletResponse response) throws IOException {
        AccessScope scope = importer();
        Building b = buildings.get(scope, building);
        if (file.getSize() > RegisterFiles.MAX_BYTES) {
            String view = refused(scope, building, new RegisterFileException("imp.file.tooBig", file.getSize() / 1024,
                    RegisterFiles.MAX_BYTES / 1024), model, response);
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return view;
        }
        byte[] bytes = file.getBytes();
        RegisterParser.Parsed parsed;
        try {
            parsed = RegisterParser.parse(bytes, LocalDate.now(java.time.ZoneId.of(b.timeZone())));
        } catch (RegisterFileException e) {
            return refused(scope, building, e, model, response);
        }
        List<RowPlan> plan = imports.preview(building, parsed, scope);
        String sha256 = sha256(bytes);
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        String token = pending.keep(session, building, name, sha256, parsed, promises(plan));
        model.addAttribute("page", preview(b, name, token, sha256, plan, false));
        return "import-preview";
    }

    @PostMapping("/confirm")
    String confirm(@RequestParam String token, @RequestParam String sha256, HttpSession session, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        AccessScope scope = importer();
        PendingImports.Pending p = pending.take(session, token, sha256).orElse(null);
        if (p == null) {
            return refused(scope, null, new RegisterFileException("imp.file.expired"), model, response);
        }
        RegisterImport.Outcome outcome;
        try {
            outcome = imports.write(p.building(), p.parsed(), p.promised(), scope);
        } catch (DataAccessException e) {
            log.info("register import of {} refused by the database: {}", p.fileName(), e.getMostSpecificCause()
                    .getMessage());
            pending.forget(session, token);
            return refused(scope, p.building(), new RegisterFileException("imp.file.refused",
                    firstLine(e.getMostSpecificCause().getMessage())), model, response);
        }
        Building b = buildings.get(scope, p.building());
        if (!outcome.written()) {
            // the registry changed since the preview: show what the file would do now, under a new token
            pending.forget(session, token);
            String again = pending.keep(session, p.building(), p.fileName(), p.sha256(), p.parsed(),
                    promises(outcome.plan()));
            model.addAttribute("page", preview(b, p.fileName(), again, p.sha256(), outcome.plan(), true));
            return "import-preview";
        }
        pending.forget(session, token);
        flash.addFlashAttribute("done", new ImportPage.Done(b.id(), b.address(), count(outcome.plan(),
                RowPlan.Status.CREATE), count(outcome.plan(), RowPlan.Status.UPDATE),
                count(outcome.plan(), RowPlan.Status.UNCHANGED)));
        return "redirect:/import?building=" + b.id();
    }

    /** A file above the servlet's own limit never reaches {@link #preview}; it is said on the page all the same. */
    @ExceptionHandler(MultipartException.class)
    String tooLarge(MultipartException e, Model model, HttpServletResponse response) {
        AccessScope scope = importer();
        RegisterFileException why = e instanceof MaxUploadSizeExceededException
                ? new RegisterFileException("imp.file.tooBigForServer", RegisterFiles.MAX_BYTES / 1024)
                : new RegisterFileException("imp.file.notTable");
        model.addAttribute("nav", nav());
        String view = refused(scope, null, why, model, response);
        if (e instanceof MaxUploadSizeExceededException) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        }
        return view;
    }

    private String refused(AccessScope scope, UUID building, RegisterFileException e, Model model,
            HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("page", upload(scope, building, text(e.reason()), null));
        return "import";
    }

    private ImportPage.Upload upload(AccessScope scope, UUID selected, String fileError, ImportPage.Done done) {
        List<ImportPage.BuildingOption> options = buildings.list(scope, 0, MAX_BUILDINGS).items().stream()
                .map(b -> new ImportPage.BuildingOption(b.id(), b.address())).toList();
        Locale locale = LocaleContextHolder.getLocale();
        Locale other = RegisterTemplates.russian(locale) ? Locale.ENGLISH : Locale.forLanguageTag("ru");
        List<ImportPage.ColumnHelp> columns = Arrays.stream(RegisterColumn.values())
                .map(c -> new ImportPage.ColumnHelp(c.header(locale), c.header(other), c == RegisterColumn.PREMISE,
                        messages.getMessage("imp.col." + c + ".help", null, locale)))
                .toList();
        return new ImportPage.Upload(options, selected, fileError, done, columns, RegisterFiles.MAX_BYTES / 1024,
                RegisterFiles.MAX_ROWS);
    }

    private ImportPage.Preview preview(Building b, String fileName, String token, String sha256, List<RowPlan> plan,
            boolean stale) {
        List<ImportPage.Problem> problems = plan.stream().flatMap(p -> p.problems().stream())
                .map(p -> new ImportPage.Problem(p.line(), p.column() == null ? "" : text(column(p.column())),
                        p.value(), text(p.reason())))
                .toList();
        List<ImportPage.Line> lines = plan.stream().map(p -> new ImportPage.Line(p.row().line(), p.row().premise(),
                        p.row().resource() == null ? "" : p.subunit() == null || p.subunit() == 0
                                ? text(resource(p.row())) : point(p), p.row().serial(), p.status().name(),
                        p.actions().stream().map(this::text).toList(),
                        p.problems().stream().map(x -> (x.column() == null ? "" : text(column(x.column())) + ": ")
                                + text(x.reason())).toList()))
                .toList();
        return new ImportPage.Preview(b.id(), b.address(), fileName, token, sha256, plan.size(),
                count(plan, RowPlan.Status.CREATE), count(plan, RowPlan.Status.UPDATE),
                count(plan, RowPlan.Status.UNCHANGED), count(plan, RowPlan.Status.ERROR), problems, lines,
                sharedMeters(plan), stale);
    }

    /** The meters of rows that plan well and name a meter at several points, each once with its points. */
    private List<ImportPage.SharedMeter> sharedMeters(List<RowPlan> plan) {
        Map<String, List<RowPlan>> byMeter = plan.stream().filter(p -> p.row().hasMeter() && p.subunit() != null)
                .collect(Collectors.groupingBy(p -> p.row().meterKey(), LinkedHashMap::new, Collectors.toList()));
        return byMeter.values().stream().filter(rows -> rows.size() > 1).map(rows -> {
            RegisterRow first = rows.get(0).row();
            String meter = Stream.of(first.maker(), first.model()).filter(Objects::nonNull)
                    .collect(Collectors.joining(" "));
            return new ImportPage.SharedMeter(first.serial(), meter, first.premise(),
                    rows.stream().map(this::point).toList(), rows.stream().map(p -> p.row().line()).toList());
        }).toList();
    }

    /** A row's point as "Cold water, subunit 1". */
    private String point(RowPlan p) {
        return text(new DefaultMessageSourceResolvable(new String[] {"imp.preview.onSubunit"},
                new Object[] {resource(p.row()), p.subunit()}));
    }

    private static MessageSourceResolvable resource(RegisterRow row) {
        return new DefaultMessageSourceResolvable("resource." + row.resource());
    }

    private static List<List<Object>> promises(List<RowPlan> plan) {
        return plan.stream().map(RowPlan::promise).toList();
    }

    private static long count(List<RowPlan> plan, RowPlan.Status status) {
        return plan.stream().filter(p -> p.status() == status).count();
    }

    private static MessageSourceResolvable column(RegisterColumn column) {
        return new DefaultMessageSourceResolvable("imp.col." + column);
    }

    /** A message with its dates and decimals written as the reader's language writes them. */
    private String text(MessageSourceResolvable m) {
        Object[] args = m.getArguments() == null ? null : Arrays.stream(m.getArguments())
                .map(a -> a instanceof LocalDate d ? fmt.day(d) : a instanceof BigDecimal n ? fmt.exact(n) : a)
                .toArray();
        return messages.getMessage(new DefaultMessageSourceResolvable(m.getCodes(), args, m.getDefaultMessage()),
                LocaleContextHolder.getLocale());
    }

    private AccessScope importer() {
        AccessScope scope = current.scope();
        if (scope.role() != Role.ADMIN && scope.role() != Role.OPERATOR) {
            // administrators and service companies: the ones who fit and commission the meters
            throw new AccessDeniedException("role " + scope.role() + " may not import a building's register");
        }
        return scope;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String firstLine(String s) {
        int nl = s == null ? -1 : s.indexOf('\n');
        return nl < 0 ? String.valueOf(s) : s.substring(0, nl);
    }
}
