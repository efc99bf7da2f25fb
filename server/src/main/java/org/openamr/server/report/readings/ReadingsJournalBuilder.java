package org.openamr.server.report.readings;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openamr.server.api.BadRequestException;
import org.openamr.server.point.MeteringPoint.Resource;
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
 * The readings journal: every stored reading of the registers a scope's points count, in a period, with when it was
 * measured, when it arrived and from where, and the value exactly as stored (all its decimals). In a dispute (ПП
 * №1034: a reading taken at the meter prevails over remote data) it shows exactly what the system had and when.
 */
@Component
class ReadingsJournalBuilder implements ReportBuilder {

    /** More rows than a spreadsheet or a person can use; a longer journal is asked for in parts. */
    static final long MAX_ROWS = 200_000;

    private final ReportScopes scopes;
    private final ReadingsJournalRepository repository;
    private final ReportTexts texts;

    ReadingsJournalBuilder(ReportScopes scopes, ReadingsJournalRepository repository, ReportTexts texts) {
        this.scopes = scopes;
        this.repository = repository;
        this.texts = texts;
    }

    @Override
    public ReportKind kind() {
        return ReportKind.READINGS;
    }

    @Override
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Built build(ReportRequest request, AccessScope scope) {
        List<ReportScopes.Subject> subjects = scopes.of(request.scope(), scope);
        Locale l = request.locale();
        long total = 0;
        for (ReportScopes.Subject s : subjects) {
            total += repository.count(s, from(request, s.zone()), to(request, s.zone()), scope);
        }
        if (total > MAX_ROWS) {
            throw new BadRequestException("the readings journal would have " + total + " rows, more than " + MAX_ROWS
                    + ": ask for a shorter period or a smaller scope (a building, an entrance, an apartment)");
        }
        List<Row> rows = new ArrayList<>((int) total);
        for (ReportScopes.Subject s : subjects) {
            ZoneId zone = s.zone();
            for (ReadingsJournalRepository.Entry e : repository.entries(s, from(request, zone), to(request, zone),
                    scope)) {
                rows.add(new Row(List.of(
                        Cell.text(e.address()),
                        Cell.text(e.premise() == null ? texts.say(l, "meters.house") : e.premise()),
                        Cell.text(Resource.named(e.resource()).map(r -> texts.resource(l, r)).orElse(e.resource())),
                        Cell.text(e.serial()),
                        Cell.text(texts.say(l, e.storage() == 0 ? "storage.current" : "storage.dueDate")),
                        new Cell.Time(OffsetDateTime.ofInstant(e.measuredAt(), zone)),
                        new Cell.Number(e.value(), Math.max(e.value().scale(), 0)),
                        Cell.text(texts.unit(l, e.unit())),
                        Cell.text(texts.say(l, "readingSource." + e.source())),
                        Cell.text(e.channel()),
                        new Cell.Time(OffsetDateTime.ofInstant(e.receivedAt(), zone)))));
            }
        }
        List<Column> columns = List.of(
                Column.text("address", texts.say(l, "col.address"), 24).onPaperIf(subjects.size() > 1),
                Column.text("premise", texts.say(l, "col.premise"), 8),
                Column.text("resource", texts.say(l, "col.resource"), 12),
                Column.text("meter", texts.say(l, "col.serial"), 12),
                Column.text("register", texts.say(l, "col.register"), 12),
                Column.time("measuredAt", texts.say(l, "col.measuredAt")),
                Column.number("value", texts.say(l, "col.value"), 3, 14),
                Column.text("unit", texts.say(l, "col.unit"), 6),
                Column.text("source", texts.say(l, "col.source"), 12),
                Column.text("channel", texts.say(l, "col.channel"), 16),
                Column.time("receivedAt", texts.say(l, "col.receivedAt")));
        ZoneId zone = ReportTexts.zone(subjects);
        List<Field> header = new ArrayList<>(texts.scope(l, subjects));
        header.addAll(List.of(texts.period(l, request.period()), new Field(texts.say(l, "field.readingCount"), String.valueOf(rows.size()))));
        ReportDocument doc = new ReportDocument(ReportKind.READINGS.apiName(), l, texts.say(l, "readings.title"),
                header, List.of(new Section("readings", texts.say(l, "readings.section"), columns, rows, List.of())),
                List.of(texts.say(l, "readings.note")), List.of(), OffsetDateTime.now(zone));
        return new Built(doc, texts.fileSubject(l, subjects));
    }

    private static Instant from(ReportRequest request, ZoneId zone) {
        return request.period().from().atStartOfDay(zone).toInstant();
    }

    private static Instant to(ReportRequest request, ZoneId zone) {
        return request.period().to().atStartOfDay(zone).toInstant();
    }
}
