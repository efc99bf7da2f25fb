package org.openamr.server.report.meters;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.openamr.mbus.app.ManufacturerNames;
import org.openamr.server.api.Page;
import org.openamr.server.channel.Channel;
import org.openamr.server.channel.SilenceRule;
import org.openamr.server.consumption.TargetKind;
import org.openamr.server.meter.MeterOverview;
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
import org.springframework.transaction.annotation.Transactional;

/**
 * The meter register (реестр приборов учёта): every meter hanging in the scope, by place, with its maker, model,
 * installation, verification due date, state and newest reading, as of now (the period only names the file). The
 * meters and their states are the meters page's ({@link MeterOverview}), so the register and the page agree.
 */
@Component
class MeterRegisterBuilder implements ReportBuilder {

    private static final int PAGE = 1000;

    private final ReportScopes scopes;
    private final MeterOverview overview;
    private final SilenceRule silence;
    private final MeterRegisterRepository repository;
    private final ReportTexts texts;

    MeterRegisterBuilder(ReportScopes scopes, MeterOverview overview, SilenceRule silence,
            MeterRegisterRepository repository, ReportTexts texts) {
        this.scopes = scopes;
        this.overview = overview;
        this.silence = silence;
        this.repository = repository;
        this.texts = texts;
    }

    @Override
    public ReportKind kind() {
        return ReportKind.METERS;
    }

    @Override
    @Transactional(readOnly = true)
    public Built build(ReportRequest request, AccessScope scope) {
        List<ReportScopes.Subject> subjects = scopes.of(request.scope(), scope);
        Locale l = request.locale();
        Instant now = Instant.now();
        Map<Long, Duration> silences = silence.longerThanMinimum(now);
        List<MeterOverview.Row> meters = new ArrayList<>();
        for (ReportScopes.Subject s : subjects) {
            Set<UUID> premises = s.kind() == TargetKind.ENTRANCE ? repository.premisesOfEntrance(s.id(), scope)
                    : s.kind() == TargetKind.PREMISE ? Set.of(s.id()) : null;
            for (int page = 0; ; page++) {
                Page<MeterOverview.Row> found = overview.search(scope, new MeterOverview.Query(s.buildingPublicId(),
                        null, null, null, MeterOverview.Sort.PLACE, false, page, PAGE), silences, SilenceRule.MINIMUM,
                        now);
                for (MeterOverview.Row r : found.items()) {
                    boolean placed = r.place() != null && s.buildingPublicId().equals(r.place().building());
                    UUID premise = placed ? r.place().premise() : null;
                    if (placed && (premises == null || premise != null && premises.contains(premise))) {
                        meters.add(r);
                    }
                }
                if ((long) (page + 1) * PAGE >= found.total()) {
                    break;
                }
            }
        }
        Map<UUID, MeterRegisterRepository.Details> details = repository.details(
                meters.stream().map(MeterOverview.Row::id).toList(), scope);
        List<Row> rows = new ArrayList<>(meters.size());
        for (MeterOverview.Row m : meters) {
            ZoneId zone = m.timeZone() == null ? Channel.DEFAULT_ZONE : ZoneId.of(m.timeZone());
            MeterRegisterRepository.Details d = details.get(m.id());
            rows.add(new Row(List.of(
                    Cell.text(m.place().address()),
                    Cell.text(m.place().premiseNumber() == null ? texts.say(l, "meters.house")
                            : m.place().premiseNumber()),
                    Cell.text(String.join(", ", m.place().resources().stream()
                            .map(r -> Resource.named(r).map(x -> texts.resource(l, x)).orElse(r)).toList())),
                    Cell.text(m.serial()),
                    Cell.text(ManufacturerNames.shown(m.manufacturer())),
                    Cell.text(m.model()),
                    d == null || d.installedAt() == null ? Cell.Missing.BLANK
                            : Cell.date(d.installedAt().atZone(zone).toLocalDate()),
                    Cell.date(m.nextVerification()),
                    Cell.text(state(m, l)),
                    d == null || d.lastValue() == null ? new Cell.Missing(texts.say(l, "noData"))
                            : new Cell.Number(d.lastValue()),
                    Cell.text(d == null || d.lastUnit() == null ? null : texts.unit(l, d.lastUnit())),
                    m.lastReading() == null ? Cell.Missing.BLANK
                            : new Cell.Time(OffsetDateTime.ofInstant(m.lastReading(), zone)))));
        }
        List<Column> columns = List.of(
                Column.text("address", col(l, "address"), 24).onPaperIf(subjects.size() > 1),
                Column.text("premise", col(l, "premise"), 8),
                Column.text("resource", col(l, "resource"), 14),
                Column.text("meter", texts.say(l, "col.serial"), 12),
                Column.text("maker", texts.say(l, "col.maker"), 12),
                Column.text("model", texts.say(l, "col.model"), 14),
                Column.date("installedAt", texts.say(l, "col.installedAt")),
                Column.date("verificationDue", col(l, "verificationDue")),
                Column.text("state", texts.say(l, "col.state"), 16),
                Column.number("lastValue", texts.say(l, "col.lastValue"), 3, 12),
                Column.text("unit", col(l, "unit"), 6),
                Column.time("lastReadingAt", texts.say(l, "col.lastReadingAt")));
        ZoneId zone = ReportTexts.zone(subjects);
        List<Field> header = new ArrayList<>(texts.scope(l, subjects));
        header.add(new Field(texts.say(l, "field.asOf"), texts.say(l, "field.now")));
        header.add(new Field(texts.say(l, "field.meterCount"), String.valueOf(rows.size())));
        ReportDocument doc = new ReportDocument(ReportKind.METERS.apiName(), l, texts.say(l, "meters.title"), header,
                List.of(new Section("meters", texts.say(l, "meters.section"), columns, rows, List.of())),
                List.of(texts.say(l, "meters.note")), List.of(texts.say(l, "signature.responsible")),
                OffsetDateTime.now(zone));
        return new Built(doc, texts.fileSubject(l, subjects));
    }

    private String state(MeterOverview.Row m, Locale l) {
        String state = texts.page(l, "meters.status." + m.state().name());
        if (!m.conditions().isEmpty()) {
            state += ": " + String.join(", ", m.conditions().stream()
                    .map(c -> "ru".equals(l.getLanguage()) ? c.labelRu() : c.labelEn()).toList());
        }
        return state;
    }

    private String col(Locale l, String id) {
        return texts.say(l, "col." + id);
    }

}
