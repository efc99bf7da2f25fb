package org.openamr.server.report.statement;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The readings upload for ГИС ЖКХ: one row per apartment meter with its reading at the end of the period (the
 * statement's end reading, in the statement's units) and the date, the device named by its ГИС ЖКХ identifier.
 * Columns come from {@link GisColumns}, a data file a user may replace. A meter without an identifier keeps its row
 * with the identifier empty, so that the gap shows before the upload does.
 */
@Component
class GisBuilder implements ReportBuilder {

    /** ГИС ЖКХ's names of municipal resources (reference list НСИ 2), whatever the reader's language. */
    private static final Map<Resource, String> NSI2 = Map.of(Resource.COLD_WATER, "Холодная вода",
            Resource.HOT_WATER, "Горячая вода", Resource.HEAT, "Тепловая энергия", Resource.ELECTRICITY,
            "Электрическая энергия", Resource.GAS, "Газ");

    private final StatementComputation computation;
    private final StatementRepository repository;
    private final ReportTexts texts;
    private final GisColumns columns;

    GisBuilder(StatementComputation computation, StatementRepository repository, ReportTexts texts,
            @Value("${openamr.reports.gis-columns:}") String columnsFile) {
        this.computation = computation;
        this.repository = repository;
        this.texts = texts;
        this.columns = GisColumns.load(columnsFile);
    }

    @Override
    public ReportKind kind() {
        return ReportKind.GIS;
    }

    @Override
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Built build(ReportRequest request, AccessScope scope) {
        StatementComputation.Computed computed = computation.compute(request, scope);
        Locale l = request.locale();
        Map<Long, Map<String, UUID>> guids = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        int withoutGuid = 0;
        for (StatementComputation.Entry e : computed.entries()) {
            StatementLine line = e.line();
            if (line.serials().isEmpty()) {
                continue;
            }
            String serial = line.serials().get(line.serials().size() - 1);
            UUID guid = guids.computeIfAbsent(e.subject().buildingId(), b -> repository.gisDeviceGuids(b, scope))
                    .get(serial);
            withoutGuid += guid == null ? 1 : 0;
            ZoneId zone = e.subject().zone();
            DisplayValue end = line.end() == null ? null
                    : DisplayValue.of(line.end().value(), line.endUnit(), request.heatUnit(), l, texts);
            List<Cell> cells = new ArrayList<>();
            for (GisColumns.Entry c : columns.entries()) {
                cells.add(switch (c.field()) {
                    case GIS_DEVICE_GUID -> Cell.text(guid == null ? null : guid.toString());
                    case SERIAL -> Cell.text(serial);
                    case RESOURCE -> Cell.text(NSI2.get(e.resource()));
                    case VALUE -> end == null || end.value() == null ? Cell.Missing.BLANK
                            : Cell.number(end.value(), end.decimals());
                    case READING_DATE -> line.end() == null || !line.end().known() ? Cell.Missing.BLANK
                            : Cell.date(line.end().at().atZone(zone).toLocalDate());
                    case ADDRESS -> Cell.text(e.subject().address());
                    case PREMISE -> Cell.text(line.point().premiseNumber());
                    case ACCOUNT -> Cell.text(e.premise() == null ? null : e.premise().personalAccount());
                    case UNIT -> Cell.text(end == null ? null : end.unit());
                });
            }
            rows.add(new Row(cells));
        }
        List<Column> cols = new ArrayList<>();
        for (GisColumns.Entry c : columns.entries()) {
            String id = c.field().name().toLowerCase(Locale.ROOT).replace('_', '-');
            cols.add(switch (c.field()) {
                case VALUE -> Column.number(id, c.header(), 3, 14);
                case READING_DATE -> Column.date(id, c.header());
                case GIS_DEVICE_GUID -> Column.text(id, c.header(), 36);
                default -> Column.text(id, c.header(), 16);
            });
        }
        List<ReportScopes.Subject> subjects = computed.subjects();
        ZoneId zone = ReportTexts.zone(subjects);
        List<Field> header = new ArrayList<>(texts.scope(l, subjects));
        header.add(texts.period(l, request.period()));
        List<String> notes = withoutGuid == 0 ? List.of() : List.of(texts.say(l, "gis.withoutGuid", withoutGuid));
        ReportDocument doc = new ReportDocument(ReportKind.GIS.apiName(), l, texts.say(l, "gis.title"), header,
                List.of(new Section("gis", texts.say(l, "gis.section"), cols, rows, List.of())), notes, List.of(),
                OffsetDateTime.now(zone));
        return new Built(doc, texts.fileSubject(l, subjects));
    }
}
