package org.openamr.server.report.statement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.openamr.mbus.quantity.Unit;
import org.openamr.server.consumption.Boundary;
import org.openamr.server.consumption.BoundarySource;
import org.openamr.server.consumption.Segment;
import org.openamr.server.consumption.TargetKind;
import org.openamr.server.consumption.Units;
import org.openamr.server.point.MeteringPoint.Resource;
import org.openamr.server.unit.HeatUnit;
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
 * The apartment consumption statement (ведомость потребления по квартирам): one line per apartment point of heat,
 * cold and hot water with its start and end readings, consumption and how it was obtained, then per building and
 * resource the building meter (ОДПУ) against the sum of the apartments (ΣИПУ). Every figure is the consumption
 * service's, for the same period, so the statement and {@code /api/v1/consumption} never disagree.
 */
@Component
class StatementBuilder implements ReportBuilder {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final StatementComputation computation;
    private final ReportTexts texts;

    StatementBuilder(StatementComputation computation, ReportTexts texts) {
        this.computation = computation;
        this.texts = texts;
    }

    @Override
    public ReportKind kind() {
        return ReportKind.STATEMENT;
    }

    @Override
    // one snapshot for every building and resource, so that the totals add up to the lines
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Built build(ReportRequest request, AccessScope scope) {
        StatementComputation.Computed computed = computation.compute(request, scope);
        List<ReportScopes.Subject> subjects = computed.subjects();
        Locale l = request.locale();
        List<Row> rows = new ArrayList<>(computed.entries().size());
        Words words = new Words(texts, l);
        Times starts = new Times();
        Times ends = new Times();
        for (StatementComputation.Entry e : computed.entries()) {
            rows.add(row(request, e, words, starts, ends));
        }
        List<Row> totals = new ArrayList<>();
        for (StatementComputation.Total t : computed.totals()) {
            totals.add(total(request, t.subject(), t.resource(), t.house(), t.flats()));
        }
        ZoneId zone = ReportTexts.zone(subjects);
        Section main = new Section("statement", texts.say(l, "statement.section.rows"),
                columns(l, subjects.size() > 1), rows, List.of());
        Section summary = new Section("totals", texts.say(l, "statement.section.totals"), totalColumns(l), totals,
                List.of());
        ReportDocument doc = new ReportDocument(ReportKind.STATEMENT.apiName(), l, texts.say(l, "statement.title"),
                header(request, subjects), List.of(main, summary),
                List.of(texts.say(l, "note.times"), texts.say(l, "note.difference")),
                List.of(texts.say(l, "signature.responsible")), OffsetDateTime.now(zone));
        return new Built(doc, texts.fileSubject(l, subjects));
    }

    /**
     * On paper, the address only when there are several buildings (the header names a single one), and the kind of
     * each reading is left to the data formats: the method column says when a figure rests on an interpolated value.
     */
    private List<Column> columns(Locale l, boolean portfolio) {
        return List.of(
                Column.text("address", col(l, "address"), 24).onPaperIf(portfolio),
                Column.number("entrance", col(l, "entrance"), 0, 5),
                Column.text("premise", col(l, "premise"), 8),
                Column.text("account", col(l, "account"), 12),
                Column.text("resource", col(l, "resource"), 12),
                Column.text("meter", col(l, "meter"), 12),
                Column.number("startValue", col(l, "startValue"), 3, 11),
                Column.time("startAt", col(l, "startAt")),
                Column.text("startKind", col(l, "startKind"), 12).offPaper(),
                Column.number("endValue", col(l, "endValue"), 3, 11),
                Column.time("endAt", col(l, "endAt")),
                Column.text("endKind", col(l, "endKind"), 12).offPaper(),
                Column.number("consumption", col(l, "consumption"), 3, 10),
                Column.text("unit", col(l, "unit"), 6),
                Column.text("method", col(l, "method"), 12),
                Column.text("note", col(l, "note"), 30),
                Column.date("verificationDue", col(l, "verificationDue")));
    }

