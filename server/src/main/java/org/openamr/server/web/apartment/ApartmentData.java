package org.openamr.server.web.apartment;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.openamr.server.event.MeterEvent;
import org.openamr.server.meter.MeterVisibility;
import org.openamr.server.security.AccessScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the apartment page needs beyond the registry's repositories: the newest reading and the events. */
@Repository
class ApartmentData {

    static final int EVENTS = 20;

    private final JdbcClient jdbc;

    ApartmentData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest reading of a meter the scope may see (only while it hung at a visible point). */
    java.time.Instant lastReading(AccessScope scope, UUID meter) {
        Timestamp at = jdbc.sql("""
                select max(r.measured_at) from meter m join register g on g.meter_id = m.id
                join reading r on r.register_id = g.id
                where m.public_id = :meter and\s""" + MeterVisibility.reading(scope, "m.id", "r.measured_at"))
                .params(scope.params()).param("meter", meter).query(Timestamp.class).optional().orElse(null);
        return at == null ? null : at.toInstant();
    }

    /** The newest events of the meters that are or were installed at the premise's points. */
    List<MeterEvent> events(AccessScope scope, UUID premise) {
        return jdbc.sql("""
                select m.public_id, m.serial, e.occurred_at, e.kind, e.code, e.label_en, e.label_ru, e.source
                from meter_event e join meter m on m.id = e.meter_id
                where exists (select 1 from meter_installation i join metering_point mp on mp.id = i.point_id
                              join premise p on p.id = mp.premise_id
                              where i.meter_id = e.meter_id and p.public_id = :premise)
                  and\s""" + MeterVisibility.reading(scope, "e.meter_id", "e.occurred_at") + " " + """
                 order by e.occurred_at desc, e.id desc limit :limit""")
                .params(scope.params()).param("premise", premise).param("limit", EVENTS)
                .query((rs, n) -> new MeterEvent(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8))).list();
    }
}
