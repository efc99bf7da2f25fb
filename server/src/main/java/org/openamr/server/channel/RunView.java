package org.openamr.server.channel;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One poll or search on a channel as the API shows it.
 *
 * @param metersSilent of {@code metersFailed}, those that did not answer at all
 * @param meters what happened to each meter; only in the detail of one run
 * @param messageText {@code message} as a text the pages say in their language; null for runs stored before
 */
public record RunView(UUID id, RunKind kind, Trigger trigger, String actor, String instance, Instant startedAt,
                      Instant finishedAt, RunStatus status, int metersTotal, int metersRead, int metersFailed,
                      int metersSilent, Integer metersFound, int metersCreated, int readingsInserted, int readingsDuplicate,
                      String message, List<OutcomeView> meters, @JsonIgnore Text messageText) {

    /** The columns {@link #map} reads, from a {@code poll_run} aliased {@code alias}, each prefixed {@code r_}. */
    static String columns(String alias) {
        return String.join(", ", List.of("public_id", "kind", "trigger", "actor", "instance", "started_at",
                "finished_at", "status", "meters_total", "meters_read", "meters_failed", "meters_found",
                "meters_created", "readings_inserted", "readings_duplicate", "message", "message_text").stream()
                .map(c -> alias + "." + c + " as r_" + c).toList())
                + ", (select count(*) from poll_meter_outcome s where s.run_id = " + alias + ".id and s.silent)"
                + " as r_meters_silent";
    }

    /** The run in the current row, or null when the row has none (a channel never polled). */
    static RunView map(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("r_public_id", UUID.class);
        if (id == null) {
            return null;
        }
        return new RunView(id, RunKind.valueOf(rs.getString("r_kind")), Trigger.valueOf(rs.getString("r_trigger")),
                rs.getString("r_actor"), rs.getString("r_instance"), instant(rs, "r_started_at"),
                instant(rs, "r_finished_at"), RunStatus.valueOf(rs.getString("r_status")), rs.getInt("r_meters_total"), rs.getInt("r_meters_read"),
                rs.getInt("r_meters_failed"), rs.getInt("r_meters_silent"), (Integer) rs.getObject("r_meters_found"),
                rs.getInt("r_meters_created"),
                rs.getInt("r_readings_inserted"), rs.getInt("r_readings_duplicate"), rs.getString("r_message"), null,
                Text.fromJson(rs.getString("r_message_text")));
    }

    RunView withMeters(List<OutcomeView> outcomes) {
        return new RunView(id, kind, trigger, actor, instance, startedAt, finishedAt, status, metersTotal, metersRead,
                metersFailed, metersSilent, metersFound, metersCreated, readingsInserted, readingsDuplicate, message,
                List.copyOf(outcomes), messageText);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
