package org.openamr.server.consumption;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.quantity.Unit;
import org.openamr.server.point.MeteringPoint.Resource;
import org.openamr.server.security.AccessScope;
import org.openamr.server.sql.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Fetches what the calculator needs, in a fixed number of queries however many points and intervals a
 * query has: the target, its points, their installations, the registers measuring them and all the
 * readings of those registers in the period. Every query carries the caller's {@link AccessScope}.
 */
@Repository
public class ConsumptionRepository {

    private final JdbcClient jdbc;

    public ConsumptionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The target if it exists and the scope may see it. Sums over an entrance or a building include
     * other people's premises, so they need the whole building in scope ({@link AccessScope#wholeBuilding}).
     */
    public Optional<Target> target(TargetKind kind, UUID publicId, AccessScope scope) {
        return Optional.ofNullable(targets(kind, List.of(publicId), scope).get(publicId));
    }

    /** {@link #target} of several ids of one kind in one query: those that exist and the scope sees, by id. */
    public Map<UUID, Target> targets(TargetKind kind, List<UUID> publicIds, AccessScope scope) {
        Sql sql = switch (kind) {
            case POINT -> Sql.format("""
                    select p.id, p.public_id, p.building_id, b.time_zone, p.resource
                    from metering_point p join building b on b.id = p.building_id
                    where p.public_id = any(cast(:ids as uuid[])) and %s""", scope.visible("p.building_id", "p.premise_id"));
            case PREMISE -> Sql.format("""
                    select pr.id, pr.public_id, pr.building_id, b.time_zone, null as resource
                    from premise pr join building b on b.id = pr.building_id
                    where pr.public_id = any(cast(:ids as uuid[])) and %s""", scope.visible("pr.building_id", "pr.id"));
            case ENTRANCE -> Sql.format("""
                    select e.id, e.public_id, e.building_id, b.time_zone, null as resource
                    from entrance e join building b on b.id = e.building_id
                    where e.public_id = any(cast(:ids as uuid[])) and %s""", scope.wholeBuilding("e.building_id"));
            case BUILDING -> Sql.format("""
                    select b.id, b.public_id, b.id as building_id, b.time_zone, null as resource
                    from building b
                    where b.public_id = any(cast(:ids as uuid[])) and %s""", scope.wholeBuilding("b.id"));
        };
        Map<UUID, Target> out = new HashMap<>();
        sql.on(jdbc).param("ids", array(publicIds))
                .query(rs -> {
                    Target t = new Target(kind, rs.getLong("id"), rs.getObject("public_id", UUID.class),
                            rs.getLong("building_id"), zone(rs.getString("time_zone"), rs.getLong("building_id")),
                            resource(rs.getString("resource")));
                    out.put(t.publicId(), t);
                });
        return out;
    }

    /**
     * Settings for this transaction's queries, whose arrays of ids range from one to tens of thousands: each
     * planned for its own arguments (a plan cached for ten ids would loop over a portfolio's thirty thousand), and
     * a portfolio's points sorted in memory rather than in temporary files (4 MB by default holds about 15,000).
     */
    public void planForEachQuery() {
        jdbc.sql("select set_config('plan_cache_mode', 'force_custom_plan', true),"
                + " set_config('work_mem', '64MB', true)").query((rs, n) -> 0).list();
    }

    /** The target's points of a resource: building-level points first, then premises in number order. */
    public List<PointRow> points(Target target, Resource resource, AccessScope scope) {
        return points(target.kind(), List.of(target.id()), List.of(resource), scope).get(0);
    }

