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
        Sql sql = switch (kind) {
            case POINT -> Sql.format("""
                    select p.id, p.public_id, p.building_id, b.time_zone, p.resource
                    from metering_point p join building b on b.id = p.building_id
                    where p.public_id = :id and %s""", scope.visible("p.building_id", "p.premise_id"));
            case PREMISE -> Sql.format("""
                    select pr.id, pr.public_id, pr.building_id, b.time_zone, null as resource
                    from premise pr join building b on b.id = pr.building_id
                    where pr.public_id = :id and %s""", scope.visible("pr.building_id", "pr.id"));
            case ENTRANCE -> Sql.format("""
                    select e.id, e.public_id, e.building_id, b.time_zone, null as resource
                    from entrance e join building b on b.id = e.building_id
                    where e.public_id = :id and %s""", scope.wholeBuilding("e.building_id"));
            case BUILDING -> Sql.format("""
                    select b.id, b.public_id, b.id as building_id, b.time_zone, null as resource
                    from building b
                    where b.public_id = :id and %s""", scope.wholeBuilding("b.id"));
        };
        return sql.on(jdbc).param("id", publicId)
                .query((rs, n) -> new Target(kind, rs.getLong("id"), rs.getObject("public_id", UUID.class),
                        rs.getLong("building_id"), zone(rs.getString("time_zone"), rs.getLong("building_id")),
                        resource(rs.getString("resource"))))
                .optional();
    }

    /** The target's points of a resource: building-level points first, then premises in number order. */
    public List<PointRow> points(Target target, Resource resource, AccessScope scope) {
        String filter = switch (target.kind()) {
            case POINT -> "p.id = :target";
            case PREMISE -> "p.premise_id = :target";
            case ENTRANCE -> "pr.entrance_id = :target";
            case BUILDING -> "p.building_id = :target";
        };
        return Sql.format("""
                select p.id, p.public_id, p.name, p.premise_id, pr.public_id as premise_public_id,
                       pr.number as premise_number, p.resource, p.quantity, p.tariff, p.subunit
                from metering_point p left join premise pr on pr.id = p.premise_id
                where p.resource = :resource and %s
                order by p.premise_id is not null, length(pr.number), pr.number, p.name, p.id""",
                Sql.of(filter).and(scope.visible("p.building_id", "p.premise_id")))
                .on(jdbc).param("target", target.id()).param("resource", resource.name())
                .query((rs, n) -> new PointRow(rs.getLong("id"), rs.getObject("public_id", UUID.class),
                        rs.getString("name"), (Long) rs.getObject("premise_id"),
                        rs.getObject("premise_public_id", UUID.class), rs.getString("premise_number"),
                        Resource.valueOf(rs.getString("resource")), Quantity.valueOf(rs.getString("quantity")),
                        rs.getInt("tariff"), rs.getInt("subunit")))
                .list();
    }

    private record InstallationRow(long id, long pointId, String serial, Integer digits, Instant installedAt,
                                   Instant removedAt, BigDecimal initialValue, BigDecimal finalValue) {
    }

    private record RegisterRow(long installationId, long registerId, String unit, long storage) {
    }

    private record Chosen(InstallationRow row, Unit unit, RegisterRow current, RegisterRow dueDate) {
    }

    /**
     * Each point's installations overlapping [from, to), with the readings of their registers from
     * {@code readFrom} to {@code readTo} (the period widened by the interpolation distance).
     */
    public Map<Long, PointInput> inputs(List<PointRow> points, Instant from, Instant to, Instant readFrom,
            Instant readTo, AccessScope scope) {
        Map<Long, PointInput> out = new LinkedHashMap<>();
        if (points.isEmpty()) {
            return out;
        }
        List<Long> pointIds = points.stream().map(PointRow::id).toList();
        Sql visible = scope.visible("p.building_id", "p.premise_id");
        List<InstallationRow> installations = Sql.format("""
                select i.id, i.point_id, m.serial, m.register_digits, i.installed_at, i.removed_at,
                       i.initial_value, i.final_value
                from meter_installation i
                join meter m on m.id = i.meter_id
                join metering_point p on p.id = i.point_id
                where i.point_id in (:points)
                  and i.installed_at < :to and (i.removed_at is null or i.removed_at > :from)
                  and %s
                order by i.point_id, i.installed_at""", visible)
                .on(jdbc).param("points", pointIds).param("from", utc(from)).param("to", utc(to))
                .query((rs, n) -> new InstallationRow(rs.getLong("id"), rs.getLong("point_id"), rs.getString("serial"),
                        (Integer) rs.getObject("register_digits"), instant(rs, "installed_at"),
                        instant(rs, "removed_at"), rs.getBigDecimal("initial_value"), rs.getBigDecimal("final_value")))
                .list();
        Map<Long, List<RegisterRow>> registersByInstallation = new HashMap<>();
        if (!installations.isEmpty()) {
            Sql.format("""
                    select i.id as installation_id, r.id, r.unit, r.storage
                    from meter_installation i
                    join metering_point p on p.id = i.point_id
                    join register r on r.meter_id = i.meter_id and r.quantity = p.quantity and r.tariff = p.tariff
                                   and r.subunit = p.subunit and r.function = 'INSTANTANEOUS' and r.storage in (0, 1)
                    where i.id in (:installations) and %s order by r.id""", visible)
                    .on(jdbc)
                    .param("installations", installations.stream().map(InstallationRow::id).toList())
                    .query((rs, n) -> new RegisterRow(rs.getLong("installation_id"), rs.getLong("id"),
                            rs.getString("unit"), rs.getLong("storage")))
                    .list()
                    .forEach(r -> registersByInstallation.computeIfAbsent(r.installationId(), k -> new ArrayList<>())
                            .add(r));
        }
        Map<Long, PointRow> pointById = new HashMap<>();
        points.forEach(p -> pointById.put(p.id(), p));
        List<Chosen> chosen = new ArrayList<>();
        List<Long> registerIds = new ArrayList<>();
        for (InstallationRow i : installations) {
            Chosen c = choose(i, pointById.get(i.pointId()).quantity(),
                    registersByInstallation.getOrDefault(i.id(), List.of()));
            chosen.add(c);
            if (c.current != null) {
                registerIds.add(c.current.registerId());
            }
            if (c.dueDate != null) {
                registerIds.add(c.dueDate.registerId());
            }
        }
        Map<Long, List<Sample>> samples = readings(registerIds.stream().distinct().toList(), pointIds, readFrom, readTo,
                scope);
        Map<Long, List<MeterInstallation>> byPoint = new HashMap<>();
        for (Chosen c : chosen) {
            InstallationRow i = c.row;
            MeterInstallation m = new MeterInstallation(i.serial(), i.installedAt(), i.removedAt(), i.initialValue(),
                    i.finalValue(), i.digits(), c.unit, series(c.current, c.unit, samples),
                    series(c.dueDate, c.unit, samples));
            byPoint.computeIfAbsent(i.pointId(), k -> new ArrayList<>()).add(m);
        }
        for (PointRow p : points) {
            out.put(p.id(), new PointInput(p.quantity(), byPoint.getOrDefault(p.id(), List.of())));
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

    private Map<Long, List<Sample>> readings(List<Long> registerIds, List<Long> pointIds, Instant from, Instant to,
            AccessScope scope) {
        Map<Long, List<Sample>> out = new HashMap<>();
        if (registerIds.isEmpty()) {
            return out;
        }
        // the registers are re-checked against the scope here, so that this query is safe on its own
        Sql.format("""
                with allowed as (
                    select distinct r.id from register r
                    join meter_installation i on i.meter_id = r.meter_id
                    join metering_point p on p.id = i.point_id
                    where r.id in (:registers) and p.id in (:points) and %s
                )
                select x.register_id, x.measured_at, x.value from reading x
                where x.register_id in (select id from allowed) and x.measured_at >= :from and x.measured_at <= :to
                order by x.register_id, x.measured_at""", scope.visible("p.building_id", "p.premise_id"))
                .on(jdbc).param("registers", registerIds).param("points", pointIds)
                .param("from", utc(from)).param("to", utc(to))
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Sample(instant(rs, "measured_at"), rs.getBigDecimal(3)));
                });
        return out;
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

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
