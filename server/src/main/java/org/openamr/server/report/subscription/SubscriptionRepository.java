package org.openamr.server.report.subscription;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.openamr.server.unit.HeatUnit;
import org.openamr.server.report.ReportKind;
import org.openamr.server.report.format.ReportFormat;
import io.micrometer.core.instrument.MeterRegistry;
import org.openamr.server.monitoring.SendOutcomes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Subscriptions, their runs and the files waiting for their download link. Runs are created once per slot (the
 * unique key) and claimed with {@code FOR UPDATE SKIP LOCKED}, so that any number of server instances send each once.
 */
@Repository
class SubscriptionRepository {

    private static final String SUBSCRIPTION = """
            select s.*, u.username as owner_name from report_subscription s join app_user u on u.id = s.owner_id
            """;

    private final JdbcClient jdbc;
    private final SendOutcomes outcomes;

    SubscriptionRepository(JdbcClient jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.outcomes = new SendOutcomes(registry, "openamr.report.jobs",
                "Scheduled report runs by outcome: sent, retry (tried again later), failed (given up)");
    }

    /** The new subscription's public id. */
    UUID insert(long ownerId, NewSubscription n) {
        return jdbc.sql("""
                insert into report_subscription (owner_id, name, kind, scope_id, period_rule, last_days, formats,
                    heat_unit, lang, cron, time_zone, recipients)
                values (:owner, :name, :kind, :scope, :rule, :days, :formats, :heat, :lang, :cron, :zone, :recipients)
                returning public_id""")
                .param("owner", ownerId).param("name", n.name()).param("kind", n.kind().apiName())
                .param("scope", n.scope()).param("rule", n.periodRule().name()).param("days", n.lastDays())
                .param("formats", n.formats().stream().map(ReportFormat::extension).toArray(String[]::new))
                .param("heat", n.heatUnit().name()).param("lang", n.locale().getLanguage()).param("cron", n.cron())
                .param("zone", n.zone().getId()).param("recipients", n.recipients().toArray(String[]::new))
                .query(UUID.class).single();
    }

    /** @param ownerId null for every owner's (an administrator's view) */
    List<Subscription> list(Long ownerId) {
        return jdbc.sql(SUBSCRIPTION + " where (:owner::bigint is null or s.owner_id = :owner) order by s.name, s.id")
                .param("owner", ownerId).query((rs, n) -> subscription(rs)).list();
    }

    Optional<Subscription> find(UUID publicId, Long ownerId) {
        return jdbc.sql(SUBSCRIPTION + " where s.public_id = :id and (:owner::bigint is null or s.owner_id = :owner)")
                .param("id", publicId).param("owner", ownerId).query((rs, n) -> subscription(rs)).optional();
    }

    Optional<Subscription> byId(long id) {
        return jdbc.sql(SUBSCRIPTION + " where s.id = ?").param(id).query((rs, n) -> subscription(rs)).optional();
    }

    List<Subscription> enabled() {
        return jdbc.sql(SUBSCRIPTION + " where s.enabled order by s.id").query((rs, n) -> subscription(rs)).list();
    }

    boolean delete(long id) {
        return jdbc.sql("delete from report_subscription where id = ?").param(id).update() == 1;
    }

    /**
     * Creates the run of a slot and moves the subscription past it, unless another instance did first.
     *
     * @return whether this call created the run
     */
    boolean createScheduledRun(Subscription s, Instant slot) {
        int moved = jdbc.sql("update report_subscription set last_slot_at = :slot where id = :id and last_slot_at = :old")
                .param("slot", Timestamp.from(slot)).param("id", s.id()).param("old", Timestamp.from(s.lastSlotAt()))
                .update();
        if (moved == 0) {
            return false;
        }
        return jdbc.sql("""
                insert into report_run (subscription_id, slot_at, trigger, requested_by, status)
                values (?, ?, 'SCHEDULE', 'schedule', 'PENDING') on conflict (subscription_id, slot_at) do nothing""")
                .params(s.id(), Timestamp.from(slot)).update() == 1;
    }

    UUID createManualRun(long subscriptionId, String actor) {
        return jdbc.sql("""
                insert into report_run (subscription_id, slot_at, trigger, requested_by, status)
                values (?, clock_timestamp(), 'MANUAL', ?, 'PENDING') returning public_id""")
                .params(subscriptionId, actor).query(UUID.class).single();
    }

