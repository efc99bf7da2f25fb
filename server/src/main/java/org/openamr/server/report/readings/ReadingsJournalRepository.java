package org.openamr.server.report.readings;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.openamr.server.report.ReportScopes;
import org.openamr.server.security.AccessScope;
import org.openamr.server.sql.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The readings behind a scope's consumption in a period, exactly as stored: the registers the points count (their
 * current value and the meters' due-date values), from the meters installed there at the time of each reading.
 */
@Repository
class ReadingsJournalRepository {

    /**
     * @param premise null for a building-level point
     * @param storage 0 for the current value, 1.. for the meter's due-date values
     * @param channel the bus or concentrator it came through, null for imports and the demo model
     */
    record Entry(String address, String premise, String resource, String serial, String quantity, String unit,
                 long storage, Instant measuredAt, BigDecimal value, String source, String channel,
                 Instant receivedAt) {
    }

    private final JdbcClient jdbc;

    ReadingsJournalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String FROM_WHERE = """
            from reading r
            join register g on g.id = r.register_id
            join meter m on m.id = g.meter_id
            join meter_installation mi on mi.meter_id = m.id and r.measured_at >= mi.installed_at
                 and (mi.removed_at is null or r.measured_at <= mi.removed_at)
            join metering_point p on p.id = mi.point_id and g.quantity = p.quantity and g.tariff = p.tariff
                 and g.subunit = p.subunit
            join building b on b.id = p.building_id
            left join premise pr on pr.id = p.premise_id
            left join acquisition_channel ch on ch.id = r.channel_id
            where r.measured_at >= :from and r.measured_at < :to and b.id = :building and %s and %s""";

    long count(ReportScopes.Subject subject, Instant from, Instant to, AccessScope scope) {
        return query("select count(*) " + FROM_WHERE, subject, from, to, scope).query(Long.class).single();
    }

    /**
     * The building's own points first, then apartments in their numbers' order (2 before 10); heat, cold and hot
     * water as the statement lists them; each register's readings in time order.
     */
    List<Entry> entries(ReportScopes.Subject subject, Instant from, Instant to, AccessScope scope) {
        return query("""
                select b.address, pr.number as premise, p.resource, m.serial, g.quantity, g.unit, g.storage,
                       r.measured_at, r.value, r.source, ch.name as channel, r.received_at
                """ + FROM_WHERE + """
                 order by pr.id is not null, substring(pr.number from '^[0-9]+')::int, pr.number,
                          array_position(array['HEAT', 'COLD_WATER', 'HOT_WATER'], p.resource), p.resource,
                          m.serial, g.storage, r.measured_at""",
                subject, from, to, scope)
                .query((rs, n) -> new Entry(rs.getString("address"), rs.getString("premise"), rs.getString("resource"),
                        rs.getString("serial"), rs.getString("quantity"), rs.getString("unit"), rs.getLong("storage"),
                        rs.getTimestamp("measured_at").toInstant(), rs.getBigDecimal("value"), rs.getString("source"),
                        rs.getString("channel"), rs.getTimestamp("received_at").toInstant()))
                .list();
    }

    private JdbcClient.StatementSpec query(String template, ReportScopes.Subject subject, Instant from, Instant to,
            AccessScope scope) {
        Sql part = switch (subject.kind()) {
            case ENTRANCE -> Sql.of("pr.entrance_id = (select e.id from entrance e where e.public_id = :subject)");
            case PREMISE -> Sql.of("pr.public_id = :subject");
            default -> Sql.TRUE;
        };
        return Sql.format(template, part, scope.visible("p.building_id", "p.premise_id")).on(jdbc)
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .param("building", subject.buildingId()).param("subject", subject.id());
    }
}
