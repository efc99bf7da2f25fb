package org.openamr.server.report.heatsheet;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.quantity.Unit;
import org.openamr.server.api.BadRequestException;
import org.openamr.server.consumption.ConsumptionCalculator;
import org.openamr.server.consumption.ConsumptionReport;
import org.openamr.server.consumption.ConsumptionService;
import org.openamr.server.consumption.Interval;
import org.openamr.server.consumption.MeterInstallation;
import org.openamr.server.consumption.PointInput;
import org.openamr.server.consumption.PointInterval;
import org.openamr.server.consumption.RegisterSeries;
import org.openamr.server.consumption.Resolution;
import org.openamr.server.consumption.Sample;
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
 * The monthly heat sheet (месячная ведомость учёта тепловой энергии и теплоносителя) of a building's heat meter:
 * one row per local day of the period with Q, the heat carrier's volumes or masses the meter counts, T1, T2, ΔT,
 * operating and idle hours and the day's abnormal situations (НС), an «Итого» row, the legend of the НС codes and
 * the signature lines. Q, V and M are the consumption calculator's daily figures, so the sheet and
 * {@code /api/v1/consumption?resolution=DAY} agree; the rest is {@link HeatSheetDays}.
 */
@Component
class HeatSheetBuilder implements ReportBuilder {

    static final int WATER_DECIMALS = 3;
    static final int TEMPERATURE_DECIMALS = 2;
    static final int HOUR_DECIMALS = 2;
    /** The qualifier of a time-in-error register (VIFE 0x18, as the Danfoss/Diehl profile names it). */
    static final String ERROR_TIME_QUALIFIER = "E18";

    private final ReportScopes scopes;
    private final HeatSheetRepository repository;
    private final ConsumptionService consumption;
    private final ReportTexts texts;

    HeatSheetBuilder(ReportScopes scopes, HeatSheetRepository repository, ConsumptionService consumption,
            ReportTexts texts) {
        this.scopes = scopes;
        this.repository = repository;
        this.consumption = consumption;
        this.texts = texts;
    }

    @Override
    public ReportKind kind() {
        return ReportKind.HEAT_SHEET;
    }

    /** The series of one register kind: V1, V2, M1, M2 by quantity and subunit. */
    private record Channel(String id, Quantity quantity, int subunit) {
    }

    private static final List<Channel> CHANNELS = List.of(new Channel("v1", Quantity.VOLUME, 0),
            new Channel("v2", Quantity.VOLUME, 1), new Channel("m1", Quantity.MASS, 0),
            new Channel("m2", Quantity.MASS, 1));

