package org.openamr.server.consumption;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * The API's JSON for a {@link ConsumptionReport}. Values are exact decimal strings (a JSON number
 * would be read as a binary float by most clients) and times are ISO-8601 with the building's offset.
 * A missing figure is an explicit {@code "value": null}, never 0 and never left out.
 */
public final class ConsumptionJson {

    private ConsumptionJson() {
    }

    public record Report(TargetJson target, String resource, String resolution, String from, String to,
                         String maxInterpolationDistance, List<TotalJson> totals, List<PointJson> points) {
    }

    public record TargetJson(String kind, UUID id, String timeZone) {
    }

    public record TotalJson(String group, String unit, int points, List<TotalIntervalJson> intervals) {
    }

    public record TotalIntervalJson(String start, String end, @JsonInclude(JsonInclude.Include.ALWAYS) String value,
                                    String status, int pointsWithData, int pointsMissing, int pointsAnomalous) {
    }

    public record PointJson(UUID id, String name, PremiseJson premise, String resource, RegisterJson register,
                            String unit, List<PointIntervalJson> intervals) {
    }

    public record PremiseJson(UUID id, String number) {
    }

    /** Which register of the installed meter measures the point. */
    public record RegisterJson(String quantity, int tariff, int subunit) {
    }

    /** @param segments null when the query asked for figures only ({@code readings=false}) */
    public record PointIntervalJson(String start, String end, @JsonInclude(JsonInclude.Include.ALWAYS) String value,
                                    String status, boolean interpolated,
                                    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> problems,
                                    List<SegmentJson> segments) {
    }

    public record SegmentJson(String meter, String unit, BoundaryJson start, BoundaryJson end,
                              @JsonInclude(JsonInclude.Include.ALWAYS) String consumption, List<StepJson> rollovers,
                              StepJson decrease) {
    }

    public record BoundaryJson(String at, @JsonInclude(JsonInclude.Include.ALWAYS) String value, String source,
                               List<ReadingJson> readings, String problem) {
    }

    /** A stored value; (registerId, measuredAt) identifies a reading, an act value has no registerId. */
    public record ReadingJson(Long registerId, String meter, String measuredAt, String value, String unit,
                              String kind) {
    }

    public record StepJson(String fromAt, String fromValue, String toAt, String toValue) {
    }

    public static Report of(ConsumptionReport r, boolean withReadings) {
        Writer w = new Writer(r.zone(), withReadings);
        List<Interval> iv = r.intervals();
        return new Report(
                new TargetJson(r.target().kind().name(), r.target().publicId(), r.zone().getId()),
                r.resource().name(), r.resolution().name(), w.time(iv.get(0).start()),
                w.time(iv.get(iv.size() - 1).end()),
                r.maxInterpolationDistance().toString(),
                r.totals().stream().map(w::total).toList(),
                r.points().stream().map(w::point).toList());
    }

    private record Writer(ZoneId zone, boolean withReadings) {

        String time(Instant at) {
            return at == null ? null
                    : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(zone).toOffsetDateTime());
        }

        static String number(BigDecimal v) {
            return v == null ? null : v.toPlainString();
        }

        TotalJson total(ConsumptionReport.Total t) {
            return new TotalJson(t.group().name(), t.unit().symbol(), t.points(), t.intervals().stream()
                    .map(i -> new TotalIntervalJson(time(i.interval().start()), time(i.interval().end()),
                            number(i.value()), i.status().name(), i.withData(), i.missing(), i.anomalous()))
                    .toList());
        }

        PointJson point(ConsumptionReport.PointResult r) {
            PointRow p = r.point();
            return new PointJson(p.publicId(), p.name(),
                    p.premiseId() == null ? null : new PremiseJson(p.premisePublicId(), p.premiseNumber()),
                    p.resource().name(), new RegisterJson(p.quantity().name(), p.tariff(), p.subunit()),
                    r.unit().symbol(),
                    r.intervals().stream().map(this::interval).toList());
        }

        PointIntervalJson interval(PointInterval i) {
            return new PointIntervalJson(time(i.interval().start()), time(i.interval().end()), number(i.value()),
                    i.status().name(), i.interpolated(), i.problems(),
                    withReadings ? i.segments().stream().map(this::segment).toList() : null);
        }

        SegmentJson segment(Segment s) {
            return new SegmentJson(s.meterSerial(), s.unit().symbol(), boundary(s.start()), boundary(s.end()),
                    number(s.consumption()),
                    s.rollovers().isEmpty() ? null : s.rollovers().stream().map(this::step).toList(),
                    s.decrease() == null ? null : step(s.decrease()));
        }

        BoundaryJson boundary(Boundary b) {
            return new BoundaryJson(time(b.at()), number(b.value()), b.source() == null ? null : b.source().name(),
                    b.readings().stream().map(this::reading).toList(), b.problem());
        }

        ReadingJson reading(SourceReading r) {
            return new ReadingJson(r.registerId(), r.meterSerial(), time(r.measuredAt()), number(r.value()),
                    r.unit().symbol(),
                    r.kind().name());
        }

        StepJson step(Step s) {
            return new StepJson(time(s.fromAt()), number(s.fromValue()), time(s.toAt()), number(s.toValue()));
        }
    }
}
