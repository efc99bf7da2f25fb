package org.openamr.server.alarm.notify;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openamr.server.alarm.RuleKind;
import org.openamr.server.alarm.Severity;
import org.openamr.server.security.AccessScope;
import org.openamr.server.sql.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Alarm subscriptions and their cursor into the {@code alarm_change} outbox. The cursor is a transaction id
 * ({@code handled_below}, see V17): changes of transactions below it were handled. A subscription is locked
 * {@code FOR UPDATE SKIP LOCKED} while its message is made and its cursor moved, so that of several server instances
 * one makes it.
 */
@Repository
class AlarmSubscriptionRepository {

    private static final String SUBSCRIPTION = """
            select s.*, u.username as owner_name, b.public_id as building_public_id
            from alarm_subscription s join app_user u on u.id = s.owner_id
            left join building b on b.id = s.building_id
            """;

    private final JdbcClient jdbc;

    AlarmSubscriptionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The row id of a building the scope sees, if it does. */
    Optional<Long> visibleBuilding(UUID publicId, AccessScope scope) {
        return Sql.format("select b.id from building b where b.public_id = :id and %s", scope.building("b.id"))
                .on(jdbc).param("id", publicId).query(Long.class).optional();
    }

    /** The new subscription's public id; its cursor starts at the outbox's present, so no history is sent. */
    UUID insert(long ownerId, Long buildingId, NewAlarmSubscription n, byte[] keySealed) {
        return jdbc.sql("""
                insert into alarm_subscription (owner_id, name, building_id, min_severity, kinds, notify_cleared,
                    recipients, webhook_url, key_sealed, key_set_at, quiet_from, quiet_to, time_zone, digest_minutes,
                    lang, enabled)
                values (:owner, :name, :building, :severity, :kinds, :cleared, :recipients, :url, :key,
                    case when :hasKey then now() end, :quietFrom, :quietTo, :zone, :digest, :lang, :enabled)
                returning public_id""")
                .param("owner", ownerId).params(fields(buildingId, n)).param("key", keySealed)
                .param("hasKey", keySealed != null).query(UUID.class).single();
    }

    /**
     * Changes what the user may change; the key only when a new one is given ({@code keySealed} non-null) or the
     * webhook is gone ({@code dropKey}).
     */
    void update(long id, Long buildingId, NewAlarmSubscription n, byte[] keySealed, boolean dropKey) {
        jdbc.sql("""
                update alarm_subscription set name = :name, building_id = :building, min_severity = :severity,
                    kinds = :kinds, notify_cleared = :cleared, recipients = :recipients, webhook_url = :url,
                    key_sealed = case when :dropKey then null when :hasKey then :key else key_sealed end,
                    key_set_at = case when :dropKey then null when :hasKey then now() else key_set_at end,
                    quiet_from = :quietFrom, quiet_to = :quietTo, time_zone = :zone, digest_minutes = :digest,
                    lang = :lang, enabled = :enabled,
                    -- a paused subscription starts again from the present, not with what happened meanwhile
                    handled_below = case when not enabled and :enabled
                                         then pg_snapshot_xmin(pg_current_snapshot()) else handled_below end
                where id = :id""")
                .param("id", id).params(fields(buildingId, n)).param("key", keySealed)
                .param("hasKey", keySealed != null).param("dropKey", dropKey).update();
    }

    private static java.util.Map<String, Object> fields(Long buildingId, NewAlarmSubscription n) {
        java.util.Map<String, Object> m = new java.util.HashMap<>();
        m.put("name", n.name());
        m.put("building", buildingId);
        m.put("severity", n.minSeverity().name());
        m.put("kinds", n.kinds().stream().map(Enum::name).sorted().toArray(String[]::new));
        m.put("cleared", n.notifyCleared());
        m.put("recipients", n.recipients().toArray(String[]::new));
        m.put("url", n.webhookUrl());
        m.put("quietFrom", n.quietHours() == null ? null : Time.valueOf(n.quietHours().from()));
        m.put("quietTo", n.quietHours() == null ? null : Time.valueOf(n.quietHours().to()));
        m.put("zone", n.zone().getId());
        m.put("digest", n.digestMinutes());
        m.put("lang", n.locale().getLanguage());
        m.put("enabled", n.enabled());
        return m;
    }

