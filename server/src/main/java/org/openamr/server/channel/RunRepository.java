package org.openamr.server.channel;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.openamr.server.api.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Runs in {@code poll_run} and their per-meter outcomes. A run's row is written (and committed)
 * when the run starts and completed when it ends, so that its start is visible to every instance
 * while it lasts; times are the database's clock.
 */
@Repository
public class RunRepository {

    /** Longest message kept: a failure listing many meters is cut, not refused. */
    static final int MAX_MESSAGE = 4000;

    private final JdbcClient jdbc;
    private final InstanceName instance;
    private final AcquisitionTexts texts;
    /** Runs of this instance not finished yet: the ones to end as FAILED if it stops. */
    private final Set<Long> running = ConcurrentHashMap.newKeySet();

    public RunRepository(JdbcClient jdbc, InstanceName instance, AcquisitionTexts texts) {
        this.jdbc = jdbc;
        this.instance = instance;
        this.texts = texts;
    }

    /** Starts a run; call outside a transaction so that it is committed at once. */
    public long start(long channelId, RunKind kind, Trigger trigger, String actor, int metersTotal) {
        long id = jdbc.sql("""
                insert into poll_run (channel_id, kind, trigger, actor, instance, meters_total)
                values (:channel, :kind, :trigger, :actor, :instance, :total) returning id""")
                .param("channel", channelId).param("kind", kind.name()).param("trigger", trigger.name())
                .param("actor", actor).param("instance", instance.value()).param("total", metersTotal)
                .query(Long.class).single();
        running.add(id);
        return id;
    }

    /** Records how the run ended; call in the transaction that stored its readings. */
    public void finish(RunResult r) {
        jdbc.sql("""
                update poll_run set finished_at = clock_timestamp(), status = :status, meters_total = :total,
                    meters_read = :read, meters_failed = :failed, meters_found = :found, meters_created = :created,
                    readings_inserted = :inserted, readings_duplicate = :duplicate, message = :message,
                    message_text = :text
                where id = :id""")
                .param("status", r.status().name()).param("total", r.metersTotal()).param("read", r.metersRead())
                .param("failed", r.metersFailed()).param("found", r.metersFound(), java.sql.Types.INTEGER)
                .param("created", r.metersCreated()).param("inserted", r.readingsInserted())
                .param("duplicate", r.readingsDuplicate()).param("message", cut(texts.english(r.message())), java.sql.Types.VARCHAR)
                .param("text", json(r.message()), java.sql.Types.VARCHAR).param("id", r.runId())
                .update();
        running.remove(r.runId());
    }

    /** Ends a run that broke off (a bug, the database, a stopping server) as FAILED. */
    public void fail(long runId, Text message) {
        jdbc.sql("""
                update poll_run set finished_at = clock_timestamp(), status = 'FAILED', message = :message,
                    message_text = :text
                where id = :id and status = 'RUNNING'""")
                .param("message", cut(texts.english(message))).param("text", json(message)).param("id", runId)
                .update();
        running.remove(runId);
    }

    public void outcomes(long runId, List<MeterOutcome> outcomes) {
        for (MeterOutcome o : outcomes) {
            jdbc.sql("""
                    insert into poll_meter_outcome (run_id, meter_id, ok, silent, addressed_by, values_read, error, error_text,
                                                    at)
                    values (:run, :meter, :ok, :silent, :by, :values, :error, :text, :at)
                    on conflict (run_id, meter_id) do update set ok = excluded.ok, silent = excluded.silent,
                        addressed_by = excluded.addressed_by, values_read = excluded.values_read,
                        error = excluded.error, error_text = excluded.error_text, at = excluded.at""")
                    .param("run", runId).param("meter", o.meterId()).param("ok", o.result() == OutcomeResult.READ)
                    .param("silent", o.result() == OutcomeResult.SILENT)
                    .param("by", o.addressedBy())
                    .param("values", o.valuesRead()).param("error", cut(texts.english(o.error())), java.sql.Types.VARCHAR)
                    .param("text", json(o.error()), java.sql.Types.VARCHAR)
                    .param("at", Timestamp.from(o.at()))
                    .update();
        }
    }

    /** Runs of a channel, newest first. */
    public Page<RunView> list(long channelId, int page, int size) {
        Page.check(page, size);
        long total = jdbc.sql("select count(*) from poll_run where channel_id = :channel").param("channel", channelId)
                .query(Long.class).single();
        List<RunView> items = jdbc.sql("select " + RunView.columns("r") + """
                 from poll_run r where r.channel_id = :channel order by r.started_at desc, r.id desc
                limit :limit offset :offset""")
                .param("channel", channelId).param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> RunView.map(rs)).list();
        return new Page<>(items, page, size, total);
    }

    /** One run of a channel with what it did to each meter. */
    public Optional<RunView> detail(long channelId, UUID runId) {
        return jdbc.sql("select r.id, " + RunView.columns("r") + " from poll_run r where r.channel_id = :channel "
                        + "and r.public_id = :run")
                .param("channel", channelId).param("run", runId)
                .query((rs, n) -> RunView.map(rs).withMeters(outcomes(rs.getLong("id"))))
                .optional();
    }

    private List<OutcomeView> outcomes(long runId) {
        return jdbc.sql("""
                select m.public_id, m.serial, m.manufacturer, o.ok, o.silent, o.addressed_by, o.values_read, o.error, o.at,
                    o.error_text
                from poll_meter_outcome o join meter m on m.id = o.meter_id
                where o.run_id = :run order by o.ok, m.serial""")
                .param("run", runId)
                .query((rs, n) -> new OutcomeView(rs.getObject("public_id", UUID.class), rs.getString("serial"),
                        rs.getString("manufacturer"), rs.getBoolean("ok"), rs.getBoolean("silent"),
                        rs.getString("addressed_by"),
                        rs.getInt("values_read"), rs.getString("error"), RunView.instant(rs, "at"),
                        Text.fromJson(rs.getString("error_text"))))
                .list();
    }

    /** When the channel's schedule last started a run; empty if it never did. */
    public Optional<Instant> lastScheduledStart(long channelId) {
        return jdbc.sql("""
                select max(started_at) from poll_run where channel_id = :channel and trigger = 'SCHEDULE'""")
                .param("channel", channelId).query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /** The database's clock: the one time every instance agrees on. */
    public Instant databaseNow() {
        return jdbc.sql("select clock_timestamp()").query(Timestamp.class).single().toInstant();
    }

    /** Runs this instance left unfinished, ended as FAILED when it stops. */
    public int failUnfinished(Text message) {
        List<Long> ids = List.copyOf(running);
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                update poll_run set finished_at = clock_timestamp(), status = 'FAILED', message = :message,
                    message_text = :text
                where id in (:ids) and status = 'RUNNING'""")
                .param("message", texts.english(message)).param("text", json(message)).param("ids", ids).update();
    }

    static String json(Text text) {
        return text == null ? null : text.toJson();
    }

    static String cut(String message) {
        return message == null || message.length() <= MAX_MESSAGE ? message
                : message.substring(0, MAX_MESSAGE - 1) + "…";
    }
}
