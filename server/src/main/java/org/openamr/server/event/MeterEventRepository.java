package org.openamr.server.event;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openamr.server.api.Page;
import org.openamr.server.meter.MeterVisibility;
import org.openamr.server.security.AccessScope;
import org.openamr.server.sql.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Meter events in {@code meter_event}: a condition RAISED or CLEARED at a moment. */
@Repository
public class MeterEventRepository {

    private final JdbcClient jdbc;

    public MeterEventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A condition the meter has raised and not cleared, and when it was last raised. */
    record Active(String code, Instant lastAt) {
    }

    /** The meter's conditions whose newest event is RAISED (on equal times, CLEARED wins). */
    List<Active> active(long meterId) {
        return jdbc.sql("""
                select distinct on (code) code, kind, occurred_at from meter_event
                where meter_id = ? order by code, occurred_at desc, kind""")
                .param(meterId)
                .query((rs, n) -> EventKind.valueOf(rs.getString("kind")) == EventKind.RAISED
                        ? new Active(rs.getString("code"), rs.getTimestamp("occurred_at").toInstant()) : null)
                .list().stream().filter(a -> a != null).toList();
    }

    /** When the meter's newest event happened, if it has any. */
    Optional<Instant> newest(long meterId) {
        return jdbc.sql("select max(occurred_at) from meter_event where meter_id = ?").param(meterId)
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /** @return 1 when written, 0 when the same event is already stored */
    int insert(long meterId, Instant at, EventKind kind, String code, String en, String ru, String source) {
        return jdbc.sql("""
                insert into meter_event (meter_id, occurred_at, kind, code, label_en, label_ru, source)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(meterId, Timestamp.from(at), kind.name(), code, en, ru, source)
                .update();
    }

    /**
     * Events the scope sees (those of the time a meter hung at a visible point), newest first.
     *
     * @param meter    only this meter's, or all
     * @param building only meters that were ever installed in this building, or all
     * @param from     inclusive
     * @param to       exclusive
     */
    Page<MeterEvent> page(AccessScope scope, UUID meter, UUID building, Instant from, Instant to, int page, int size) {
        Sql where = MeterVisibility.reading(scope, "e.meter_id", "e.occurred_at")
                .and(Sql.of("e.occurred_at >= :from and e.occurred_at < :to")
                        .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)));
        if (meter != null) {
            where = where.and(Sql.of("m.public_id = :meter").param("meter", meter));
        }
        if (building != null) {
            where = where.and(Sql.of("""
                    exists (select 1 from meter_installation i join metering_point p on p.id = i.point_id
                            join building b on b.id = p.building_id
                            where i.meter_id = m.id and b.public_id = :building)""").param("building", building));
        }
        return Page.of(jdbc, "select m.public_id, m.serial, e.occurred_at, e.kind, e.code, e.label_en, e.label_ru, e.source",
                Sql.format("from meter_event e join meter m on m.id = e.meter_id where %s", where),
                "e.occurred_at desc, e.id desc", (rs, n) -> new MeterEvent(rs.getObject(1, UUID.class),
                        rs.getString(2), rs.getTimestamp(3).toInstant(), EventKind.valueOf(rs.getString(4)),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)), page, size);
    }
}