    private List<Column> totalColumns(Locale l) {
        return List.of(
                Column.text("address", col(l, "address"), 24),
                Column.text("resource", col(l, "resource"), 12),
                Column.text("unit", col(l, "unit"), 6),
                Column.number("house", col(l, "house"), 3, 11),
                Column.number("premises", col(l, "premises"), 3, 11),
                Column.number("difference", col(l, "difference"), 3, 11),
                Column.number("differencePercent", col(l, "differencePercent"), 2, 8),
                Column.number("premisesWithData", col(l, "premisesWithData"), 0, 8),
                Column.number("premisePoints", col(l, "premisePoints"), 0, 8));
    }

    private String col(Locale l, String id) {
        return texts.say(l, "col." + id);
    }

    /**
     * The words each line repeats, looked up once per statement: on a portfolio's 30,000 lines, a code put together
     * per line and looked up cost as much as the rest of the line.
     */
    private record Words(String noData, Map<Resource, String> resources, Map<StatementLine.Method, String> methods,
                         Map<BoundarySource, String> sources) {
        Words(ReportTexts texts, Locale l) {
            this(texts.say(l, "noData"), all(Resource.class, r -> texts.resource(l, r)),
                    all(StatementLine.Method.class, m -> texts.say(l, "method." + m.name())),
                    all(BoundarySource.class, s -> texts.say(l, "source." + s.name())));
        }

        private static <E extends Enum<E>> Map<E, String> all(Class<E> type, Function<E, String> word) {
            Map<E, String> out = new EnumMap<>(type);
            for (E e : type.getEnumConstants()) {
                out.put(e, word.apply(e));
            }
            return out;
        }
    }

    /**
     * A column's boundary time as a cell, made again only when it differs from the line before's: the lines of a
     * period share its start and end, and each conversion to the building's time cost a date computation.
     */
    private static final class Times {
        private Instant at;
        private ZoneId zone;
        private Cell cell;

        Cell of(Boundary b, ZoneId z) {
            if (b == null) {
                return Cell.Missing.BLANK;
            }
            if (!b.at().equals(at) || !z.equals(zone)) {
                at = b.at();
                zone = z;
                cell = new Cell.Time(at.atZone(z).toOffsetDateTime());
            }
            return cell;
        }
    }

    private Row row(ReportRequest request, StatementComputation.Entry e, Words words, Times starts, Times ends) {
        ReportScopes.Subject subject = e.subject();
        StatementRepository.PremiseInfo premise = e.premise();
        StatementLine line = e.line();
        Locale l = request.locale();
        ZoneId zone = subject.zone();
        DisplayValue consumed = DisplayValue.of(line.consumption(), line.unit(), request.heatUnit(), l, texts);
        DisplayValue start = line.start() == null ? null : DisplayValue.of(line.start().value(), line.startUnit(), request.heatUnit(), l, texts);
        DisplayValue end = line.end() == null ? null : DisplayValue.of(line.end().value(), line.endUnit(), request.heatUnit(), l, texts);
        return new Row(List.of(
                Cell.text(subject.address()),
                premise == null || premise.entrance() == null ? Cell.Missing.BLANK
                        : new Cell.Number(BigDecimal.valueOf(premise.entrance())),
                Cell.text(line.point().premiseNumber()),
                Cell.text(premise == null ? null : premise.personalAccount()),
                Cell.text(words.resources().get(e.resource())),
                Cell.text(String.join(", ", line.serials())),
                reading(start, words),
                starts.of(line.start(), zone),
                kind(line.start(), words),
                reading(end, words),
                ends.of(line.end(), zone),
                kind(line.end(), words),
                consumed.value() == null ? new Cell.Missing(words.noData())
                        : Cell.number(consumed.value(), consumed.decimals()),
                Cell.text(consumed.unit()),
                Cell.text(words.methods().get(line.method())),
                Cell.text(note(line, request.heatUnit(), l, zone)),
                Cell.date(e.verificationDue())));
    }

    private static Cell reading(DisplayValue s, Words words) {
        if (s == null) {
            return Cell.Missing.BLANK;
        }
        return s.value() == null ? new Cell.Missing(words.noData()) : Cell.number(s.value(), s.decimals());
    }

    private static Cell kind(Boundary b, Words words) {
        return b == null || b.source() == null ? Cell.Missing.BLANK : Cell.text(words.sources().get(b.source()));
    }

