package org.openamr.server.alarm.journal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openamr.server.alarm.Acknowledgement;
import org.openamr.server.alarm.Alarm;
import org.openamr.server.alarm.AlarmObject;
import org.openamr.server.alarm.AlarmState;
import org.openamr.server.alarm.Evidence;
import org.openamr.server.alarm.RuleKind;
import org.openamr.server.alarm.Severity;
import org.openamr.server.api.Page;
import org.openamr.server.consumption.SourceReading;
import org.openamr.server.security.AccessScope;
import org.openamr.server.sql.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code alarm} table: what the evaluation raises and clears (in batches, one statement per rule), what the
 * journal lists and acknowledges (always through the caller's {@link AccessScope}). The {@code alarm_change} outbox
 * and the audit log are written by the table's triggers.
 */
@Repository
public class AlarmRepository {

    /** The advisory lock of an evaluation ("OAMRAL"). */
    private static final long EVALUATION_LOCK = 0x4f41_4d52_414cL;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String VIEW = """
            select a.*, b.public_id as building_uuid, b.address as building_address, pr.public_id as premise_uuid,
                   pr.number as premise_number, c.name as channel_name
            """;
    private static final String FROM = """
            from alarm a left join building b on b.id = a.building_id left join premise pr on pr.id = a.premise_id
                 left join acquisition_channel c on c.id = a.channel_id""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public AlarmRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** A new alarm with where its object is, as the evaluation hands it over. */
    public record Raise(Alarm alarm, Long buildingId, Long premiseId, Long channelId, String objectLabel) {
    }

    /**
     * Takes the evaluation's lock for the current transaction, if no other instance holds it.
     *
     * @return whether this transaction holds it now
     */
    public boolean tryEvaluationLock() {
        return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(?)").param(EVALUATION_LOCK)
                .query(Boolean.class).single());
    }

    /** The open alarms of one rule, by object: what the evaluation compares its verdicts with. */
    public Map<AlarmObject, StoredAlarm> open(RuleKind rule) {
        Map<AlarmObject, StoredAlarm> out = new HashMap<>();
        jdbc.sql("select * from alarm where rule = ? and cleared_at is null").param(rule.name())
                .query((rs, n) -> new StoredAlarm(rs.getLong("id"), alarm(rs)))
                .list().forEach(s -> out.put(s.alarm().object(), s));
        return out;
    }

    public void insert(List<Raise> raised) {
        if (raised.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(raised.size());
        for (Raise r : raised) {
            Alarm a = r.alarm();
            rows.add(new Object[] {a.rule().name(), a.severity().name(), a.object().kind().name(), a.object().id(),
                    r.buildingId(), r.premiseId(), r.channelId(), r.objectLabel(), Timestamp.from(a.raisedAt()),
                    timestamp(a.raisingEvidence().at()), a.raisingEvidence().detail(),
                    readings(a.raisingEvidence())});
        }
        template.batchUpdate("""
                insert into alarm (rule, severity, object_kind, object_id, building_id, premise_id, channel_id,
                    object_label, raised_at, raised_evidence_at, raised_detail, raised_readings)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""", rows);
    }

    /** Clears open alarms; one already cleared (by another evaluation) is left as it is. */
    public void clear(List<StoredAlarm> cleared) {
        if (cleared.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(cleared.size());
        for (StoredAlarm s : cleared) {
            Alarm a = s.alarm();
            rows.add(new Object[] {Timestamp.from(a.clearedAt()), timestamp(a.clearingEvidence().at()),
                    a.clearingEvidence().detail(), readings(a.clearingEvidence()), s.id()});
        }
        template.batchUpdate("""
                update alarm set cleared_at = ?, cleared_evidence_at = ?, cleared_detail = ?, cleared_readings = ?::jsonb
                where id = ? and cleared_at is null""", rows);
    }

    public Page<AlarmView> page(AccessScope scope, AlarmFilter filter, int page, int size) {
        return Page.of(jdbc, VIEW, Sql.format(FROM + " where %s", where(scope, filter)),
                "a.cleared_at is not null, a.raised_at desc, a.id desc", (rs, n) -> view(rs), page, size);
    }

    public Optional<AlarmView> find(AccessScope scope, UUID id) {
        Sql where = visible(scope).and(Sql.of("a.public_id = :id").param("id", id));
        Sql query = Sql.format(VIEW + FROM + " where %s", where);
        return jdbc.sql(query.text()).params(query.params()).query((rs, n) -> view(rs)).optional();
    }

    /**
     * Acknowledges a visible alarm that nobody has acknowledged yet.
     *
     * @return whether it was acknowledged by this call
     */
    public boolean acknowledge(AccessScope scope, UUID id, String byName, long byUserId, String comment) {
        Sql where = visible(scope).and(Sql.of("a.public_id = :id and a.acknowledged_at is null").param("id", id));
        Sql update = Sql.format("""
                update alarm set acknowledged_at = greatest(clock_timestamp(), raised_at), acknowledged_by = :by_name,
                    acknowledged_by_id = (select public_id from app_user where id = :by_id), acknowledged_comment = :comment
                where id = (select a.id from alarm a where %s)""", where)
                .param("by_name", byName).param("by_id", byUserId).param("comment", comment);
        return jdbc.sql(update.text()).params(update.params()).update() == 1;
    }

    /** Open alarms the scope sees, per severity, for each building: the badges of lists. */
    public Map<UUID, Map<Severity, Integer>> openByBuilding(AccessScope scope) {
        Sql query = Sql.format("""
                select b.public_id, a.severity, count(*) from alarm a join building b on b.id = a.building_id
                where a.cleared_at is null and %s group by b.public_id, a.severity""", visible(scope));
        Map<UUID, Map<Severity, Integer>> out = new HashMap<>();
        jdbc.sql(query.text()).params(query.params()).query(rs -> {
            out.computeIfAbsent(rs.getObject(1, UUID.class), k -> new java.util.EnumMap<>(Severity.class))
                    .put(Severity.valueOf(rs.getString(2)), rs.getInt(3));
        });
        return out;
    }

    /**
     * The open alarms the scope sees of some objects, newest first: a meter's page lists the meter's own alarms with
     * those of the points it is installed at, which the filter of {@link #page} (one object) cannot ask for at once.
     */
    public List<AlarmView> openOf(AccessScope scope, java.util.Collection<UUID> objects, int limit) {
        if (objects.isEmpty()) {
            return List.of();
        }
        Sql where = visible(scope).and(Sql.of("a.cleared_at is null and a.object_id = any(:objects)")
                .param("objects", objects.toArray(UUID[]::new)));
        Sql query = Sql.format(VIEW + FROM + " where %s order by a.raised_at desc, a.id desc limit :limit", where)
                .param("limit", limit);
        return jdbc.sql(query.text()).params(query.params()).query((rs, n) -> view(rs)).list();
    }

    private static Sql visible(AccessScope scope) {
        return scope.visible("a.building_id", "a.premise_id");
    }

    private static Sql where(AccessScope scope, AlarmFilter f) {
        Sql where = visible(scope);
        Sql state = Sql.FALSE;
        var states = f.states().isEmpty() ? java.util.Set.of(AlarmFilter.StateFilter.OPEN) : f.states();
        for (AlarmFilter.StateFilter s : states) {
            state = state.or(Sql.of(switch (s) {
                case OPEN -> "a.cleared_at is null";
                case RAISED -> "(a.cleared_at is null and a.acknowledged_at is null)";
                case ACKNOWLEDGED -> "(a.cleared_at is null and a.acknowledged_at is not null)";
                case CLEARED -> "a.cleared_at is not null";
                case ALL -> "true";
            }));
        }
        where = where.and(state);
        if (f.minSeverity() != null) {
            List<String> severities = new ArrayList<>();
            for (Severity s : Severity.values()) {
                if (s.atLeast(f.minSeverity())) {
                    severities.add(s.name());
                }
            }
            where = where.and(Sql.of("a.severity = any(:severities)").param("severities",
                    severities.toArray(String[]::new)));
        }
        if (!f.rules().isEmpty()) {
            where = where.and(Sql.of("a.rule = any(:rules)").param("rules",
                    f.rules().stream().map(RuleKind::name).toArray(String[]::new)));
        }
        if (f.building() != null) {
            where = where.and(Sql.of("b.public_id = :building").param("building", f.building()));
        }
        if (f.premise() != null) {
            where = where.and(Sql.of("pr.public_id = :premise").param("premise", f.premise()));
        }
        if (f.object() != null) {
            where = where.and(Sql.of("a.object_id = :object").param("object", f.object()));
        }
        return where;
    }

    private static Alarm alarm(ResultSet rs) throws SQLException {
        Acknowledgement ack = rs.getTimestamp("acknowledged_at") == null ? null
                : new Acknowledgement(rs.getObject("acknowledged_by_id", UUID.class) == null ? new UUID(0, 0)
                        : rs.getObject("acknowledged_by_id", UUID.class), instant(rs, "acknowledged_at"),
                        rs.getString("acknowledged_comment"));
        Instant cleared = instant(rs, "cleared_at");
        return new Alarm(RuleKind.valueOf(rs.getString("rule")),
                new AlarmObject(AlarmObject.Kind.valueOf(rs.getString("object_kind")),
                        rs.getObject("object_id", UUID.class)),
                Severity.valueOf(rs.getString("severity")), instant(rs, "raised_at"),
                new Evidence(instant(rs, "raised_evidence_at"), rs.getString("raised_detail"), List.of()), ack,
                cleared, cleared == null ? null
                        : new Evidence(instant(rs, "cleared_evidence_at"), rs.getString("cleared_detail"), List.of()));
    }

    private static AlarmView view(ResultSet rs) throws SQLException {
        RuleKind rule = RuleKind.valueOf(rs.getString("rule"));
        Instant cleared = instant(rs, "cleared_at");
        Instant acknowledged = instant(rs, "acknowledged_at");
        AlarmState state = cleared != null ? AlarmState.CLEARED
                : acknowledged != null ? AlarmState.ACKNOWLEDGED : AlarmState.RAISED;
        return new AlarmView(rs.getObject("public_id", UUID.class), rule, rule.label(),
                Severity.valueOf(rs.getString("severity")), state,
                new AlarmObject(AlarmObject.Kind.valueOf(rs.getString("object_kind")),
                        rs.getObject("object_id", UUID.class)),
                rs.getString("object_label"), rs.getObject("building_uuid", UUID.class),
                rs.getString("building_address"), rs.getObject("premise_uuid", UUID.class),
                rs.getString("premise_number"), rs.getString("channel_name"), instant(rs, "raised_at"),
                instant(rs, "raised_evidence_at"), rs.getString("raised_detail"), json(rs.getString("raised_readings")),
                acknowledged, rs.getString("acknowledged_by"), rs.getString("acknowledged_comment"), cleared,
                instant(rs, "cleared_evidence_at"), rs.getString("cleared_detail"),
                json(rs.getString("cleared_readings")));
    }

    /** The readings behind a finding, as the journal keeps them: exact values as strings, never numbers. */
    static String readings(Evidence evidence) {
        ArrayNode array = JSON.createArrayNode();
        for (SourceReading r : evidence.readings()) {
            ObjectNode o = array.addObject();
            if (r.registerId() != null) {
                o.put("register", r.registerId());
            }
            o.put("meter", r.meterSerial());
            o.put("at", r.measuredAt().toString());
            o.put("value", r.value().toPlainString());
            o.put("unit", r.unit().symbol());
            o.put("kind", r.kind().name());
        }
        return JSON.writeValueAsString(array);
    }

    private static JsonNode json(String text) {
        return text == null ? null : JSON.readTree(text);
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
