package org.openamr.server.premise;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.openamr.server.event.EventKind;
import org.openamr.server.event.MeterEvent;
import org.openamr.server.meter.MeterVisibility;
import org.openamr.server.security.AccessScope;
import org.openamr.server.sql.PageQueries;
import org.openamr.server.sql.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What happened at a premise beyond its registry: its meters' newest readings and their events, as the apartment
 * page shows them. A page's queries: on {@link PageQueries}.
 */
@Repository
public class PremiseActivity {

    public static final int EVENTS = 20;

    private final JdbcClient jdbc;

    PremiseActivity(PageQueries pages) {
        // a page's queries: a statement timeout of seconds, not the minute of a job's
        this.jdbc = pages.jdbc();
    }

    /**
     * The newest reading of a meter the scope may see (only while it hung at a visible point), by index
     * probes per visible window (MeterVisibility#newestReading), not a check of every reading.
     */
    public java.time.Instant lastReading(AccessScope scope, UUID meter) {
        Timestamp at = Sql.format("select %s from meter m where m.public_id = :meter",
                        MeterVisibility.newestReading(scope, "m.id"))
                .on(jdbc).param("meter", meter).query(Timestamp.class).optional().orElse(null);
        return at == null ? null : at.toInstant();
    }

    /** The newest events of the meters that are or were installed at the premise's points. */
    public List<MeterEvent> events(AccessScope scope, UUID premise) {
        return Sql.format("""
                select m.public_id, m.serial, e.occurred_at, e.kind, e.code, e.label_en, e.label_ru, e.source
                from meter_event e join meter m on m.id = e.meter_id
                where exists (select 1 from meter_installation i join metering_point mp on mp.id = i.point_id
                              join premise p on p.id = mp.premise_id
                              where i.meter_id = e.meter_id and p.public_id = :premise)
                  and %s
                order by e.occurred_at desc, e.id desc limit :limit""",
                MeterVisibility.reading(scope, "e.meter_id", "e.occurred_at"))
                .on(jdbc).param("premise", premise).param("limit", EVENTS)
                .query((rs, n) -> new MeterEvent(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getTimestamp(3).toInstant(), EventKind.valueOf(rs.getString(4)), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8))).list();
    }
}