    /**
     * The points of several targets of one kind, each with its resource: one list per target, in order, each
     * as {@link #points(Target, Resource, AccessScope)} gives it. One query.
     */
    public List<List<PointRow>> points(TargetKind kind, List<Long> targetIds, List<Resource> resources,
            AccessScope scope) {
        String filter = switch (kind) {
            case POINT -> "p.id = w.target";
            case PREMISE -> "p.premise_id = w.target";
            case ENTRANCE -> "pr.entrance_id = w.target";
            case BUILDING -> "p.building_id = w.target";
        };
        List<List<PointRow>> out = new ArrayList<>(targetIds.size());
        targetIds.forEach(t -> out.add(new ArrayList<>()));
        Sql.format("""
                select w.n - 1 as target_index, p.id, p.public_id, p.name, p.premise_id,
                       pr.public_id as premise_public_id, pr.number as premise_number, p.resource, p.quantity,
                       p.tariff, p.subunit
                from unnest(cast(:targets as bigint[]), cast(:resources as text[])) with ordinality
                     as w(target, resource, n)
                join metering_point p on p.resource = w.resource
                left join premise pr on pr.id = p.premise_id
                where %s
                """,
                Sql.of(filter).and(scope.visible("p.building_id", "p.premise_id")))
                .on(jdbc).param("targets", array(targetIds))
                .param("resources", array(resources.stream().map(Resource::name).toList()))
                .query(rs -> {
                    out.get(rs.getInt("target_index")).add(new PointRow(rs.getLong("id"),
                            rs.getObject("public_id", UUID.class), rs.getString("name"),
                            (Long) rs.getObject("premise_id"), rs.getObject("premise_public_id", UUID.class),
                            rs.getString("premise_number"), Resource.valueOf(rs.getString("resource")),
                            Quantity.valueOf(rs.getString("quantity")), rs.getInt("tariff"), rs.getInt("subunit")));
                });
        // sorted here: PostgreSQL took longer over sorting a portfolio's wide rows than over finding them
        out.forEach(points -> points.sort(POINT_ORDER));
        return out;
    }

