package org.openamr.server.report.statement;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openamr.server.consumption.Boundary;
import org.openamr.server.report.ReportBuilder;
import org.openamr.server.report.ReportKind;
import org.openamr.server.report.ReportRequest;
import org.openamr.server.report.ReportScopes;
import org.openamr.server.report.ReportTexts;
import org.openamr.server.report.table.Cell;
import org.openamr.server.report.table.Column;
import org.openamr.server.report.table.Field;
import org.openamr.server.report.table.ReportDocument;
import org.openamr.server.report.table.Row;
import org.openamr.server.report.table.Section;
import org.openamr.server.security.AccessScope;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The billing export (for 1С-based billing programs and the like): the statement's lines in the columns such a
 * program imports, one per apartment point — personal account, address, apartment, resource, meter, previous and
 * current reading with their dates, consumption, unit, and a note where there is no figure. The columns are listed
 * in the README ("Billing export"). The same figures as the statement, from the same computation.
 */
@Component
class BillingBuilder implements ReportBuilder {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final StatementComputation computation;
    private final ReportTexts texts;

    BillingBuilder(StatementComputation computation, ReportTexts texts) {
        this.computation = computation;
        this.texts = texts;
    }

    @Override
    public ReportKind kind() {
        return ReportKind.BILLING;
    }

    @Override
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Built build(ReportRequest request, AccessScope scope) {
        StatementComputation.Computed computed = computation.compute(request, scope);
        Locale l = request.locale();
        List<Row> rows = new ArrayList<>();
        for (StatementComputation.Entry e : computed.entries()) {
            StatementLine line = e.line();
            ZoneId zone = e.subject().zone();
            DisplayValue previous = line.start() == null ? null
                    : DisplayValue.of(line.start().value(), line.startUnit(), request.heatUnit(), l, texts);
            DisplayValue current = line.end() == null ? null
                    : DisplayValue.of(line.end().value(), line.endUnit(), request.heatUnit(), l, texts);
            DisplayValue consumed = DisplayValue.of(line.consumption(), line.unit(), request.heatUnit(), l, texts);
            rows.add(new Row(List.of(
                    Cell.text(e.premise() == null ? null : e.premise().personalAccount()),
                    Cell.text(e.subject().address()),
                    Cell.text(line.point().premiseNumber()),
                    Cell.text(texts.resource(l, e.resource())),
                    Cell.text(String.join(", ", line.serials())),
                    number(previous),
                    date(line.start(), zone),
                    number(current),
                    date(line.end(), zone),
                    number(consumed),
                    Cell.text(consumed.unit()),
                    Cell.text(line.reason() == null ? null : texts.say(l, "reason." + line.reason().name(),
                            line.problemAt() == null ? "" : DAY.format(line.problemAt().atZone(zone)))))));
        }
        List<Column> columns = List.of(
                Column.text("account", texts.say(l, "col.account"), 12),
                Column.text("address", texts.say(l, "col.address"), 24),
                Column.text("premise", texts.say(l, "col.premise"), 8),
                Column.text("resource", texts.say(l, "col.resource"), 12),
                Column.text("meter", texts.say(l, "col.serial"), 12),
                Column.number("previousValue", texts.say(l, "col.previousValue"), 3, 12),
                Column.date("previousDate", texts.say(l, "col.previousDate")),
                Column.number("currentValue", texts.say(l, "col.currentValue"), 3, 12),
                Column.date("currentDate", texts.say(l, "col.currentDate")),
                Column.number("consumption", texts.say(l, "col.consumption"), 3, 10),
                Column.text("unit", texts.say(l, "col.unit"), 6),
                Column.text("note", texts.say(l, "col.note"), 24));
        List<ReportScopes.Subject> subjects = computed.subjects();
        ZoneId zone = ReportTexts.zone(subjects);
        List<Field> header = new ArrayList<>(texts.scope(l, subjects));
        header.addAll(List.of(texts.period(l, request.period()), new Field(texts.say(l, "field.heatUnit"), texts.unit(l, request.heatUnit().symbol()))));
        ReportDocument doc = new ReportDocument(ReportKind.BILLING.apiName(), l, texts.say(l, "billing.title"),
                header, List.of(new Section("billing", texts.say(l, "billing.section"), columns, rows, List.of())),
                List.of(texts.say(l, "billing.note")), List.of(), OffsetDateTime.now(zone));
        return new Built(doc, texts.fileSubject(l, subjects));
    }

    private static Cell number(DisplayValue v) {
        return v == null || v.value() == null ? Cell.Missing.BLANK : Cell.number(v.value(), v.decimals());
    }

    /** The reading's local date: a reading at 1 December 00:00 is dated 01.12, the moment it stands for. */
    private static Cell date(Boundary b, ZoneId zone) {
        return b == null || !b.known() ? Cell.Missing.BLANK : Cell.date(b.at().atZone(zone).toLocalDate());
    }
}
