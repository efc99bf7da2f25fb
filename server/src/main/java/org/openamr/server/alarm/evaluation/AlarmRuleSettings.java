package org.openamr.server.alarm.evaluation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.openamr.server.alarm.Label;
import org.openamr.server.alarm.RuleKind;
import org.openamr.server.alarm.Severity;
import org.openamr.server.api.BadRequestException;
import org.openamr.server.api.NotFoundException;
import org.openamr.server.point.MeteringPoint.Resource;
import org.openamr.server.security.AccessScope;
import org.openamr.server.security.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The rules' settings as users change them: the defaults of every rule for all buildings (administrators), and
 * overrides for a building or a point (who may edit that building's registry). Parameters are checked by the
 * rule's own record before they are stored, so that a value out of range is refused naming the field and never
 * reaches an evaluation.
 */
@Service
public class AlarmRuleSettings {

    private final RuleSettings settings;

    AlarmRuleSettings(RuleSettings settings) {
        this.settings = settings;
    }

    /** A kind of alarm a rule raises. */
    public record KindView(RuleKind kind, Severity severity, Label label) {
    }

    /** A stored setting as the API shows it. */
    public record SettingView(long id, Resource resource, UUID building, UUID point, boolean enabled,
                              JsonNode parameters) {
    }

    /**
     * A rule with its defaults per resource (a resource left out: off there unless a setting turns it on) and the
     * settings the caller sees.
     */
    public record RuleView(RuleSetting rule, List<KindView> kinds, Map<Resource, Object> defaults,
                           List<SettingView> settings) {
    }

    /** A setting to store: for every building (neither building nor point), a building, or a point. */
    public record SettingRequest(Resource resource, UUID building, UUID point, Boolean enabled, JsonNode parameters) {
    }

    public List<RuleView> list(AccessScope scope) {
        requireCompany(scope);
        Map<RuleSetting, List<SettingView>> settings = new EnumMap<>(RuleSetting.class);
        this.settings.visible(scope).forEach(v -> settings.computeIfAbsent(v.rule(), r -> new ArrayList<>())
                .add(v.view()));
        List<RuleView> out = new ArrayList<>();
        for (RuleSetting rule : RuleSetting.values()) {
            Map<Resource, Object> defaults = new EnumMap<>(Resource.class);
            for (Resource r : Resource.values()) {
                if (rule.defaults(r) != null) {
                    defaults.put(r, rule.defaults(r));
                }
            }
            out.add(new RuleView(rule, rule.kinds().stream().map(k -> new KindView(k, k.severity(), k.label()))
                    .toList(), defaults, settings.getOrDefault(rule, List.of())));
        }
        return out;
    }

    /**
     * Stores a setting, replacing the one of the same rule, resource, building and point.
     *
     * @throws BadRequestException   naming the field when the rule, the target or a parameter is wrong
     * @throws AccessDeniedException when the caller may not change settings there
     * @throws NotFoundException     when the building or point is not there for the caller
     */
    @Transactional
    public SettingView put(AccessScope scope, String ruleName, SettingRequest request) {
        requireCompany(scope);
        RuleSetting rule = rule(ruleName);
        if (request == null) {
            throw new BadRequestException("body: a setting is required ({\"enabled\": true, \"parameters\": {…}})");
        }
        if (request.building() != null && request.point() != null) {
            throw new BadRequestException("point: give a building or a point, not both");
        }
        Long building = null;
        Long point = null;
        if (request.point() != null) {
            point = settings.pointId(scope, request.point())
                    .orElseThrow(() -> new NotFoundException("point", request.point()));
        } else if (request.building() != null) {
            building = settings.buildingId(scope, request.building())
                    .orElseThrow(() -> new NotFoundException("building", request.building()));
        } else if (scope.role() != Role.ADMIN) {
            throw new AccessDeniedException("only administrators change a rule for every building");
        }
        if (!scope.mayEditRegistry()) {
            throw new AccessDeniedException(scope.role() + " may not change alarm rules");
        }
        boolean enabled = request.enabled() == null || request.enabled();
        JsonNode parameters = request.parameters() == null || request.parameters().isNull()
                ? RuleSettings.JSON.createObjectNode() : request.parameters();
        if (!parameters.isObject()) {
            throw new BadRequestException("parameters: an object of the rule's parameters is required");
        }
        if (enabled && (!parameters.isEmpty() || rule.defaults(request.resource()) == null)) {
            // checked by the rule's record: a value out of range is refused naming the field
            RuleSettings.parse(rule, parameters);
        }
        long id = settings.upsert(rule, request.resource(), building, point, enabled, parameters);
        return new SettingView(id, request.resource(), request.building(), request.point(), enabled, parameters);
    }

    /**
     * Removes a setting the caller may change: the rule falls back to the next less specific one.
     *
     * @throws NotFoundException when there is no such setting for the caller
     */
    @Transactional
    public void delete(AccessScope scope, String ruleName, long id) {
        requireCompany(scope);
        RuleSetting rule = rule(ruleName);
        if (!scope.mayEditRegistry()) {
            throw new AccessDeniedException(scope.role() + " may not change alarm rules");
        }
        int deleted = settings.delete(scope, rule, id);
        if (deleted == 0) {
            throw new NotFoundException("alarm rule setting", id);
        }
    }

    private static void requireCompany(AccessScope scope) {
        if (scope.role() == Role.RESIDENT) {
            throw new AccessDeniedException("residents do not set alarm rules");
        }
    }

    private static RuleSetting rule(String name) {
        try {
            return RuleSetting.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("rule: '" + name + "' is not one of " + java.util.Arrays.stream(
                    RuleSetting.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
