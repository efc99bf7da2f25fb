package org.openamr.server.report;

import org.openamr.server.unit.HeatUnit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.openamr.server.api.BadRequestException;
import org.openamr.server.api.NotFoundException;
import org.openamr.server.channel.Channel;
import org.openamr.server.report.format.RenderOptions;
import org.openamr.server.report.format.ReportFormat;
import org.openamr.server.security.CurrentUser;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/reports/{kind}?scope=&month=|from=&to=&format=&heatUnit=&encoding=&decimal=&lang=}: a report
 * as a file to save, named after its kind, subject and period. What the caller may not see is 404, as everywhere.
 */
@RestController
@Tag(name = "Reports")
class ReportController {

    private final Reports reports;
    private final CurrentUser current;

    ReportController(Reports reports, CurrentUser current) {
        this.reports = reports;
        this.current = current;
    }

    @GetMapping("/api/v1/reports/{kind}")
    @Operation(summary = "A report as a file: the apartment consumption statement (statement) or a building heat"
            + " meter's monthly heat sheet (heat-sheet) as CSV, XLSX, PDF, XML or TXT")
    ResponseEntity<byte[]> report(
            @Parameter(description = "statement or heat-sheet") @PathVariable String kind,
            @Parameter(description = "a building, entrance or premise (public id); none: every building the caller"
                    + " sees in full, or a resident's own apartment")
            @RequestParam(name = "scope", required = false) UUID scope,
            @Parameter(description = "a month like 2026-11; the default is the last whole month")
            @RequestParam(name = "month", required = false) String month,
            @Parameter(description = "the first day, like 2026-11-01 (with 'to' instead of 'month')")
            @RequestParam(name = "from", required = false) String from,
            @Parameter(description = "the day after the last, exclusive, like 2026-12-01")
            @RequestParam(name = "to", required = false) String to,
            @Parameter(description = "csv, xlsx, pdf, xml or txt")
            @RequestParam(name = "format", defaultValue = "csv") String format,
            @Parameter(description = "gcal, kwh or gj; the default is the management company's unit when the report"
                    + " covers one company's buildings, else gcal")
            @RequestParam(name = "heatUnit", required = false) String heatUnit,
            @Parameter(description = "CSV and TXT: utf-8 (with a byte order mark, default) or windows-1251")
            @RequestParam(name = "encoding", defaultValue = "utf-8") String encoding,
            @Parameter(description = "CSV: comma (default) or point")
            @RequestParam(name = "decimal", defaultValue = "comma") String decimal,
            @Parameter(description = "ru or en; the default follows the account's language (Accept-Language)")
            @RequestParam(name = "lang", required = false) String lang) {
        ReportKind k = ReportKind.named(kind).orElseThrow(() -> new NotFoundException("report kind", kind));
        ReportFormat f = ReportFormat.named(format).orElseThrow(() -> new BadRequestException(
                "parameter 'format': '" + format + "' is not one of " + ReportFormat.names()));
        HeatUnit unit = heatUnit == null ? reports.defaultHeatUnit(scope, current.scope())
                : HeatUnit.named(heatUnit).orElseThrow(() -> new BadRequestException(
                        "parameter 'heatUnit': '" + heatUnit + "' is not one of gcal, kwh, gj"));
        ReportPeriod period = ReportPeriod.of(month, from, to, LocalDate.now(Channel.DEFAULT_ZONE));
        ReportRequest request = new ReportRequest(k, scope, period, unit, locale(lang));
        ReportFile file = reports.make(request, f, options(encoding, decimal), current.scope());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, FileNames.contentDisposition(file.fileName()))
                .body(file.content());
    }

    static RenderOptions options(String encoding, String decimal) {
        var charset = switch (encoding.trim().toLowerCase(Locale.ROOT)) {
            case "utf-8", "utf8" -> StandardCharsets.UTF_8;
            case "windows-1251", "cp1251" -> RenderOptions.WINDOWS_1251;
            default -> throw new BadRequestException("parameter 'encoding': '" + encoding
                    + "' is not one of utf-8, windows-1251");
        };
        char separator = switch (decimal.trim().toLowerCase(Locale.ROOT)) {
            case "comma" -> ',';
            case "point" -> '.';
            default -> throw new BadRequestException("parameter 'decimal': '" + decimal + "' is not one of comma, point");
        };
        return new RenderOptions(charset, separator);
    }

    static Locale locale(String lang) {
        if (lang == null) {
            return ReportRequest.languageFor(LocaleContextHolder.getLocale());
        }
        return switch (lang.trim().toLowerCase(Locale.ROOT)) {
            case "ru" -> Locale.forLanguageTag("ru");
            case "en" -> Locale.ENGLISH;
            default -> throw new BadRequestException("parameter 'lang': '" + lang + "' is not one of ru, en");
        };
    }
}
