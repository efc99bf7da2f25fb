package org.openamr.server.reading;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openamr.server.api.Page;
import org.openamr.server.meter.MeterVisibility;
import org.openamr.server.security.AccessScope;
import org.openamr.server.sql.Sql;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads stored readings, filtered by {@link MeterVisibility#reading}. */
@Repository
public class Readings {

    private final JdbcClient jdbc;

    public Readings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Page<Reading> ofMeter(AccessScope scope, long meterId, Instant from, Instant to, String quantity, int page,
            int size) {
        Sql where = Sql.of("g.meter_id = :meter and r.measured_at >= :from and r.measured_at < :to")
                .param("meter", meterId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .and(MeterVisibility.reading(scope, "g.meter_id", "r.measured_at"));
        if (quantity != null) {
            where = where.and(Sql.of("g.quantity = :quantity").param("quantity", quantity));
        }
        return Page.of(jdbc, "select g.quantity, g.unit, g.storage, g.tariff, g.subunit, g.function, r.measured_at,"
                        + " r.value, r.source, r.received_at",
                Sql.format("from reading r join register g on g.id = r.register_id where %s", where),
                "r.measured_at desc, g.quantity, g.storage, g.tariff, g.subunit",
                (rs, n) -> new Reading(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getInt(5),
                        rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getBigDecimal(8).toPlainString(),
                        rs.getString(9), rs.getTimestamp(10).toInstant()), page, size);
    }

    /**
     * Each meter's newest value of each current register (storage 0: what it shows now, not a stored due-date
     * value), as far as the scope sees its readings: per register and visible window (MeterVisibility#windows)
     * one backward probe of the primary key, not an access check of every reading.
     */
    public Map<UUID, List<Reading>> latest(AccessScope scope, List<UUID> meters) {
        if (meters.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<Reading>> out = new LinkedHashMap<>();
        Sql.format("""
                select m.public_id, g.quantity, g.unit, g.storage, g.tariff, g.subunit, g.function, last.measured_at,
                       last.value, last.source, last.received_at
                from meter m join register g on g.meter_id = m.id
                cross join lateral (
                    select r.measured_at, r.value, r.source, r.received_at from (%s) w cross join lateral (
                        select r.measured_at, r.value, r.source, r.received_at from reading r
                        where r.register_id = g.id and r.measured_at >= w.from_at and r.measured_at <= w.to_at
                        order by r.measured_at desc limit 1) r
                    order by r.measured_at desc limit 1) last
                where m.public_id in (:meters) and g.storage = 0
                order by m.public_id, g.quantity, g.tariff, g.subunit, g.function, g.unit""",
                MeterVisibility.windows(scope, "m.id"))
                .on(jdbc).param("meters", meters)
                .query((RowCallbackHandler) rs -> out.computeIfAbsent(rs.getObject(1, UUID.class),
                        k -> new ArrayList<>()).add(new Reading(rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getInt(5), rs.getInt(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
                        rs.getBigDecimal(9).toPlainString(), rs.getString(10), rs.getTimestamp(11).toInstant())));
        return out;
    }
}