    /** The next run due, marked SENDING by this instance; empty when none is due or all are taken. */
    Optional<ReportRun> claim(String instance) {
        return jdbc.sql("""
                update report_run set status = 'SENDING', attempts = attempts + 1, started_at = now(), instance = ?
                where id = (select id from report_run where status in ('PENDING', 'RETRYING')
                            and next_attempt_at <= now() order by next_attempt_at, id limit 1 for update skip locked)
                returning *""").param(instance).query((rs, n) -> run(rs)).optional();
    }

    /** Runs an instance died while sending are tried again: their mail may or may not have gone. */
    int recoverStale(Duration after) {
        return jdbc.sql("""
                update report_run set status = 'RETRYING', error = 'the server stopped while sending; tried again',
                    next_attempt_at = now()
                where status = 'SENDING' and started_at < now() - make_interval(secs => ?)""")
                .param(after.toSeconds()).update();
    }

    void sent(long runId, String delivered) {
        outcomes.sent();
        jdbc.sql("update report_run set status = 'SENT', finished_at = now(), error = null, delivered = ? where id = ?")
                .params(delivered, runId).update();
    }

    void retry(long runId, String error, Instant next) {
        outcomes.retry();
        jdbc.sql("update report_run set status = 'RETRYING', error = ?, next_attempt_at = ? where id = ?")
                .params(error, Timestamp.from(next), runId).update();
    }

    void failed(long runId, String error) {
        outcomes.failed();
        jdbc.sql("update report_run set status = 'FAILED', finished_at = now(), error = ? where id = ?")
                .params(error, runId).update();
    }

    List<ReportRun> runs(long subscriptionId, int limit) {
        return jdbc.sql("select * from report_run where subscription_id = ? order by created_at desc, id desc limit ?")
                .params(subscriptionId, limit).query((rs, n) -> run(rs)).list();
    }

    Optional<ReportRun> run(UUID publicId) {
        return jdbc.sql("select * from report_run where public_id = ?").param(publicId).query((rs, n) -> run(rs))
                .optional();
    }

    void storeDownload(byte[] tokenHash, long runId, String fileName, String mediaType, byte[] content,
            Instant expires) {
        jdbc.sql("""
                insert into report_download (token_hash, run_id, file_name, media_type, content, expires_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(tokenHash, runId, fileName, mediaType, content, Timestamp.from(expires)).update();
    }

    record Download(String fileName, String mediaType, byte[] content, Instant expiresAt) {
    }

    Optional<Download> download(byte[] tokenHash) {
        return jdbc.sql("select file_name, media_type, content, expires_at from report_download where token_hash = ?")
                .param(tokenHash).query((rs, n) -> new Download(rs.getString("file_name"), rs.getString("media_type"),
                        rs.getBytes("content"), rs.getTimestamp("expires_at").toInstant())).optional();
    }

    int deleteExpiredDownloads() {
        return jdbc.sql("delete from report_download where expires_at < now()").update();
    }

    Instant databaseNow() {
        return jdbc.sql("select now()").query(Timestamp.class).single().toInstant();
    }

    private static Subscription subscription(ResultSet rs) throws SQLException {
        int days = rs.getInt("last_days");
        Integer lastDays = rs.wasNull() ? null : days;
        return new Subscription(rs.getLong("id"), rs.getObject("public_id", UUID.class), rs.getLong("owner_id"),
                rs.getString("owner_name"), rs.getString("name"), ReportKind.named(rs.getString("kind")).orElseThrow(),
                rs.getObject("scope_id", UUID.class), PeriodRule.valueOf(rs.getString("period_rule")), lastDays,
                Arrays.stream(strings(rs.getArray("formats"))).map(f -> ReportFormat.named(f).orElseThrow()).toList(),
                HeatUnit.valueOf(rs.getString("heat_unit")), Locale.forLanguageTag(rs.getString("lang")),
                rs.getString("cron"), ZoneId.of(rs.getString("time_zone")),
                List.of(strings(rs.getArray("recipients"))), rs.getBoolean("enabled"),
                rs.getTimestamp("last_slot_at").toInstant(), rs.getTimestamp("created_at").toInstant());
    }

    private static String[] strings(Array a) throws SQLException {
        return (String[]) a.getArray();
    }

    private static ReportRun run(ResultSet rs) throws SQLException {
        return new ReportRun(rs.getLong("id"), rs.getObject("public_id", UUID.class), rs.getLong("subscription_id"),
                instant(rs, "slot_at"), rs.getString("trigger"), rs.getString("requested_by"),
                ReportRun.Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
                instant(rs, "next_attempt_at"), instant(rs, "started_at"), instant(rs, "finished_at"),
                rs.getString("instance"), rs.getString("error"), rs.getString("delivered"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