    @Override
    // one snapshot for the energy, the registers and the conditions, so that the day's figures agree
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Built build(ReportRequest request, AccessScope scope) {
        ReportScopes.Subject building = building(request, scope);
        Locale l = request.locale();
        List<HeatSheetRepository.HeatPoint> points = repository.heatPoints(building.buildingId(), scope);
        if (points.isEmpty()) {
            throw new BadRequestException("the building at " + building.address() + " has no heat meter: a heat"
                    + " sheet needs a building-level heat metering point with its meter installed");
        }
        HeatSheetRepository.HeatPoint point = points.get(0);
        ConsumptionReport energy = consumption.report(TargetKind.POINT, point.publicId(), Resource.HEAT,
                request.period().fromParameter(), request.period().toParameter(), Resolution.DAY, false, scope);
        List<Interval> days = energy.intervals();
        Instant first = days.get(0).start();
        Instant last = days.get(days.size() - 1).end();
        List<HeatSheetRepository.Installation> installations = repository.installations(point.id(), first, last,
                scope);
        List<Long> meterIds = installations.stream().map(HeatSheetRepository.Installation::meterId).distinct()
                .toList();
        List<HeatSheetRepository.Register> registers = repository.registers(point.id(), meterIds, scope);
        Map<Long, List<Sample>> readings = repository.readings(point.id(),
                registers.stream().map(HeatSheetRepository.Register::id).toList(),
                first.minus(HeatSheetDays.MAX_DISTANCE), last.plus(HeatSheetDays.MAX_DISTANCE), scope);
        Registers r = new Registers(installations, registers, readings);

        ConsumptionCalculator calculator = ConsumptionCalculator.of(Resolution.DAY, building.zone());
        List<List<PointInterval>> channels = new ArrayList<>();
        for (Channel c : CHANNELS) {
            Optional<PointInput> input = r.cumulative(c.quantity(), c.subunit());
            channels.add(input.map(i -> calculator.calculate(i, days)).orElse(null));
        }
        HeatSheetDays.Input input = new HeatSheetDays.Input(days, building.zone(),
                energy.points().get(0).intervals(),
                r.parts(g -> g.quantity() == point.quantity() && g.tariff() == point.tariff()
                        && g.subunit() == point.subunit() && g.qualifier().isEmpty(), v -> v),
                channels.get(0), channels.get(1), channels.get(2), channels.get(3),
                r.temperature(Quantity.FLOW_TEMPERATURE), r.temperature(Quantity.RETURN_TEMPERATURE),
                r.time(false), r.time(true),
                repository.events(point.id(), meterIds, last, scope),
                repository.alarms(point.id(), meterIds, first, last, scope));
        List<HeatSheetDays.Day> sheet = HeatSheetDays.of(input);

        HeatUnit heat = request.heatUnit();
        List<Column> columns = new ArrayList<>();
        columns.add(Column.date("date", col(l, "date")));
        columns.add(Column.number("q", col(l, "q", texts.unit(l, heat.symbol())), heat.decimals(), 10));
        for (int i = 0; i < CHANNELS.size(); i++) {
            if (channels.get(i) != null) {
                Channel c = CHANNELS.get(i);
                String unit = texts.unit(l, c.quantity() == Quantity.VOLUME ? Unit.M3.symbol() : Unit.T.symbol());
                columns.add(Column.number(c.id(), col(l, c.id(), unit), WATER_DECIMALS, 10));
            }
        }
        columns.add(Column.number("t1", col(l, "t1"), TEMPERATURE_DECIMALS, 7));
        columns.add(Column.number("t2", col(l, "t2"), TEMPERATURE_DECIMALS, 7));
        columns.add(Column.number("dt", col(l, "dt"), TEMPERATURE_DECIMALS, 7));
        columns.add(Column.number("operating", col(l, "operating"), HOUR_DECIMALS, 8));
        columns.add(Column.number("idle", col(l, "idle"), HOUR_DECIMALS, 8));
        columns.add(Column.text("ns", col(l, "ns"), 8));

        List<Row> rows = new ArrayList<>();
        for (HeatSheetDays.Day d : sheet) {
            rows.add(row(d, channels, heat, l));
        }
        Section main = new Section("heat-sheet", texts.say(l, "heatSheet.section.days"), columns, rows,
                List.of(total(sheet, channels, heat, l)));
        List<String> notes = new ArrayList<>();
        notes.add(texts.say(l, "heatSheet.note.legend"));
        for (AbnormalSituation s : AbnormalSituation.values()) {
            notes.add(texts.say(l, "heatSheet.note.code", s.code(), texts.say(l, s.messageKey())));
        }
        notes.add(texts.say(l, "heatSheet.note.days"));
        notes.add(texts.say(l, "heatSheet.note.hours"));
        if (points.size() > 1) {
            notes.add(texts.say(l, "heatSheet.note.otherPoints", points.size(), name(point, l)));
        }
        ReportDocument doc = new ReportDocument(ReportKind.HEAT_SHEET.apiName(), l, texts.say(l, "heatSheet.title"),
                header(request, building, point, installations,
                        repository.firmware(point.id(), meterIds, last, scope)),
                List.of(main), notes,
                List.of(texts.say(l, "signature.responsible"), texts.say(l, "signature.supplier")),
                OffsetDateTime.now(building.zone()));
        return new Built(doc, building.address());
    }