    /** @param ownerId null for every owner's (an administrator's view) */
    List<AlarmSubscription> list(Long ownerId) {
        return jdbc.sql(SUBSCRIPTION + " where (:owner::bigint is null or s.owner_id = :owner) order by s.name, s.id")
                .param("owner", ownerId).query((rs, n) -> subscription(rs)).list();
    }

    Optional<AlarmSubscription> find(UUID publicId, Long ownerId) {
        return jdbc.sql(SUBSCRIPTION + " where s.public_id = :id and (:owner::bigint is null or s.owner_id = :owner)")
                .param("id", publicId).param("owner", ownerId).query((rs, n) -> subscription(rs)).optional();
    }

    Optional<AlarmSubscription> byId(long id) {
        return jdbc.sql(SUBSCRIPTION + " where s.id = ?").param(id).query((rs, n) -> subscription(rs)).optional();
    }

    /** The ids of the enabled subscriptions (also of disabled owners: their cursor moves on, nothing is sent). */
    List<Long> enabledIds() {
        return jdbc.sql("select id from alarm_subscription where enabled order by id").query(Long.class).list();
    }

    boolean delete(long id) {
        return jdbc.sql("delete from alarm_subscription where id = ?").param(id).update() == 1;
    }

    /** The sealed webhook key, if the subscription has a webhook. */
    Optional<byte[]> keySealed(long id) {
        return jdbc.sql("select key_sealed from alarm_subscription where id = ? and key_sealed is not null")
                .param(id).query(byte[].class).optional();
    }

    /** Where a subscription's dispatch stands, read under its lock. */
    record Cursor(long handledBelow, Instant lastMessageAt) {
    }

    /**
     * Locks an enabled subscription for making its message, in the caller's transaction; empty when another instance
     * holds it (it is making that message) or the subscription is gone or disabled.
     */
    Optional<Cursor> lock(long id) {
        return jdbc.sql("""
                select handled_below::text as handled_below, last_message_at from alarm_subscription
                where id = ? and enabled for update skip locked""").param(id)
                .query((rs, n) -> new Cursor(Long.parseLong(rs.getString("handled_below")),
                        instant(rs, "last_message_at"))).optional();
    }

    /**
     * Every transaction below the returned id has ended: its changes are visible, or will never be. The
     * dispatcher's horizon; a long transaction anywhere in the database holds it back (a delay, never a loss).
     */
    long horizon() {
        return Long.parseLong(jdbc.sql("select pg_snapshot_xmin(pg_current_snapshot())::text")
                .query(String.class).single());
    }

    /** The cursor moved to {@code horizon} (never back), and the message's time when one was made. */
    void handled(long id, long horizon, boolean messageMade) {
        jdbc.sql("""
                update alarm_subscription set handled_below = greatest(handled_below, cast(:h as xid8)),
                    last_message_at = case when :made then now() else last_message_at end
                where id = :id""").param("h", Long.toString(horizon)).param("made", messageMade).param("id", id)
                .update();
    }

