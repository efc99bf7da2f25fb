package org.openamr.server.report.meters;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.openamr.server.security.AccessScope;
import org.openamr.server.sql.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the meter register shows beside the meters list's columns: since when each meter hangs where it hangs, and
 * its newest reading of its main register (the cumulative energy or volume, current value, first tariff).
 */
@Repository
class MeterRegisterRepository {

    /** @param lastValue null when never read */
    record Details(Instant installedAt, BigDecimal lastValue, String lastUnit) {
    }

    private final JdbcClient jdbc;

    MeterRegisterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The meters' details by public id; the meters are those the scope sees hanging in its buildings. */
    Map<UUID, Details> details(Collection<UUID> meters, AccessScope scope) {
        Map<UUID, Details> out = new HashMap<>();
        if (meters.isEmpty()) {
            return out;
        }
        Sql.format("""
                select m.public_id, inst.installed_at, last.value, last.unit
                from meter m
                join lateral (
                    select min(mi.installed_at) as installed_at from meter_installation mi
                    join metering_point p on p.id = mi.point_id
                    where mi.meter_id = m.id and mi.removed_at is null and %s) inst on true
                left join lateral (
                    select r.value, g.unit from register g join reading r on r.register_id = g.id
                    where g.meter_id = m.id and g.storage = 0 and g.cumulative and g.tariff = 0
                      and g.quantity in ('ENERGY', 'VOLUME')
                    order by r.measured_at desc limit 1) last on true
                where m.public_id in (:meters)""", scope.visible("p.building_id", "p.premise_id"))
                .on(jdbc).param("meters", meters).query(rs -> {
                    var installed = rs.getTimestamp("installed_at");
                    out.put(rs.getObject("public_id", UUID.class), new Details(
                            installed == null ? null : installed.toInstant(), rs.getBigDecimal("value"),
                            rs.getString("unit")));
                });
        return out;
    }

    /** The numbers of an entrance's premises, to keep an entrance's meters. */
    java.util.Set<UUID> premisesOfEntrance(UUID entrance, AccessScope scope) {
        return new java.util.HashSet<>(Sql.format("""
                select pr.public_id from premise pr join entrance e on e.id = pr.entrance_id
                where e.public_id = :entrance and %s""", scope.visible("pr.building_id", "pr.id"))
                .on(jdbc).param("entrance", entrance).query(UUID.class).list());
    }
}