    /** The one building the sheet is of: the scope named, or the only building the caller sees in full. */
    private ReportScopes.Subject building(ReportRequest request, AccessScope scope) {
        List<ReportScopes.Subject> subjects = scopes.of(request.scope(), scope);
        if (request.scope() == null && subjects.size() != 1) {
            throw new BadRequestException("parameter 'scope' is required: the heat sheet is of one building (its"
                    + " public id)");
        }
        ReportScopes.Subject s = subjects.get(0);
        if (s.kind() != TargetKind.BUILDING) {
            throw new BadRequestException("the heat sheet is of a building's heat meter: scope " + s.id() + " is "
                    + (s.kind() == TargetKind.ENTRANCE ? "an entrance" : "a premise") + ", give its building "
                    + s.buildingPublicId());
        }
        return s;
    }

    private Row row(HeatSheetDays.Day d, List<List<PointInterval>> channels, HeatUnit heat, Locale l) {
        List<Cell> cells = new ArrayList<>();
        cells.add(new Cell.Date(d.date()));
        if (!d.hasData()) {
            cells.add(new Cell.Missing(texts.say(l, "noData")));
            while (cells.size() < 8 + present(channels)) {
                cells.add(Cell.Missing.BLANK);
            }
            return new Row(cells);
        }
        cells.add(figure(heat.fromKwh(d.energyKwh()), l));
        List<BigDecimal> values = java.util.Arrays.asList(d.v1(), d.v2(), d.m1(), d.m2());
        for (int i = 0; i < CHANNELS.size(); i++) {
            if (channels.get(i) != null) {
                cells.add(figure(values.get(i), l));
            }
        }
        cells.add(figure(d.t1(), l));
        cells.add(figure(d.t2(), l));
        cells.add(figure(d.deltaT(), l));
        cells.add(figure(d.operating(), l));
        cells.add(figure(d.idle(), l));
        cells.add(Cell.text(codes(d)));
        return new Row(cells);
    }

    private static int present(List<List<PointInterval>> channels) {
        return (int) channels.stream().filter(c -> c != null).count();
    }

    private Cell figure(BigDecimal v, Locale l) {
        return v == null ? new Cell.Missing(texts.say(l, "noData")) : new Cell.Number(v);
    }

    private static String codes(HeatSheetDays.Day d) {
        return d.situations().stream().sorted(Comparator.comparingInt(AbnormalSituation::code))
                .map(s -> String.valueOf(s.code())).collect(Collectors.joining(", "));
    }

    /** «Итого»: sums of Q, V, M and hours over the days with a figure, means of the days' temperatures. */
    private Row total(List<HeatSheetDays.Day> days, List<List<PointInterval>> channels, HeatUnit heat, Locale l) {
        List<Cell> cells = new ArrayList<>();
        cells.add(new Cell.Text(texts.say(l, "heatSheet.total")));
        cells.add(sum(days, d -> heat.fromKwh(d.energyKwh())));
        List<Function<HeatSheetDays.Day, BigDecimal>> getters = List.of(HeatSheetDays.Day::v1,
                HeatSheetDays.Day::v2, HeatSheetDays.Day::m1, HeatSheetDays.Day::m2);
        for (int i = 0; i < CHANNELS.size(); i++) {
            if (channels.get(i) != null) {
                cells.add(sum(days, getters.get(i)));
            }
        }
        BigDecimal t1 = mean(days, HeatSheetDays.Day::t1);
        BigDecimal t2 = mean(days, HeatSheetDays.Day::t2);
        cells.add(Cell.number(t1));
        cells.add(Cell.number(t2));
        cells.add(Cell.number(t1 == null || t2 == null ? null : t1.subtract(t2)));
        cells.add(sum(days, HeatSheetDays.Day::operating));
        cells.add(sum(days, HeatSheetDays.Day::idle));
        cells.add(Cell.text(days.stream().flatMap(d -> d.situations().stream())
                .collect(Collectors.toCollection(java.util.TreeSet::new)).stream()
                .map(s -> String.valueOf(s.code())).collect(Collectors.joining(", "))));
        return new Row(cells);
    }

