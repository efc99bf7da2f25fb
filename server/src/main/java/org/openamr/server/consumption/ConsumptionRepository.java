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
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
     * a portfolio's points, installations and registers hashed in memory rather than in temporary files (their
     * 30,000 joined rows take about 6 MB, 4 MB by default).
     */
    public void planForEachQuery() {
        jdbc.sql("select set_config('plan_cache_mode', 'force_custom_plan', true),"
                + " set_config('work_mem', '64MB', true)").query((rs, n) -> 0).list();
    }

    /**
     * One target of a query: its points of a resource, its intervals' edges (oldest first; the first is the
     * period's start, the last its end) and the window of readings around them (the period widened by the
     * interpolation distance).
     */
    record TargetWindow(TargetKind kind, long targetId, Resource resource, List<Instant> boundaries,
                        Instant readFrom, Instant readTo) {

        TargetWindow {
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

        /** What windows share: targets with the same value are read with the same queries. */
        List<Object> period() {
            return List.of(boundaries, readFrom, readTo);
        }
    }

    /**
     * A target's points, building-level points first, then premises in number order; each with its installations
     * overlapping the period (in installation order) and their registers of the point's quantity, for
     * {@link #inputs}.
     */
    record TargetPoints(TargetWindow window, List<PointRow> points, List<List<InstallationRow>> installations) {
    }

    /**
     * The points of each target with their installations and registers: one query per kind of target and period
     * however many targets, one {@link TargetPoints} per window, in order.
     */
    List<TargetPoints> points(List<TargetWindow> windows, AccessScope scope) {
        Map<List<Object>, List<Integer>> groups = new LinkedHashMap<>();
        for (int n = 0; n < windows.size(); n++) {
            TargetWindow w = windows.get(n);
            groups.computeIfAbsent(List.of(w.kind(), w.period()), k -> new ArrayList<>()).add(n);
        }
        List<TargetPoints> out = new ArrayList<>(Collections.nCopies(windows.size(), null));
        for (List<Integer> group : groups.values()) {
            List<TargetWindow> ofGroup = group.stream().map(windows::get).toList();
            List<TargetPoints> found = points(ofGroup, scope, ofGroup.get(0));
            for (int k = 0; k < group.size(); k++) {
                out.set(group.get(k), found.get(k));
            }
        }
        return out;
    }

    /** The points of targets of one kind and period, in one query. */
    private List<TargetPoints> points(List<TargetWindow> windows, AccessScope scope, TargetWindow first) {
        String target = switch (first.kind()) {
            case POINT -> "p.id";
            case PREMISE -> "p.premise_id";
            case ENTRANCE -> "pr.entrance_id";
            case BUILDING -> "p.building_id";
        };
        // each row's targets found here by its target id and resource: joined to the list of targets in the query,
        // PostgreSQL expected a few hundred rows of a portfolio's thirty thousand and looked up every installation,
        // meter and register one by one
        Map<Resource, Map<Long, List<Integer>>> wanted = new EnumMap<>(Resource.class);
        for (int n = 0; n < windows.size(); n++) {
            TargetWindow w = windows.get(n);
            wanted.computeIfAbsent(w.resource(), r -> new HashMap<>())
                    .computeIfAbsent(w.targetId(), t -> new ArrayList<>(1)).add(n);
        }
        List<Map<Long, PointBuilder>> byTarget = new ArrayList<>(windows.size());
        windows.forEach(w -> byTarget.add(new HashMap<>()));
        // the points' and installations' joins in one query over the same points (as two, the second found the
        // points again by id); one row per point, installation and register, in no order (sorted below)
        Sql.format("""
                select %s as target, p.id, p.public_id, p.name, p.premise_id,
                       pr.public_id as premise_public_id, pr.number as premise_number, p.resource, p.quantity,
                       p.tariff, p.subunit, i.id as installation_id, m.serial, m.register_digits, i.installed_at,
                       i.removed_at, i.initial_value, i.final_value, m.next_verification, r.id as register_id, r.unit,
                       r.storage
                from metering_point p
                left join premise pr on pr.id = p.premise_id
                left join (meter_installation i join meter m on m.id = i.meter_id)
                     on i.point_id = p.id and i.installed_at < :to and (i.removed_at is null or i.removed_at > :from)
                left join register r on r.meter_id = i.meter_id and r.quantity = p.quantity and r.tariff = p.tariff
                     and r.subunit = p.subunit and r.function = 'INSTANTANEOUS' and r.storage in (0, 1)
                where %s
                """, Sql.of(target),
                Sql.of("(" + target + ", p.resource) in (select * from unnest(cast(:targets as bigint[]),"
                        + " cast(:resources as text[])))").and(scope.visible("p.building_id", "p.premise_id")))
                .on(jdbc).param("targets", array(windows.stream().map(TargetWindow::targetId).toList()))
                .param("resources", array(windows.stream().map(w -> w.resource().name()).toList()))
                .param("from", utc(first.from())).param("to", utc(first.to()))
                .query(rs -> {
                    Resource resource = Resource.valueOf(rs.getString("resource"));
                    for (int n : wanted.get(resource).get(rs.getLong("target"))) {
                        row(rs, resource, byTarget.get(n));
                    }
                });
        List<TargetPoints> out = new ArrayList<>(windows.size());
        for (int n = 0; n < windows.size(); n++) {
            // sorted here: PostgreSQL took longer over sorting a portfolio's wide rows than over finding them
            List<PointBuilder> points = new ArrayList<>(byTarget.get(n).values());
            points.sort(Comparator.comparing(PointBuilder::point, POINT_ORDER));
            List<PointRow> rows = new ArrayList<>(points.size());
            List<List<InstallationRow>> installations = new ArrayList<>(points.size());
            for (PointBuilder p : points) {
                rows.add(p.point());
                if (p.installations().size() > 1) {
                    p.installations().sort(INSTALLATION_ORDER);
                }
                for (InstallationRow i : p.installations()) {
                    if (i.registers().size() > 1) {
                        i.registers().sort(Comparator.comparingLong(RegisterRow::registerId));
                    }
                }
                installations.add(p.installations());
            }
            out.add(new TargetPoints(windows.get(n), rows, installations));
        }
        return out;
    }

    /** A row of {@link #points}: its point, installation and register added to a target's points. */
    private static void row(ResultSet rs, Resource resource, Map<Long, PointBuilder> points) throws SQLException {
        long id = rs.getLong("id");
        PointBuilder p = points.get(id);
        if (p == null) {
            p = new PointBuilder(new PointRow(id, rs.getObject("public_id", UUID.class), rs.getString("name"),
                    (Long) rs.getObject("premise_id"), rs.getObject("premise_public_id", UUID.class),
                    rs.getString("premise_number"), resource, Quantity.valueOf(rs.getString("quantity")),
                    rs.getInt("tariff"), rs.getInt("subunit")), new ArrayList<>(1));
            points.put(id, p);
        }
        long installation = rs.getLong("installation_id");
        if (rs.wasNull()) {
            return;
        }
        InstallationRow i = p.installation(installation);
        if (i == null) {
            i = new InstallationRow(installation, rs.getString("serial"), (Integer) rs.getObject("register_digits"),
                    instant(rs, "installed_at"), instant(rs, "removed_at"), rs.getBigDecimal("initial_value"),
                    rs.getBigDecimal("final_value"), rs.getObject("next_verification", LocalDate.class),
                    new ArrayList<>(2));
            p.installations().add(i);
        }
        long register = rs.getLong("register_id");
        if (!rs.wasNull()) {
            i.registers().add(new RegisterRow(register, rs.getString("unit"), rs.getLong("storage")));
        }
    }

    private record PointBuilder(PointRow point, List<InstallationRow> installations) {

        InstallationRow installation(long id) {
            for (InstallationRow i : installations) {
                if (i.id() == id) {
                    return i;
                }
            }
            return null;
        }
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

    private static final Comparator<InstallationRow> INSTALLATION_ORDER = Comparator
            .comparing(InstallationRow::installedAt).thenComparingLong(InstallationRow::id);

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

        boolean neighbours(TargetWindow w) {
            return this == NEIGHBOURS || this == AUTOMATIC && w.boundaries().size() <= NEIGHBOURS_UP_TO;
        }
    }

    /** @param registers its meter's registers of the point's quantity */
    record InstallationRow(long id, String serial, Integer digits, Instant installedAt, Instant removedAt,
                           BigDecimal initialValue, BigDecimal finalValue, LocalDate nextVerification,
                           List<RegisterRow> registers) {
    }

    record RegisterRow(long registerId, String unit, long storage) {
    }

    private record Chosen(InstallationRow row, Unit unit, RegisterRow current, RegisterRow dueDate) {
    }

    /**
     * The readings of each target's points' registers in its window: one {@link PointInput} per point, one list
     * per target, in order. A fixed number of queries however many points.
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
    List<List<PointInput>> inputs(List<TargetPoints> targets) {
        return inputs(targets, Loading.AUTOMATIC);
    }

    List<List<PointInput>> inputs(List<TargetPoints> targets, Loading loading) {
        // targets of one period in one time zone share their boundaries: a group is read with a few queries, its
        // boundaries and window passed once
        Map<List<Object>, List<TargetPoints>> groups = new LinkedHashMap<>();
        targets.forEach(t -> groups.computeIfAbsent(t.window().period(), k -> new ArrayList<>()).add(t));
        Map<TargetPoints, List<PointInput>> read = new IdentityHashMap<>();
        for (List<TargetPoints> group : groups.values()) {
            readGroup(group, loading, read);
        }
        return targets.stream().map(read::get).toList();
    }

    private void readGroup(List<TargetPoints> group, Loading loading, Map<TargetPoints, List<PointInput>> read) {
        TargetWindow first = group.get(0).window();
        boolean neighbours = loading.neighbours(first);
        // an installation of a point in several targets of the group is read once
        Map<Long, Chosen> chosen = new LinkedHashMap<>();
        // sets: a meter taken away and put back at a point has one register and two installations, read once
        Set<Long> near = new LinkedHashSet<>();
        Map<Long, List<Instant>> edges = new HashMap<>();
        Set<Long> whole = new LinkedHashSet<>();
        for (TargetPoints t : group) {
            for (int n = 0; n < t.points().size(); n++) {
                Quantity quantity = t.points().get(n).quantity();
                for (InstallationRow i : t.installations().get(n)) {
                    if (chosen.containsKey(i.id())) {
                        continue;
                    }
                    Chosen c = choose(i, quantity, i.registers());
                    chosen.put(i.id(), c);
                    for (RegisterRow r : new RegisterRow[] {c.current, c.dueDate}) {
                        if (r == null) {
                            continue;
                        }
                        if (neighbours) {
                            near.add(r.registerId());
                            List<Instant> own = edges(first, i);
                            if (!own.isEmpty()) { // the moments of each installation of the register
                                edges.computeIfAbsent(r.registerId(), k -> new ArrayList<>(2)).addAll(own);
                            }
                        } else {
                            whole.add(r.registerId());
                        }
                    }
                }
            }
        }
        Map<Long, List<Sample>> found = new HashMap<>();
        if (!near.isEmpty()) {
            whole.addAll(neighbours(List.copyOf(near), edges, first, found));
        }
        if (!whole.isEmpty()) {
            every(List.copyOf(whole), first, found);
        }
        Map<Long, MeterInstallation> meters = new HashMap<>();
        for (Chosen c : chosen.values()) {
            InstallationRow i = c.row;
            meters.put(i.id(), new MeterInstallation(i.serial(), i.installedAt(), i.removedAt(), i.initialValue(),
                    i.finalValue(), i.digits(), c.unit, series(c.current, c.unit, found),
                    series(c.dueDate, c.unit, found), i.nextVerification()));
        }
        for (TargetPoints t : group) {
            List<PointInput> inputs = new ArrayList<>(t.points().size());
            for (int n = 0; n < t.points().size(); n++) {
                List<InstallationRow> rows = t.installations().get(n);
                List<MeterInstallation> installed = new ArrayList<>(rows.size());
                rows.forEach(i -> installed.add(meters.get(i.id())));
                inputs.add(new PointInput(t.points().get(n).quantity(), installed));
            }
            read.put(t, inputs);
        }
    }

    /**
     * The readings next to each of the window's boundaries and each register's own moments, into {@code found};
     * returns the registers with an irregular step in the window, whose readings it leaves out.
     *
     * <p>The register ids come from the scoped query of the same snapshot, so these readings need no scope of
     * their own.
     */
    private List<Long> neighbours(List<Long> registers, Map<Long, List<Instant>> edges, TargetWindow window,
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
        // the reading after an instant is needed only when none is at it: looked up by a second query for those
        // alone, since a lateral look-up skipped by its condition still cost PostgreSQL about a tenth of the query
        List<Long> laterRegisters = new ArrayList<>();
        List<Instant> laterInstants = new ArrayList<>();
        List<Integer> laterPlaces = new ArrayList<>();
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
                select w.register_id, w.n - 1 as place, w.irregular, i.at,
                       before.measured_at as before_at, before.value as before_value
                from wanted w
                left join instants i on i.register_id = w.register_id
                left join lateral (select x.measured_at, x.value from reading x
                                   where i.at is not null and x.register_id = w.register_id
                                     and x.measured_at <= i.at and x.measured_at >= :read_from
                                   order by x.measured_at desc limit 1) before on true
                where not w.irregular or i.at is null""")
                .param("registers", array(registers))
                .param("boundaries", array(window.boundaries()))
                .param("edge_registers", array(edgeRegisters)).param("edge_instants", array(edgeInstants))
                .param("read_from", utc(window.readFrom()))
                .param("read_to", utc(window.readTo()))
                .query(rs -> {
                    if (rs.getBoolean("irregular")) {
                        irregular.add(rs.getLong("register_id"));
                        return;
                    }
                    int place = rs.getInt("place");
                    Instant at = instant(rs, "at");
                    Instant before = instant(rs, "before_at");
                    if (before != null) {
                        byPlace.get(place).add(new Sample(before, rs.getBigDecimal("before_value")));
                    }
                    if (before == null || before.isBefore(at)) {
                        laterRegisters.add(rs.getLong("register_id"));
                        laterInstants.add(at);
                        laterPlaces.add(place);
                    }
                });
        if (!laterRegisters.isEmpty()) {
            jdbc.sql("""
                    select l.place, x.measured_at, x.value
                    from unnest(cast(:registers as bigint[]), cast(:instants as timestamptz[]), cast(:places as int[]))
                         as l(register_id, at, place)
                    cross join lateral (select x.measured_at, x.value from reading x
                                        where x.register_id = l.register_id and x.measured_at > l.at
                                          and x.measured_at <= :read_to
                                        order by x.measured_at limit 1) x""")
                    .param("registers", array(laterRegisters)).param("instants", array(laterInstants))
                    .param("places", array(laterPlaces)).param("read_to", utc(window.readTo()))
                    .query(rs -> {
                        byPlace.get(rs.getInt("place")).add(new Sample(instant(rs, "measured_at"),
                                rs.getBigDecimal("value")));
                    });
        }
        return irregular.stream().distinct().toList();
    }

    /** Every reading of the registers in the window, into {@code found}. */
    private void every(List<Long> registers, TargetWindow window, Map<Long, List<Sample>> found) {
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
    private static List<Instant> edges(TargetWindow w, InstallationRow i) {
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
