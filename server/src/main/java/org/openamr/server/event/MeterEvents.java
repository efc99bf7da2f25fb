package org.openamr.server.event;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.openamr.acquisition.readout.MeterCondition;
import org.openamr.server.reading.ReadingSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns the conditions of successive readouts into events: a condition not active before is RAISED
 * at the readout's time, an active one no longer reported is CLEARED. A readout older than the
 * meter's newest event (a late push) only adds what it proves and clears nothing.
 */
@Component
public class MeterEvents {

    private final JdbcClient jdbc;

    public MeterEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Active(String code, Instant lastAt) {
    }

    /** @return events written */
    public int record(long meterId, Instant at, List<MeterCondition> conditions, ReadingSource source) {
        List<Active> active = jdbc.sql("""
                select distinct on (code) code, kind, occurred_at from meter_event
                where meter_id = ? order by code, occurred_at desc, kind""")
                .param(meterId)
                .query((rs, n) -> "RAISED".equals(rs.getString("kind"))
                        ? new Active(rs.getString("code"), rs.getTimestamp("occurred_at").toInstant()) : null)
                .list().stream().filter(a -> a != null).toList();
        Instant newest = jdbc.sql("select max(occurred_at) from meter_event where meter_id = ?").param(meterId)
                .query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(Instant.MIN);
        boolean late = at.isBefore(newest);
        Set<String> activeCodes = new HashSet<>();
        active.forEach(a -> activeCodes.add(a.code()));
        int written = 0;
        Set<String> reported = new HashSet<>();
        for (MeterCondition c : conditions) {
            reported.add(c.code());
            if (!activeCodes.contains(c.code()) && !late) {
                written += insert(meterId, at, "RAISED", c.code(), c.labelEn(), c.labelRu(), source);
            }
        }
        if (!late) {
            for (Active a : active) {
                if (!reported.contains(a.code())) {
                    written += insert(meterId, at, "CLEARED", a.code(), "", "", source);
                }
            }
        }
        return written;
    }

    private int insert(long meterId, Instant at, String kind, String code, String en, String ru, ReadingSource source) {
        return jdbc.sql("""
                insert into meter_event (meter_id, occurred_at, kind, code, label_en, label_ru, source)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(meterId, Timestamp.from(at), kind, code, en, ru, source.name())
                .update();
    }
}