    private static Cell sum(List<HeatSheetDays.Day> days, Function<HeatSheetDays.Day, BigDecimal> value) {
        BigDecimal sum = null;
        for (HeatSheetDays.Day d : days) {
            BigDecimal v = d.hasData() ? value.apply(d) : null;
            if (v != null) {
                sum = sum == null ? v : sum.add(v);
            }
        }
        return Cell.number(sum);
    }

    /** The mean of the days' means, as a month's temperature is given. */
    static BigDecimal mean(List<HeatSheetDays.Day> days, Function<HeatSheetDays.Day, BigDecimal> value) {
        BigDecimal sum = BigDecimal.ZERO;
        int n = 0;
        for (HeatSheetDays.Day d : days) {
            BigDecimal v = value.apply(d);
            if (v != null) {
                sum = sum.add(v);
                n++;
            }
        }
        return n == 0 ? null : sum.divide(BigDecimal.valueOf(n), TEMPERATURE_DECIMALS, RoundingMode.HALF_EVEN);
    }

    private String col(Locale l, String id, Object... args) {
        return texts.say(l, "heatSheet.col." + id, args);
    }

    private String name(HeatSheetRepository.HeatPoint point, Locale l) {
        return point.name() == null || point.name().isBlank() ? texts.resource(l, Resource.HEAT) : point.name();
    }

    private List<Field> header(ReportRequest request, ReportScopes.Subject building,
            HeatSheetRepository.HeatPoint point, List<HeatSheetRepository.Installation> installations,
            Map<Long, BigDecimal> firmware) {
        Locale l = request.locale();
        List<Field> out = new ArrayList<>();
        out.add(new Field(texts.say(l, "field.address"), building.address()));
        out.add(new Field(texts.say(l, "heatSheet.field.point"), name(point, l)));
        LinkedHashSet<String> meters = new LinkedHashSet<>();
        LinkedHashSet<String> versions = new LinkedHashSet<>();
        for (HeatSheetRepository.Installation i : installations) {
            String model = i.model() != null ? i.model() : i.manufacturer();
            meters.add((model == null ? "" : model + ", ") + texts.say(l, "heatSheet.serial", i.serial()));
            BigDecimal fw = firmware.get(i.meterId());
            if (fw != null) {
                versions.add((installations.size() > 1 ? i.serial() + ": " : "") + fw.toPlainString());
            }
        }
        out.add(new Field(texts.say(l, "heatSheet.field.meter"),
                meters.isEmpty() ? texts.say(l, "heatSheet.noMeter") : String.join("; ", meters)));
        if (!versions.isEmpty()) {
            out.add(new Field(texts.say(l, "heatSheet.field.firmware"), String.join("; ", versions)));
        }
        out.add(texts.period(l, request.period()));
        out.add(new Field(texts.say(l, "field.zone"), building.zone().getId()));
        out.add(new Field(texts.say(l, "field.heatUnit"), texts.unit(l, request.heatUnit().symbol())));
        return out;
    }

    /** The installed meters' registers and readings, shaped as the calculators take them. */
    private static final class Registers {
        private final List<HeatSheetRepository.Installation> installations;
        private final List<HeatSheetRepository.Register> registers;
        private final Map<Long, List<Sample>> readings;

        Registers(List<HeatSheetRepository.Installation> installations,
                List<HeatSheetRepository.Register> registers, Map<Long, List<Sample>> readings) {
            this.installations = installations;
            this.registers = registers;
            this.readings = readings;
        }

        /** The meter's register that matches, in the most preferred of {@code units}. */
        private Optional<HeatSheetRepository.Register> find(long meterId,
                Predicate<HeatSheetRepository.Register> match, List<String> units) {
            return registers.stream().filter(g -> g.meterId() == meterId && match.test(g))
                    .filter(g -> units.contains(g.unit()))
                    .min(Comparator.comparingInt(g -> units.indexOf(g.unit())));
        }