    /** Why there is no figure, or which meter replaced which with the old one's last and the new one's first value. */
    private String note(StatementLine line, HeatUnit heat, Locale l, ZoneId zone) {
        if (line.reason() != null) {
            Object at = line.problemAt() == null ? "" : MINUTE.format(line.problemAt().atZone(zone));
            String reason = texts.say(l, "reason." + line.reason().name(), at);
            return line.reason() == StatementLine.Reason.UNIT_NOT_CONVERTIBLE
                    ? reason + " (" + line.unit().symbol() + ")" : reason;
        }
        if (line.method() != StatementLine.Method.METER_REPLACED) {
            return null;
        }
        List<String> notes = new ArrayList<>();
        List<Segment> segments = line.segments();
        for (int i = 1; i < segments.size(); i++) {
            Segment old = segments.get(i - 1);
            Segment next = segments.get(i);
            if (!old.meterSerial().equals(next.meterSerial())) {
                DisplayValue oldEnd = DisplayValue.of(old.end().value(), old.unit(), heat, l, texts);
                DisplayValue newStart = DisplayValue.of(next.start().value(), next.unit(), heat, l, texts);
                notes.add(texts.say(l, "replaced", old.meterSerial(), next.meterSerial(), oldEnd.text(l, texts),
                        DAY.format(old.end().at().atZone(zone)), newStart.text(l, texts)));
            }
        }
        return String.join("; ", notes);
    }

    private Row total(ReportRequest request, ReportScopes.Subject subject, Resource resource,
            List<StatementLine> house, List<StatementLine> flats) {
        Locale l = request.locale();
        Unit unit = Units.unitOf(Units.defaultQuantity(resource));
        BigDecimal flatSum = BigDecimal.ZERO;
        int withData = 0;
        for (StatementLine f : flats) {
            if (f.consumption() != null && f.unit() == unit) {
                flatSum = flatSum.add(f.consumption());
                withData++;
            }
        }
        BigDecimal houseSum = house.isEmpty() ? null : BigDecimal.ZERO;
        for (StatementLine h : house) {
            houseSum = houseSum == null || h.consumption() == null || h.unit() != unit ? null
                    : houseSum.add(h.consumption());
        }
        DisplayValue premisesShown = DisplayValue.of(flatSum, unit, request.heatUnit(), l, texts);
        DisplayValue houseShown = DisplayValue.of(houseSum, unit, request.heatUnit(), l, texts);
        boolean building = subject.kind() == TargetKind.BUILDING;
        Cell houseCell = !building ? new Cell.Missing(texts.say(l, "notApplicable"))
                : house.isEmpty() ? new Cell.Missing(texts.say(l, "noHouseMeter"))
                : houseShown.value() == null ? new Cell.Missing(texts.say(l, "noData"))
                : Cell.number(houseShown.value(), houseShown.decimals());
        // a difference against a partial sum would blame the common areas for a flat without data
        boolean comparable = building && houseShown.value() != null && withData == flats.size();
        BigDecimal difference = comparable ? houseShown.value().subtract(premisesShown.value()) : null;
        BigDecimal percent = difference == null || houseShown.value().signum() == 0 ? null
                : difference.multiply(BigDecimal.valueOf(100)).divide(houseShown.value(), 2, RoundingMode.HALF_EVEN);
        return new Row(List.of(
                Cell.text(subject.address()),
                Cell.text(texts.resource(l, resource)),
                Cell.text(premisesShown.unit()),
                houseCell,
                Cell.number(premisesShown.value(), premisesShown.decimals()),
                difference == null ? Cell.Missing.BLANK : Cell.number(difference, premisesShown.decimals()),
                percent == null ? Cell.Missing.BLANK : new Cell.Number(percent),
                new Cell.Number(BigDecimal.valueOf(withData)),
                new Cell.Number(BigDecimal.valueOf(flats.size()))));
    }

    private List<Field> header(ReportRequest request, List<ReportScopes.Subject> subjects) {
        Locale l = request.locale();
        List<Field> out = new ArrayList<>(texts.scope(l, subjects));
        out.add(texts.period(l, request.period()));
        out.add(new Field(texts.say(l, "field.heatUnit"), texts.unit(l, request.heatUnit().symbol())));
        return out;
    }

}
