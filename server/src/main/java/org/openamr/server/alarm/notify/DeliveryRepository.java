package org.openamr.server.alarm.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import io.micrometer.core.instrument.MeterRegistry;
import org.openamr.server.monitoring.SendOutcomes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Messages waiting to go, and their history. A try is claimed by moving the message's {@code next_attempt_at} a
 * lease ahead under {@code FOR UPDATE SKIP LOCKED}: one instance sends it; if that instance dies while sending, the
 * message is due again once the lease is over.
 */
@Repository
class DeliveryRepository {

    private final JdbcClient jdbc;
    private final SendOutcomes outcomes;

    DeliveryRepository(JdbcClient jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.outcomes = new SendOutcomes(registry, "openamr.notification.deliveries",
                "Tries to send alarm notifications by outcome: sent, retry (tried again later), failed (given up)");
    }

    /** @param error null for a message to send; else one that is FAILED at once with this reason */
    void insert(UUID publicId, long subscriptionId, Delivery.Channel channel, int alarmCount, String subject,
            String body, String error) {
        jdbc.sql("""
                insert into alarm_delivery (public_id, subscription_id, channel, status, alarm_count, subject, body,
                    error)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(publicId, subscriptionId, channel.name(), error == null ? "PENDING" : "FAILED", alarmCount,
                        subject, body, error).update();
    }

    /** The next message due, its try counted and its lease taken; empty when none is due or all are taken. */
    Optional<Delivery> claim(Duration lease) {
        return jdbc.sql("""
                update alarm_delivery set attempts = attempts + 1,
                    next_attempt_at = now() + make_interval(secs => :lease)
                where id = (select id from alarm_delivery where status in ('PENDING', 'RETRYING')
                            and next_attempt_at <= now() order by next_attempt_at, id limit 1 for update skip locked)
                returning *""").param("lease", (double) lease.toSeconds()).query((rs, n) -> delivery(rs)).optional();
    }

    void sent(long id, int attempt, Integer httpStatus, String answer, String instance) {
        outcomes.sent();
        tried(id, attempt, true, httpStatus, answer, instance);
        jdbc.sql("update alarm_delivery set status = 'SENT', sent_at = now(), error = null where id = ?").param(id)
                .update();
    }

    /** Due again {@code wait} from now on the database's clock, which every instance shares. */
    void retry(long id, int attempt, Integer httpStatus, String error, Duration wait, String instance) {
        outcomes.retry();
        tried(id, attempt, false, httpStatus, error, instance);
        jdbc.sql("""
                update alarm_delivery set status = 'RETRYING', error = ?,
                    next_attempt_at = now() + make_interval(secs => ?) where id = ?""")
                .params(error, wait.toMillis() / 1000.0, id).update();
    }

    void failed(long id, int attempt, Integer httpStatus, String error, String instance) {
        outcomes.failed();
        tried(id, attempt, false, httpStatus, error, instance);
        jdbc.sql("update alarm_delivery set status = 'FAILED', error = ? where id = ?").params(error, id).update();
    }

    private void tried(long id, int attempt, boolean ok, Integer httpStatus, String answer, String instance) {
        jdbc.sql("""
                insert into alarm_delivery_attempt (delivery_id, attempt, ok, http_status, answer, instance)
                values (?, ?, ?, ?, ?, ?)""").params(id, attempt, ok, httpStatus, answer, instance).update();
    }

    /** The subscription's messages, newest first, each with its tries. */
    List<Delivery> history(long subscriptionId, int limit) {
        List<Delivery> bare = jdbc.sql("""
                select * from alarm_delivery where subscription_id = ? order by created_at desc, id desc limit ?""")
                .params(subscriptionId, limit).query((rs, n) -> delivery(rs)).list();
        if (bare.isEmpty()) {
            return bare;
        }
        Map<Long, List<Delivery.Try>> tries = new LinkedHashMap<>();
        jdbc.sql("""
                select * from alarm_delivery_attempt where delivery_id = any(?) order by delivery_id, attempt, id""")
                .param(bare.stream().map(Delivery::id).toArray(Long[]::new))
                .query((rs, n) -> {
                    int status = rs.getInt("http_status");
                    Integer http = rs.wasNull() ? null : status;
                    tries.computeIfAbsent(rs.getLong("delivery_id"), k -> new ArrayList<>()).add(new Delivery.Try(
                            rs.getInt("attempt"), instant(rs, "at"), rs.getBoolean("ok"), http,
                            rs.getString("answer"), rs.getString("instance")));
                    return null;
                }).list();
        return bare.stream().map(d -> new Delivery(d.id(), d.publicId(), d.subscriptionId(), d.channel(), d.status(),
                d.attempts(), d.nextAttemptAt(), d.alarmCount(), d.subject(), d.body(), d.error(), d.createdAt(),
                d.sentAt(), tries.getOrDefault(d.id(), List.of()))).toList();
    }

    /** Sent and failed messages older than {@code keep} are forgotten. */
    int forget(Duration keep) {
        return jdbc.sql("""
                delete from alarm_delivery where status in ('SENT', 'FAILED')
                and created_at < now() - make_interval(secs => ?)""").param((double) keep.toSeconds()).update();
    }

    private static Delivery delivery(ResultSet rs) throws SQLException {
        return new Delivery(rs.getLong("id"), rs.getObject("public_id", UUID.class), rs.getLong("subscription_id"),
                Delivery.Channel.valueOf(rs.getString("channel")), Delivery.Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"), instant(rs, "next_attempt_at"), rs.getInt("alarm_count"),
                rs.getString("subject"), rs.getString("body"), rs.getString("error"), instant(rs, "created_at"),
                instant(rs, "sent_at"), List.of());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
