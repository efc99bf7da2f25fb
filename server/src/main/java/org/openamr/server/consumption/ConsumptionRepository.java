package org.openamr.server.consumption;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
                order by w.n, p.premise_id is not null, length(pr.number), pr.number, p.name, p.id""",
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
        return out;
    }

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

    private record InstallationRow(int window, long id, long pointId, String serial, Integer digits,
                                   Instant installedAt, Instant removedAt, BigDecimal initialValue,
                                   BigDecimal finalValue) {
    }

    private record RegisterRow(long installationId, long registerId, String unit, long storage) {
    }

    private record Chosen(InstallationRow row, Unit unit, RegisterRow current, RegisterRow dueDate) {
    }

    /** A register to read for one window: all of [from, to], or only the readings next to each instant. */
    private record Wanted(long registerId, long pointId, Instant from, Instant to, List<Instant> instants) {
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
        if (windows.isEmpty()) {
            return List.of();
        }
        Sql visible = scope.visible("p.building_id", "p.premise_id");
        List<InstallationRow> installations = Sql.format("""
                select w.n - 1 as window, i.id, i.point_id, m.serial, m.register_digits, i.installed_at,
                       i.removed_at, i.initial_value, i.final_value
                from unnest(cast(:points as bigint[]), cast(:froms as timestamptz[]), cast(:tos as timestamptz[]))
                     with ordinality as w(point_id, period_from, period_to, n)
                join meter_installation i on i.point_id = w.point_id
                     and i.installed_at < w.period_to and (i.removed_at is null or i.removed_at > w.period_from)
                join meter m on m.id = i.meter_id
                join metering_point p on p.id = i.point_id
                where %s
                order by w.n, i.installed_at""", visible)
                .on(jdbc)
                .param("points", array(windows.stream().map(w -> w.point().id()).toList()))
                .param("froms", array(windows.stream().map(PointWindow::from).toList()))
                .param("tos", array(windows.stream().map(PointWindow::to).toList()))
                .query((rs, n) -> new InstallationRow(rs.getInt("window"), rs.getLong("id"), rs.getLong("point_id"),
                        rs.getString("serial"), (Integer) rs.getObject("register_digits"),
                        instant(rs, "installed_at"), instant(rs, "removed_at"), rs.getBigDecimal("initial_value"),
                        rs.getBigDecimal("final_value")))
                .list();
        Map<Long, List<RegisterRow>> registersByInstallation = new HashMap<>();
        if (!installations.isEmpty()) {
            Sql.format("""
                    select i.id as installation_id, r.id, r.unit, r.storage
                    from meter_installation i
                    join metering_point p on p.id = i.point_id
                    join register r on r.meter_id = i.meter_id and r.quantity = p.quantity and r.tariff = p.tariff
                                   and r.subunit = p.subunit and r.function = 'INSTANTANEOUS' and r.storage in (0, 1)
                    where i.id = any(cast(:installations as bigint[])) and %s order by r.id""", visible)
                    .on(jdbc)
                    .param("installations", array(installations.stream().map(InstallationRow::id).distinct().toList()))
                    .query((rs, n) -> new RegisterRow(rs.getLong("installation_id"), rs.getLong("id"),
                            rs.getString("unit"), rs.getLong("storage")))
                    .list()
                    .forEach(r -> registersByInstallation.computeIfAbsent(r.installationId(), k -> new ArrayList<>())
                            .add(r));
        }
        List<Chosen> chosen = new ArrayList<>();
        List<Wanted> wanted = new ArrayList<>();
        for (InstallationRow i : installations) {
            PointWindow w = windows.get(i.window());
            Chosen c = choose(i, w.point().quantity(), registersByInstallation.getOrDefault(i.id(), List.of()));
            chosen.add(c);
            boolean neighbours = loading.neighbours(w);
            for (RegisterRow r : new RegisterRow[] {c.current, c.dueDate}) {
                if (r != null) {
                    wanted.add(new Wanted(r.registerId(), i.pointId(), w.readFrom(), w.readTo(),
                            neighbours ? instants(w, i) : null));
                }
            }
        }
        Map<Long, List<Sample>> samples = readings(wanted, scope);
        List<List<MeterInstallation>> byWindow = new ArrayList<>(windows.size());
        windows.forEach(w -> byWindow.add(new ArrayList<>()));
        for (Chosen c : chosen) {
            InstallationRow i = c.row;
            byWindow.get(i.window()).add(new MeterInstallation(i.serial(), i.installedAt(), i.removedAt(),
                    i.initialValue(), i.finalValue(), i.digits(), c.unit, series(c.current, c.unit, samples),
                    series(c.dueDate, c.unit, samples)));
        }
        List<PointInput> out = new ArrayList<>(windows.size());
        for (int n = 0; n < windows.size(); n++) {
            out.add(new PointInput(windows.get(n).point().quantity(), byWindow.get(n)));
        }
        return out;
    }

    /**
     * The moments whose neighbouring readings the calculator may use for one installation: the boundaries
     * while it is installed, and its installation and removal within the window (so that a reading at exactly
     * that moment is seen, as it decides whether the act's value is used).
     */
    private static List<Instant> instants(PointWindow w, InstallationRow i) {
        TreeSet<Instant> out = new TreeSet<>();
        for (Instant b : w.boundaries()) {
            if (!b.isBefore(i.installedAt()) && (i.removedAt() == null || !b.isAfter(i.removedAt()))) {
                out.add(b);
            }
        }
        for (Instant edge : new Instant[] {i.installedAt(), i.removedAt()}) {
            if (edge != null && !edge.isBefore(w.readFrom()) && !edge.isAfter(w.readTo())) {
                out.add(edge);
            }
        }
        return List.copyOf(out);
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

    /** The readings wanted, by register, oldest first. */
    private Map<Long, List<Sample>> readings(List<Wanted> wanted, AccessScope scope) {
        Map<Long, TreeMap<Instant, BigDecimal>> found = new HashMap<>();
        List<Wanted> byNeighbours = wanted.stream().filter(w -> w.instants() != null).toList();
        Set<Long> irregular = irregular(byNeighbours);
        List<Wanted> whole = new ArrayList<>();
        List<Wanted> near = new ArrayList<>();
        for (Wanted w : wanted) {
            (w.instants() != null && !irregular.contains(w.registerId()) ? near : whole).add(w);
        }
        if (!whole.isEmpty()) {
            // the registers are re-checked against the scope here and below, so that these queries are safe on
            // their own
            Sql.format("""
                    with wanted as (
                        select w.register_id, w.point_id, w.read_from, w.read_to
                        from unnest(cast(:registers as bigint[]), cast(:points as bigint[]),
                                    cast(:froms as timestamptz[]), cast(:tos as timestamptz[]))
                             as w(register_id, point_id, read_from, read_to)
                    ), """ + ALLOWED + """
                    select w.register_id, x.measured_at, x.value
                    from wanted w
                    join reading x on x.register_id = w.register_id
                                  and x.measured_at >= w.read_from and x.measured_at <= w.read_to
                    where (w.register_id, w.point_id) in (select register_id, point_id from allowed)""",
                    scope.visible("p.building_id", "p.premise_id"))
                    .on(jdbc)
                    .param("registers", array(whole.stream().map(Wanted::registerId).toList()))
                    .param("points", array(whole.stream().map(Wanted::pointId).toList()))
                    .param("froms", array(whole.stream().map(Wanted::from).toList()))
                    .param("tos", array(whole.stream().map(Wanted::to).toList()))
                    .query(rs -> {
                        found.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
                                .put(instant(rs, "measured_at"), rs.getBigDecimal(3));
                    });
        }
        if (!near.isEmpty()) {
            List<Long> registers = new ArrayList<>();
            List<Long> points = new ArrayList<>();
            List<Instant> ats = new ArrayList<>();
            List<Instant> froms = new ArrayList<>();
            List<Instant> tos = new ArrayList<>();
            for (Wanted w : near) {
                for (Instant at : w.instants()) {
                    registers.add(w.registerId());
                    points.add(w.pointId());
                    ats.add(at);
                    froms.add(w.from());
                    tos.add(w.to());
                }
            }
            // the reading after an instant is looked up only when none is at it: the condition on "before" alone
            // makes PostgreSQL skip that index look-up
            Sql.format("""
                    with wanted as (
                        select w.register_id, w.point_id, w.at, w.read_from, w.read_to
                        from unnest(cast(:registers as bigint[]), cast(:points as bigint[]), cast(:ats as timestamptz[]),
                                    cast(:froms as timestamptz[]), cast(:tos as timestamptz[]))
                             as w(register_id, point_id, at, read_from, read_to)
                    ), """ + ALLOWED + """
                    select w.register_id, before.measured_at as before_at, before.value as before_value,
                           after.measured_at as after_at, after.value as after_value
                    from wanted w
                    left join lateral (select x.measured_at, x.value from reading x
                                       where x.register_id = w.register_id and x.measured_at <= w.at
                                         and x.measured_at >= w.read_from
                                       order by x.measured_at desc limit 1) before on true
                    left join lateral (select x.measured_at, x.value from reading x
                                       where (before.measured_at is null or before.measured_at < w.at)
                                         and x.register_id = w.register_id and x.measured_at > w.at
                                         and x.measured_at <= w.read_to
                                       order by x.measured_at limit 1) after on true
                    where (w.register_id, w.point_id) in (select register_id, point_id from allowed)""",
                    scope.visible("p.building_id", "p.premise_id"))
                    .on(jdbc)
                    .param("registers", array(registers)).param("points", array(points)).param("ats", array(ats))
                    .param("froms", array(froms)).param("tos", array(tos))
                    .query(rs -> {
                        TreeMap<Instant, BigDecimal> series = found.computeIfAbsent(rs.getLong(1),
                                k -> new TreeMap<>());
                        Instant before = instant(rs, "before_at");
                        if (before != null) {
                            series.put(before, rs.getBigDecimal("before_value"));
                        }
                        Instant after = instant(rs, "after_at");
                        if (after != null) {
                            series.put(after, rs.getBigDecimal("after_value"));
                        }
                    });
        }
        Map<Long, List<Sample>> out = new HashMap<>();
        found.forEach((register, series) -> {
            List<Sample> list = new ArrayList<>(series.size());
            series.forEach((at, value) -> list.add(new Sample(at, value)));
            out.put(register, list);
        });
        return out;
    }

    /** The registers, of those wanted, with an irregular step within their window. */
    private Set<Long> irregular(List<Wanted> wanted) {
        Set<Long> out = new HashSet<>();
        if (wanted.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select distinct w.register_id
                from unnest(cast(:registers as bigint[]), cast(:froms as timestamptz[]), cast(:tos as timestamptz[]))
                     as w(register_id, read_from, read_to)
                where exists (select 1 from reading_irregular_step s
                              where s.register_id = w.register_id
                                and s.measured_at >= w.read_from and s.measured_at <= w.read_to)""")
                .param("registers", array(wanted.stream().map(Wanted::registerId).toList()))
                .param("froms", array(wanted.stream().map(Wanted::from).toList()))
                .param("tos", array(wanted.stream().map(Wanted::to).toList()))
                .query(rs -> {
                    out.add(rs.getLong(1));
                });
        return out;
    }

    /**
     * The (register, point) pairs of {@code wanted} whose point the scope sees and where the register's meter was,
     * as a common table expression; the scope's predicate goes in its {@code %s}.
     */
    private static final String ALLOWED = """
            allowed as (
                select distinct r.id as register_id, p.id as point_id
                from register r
                join meter_installation i on i.meter_id = r.meter_id
                join metering_point p on p.id = i.point_id
                where r.id in (select register_id from wanted) and %s
            )""";

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

    private static RegisterSeries series(RegisterRow register, Unit unit, Map<Long, List<Sample>> samples) {
        if (register == null) {
            return null;
        }
        return new RegisterSeries(register.registerId(), unit,
                samples.getOrDefault(register.registerId(), List.of()));
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
}