    /**
     * Building-level points first, then premises by the length of their number and the number character by
     * character ("2" before "10", "10" before "10а"), then by name.
     */
    private static final Comparator<PointRow> POINT_ORDER = Comparator
            .comparing((PointRow p) -> !p.buildingLevel())
            .thenComparing(PointRow::premiseNumber, Comparator.nullsLast(
                    Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder())))
            .thenComparing(PointRow::name)
            .thenComparingLong(PointRow::id);

    /**
     * What one point of a query needs read: its intervals' edges (oldest first; the first is the period's start,
     * the last its end) and the window of readings around them (the period widened by the interpolation
     * distance).
     */
    public record PointWindow(PointRow point, List<Instant> boundaries, Instant readFrom, Instant readTo) {

        public PointWindow {
            boundaries = List.copyOf(boundaries);
            if (boundaries.size() < 2) {
                throw new IllegalArgumentException("a window needs a start and an end, not " + boundaries);
            }
        }

        Instant from() {
            return boundaries.get(0);
        }

        Instant to() {
            return boundaries.get(boundaries.size() - 1);
        }
    }

    /** Which readings of a register are read. */
    enum Loading {
        /** every reading in the window */
        EVERY_READING,
        /**
         * only the readings next to the boundaries, for registers whose window has no irregular step (see
         * {@link #inputs}); the others in full
         */
        NEIGHBOURS,
        /** {@link #NEIGHBOURS} for windows of at most {@value #NEIGHBOURS_UP_TO} boundaries, else every reading */
        AUTOMATIC;

        /** More boundaries than this and reading the whole window costs no more than two look-ups per boundary. */
        static final int NEIGHBOURS_UP_TO = 13;

        boolean neighbours(PointWindow w) {
            return this == NEIGHBOURS || this == AUTOMATIC && w.boundaries().size() <= NEIGHBOURS_UP_TO;
        }
    }

    /**
     * @param registers its meter's registers of the point's quantity, filled from the query's further rows
     * @param windows   the windows of its point, by their index in the group's list
     */
    private record InstallationRow(long id, String serial, Integer digits, Instant installedAt, Instant removedAt,
                                   BigDecimal initialValue, BigDecimal finalValue, LocalDate nextVerification,
                                   List<RegisterRow> registers, List<Integer> windows) {
    }

    private record RegisterRow(long registerId, String unit, long storage) {
    }

    private record Chosen(InstallationRow row, Unit unit, RegisterRow current, RegisterRow dueDate) {
    }

    /**
     * Each window's point's installations overlapping its period, with the readings of their registers in the
     * window; one {@link PointInput} per window, in order. A fixed number of queries however many points.
     *
     * <p>The calculator sums the steps between consecutive readings. Where none of those steps goes down or
     * changes the number of decimals ({@code reading_irregular_step}, kept by a trigger on every insert), the
     * readings between two boundaries add nothing to that sum but their telescoping ends, so only the
     * readings next to each boundary are read: the one at or before it and, when that is not at the boundary,
     * the one after it — what interpolation needs, and the same figures, exactly, as reading everything. The
     * boundaries are the intervals' edges and the installations' and removals' moments. A register with an
     * irregular step in its window is read in full, so that decreases and rollovers are seen as before.
     * One case could in theory differ: a register wrapping past its last digit between a due-date value and
     * the next current reading, with more than a tenth of its range consumed within the window.
     */
    public List<PointInput> inputs(List<PointWindow> windows, AccessScope scope) {
        return inputs(windows, scope, Loading.AUTOMATIC);
    }

    List<PointInput> inputs(List<PointWindow> windows, AccessScope scope, Loading loading) {
        // windows of one period in one time zone share their boundaries: a group is read with a few queries, its
        // boundaries and window passed once
        Map<List<Object>, List<Integer>> groups = new LinkedHashMap<>();
        for (int n = 0; n < windows.size(); n++) {
            PointWindow w = windows.get(n);
            groups.computeIfAbsent(List.of(w.boundaries(), w.readFrom(), w.readTo()), k -> new ArrayList<>()).add(n);
        }
        List<List<MeterInstallation>> byWindow = new ArrayList<>(windows.size());
        windows.forEach(w -> byWindow.add(new ArrayList<>()));
        for (List<Integer> group : groups.values()) {
            readGroup(windows, group, scope, loading, byWindow);
        }
        List<PointInput> out = new ArrayList<>(windows.size());
        for (int n = 0; n < windows.size(); n++) {
            out.add(new PointInput(windows.get(n).point().quantity(), byWindow.get(n)));
        }
        return out;
    }

    private void readGroup(List<PointWindow> windows, List<Integer> group, AccessScope scope, Loading loading,
            List<List<MeterInstallation>> byWindow) {
        PointWindow first = windows.get(group.get(0));
        Map<Long, List<Integer>> windowsOfPoint = new HashMap<>();
        group.forEach(n -> windowsOfPoint.computeIfAbsent(windows.get(n).point().id(), k -> new ArrayList<>()).add(n));
        // each installation overlapping the period with its registers of the point's quantity, one row per register
        // (an installation's rows one after the other, as sorted)
        List<InstallationRow> installations = new ArrayList<>();
        Sql.format("""
                select i.id, i.point_id, m.serial, m.register_digits, i.installed_at, i.removed_at,
                       i.initial_value, i.final_value, m.next_verification, r.id as register_id, r.unit, r.storage
                from metering_point p
                join meter_installation i on i.point_id = p.id
                     and i.installed_at < :to and (i.removed_at is null or i.removed_at > :from)
                join meter m on m.id = i.meter_id
                left join register r on r.meter_id = i.meter_id and r.quantity = p.quantity and r.tariff = p.tariff
                     and r.subunit = p.subunit and r.function = 'INSTANTANEOUS' and r.storage in (0, 1)
                where p.id = any(cast(:points as bigint[])) and %s
                order by i.point_id, i.installed_at, r.id""", scope.visible("p.building_id", "p.premise_id"))
                .on(jdbc)
                .param("points", array(new ArrayList<>(windowsOfPoint.keySet())))
                .param("from", utc(first.from())).param("to", utc(first.to()))
                .query(rs -> {
                    long id = rs.getLong("id");
                    InstallationRow i = installations.isEmpty() ? null : installations.get(installations.size() - 1);
                    if (i == null || i.id() != id) {
                        i = new InstallationRow(id, rs.getString("serial"), (Integer) rs.getObject("register_digits"),
                                instant(rs, "installed_at"), instant(rs, "removed_at"),
                                rs.getBigDecimal("initial_value"), rs.getBigDecimal("final_value"),
                                rs.getObject("next_verification", LocalDate.class), new ArrayList<>(2),
                                windowsOfPoint.get(rs.getLong("point_id")));
                        installations.add(i);
                    }
                    long register = rs.getLong("register_id");
                    if (!rs.wasNull()) {
                        i.registers().add(new RegisterRow(register, rs.getString("unit"), rs.getLong("storage")));
                    }
                });
        boolean neighbours = loading.neighbours(first);
        List<Chosen> chosen = new ArrayList<>();
        List<Long> near = new ArrayList<>();
        Map<Long, List<Instant>> edges = new HashMap<>();
        List<Long> whole = new ArrayList<>();
        for (InstallationRow i : installations) {
            Quantity quantity = windows.get(i.windows().get(0)).point().quantity();
            Chosen c = choose(i, quantity, i.registers());
            chosen.add(c);
            for (RegisterRow r : new RegisterRow[] {c.current, c.dueDate}) {
                if (r == null) {
                    continue;
                }
                if (neighbours) {
                    near.add(r.registerId());
                    List<Instant> own = edges(first, i);
                    if (!own.isEmpty()) {
                        edges.put(r.registerId(), own);
                    }
                } else {
                    whole.add(r.registerId());
                }
            }
        }
        Map<Long, List<Sample>> found = new HashMap<>();
        if (!near.isEmpty()) {
            whole.addAll(neighbours(near, edges, first, found));
        }
        if (!whole.isEmpty()) {
            every(whole, first, found);
        }
        for (Chosen c : chosen) {
            InstallationRow i = c.row;
            MeterInstallation m = new MeterInstallation(i.serial(), i.installedAt(), i.removedAt(), i.initialValue(),
                    i.finalValue(), i.digits(), c.unit, series(c.current, c.unit, found),
                    series(c.dueDate, c.unit, found), i.nextVerification());
            i.windows().forEach(n -> byWindow.get(n).add(m));
        }
    }

    /**
     * The readings next to each of the window's boundaries and each register's own moments, into {@code found};
     * returns the registers with an irregular step in the window, whose readings it leaves out.
     *
     * <p>The register ids come from the scoped query of the same snapshot, so these readings need no scope of
     * their own.
     */
    private List<Long> neighbours(List<Long> registers, Map<Long, List<Instant>> edges, PointWindow window,
            Map<Long, List<Sample>> found) {
        // a row names its register by its place in the list, so that its readings are found without a hash look-up
        List<List<Sample>> byPlace = new ArrayList<>(registers.size());
        registers.forEach(r -> byPlace.add(found.computeIfAbsent(r, k -> new ArrayList<>(2))));
        List<Long> edgeRegisters = new ArrayList<>();
        List<Instant> edgeInstants = new ArrayList<>();
        edges.forEach((register, instants) -> instants.forEach(at -> {
            edgeRegisters.add(register);
            edgeInstants.add(at);
        }));
        List<Long> irregular = new ArrayList<>();
        // the reading after an instant is looked up only when none is at it: the condition on "before" alone
        // makes PostgreSQL skip that index look-up
        jdbc.sql("""
                with wanted as (
                    select r.register_id, r.n,
                           exists (select 1 from reading_irregular_step s
                                   where s.register_id = r.register_id
                                     and s.measured_at >= :read_from and s.measured_at <= :read_to) as irregular
                    from unnest(cast(:registers as bigint[])) with ordinality as r(register_id, n)
                ), instants as (
                    select w.register_id, b.at from wanted w cross join unnest(cast(:boundaries as timestamptz[])) as b(at)
                    where not w.irregular
                    union
                    select e.register_id, e.at
                    from unnest(cast(:edge_registers as bigint[]), cast(:edge_instants as timestamptz[])) as e(register_id, at)
                    join wanted w on w.register_id = e.register_id
                    where not w.irregular
                )
                select w.register_id, w.n - 1 as place, w.irregular,
                       before.measured_at as before_at, before.value as before_value, after.measured_at as after_at, after.value as after_value
                from wanted w
                left join instants i on i.register_id = w.register_id
                left join lateral (select x.measured_at, x.value from reading x
                                   where i.at is not null and x.register_id = w.register_id
                                     and x.measured_at <= i.at and x.measured_at >= :read_from
                                   order by x.measured_at desc limit 1) before on true
                left join lateral (select x.measured_at, x.value from reading x
                                   where i.at is not null and (before.measured_at is null or before.measured_at < i.at)
                                     and x.register_id = w.register_id and x.measured_at > i.at
                                     and x.measured_at <= :read_to
                                   order by x.measured_at limit 1) after on true
                where not w.irregular or i.at is null""")
                .param("registers", array(registers))
                .param("boundaries", array(window.boundaries()))
                .param("edge_registers", array(edgeRegisters)).param("edge_instants", array(edgeInstants))
                .param("read_from", utc(window.readFrom())).param("read_to", utc(window.readTo()))
                .query(rs -> {
                    if (rs.getBoolean("irregular")) {
                        irregular.add(rs.getLong("register_id"));
                        return;
                    }
                    List<Sample> series = byPlace.get(rs.getInt("place"));
                    Instant before = instant(rs, "before_at");
                    if (before != null) {
                        series.add(new Sample(before, rs.getBigDecimal("before_value")));
                    }
                    Instant after = instant(rs, "after_at");
                    if (after != null) {
                        series.add(new Sample(after, rs.getBigDecimal("after_value")));
                    }
                });
        return irregular.stream().distinct().toList();
    }

    /** Every reading of the registers in the window, into {@code found}. */
    private void every(List<Long> registers, PointWindow window, Map<Long, List<Sample>> found) {
        jdbc.sql("""
                select x.register_id, x.measured_at, x.value from reading x
                where x.register_id = any(cast(:registers as bigint[]))
                  and x.measured_at >= :read_from and x.measured_at <= :read_to""")
                .param("registers", array(registers))
                .param("read_from", utc(window.readFrom())).param("read_to", utc(window.readTo()))
                .query(rs -> {
                    found.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Sample(instant(rs, "measured_at"), rs.getBigDecimal(3)));
                });
    }

    /**
     * An installation's own moments whose neighbouring readings the calculator may use besides the boundaries:
     * its installation and removal within the window (a reading at exactly that moment decides whether the act's
     * value is used, and a boundary's neighbour may lie outside the installation).
     */
    private static List<Instant> edges(PointWindow w, InstallationRow i) {
        List<Instant> out = new ArrayList<>(2);
        for (Instant edge : new Instant[] {i.installedAt(), i.removedAt()}) {
            if (edge != null && !edge.isBefore(w.readFrom()) && !edge.isAfter(w.readTo())) {
                out.add(edge);
            }
        }
        return out;
    }

    /**
     * A meter may report one quantity in several units (kWh and Gcal); the most preferred unit with a
     * current register is used, and the due-date register only in that same unit.
     */
    private static Chosen choose(InstallationRow i, Quantity quantity, List<RegisterRow> registers) {
        List<Unit> units = Units.accepted(quantity);
        for (long storage : new long[] {0, 1}) {
            for (Unit unit : units) {
                RegisterRow match = find(registers, unit, storage);
                if (match != null) {
                    return new Chosen(i, unit, find(registers, unit, 0), find(registers, unit, 1));
                }
            }
        }
        // no register yet (a meter installed but never read): act values alone, in the point's unit
        return new Chosen(i, Units.unitOf(quantity), null, null);
    }

    private static RegisterRow find(List<RegisterRow> registers, Unit unit, long storage) {
        for (RegisterRow r : registers) {
            // a register keeps the unit as stored; only the units a quantity accepts are ever chosen
            if (r.unit().equals(unit.symbol()) && r.storage() == storage) {
                return r;
            }
        }
        return null;
    }

    /** A Java list as a PostgreSQL array literal, cast in the query: one parameter however long the list. */
    private static String array(List<?> values) {
        StringBuilder s = new StringBuilder(values.size() * 12).append('{');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                s.append(',');
            }
            Object v = values.get(i);
            s.append(v instanceof Instant at ? '"' + at.toString() + '"' : String.valueOf(v));
        }
        return s.append('}').toString();
    }

    /** A register's readings as found, in time order, each moment once (neighbouring boundaries share a reading). */
    private static RegisterSeries series(RegisterRow register, Unit unit, Map<Long, List<Sample>> found) {
        if (register == null) {
            return null;
        }
        List<Sample> readings = new ArrayList<>(found.getOrDefault(register.registerId(), List.of()));
        readings.sort(Comparator.comparing(Sample::at));
        List<Sample> samples = new ArrayList<>(readings.size());
        for (Sample r : readings) {
            if (samples.isEmpty() || !samples.get(samples.size() - 1).at().equals(r.at())) {
                samples.add(r);
            }
        }
        return new RegisterSeries(register.registerId(), unit, samples);
    }

    private static Resource resource(String name) {
        return name == null ? null : Resource.valueOf(name);
    }

    private static ZoneId zone(String name, long buildingId) {
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw new IllegalStateException("building " + buildingId + " has an unknown time zone '" + name + "'", e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
