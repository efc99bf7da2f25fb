package org.openamr.server.building;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openamr.server.security.AccessScope;
import org.openamr.server.sql.PageQueries;
import org.openamr.server.sql.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each visible premise of a building with the state of its meters' data (fresh, stale, a meter error, none),
 * for the building page's grid. A page's query: on {@link PageQueries}.
 */
@Repository
public class PremiseStates {

    /**
     * Older than this, a premise's data is stale: a meter read once a day has then missed a reading,
     * and yesterday's figure can no longer be interpolated (the DAY distance is 36 h as well).
     */
    public static final Duration FRESH_WITHIN = Duration.ofHours(36);

    public enum Status { FRESH, STALE, ERROR, NO_DATA }

    public record Row(UUID id, String number, Integer entrance, Integer floor, Instant lastReading, boolean error) {

        public Status status(Instant now) {
            if (error) {
                return Status.ERROR;
            }
            if (lastReading == null) {
                return Status.NO_DATA;
            }
            return lastReading.isBefore(now.minus(FRESH_WITHIN)) ? Status.STALE : Status.FRESH;
        }
    }

    private final JdbcClient jdbc;

    PremiseStates(PageQueries pages) {
        // a page's queries: a statement timeout of seconds, not the minute of a job's
        this.jdbc = pages.jdbc();
    }

    /**
     * An error is a condition a meter now installed at the premise raised and has not cleared (its
     * newest event of that code is RAISED, ties read as {@code MeterEvents} reads them).
     */
    public List<Row> of(AccessScope scope, long buildingId) {
        // the newest reading per register is one backward probe of the primary key (register_id, measured_at)
        return Sql.format("""
                select p.public_id, p.number, e.number as entrance, p.floor,
                       (select max(r.measured_at) from metering_point mp
                          join meter_installation i on i.point_id = mp.id and i.removed_at is null
                          join register g on g.meter_id = i.meter_id
                          cross join lateral (select x.measured_at from reading x where x.register_id = g.id
                                              order by x.measured_at desc limit 1) r
                         where mp.premise_id = p.id) as last_reading,
                       exists (select 1 from metering_point mp
                                 join meter_installation i on i.point_id = mp.id and i.removed_at is null
                                where mp.premise_id = p.id and exists (
                                      select 1 from (select distinct on (ev.code) ev.kind from meter_event ev
                                                      where ev.meter_id = i.meter_id
                                                      order by ev.code, ev.occurred_at desc, ev.kind) last
                                       where last.kind = 'RAISED')) as error
                from premise p left join entrance e on e.id = p.entrance_id
                where p.building_id = :building and %s
                order by e.number nulls first, length(p.number), p.number""", scope.visible("p.building_id", "p.id"))
                .on(jdbc).param("building", buildingId)
                .query((rs, n) -> {
                    Timestamp last = rs.getTimestamp("last_reading");
                    return new Row(rs.getObject("public_id", UUID.class), rs.getString("number"),
                            (Integer) rs.getObject("entrance"), (Integer) rs.getObject("floor"),
                            last == null ? null : last.toInstant(), rs.getBoolean("error"));
                }).list();
    }
}