    /**
     * The changes of transactions in [{@code from}, {@code to}) that the subscription asks for and its owner's
     * scope shows, each with its alarm, building and channel, in the order they were made. Acknowledgements are
     * not notified.
     */
    List<AlarmChange> changes(AlarmSubscription s, AccessScope scope, long from, long to) {
        String[] changes = s.notifyCleared() ? new String[] {"RAISED", "CLEARED"} : new String[] {"RAISED"};
        String[] severities = java.util.Arrays.stream(Severity.values()).filter(v -> v.atLeast(s.minSeverity()))
                .map(Enum::name).toArray(String[]::new);
        return Sql.format("""
                select c.id as change_id, c.change, c.at, a.public_id as alarm, a.rule, a.severity, a.object_kind,
                    a.object_id, a.object_label, a.raised_at, a.raised_detail, a.cleared_at, a.cleared_detail,
                    b.public_id as building, b.address as building_address,
                    ch.id as channel_id, ch.public_id as channel, ch.name as channel_name
                from alarm_change c join alarm a on a.id = c.alarm_id
                left join building b on b.id = a.building_id
                left join acquisition_channel ch on ch.id = a.channel_id
                where c.tx >= cast(:from as xid8) and c.tx < cast(:to as xid8)
                    and c.change = any(cast(:changes as text[])) and a.severity = any(cast(:severities as text[]))
                    and (cardinality(cast(:kinds as text[])) = 0 or a.rule = any(cast(:kinds as text[])))
                    and (cast(:building as bigint) is null or a.building_id = :building)
                    and %s
                order by c.id""", scope.visible("a.building_id", "a.premise_id"))
                .on(jdbc).param("from", Long.toString(from)).param("to", Long.toString(to))
                .param("changes", changes).param("severities", severities)
                .param("kinds", s.kinds().stream().map(Enum::name).toArray(String[]::new))
                .param("building", s.buildingId())
                .query((rs, n) -> change(rs)).list().stream().filter(java.util.Objects::nonNull).toList();
    }

    Instant databaseNow() {
        return jdbc.sql("select now()").query(Timestamp.class).single().toInstant();
    }

    /** A change whose rule this server does not know (a newer server wrote it) is left out: null. */
    private static AlarmChange change(ResultSet rs) throws SQLException {
        RuleKind rule;
        try {
            rule = RuleKind.valueOf(rs.getString("rule"));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
        long channelId = rs.getLong("channel_id");
        Long channel = rs.wasNull() ? null : channelId;
        return new AlarmChange(rs.getLong("change_id"), AlarmChange.Change.valueOf(rs.getString("change")),
                instant(rs, "at"), rs.getObject("alarm", UUID.class), rule, Severity.valueOf(rs.getString("severity")),
                org.openamr.server.alarm.AlarmObject.Kind.valueOf(rs.getString("object_kind")),
                rs.getObject("object_id", UUID.class), rs.getString("object_label"),
                rs.getObject("building", UUID.class), rs.getString("building_address"), channel,
                rs.getObject("channel", UUID.class), rs.getString("channel_name"), instant(rs, "raised_at"),
                rs.getString("raised_detail"), instant(rs, "cleared_at"), rs.getString("cleared_detail"));
    }

    private static AlarmSubscription subscription(ResultSet rs) throws SQLException {
        Set<RuleKind> kinds = EnumSet.noneOf(RuleKind.class);
        for (String k : strings(rs.getArray("kinds"))) {
            try {
                kinds.add(RuleKind.valueOf(k));
            } catch (IllegalArgumentException gone) {
                // a kind a newer server knew: it matches no alarm here
            }
        }
        Time quietFrom = rs.getTime("quiet_from");
        Time quietTo = rs.getTime("quiet_to");
        long building = rs.getLong("building_id");
        Long buildingId = rs.wasNull() ? null : building;
        return new AlarmSubscription(rs.getLong("id"), rs.getObject("public_id", UUID.class), rs.getLong("owner_id"),
                rs.getString("owner_name"), rs.getString("name"), rs.getObject("building_public_id", UUID.class),
                buildingId, Severity.valueOf(rs.getString("min_severity")), kinds,
                rs.getBoolean("notify_cleared"), List.of(strings(rs.getArray("recipients"))),
                rs.getString("webhook_url"),
                quietFrom == null ? null : new QuietHours(quietFrom.toLocalTime(), quietTo.toLocalTime()),
                ZoneId.of(rs.getString("time_zone")), rs.getInt("digest_minutes"),
                Locale.forLanguageTag(rs.getString("lang")), rs.getBoolean("enabled"),
                instant(rs, "created_at"));
    }

    private static String[] strings(Array a) throws SQLException {
        return (String[]) a.getArray();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