        /** A cumulative register (V, M) as the consumption calculator's input; empty when no meter has one. */
        Optional<PointInput> cumulative(Quantity quantity, int subunit) {
            List<String> units = Units.accepted(quantity).stream().map(Unit::symbol).toList();
            Predicate<HeatSheetRepository.Register> match = g -> g.quantity() == quantity && g.tariff() == 0
                    && g.subunit() == subunit && g.qualifier().isEmpty();
            List<MeterInstallation> out = new ArrayList<>();
            boolean any = false;
            for (HeatSheetRepository.Installation i : installations) {
                Optional<HeatSheetRepository.Register> g = find(i.meterId(), match, units);
                any |= g.isPresent();
                Unit unit = g.flatMap(x -> Unit.bySymbol(x.unit())).orElse(Units.unitOf(quantity));
                RegisterSeries series = g.map(x -> new RegisterSeries(x.id(), unit,
                        readings.getOrDefault(x.id(), List.of()))).orElse(null);
                // the installation act's values are the energy register's, not this one's
                out.add(new MeterInstallation(i.serial(), i.installedAt(), i.removedAt(), null, null,
                        i.registerDigits(), unit, series, null, null));
            }
            return any ? Optional.of(new PointInput(quantity, out)) : Optional.empty();
        }

        /** Each meter's register that matches, its readings converted; null when no meter has one. */
        List<HeatSheetDays.Part> parts(Predicate<HeatSheetRepository.Register> match,
                Function<BigDecimal, BigDecimal> convert) {
            return parts(match, List.of(), g -> convert);
        }

        private List<HeatSheetDays.Part> parts(Predicate<HeatSheetRepository.Register> match, List<String> units,
                Function<HeatSheetRepository.Register, Function<BigDecimal, BigDecimal>> conversion) {
            List<HeatSheetDays.Part> out = new ArrayList<>();
            boolean any = false;
            for (HeatSheetRepository.Installation i : installations) {
                Optional<HeatSheetRepository.Register> g = units.isEmpty()
                        ? registers.stream().filter(x -> x.meterId() == i.meterId() && match.test(x)).findFirst()
                        : find(i.meterId(), match, units);
                any |= g.isPresent();
                List<Sample> samples = g.map(x -> {
                    Function<BigDecimal, BigDecimal> c = conversion.apply(x);
                    return readings.getOrDefault(x.id(), List.<Sample>of()).stream()
                            .map(s -> new Sample(s.at(), c.apply(s.value()))).toList();
                }).orElse(List.of());
                out.add(new HeatSheetDays.Part(i.installedAt(), i.removedAt(), samples));
            }
            return any ? out : null;
        }

        /** A temperature register in °C. */
        List<HeatSheetDays.Part> temperature(Quantity quantity) {
            return parts(g -> g.quantity() == quantity && g.tariff() == 0 && g.subunit() == 0
                    && g.qualifier().isEmpty(), List.of(Unit.CELSIUS.symbol()), g -> v -> v);
        }

        /**
         * The operating-time register (operating time, else on time) or the time-in-error register, in hours.
         */
        List<HeatSheetDays.Part> time(boolean inError) {
            List<String> units = List.of(Unit.HOUR.symbol(), Unit.SECOND.symbol(), Unit.MINUTE.symbol(),
                    Unit.DAY.symbol());
            for (Quantity q : List.of(Quantity.OPERATING_TIME, Quantity.ON_TIME)) {
                List<HeatSheetDays.Part> parts = parts(g -> g.quantity() == q && g.tariff() == 0 && g.subunit() == 0
                        && (inError ? ERROR_TIME_QUALIFIER.equals(g.qualifier()) : g.qualifier().isEmpty()),
                        units, g -> hours(g.unit()));
                if (parts != null) {
                    return parts;
                }
            }
            return null;
        }

        private static Function<BigDecimal, BigDecimal> hours(String unit) {
            Duration one = switch (unit) {
                case "s" -> Duration.ofSeconds(1);
                case "min" -> Duration.ofMinutes(1);
                case "d" -> Duration.ofDays(1);
                default -> Duration.ofHours(1);
            };
            BigDecimal seconds = BigDecimal.valueOf(one.toSeconds());
            return v -> v.multiply(seconds).divide(BigDecimal.valueOf(3600),
                    Math.max(v.scale(), 0) + HeatSheetDays.HOUR_SCALE, RoundingMode.HALF_EVEN);
        }
    }
}
