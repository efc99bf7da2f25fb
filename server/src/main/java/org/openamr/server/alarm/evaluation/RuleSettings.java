package org.openamr.server.alarm.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openamr.server.security.AccessScope;
import org.openamr.server.security.Role;
import org.openamr.server.sql.Sql;
import org.openamr.server.api.BadRequestException;
import org.openamr.server.point.MeteringPoint.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rules' settings ({@code alarm_rule_setting}): a row per rule and optionally resource, building or point. The
 * most specific row that matches an object wins — point, then building with its resource, building, resource, the
 * rule as a whole — and a rule without a matching row runs with its defaults ({@link RuleSetting#defaults}).
 */
@Repository
public class RuleSettings {

    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final JdbcClient jdbc;

    RuleSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored setting. */
    public record Setting(long id, RuleSetting rule, Resource resource, Long buildingId, Long pointId,
                          boolean enabled, JsonNode parameters) {

        int specificity() {
            if (pointId != null) {
                return 4;
            }
            if (buildingId != null) {
                return resource != null ? 3 : 2;
            }
            return resource != null ? 1 : 0;
        }
    }

    /** A setting with the public ids of its building and point, as the caller may see it. */
    record Visible(RuleSetting rule, AlarmRuleSettings.SettingView view) {
    }

    /** The settings a scope sees: those for every building, and those of buildings and points it sees. */
    List<Visible> visible(AccessScope scope) {
        List<Visible> out = new ArrayList<>();
        Sql.format("""
                select s.*, b.public_id as building_uuid, p.public_id as point_uuid
                from alarm_rule_setting s left join metering_point p on p.id = s.point_id
                left join building b on b.id = coalesce(s.building_id, p.building_id)
                where b.id is null or %s order by s.id""", scope.building("b.id"))
                .on(jdbc).query(rs -> {
                    String resource = rs.getString("resource");
                    boolean ofBuilding = rs.getObject("building_id") != null;
                    out.add(new Visible(RuleSetting.valueOf(rs.getString("rule")), new AlarmRuleSettings.SettingView(
                            rs.getLong("id"), resource == null ? null : Resource.valueOf(resource),
                            ofBuilding ? rs.getObject("building_uuid", UUID.class) : null,
                            rs.getObject("point_uuid", UUID.class), rs.getBoolean("enabled"),
                            JSON.readTree(rs.getString("parameters")))));
                });
        return out;
    }

    Optional<Long> pointId(AccessScope scope, UUID point) {
        return Sql.format("select p.id from metering_point p where p.public_id = :id and %s",
                scope.building("p.building_id")).on(jdbc).param("id", point).query(Long.class).optional();
    }

    Optional<Long> buildingId(AccessScope scope, UUID building) {
        return Sql.format("select b.id from building b where b.public_id = :id and %s", scope.building("b.id"))
                .on(jdbc).param("id", building).query(Long.class).optional();
    }

    /** Stores a setting, replacing the one of the same rule, resource, building and point; its id. */
    long upsert(RuleSetting rule, Resource resource, Long building, Long point, boolean enabled, JsonNode parameters) {
        return jdbc.sql("""
                insert into alarm_rule_setting (rule, resource, building_id, point_id, enabled, parameters)
                values (:rule, :resource, :building, :point, :enabled, :parameters::jsonb)
                on conflict (rule, coalesce(resource, ''), coalesce(building_id, 0), coalesce(point_id, 0))
                do update set enabled = excluded.enabled, parameters = excluded.parameters, updated_at = now()
                returning id""")
                .param("rule", rule.name()).param("resource", resource == null ? null : resource.name())
                .param("building", building).param("point", point).param("enabled", enabled)
                .param("parameters", JSON.writeValueAsString(parameters)).query(Long.class).single();
    }

    /** Deletes a setting of a building or point the scope sees (any, for an administrator); rows deleted. */
    int delete(AccessScope scope, RuleSetting rule, long id) {
        Sql visible = scope.role() == Role.ADMIN ? Sql.TRUE
                : Sql.format("coalesce(s.building_id, p.building_id) is not null and %s", scope.building("b.id"));
        return Sql.format("""
                delete from alarm_rule_setting where id = (
                    select s.id from alarm_rule_setting s left join metering_point p on p.id = s.point_id
                    left join building b on b.id = coalesce(s.building_id, p.building_id)
                    where s.id = :id and s.rule = :rule and %s)""", visible)
                .on(jdbc).param("id", id).param("rule", rule.name()).update();
    }

    /** All settings, read once per evaluation. */
    public Snapshot load() {
        List<Setting> all = new ArrayList<>();
        jdbc.sql("select * from alarm_rule_setting").query(rs -> {
            String resource = rs.getString("resource");
            all.add(new Setting(rs.getLong("id"), RuleSetting.valueOf(rs.getString("rule")),
                    resource == null ? null : Resource.valueOf(resource), (Long) rs.getObject("building_id"),
                    (Long) rs.getObject("point_id"), rs.getBoolean("enabled"), JSON.readTree(rs.getString("parameters"))));
        });
        return new Snapshot(all);
    }

    /**
     * A rule's parameters from JSON, checked by its record: a value out of range is refused naming the field.
     *
     * @throws BadRequestException naming the field when the JSON does not make valid parameters
     */
    public static Object parse(RuleSetting rule, JsonNode parameters) {
        try {
            return JSON.treeToValue(parameters == null ? JSON.createObjectNode() : parameters, rule.parametersType());
        } catch (JacksonException e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof BadRequestException)) {
                cause = cause.getCause();
            }
            if (cause instanceof BadRequestException bad) {
                throw bad;
            }
            throw new BadRequestException("parameters of " + rule + ": " + e.getOriginalMessage());
        }
    }

    /** The settings at one moment. */
    public static final class Snapshot {

        private final List<Setting> all;

        Snapshot(List<Setting> all) {
            this.all = List.copyOf(all);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Snapshot other && all.equals(other.all);
        }

        @Override
        public int hashCode() {
            return all.hashCode();
        }

        /**
         * The parameters a rule runs with for an object, or empty when it is off there.
         *
         * @param resource null for objects of no one resource
         */
        public Optional<Object> parameters(RuleSetting rule, Resource resource, Long buildingId, Long pointId) {
            Setting best = null;
            for (Setting s : all) {
                if (s.rule() == rule && (s.resource() == null || s.resource() == resource)
                        && (s.buildingId() == null || s.buildingId().equals(buildingId))
                        && (s.pointId() == null || s.pointId().equals(pointId))
                        && (best == null || s.specificity() > best.specificity())) {
                    best = s;
                }
            }
            if (best == null) {
                return Optional.ofNullable(rule.defaults(resource));
            }
            if (!best.enabled()) {
                return Optional.empty();
            }
            // a setting that only turns a rule on takes the defaults; parameters it names replace them all
            if (best.parameters().isEmpty() && rule.defaults(resource) != null) {
                return Optional.of(rule.defaults(resource));
            }
            try {
                return Optional.of(parse(rule, best.parameters()));
            } catch (BadRequestException stale) {
                // a row written before a range was narrowed: the rule stays off rather than running on bad figures
                return Optional.empty();
            }
        }
    }
}
