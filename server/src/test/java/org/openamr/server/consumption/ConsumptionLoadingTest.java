package org.openamr.server.consumption;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openamr.server.consumption.ConsumptionRepository.Loading;
import org.openamr.server.consumption.ConsumptionRepository.TargetPoints;
import org.openamr.server.consumption.ConsumptionRepository.TargetWindow;
import org.openamr.server.point.MeteringPoint.Resource;
import org.openamr.server.reading.ReadingPartitions;
import org.openamr.server.security.AccessScope;
import org.openamr.server.support.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reading only the readings next to the boundaries gives exactly the figures of reading every reading: random
 * points (seeded) with meter replacements, act values, due-date values that lag or lead, gaps, readings on and off
 * the boundaries, and — for some registers — decreases, rollovers and a change of decimals, stored in random order
 * and in batches so that the trigger keeping {@code reading_irregular_step} sees readings arrive before the ones
 * they follow. Compared through the calculator for month and day periods, status, figures, boundaries, sources
 * and problem texts alike.
 */
@ServerTest
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsumptionLoadingTest {

    static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
    static final Instant SPAN_FROM = LocalDate.of(2026, 8, 26).atStartOfDay(ZONE).toInstant();
    static final Instant SPAN_TO = LocalDate.of(2026, 12, 6).atStartOfDay(ZONE).toInstant();
    static final int POINTS = 48;
    /** Points whose meter is taken away and put back within the span. */
    static final int AGAIN = 8;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReadingPartitions partitions;
    @Autowired
    ConsumptionRepository repository;
    @Autowired
    TransactionTemplate transactions;

    final Random random = new Random(20261206);
    final AccessScope everything = new AccessScope.Everything("test");
    Target target;
    /** registers given a decrease, a rollover or another scale on purpose */
    final Set<Long> irregularOnPurpose = new HashSet<>();
    final Set<Long> allRegisters = new HashSet<>();

    @BeforeAll
    void randomPoints() {
        RegistryFixture fx = new RegistryFixture(jdbc, partitions);
        fx.partitions(YearMonth.of(2026, 8), YearMonth.of(2026, 12));
        long building = fx.building(fx.organisation("MANAGEMENT"), ZONE.getId());
        String tag = RegistryFixture.unique("LOAD");
        List<Object[]> rows = new ArrayList<>();
        for (int n = 0; n < POINTS; n++) {
            long premise = fx.premise(building, null, Integer.toString(n + 1));
            long point = fx.point(building, premise, n % 2 == 0 ? "HEAT" : "COLD_WATER");
            String quantity = n % 2 == 0 ? "ENERGY" : "VOLUME";
            String unit = n % 2 == 0 ? "kWh" : "m3";
            int scale = random.nextInt(4);
            Integer digits = random.nextInt(3) == 0 ? null : 5 + scale;
            Instant replaced = random.nextInt(3) == 0 ? between(SPAN_FROM, SPAN_TO) : null;
            Instant installed = random.nextInt(4) == 0 ? between(SPAN_FROM, replaced == null ? SPAN_TO : replaced)
                    : Instant.parse("2020-01-01T00:00:00Z");
            BigDecimal value = BigDecimal.valueOf(random.nextInt(80_000), 0).setScale(scale)
                    .add(BigDecimal.valueOf(random.nextInt(1000), scale));
            int meters = replaced == null ? 1 : 2;
            for (int k = 0; k < meters; k++) {
                long meter = fx.meter(tag + "-" + n + "-" + k, digits);
                Instant from = k == 0 ? installed : replaced;
                Instant to = k == 0 ? replaced : null;
                if (k == 1) {
                    value = BigDecimal.valueOf(random.nextInt(50), 0).setScale(scale);
                }
                String initial = random.nextBoolean() ? value.toPlainString() : null;
                long current = fx.register(meter, quantity, unit, 0, 0);
                Long due = random.nextBoolean() ? fx.register(meter, quantity, unit, 1, 0) : null;
                allRegisters.add(current);
                TreeMap<Instant, BigDecimal> series = series(current, from, to, value, scale, digits);
                String last = series.isEmpty() ? null : series.lastEntry().getValue().toPlainString();
                fx.install(meter, point, from, to, initial,
                        to != null && random.nextBoolean() ? last : null);
                series.forEach((at, v) -> rows.add(new Object[] {current, at, v}));
                if (due != null) {
                    allRegisters.add(due);
                    for (YearMonth m = YearMonth.of(2026, 9); !m.isAfter(YearMonth.of(2026, 12)); m = m.plusMonths(1)) {
                        Instant at = m.atDay(1).atStartOfDay(ZONE).toInstant();
                        Map.Entry<Instant, BigDecimal> near = series.floorEntry(at);
                        if (near != null && !at.isBefore(from) && (to == null || at.isBefore(to))
                                && random.nextInt(5) > 0) {
                            // a due-date value a little above or below the current register's, as a meter's are
                            BigDecimal lag = BigDecimal.valueOf(random.nextInt(7) - 2, scale);
                            BigDecimal v = near.getValue().add(lag);
                            rows.add(new Object[] {due, at, v.signum() < 0 ? near.getValue() : v});
                        }
                    }
                }
                if (!series.isEmpty()) {
                    value = series.lastEntry().getValue();
                }
            }
        }
        // a meter taken away and put back at the same point (a repair, a verification) within the span: one
        // register, two installations, each with its own moments in the window
        for (int n = POINTS; n < POINTS + AGAIN; n++) {
            long premise = fx.premise(building, null, Integer.toString(n + 1));
            long point = fx.point(building, premise, "COLD_WATER");
            long meter = fx.meter(tag + "-" + n + "-again", 8);
            long current = fx.register(meter, "VOLUME", "m3", 0, 0);
            allRegisters.add(current);
            Instant away = between(SPAN_FROM.plus(Duration.ofDays(20)), SPAN_TO.minus(Duration.ofDays(30)));
            Instant back = between(away.plus(Duration.ofDays(1)), away.plus(Duration.ofDays(20)));
            Instant installed = Instant.parse("2020-01-01T00:00:00Z");
            TreeMap<Instant, BigDecimal> before = series(current, installed, away,
                    BigDecimal.valueOf(random.nextInt(50_000), 3), 3, 8);
            fx.install(meter, point, installed, away, null, random.nextBoolean() ? before.lastEntry().getValue()
                    .toPlainString() : null);
            TreeMap<Instant, BigDecimal> after = series(current, back, null, before.lastEntry().getValue(), 3, 8);
            fx.install(meter, point, back, null, random.nextBoolean() ? before.lastEntry().getValue().toPlainString()
                    : null, null);
            before.forEach((at, v) -> rows.add(new Object[] {current, at, v}));
            after.forEach((at, v) -> rows.add(new Object[] {current, at, v}));
        }
        // stored in random order, in batches of random size: the trigger sees later readings before earlier ones
        Collections.shuffle(rows, random);
        for (int i = 0; i < rows.size(); ) {
            int size = 1 + random.nextInt(400);
            List<Object[]> batch = rows.subList(i, Math.min(rows.size(), i + size));
            insert(batch);
            i += size;
        }
        jdbc.sql("analyze reading").update();
        target = repository.target(TargetKind.BUILDING, fx.publicId("building", building), everything).orElseThrow();
    }

    /** A register's readings: hourly to every few days, some at local midnight, rising but for what is on purpose. */
    private TreeMap<Instant, BigDecimal> series(long register, Instant from, Instant to, BigDecimal start, int scale,
            Integer digits) {
        TreeMap<Instant, BigDecimal> out = new TreeMap<>();
        Instant at = from.isBefore(SPAN_FROM) ? SPAN_FROM : from;
        Instant end = to == null ? SPAN_TO : to;
        BigDecimal value = start;
        int trouble = random.nextInt(6);
        boolean troubled = false;
        int hourly = random.nextInt(3);
        while (at.isBefore(end) || at.equals(end)) {
            Instant t = at;
            if (random.nextInt(4) == 0) {
                t = at.atZone(ZONE).toLocalDate().atStartOfDay(ZONE).toInstant();
            }
            if (!t.isBefore(from) && (to == null || !t.isAfter(to)) && !out.containsKey(t)
                    && (out.isEmpty() || t.isAfter(out.lastKey()))) {
                BigDecimal v = value;
                if (!troubled && out.size() > 20 && random.nextInt(60) == 0) {
                    troubled = true;
                    if (trouble == 0) {
                        v = out.lastEntry().getValue().subtract(BigDecimal.ONE).max(BigDecimal.ZERO.setScale(scale));
                    } else if (trouble == 1 && digits != null) {
                        // near the top of the register, then through zero
                        BigDecimal modulus = BigDecimal.ONE.scaleByPowerOfTen(digits - scale);
                        out.put(t, modulus.subtract(BigDecimal.valueOf(3)).setScale(scale));
                        t = t.plus(Duration.ofHours(5));
                        v = BigDecimal.valueOf(2).setScale(scale);
                    } else if (trouble == 2) {
                        v = value.setScale(scale + 1);
                    }
                }
                if (!t.isAfter(end)) {
                    out.put(t, v);
                }
                value = v.add(BigDecimal.valueOf(random.nextInt(500), v.scale()));
            }
            long minutes = hourly == 0 ? 60 : hourly == 1 ? 30 + random.nextInt(3 * 24 * 60)
                    : random.nextInt(10) == 0 ? 5 * 24 * 60 : 12 * 60 + random.nextInt(36 * 60);
            at = at.plus(Duration.ofMinutes(minutes));
        }
        BigDecimal previous = null;
        for (BigDecimal v : out.values()) {
            if (previous != null && (v.compareTo(previous) < 0 || v.scale() != previous.scale())) {
                irregularOnPurpose.add(register);
            }
            previous = v;
        }
        return out;
    }

    private Instant between(Instant a, Instant b) {
        long seconds = Duration.between(a, b).toSeconds();
        Instant t = a.plusSeconds((long) (random.nextDouble() * seconds));
        return random.nextBoolean() ? t.atZone(ZONE).toLocalDate().atStartOfDay(ZONE).toInstant() : t;
    }

    private void insert(List<Object[]> batch) {
        StringBuilder registers = new StringBuilder("{");
        StringBuilder ats = new StringBuilder("{");
        StringBuilder values = new StringBuilder("{");
        for (Object[] r : batch) {
            registers.append(registers.length() > 1 ? "," : "").append(r[0]);
            ats.append(ats.length() > 1 ? "," : "").append('"').append(r[1]).append('"');
            values.append(values.length() > 1 ? "," : "").append(((BigDecimal) r[2]).toPlainString());
        }
        jdbc.sql("""
                insert into reading (register_id, measured_at, value, source)
                select r, t, v, 'IMPORT'
                from unnest(cast(? as bigint[]), cast(? as timestamptz[]), cast(? as numeric[])) as x(r, t, v)""")
                .params(registers + "}", ats + "}", values + "}").update();
    }

    @Test
    void theTriggerNotesEveryIrregularStepWhateverTheOrderReadingsArriveIn() {
        List<Long> missing = jdbc.sql("""
                select x.register_id from (
                    select register_id, measured_at, value,
                           lag(value) over (partition by register_id order by measured_at) as previous
                    from reading where register_id = any(cast(? as bigint[]))) x
                where (x.previous > x.value or scale(x.previous) <> scale(x.value))
                  and not exists (select 1 from reading_irregular_step s
                                  where s.register_id = x.register_id and s.measured_at = x.measured_at)""")
                .param(array(allRegisters)).query(Long.class).list();
        assertThat(missing).isEmpty();
        List<Long> noted = jdbc.sql("select distinct register_id from reading_irregular_step"
                + " where register_id = any(cast(? as bigint[]))").param(array(allRegisters)).query(Long.class).list();
        // every register given trouble on purpose is noted (a due-date register may be too, when its value fell)
        assertThat(noted).containsAll(irregularOnPurpose);
        assertThat(irregularOnPurpose).isNotEmpty();
    }

    @Test
    void monthsFromNeighboursEqualMonthsFromEveryReading() {
        compare(Resolution.MONTH, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 12, 1));
        compare(Resolution.MONTH, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1));
    }

    @Test
    void daysFromNeighboursEqualDaysFromEveryReading() {
        compare(Resolution.DAY, LocalDate.of(2026, 10, 27), LocalDate.of(2026, 11, 3));
        compare(Resolution.DAY, LocalDate.of(2026, 9, 14), LocalDate.of(2026, 9, 15));
    }

    private void compare(Resolution resolution, LocalDate from, LocalDate to) {
        List<Interval> intervals = Intervals.of(from.atStartOfDay(ZONE).toInstant(), to.atStartOfDay(ZONE).toInstant(),
                resolution, ZONE);
        List<Instant> boundaries = new ArrayList<>();
        intervals.forEach(i -> boundaries.add(i.start()));
        boundaries.add(intervals.get(intervals.size() - 1).end());
        Duration margin = resolution.maxInterpolationDistance();
        List<TargetWindow> windows = Stream.of(Resource.HEAT, Resource.COLD_WATER)
                .map(r -> new TargetWindow(TargetKind.BUILDING, target.id(), r, boundaries,
                        boundaries.get(0).minus(margin), boundaries.get(boundaries.size() - 1).plus(margin)))
                .toList();
        List<PointRow> points = new ArrayList<>();
        List<PointInput> every = new ArrayList<>();
        List<PointInput> near = new ArrayList<>();
        transactions.executeWithoutResult(s -> {
            List<TargetPoints> targets = repository.points(windows, everything);
            targets.forEach(t -> points.addAll(t.points()));
            repository.inputs(targets, Loading.EVERY_READING).forEach(every::addAll);
            repository.inputs(targets, Loading.NEIGHBOURS).forEach(near::addAll);
        });
        assertThat(points).hasSize(POINTS + AGAIN);
        ConsumptionCalculator calculator = ConsumptionCalculator.of(resolution, ZONE);
        int fewer = 0;
        Map<String, Integer> statuses = new HashMap<>();
        for (int n = 0; n < points.size(); n++) {
            List<PointInterval> a = calculator.calculate(every.get(n), intervals);
            List<PointInterval> b = calculator.calculate(near.get(n), intervals);
            assertThat(b).as("point %s, %s %s–%s", points.get(n).name(), resolution, from, to).isEqualTo(a);
            a.forEach(i -> statuses.merge(i.status().name() + (i.interpolated() ? "+interpolated" : ""), 1,
                    Integer::sum));
            for (int k = 0; k < every.get(n).installations().size(); k++) {
                RegisterSeries all = every.get(n).installations().get(k).current();
                RegisterSeries few = near.get(n).installations().get(k).current();
                if (all != null && few.samples().size() < all.samples().size()) {
                    fewer++;
                    // only a register whose every step in the window rises and keeps its decimals
                    for (int i = 1; i < all.samples().size(); i++) {
                        BigDecimal before = all.samples().get(i - 1).value();
                        BigDecimal after = all.samples().get(i).value();
                        assertThat(after).isGreaterThanOrEqualTo(before);
                        assertThat(after.scale()).isEqualTo(before.scale());
                    }
                    assertThat(all.samples()).containsAll(few.samples());
                }
            }
        }
        // the comparison covers every kind of figure, and the neighbours did save reading
        assertThat(statuses.keySet()).as("%s", statuses).contains("COMPLETE", "COMPLETE+interpolated", "GAP");
        if (resolution == Resolution.MONTH) {
            assertThat(statuses.keySet()).as("%s", statuses).contains("ANOMALY");
        }
        assertThat(fewer).isGreaterThan(POINTS / 3);
    }

    private static String array(Set<Long> ids) {
        StringBuilder s = new StringBuilder("{");
        ids.forEach(id -> s.append(s.length() > 1 ? "," : "").append(id));
        return s.append('}').toString();
    }
}
