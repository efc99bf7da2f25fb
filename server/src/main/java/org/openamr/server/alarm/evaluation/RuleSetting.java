package org.openamr.server.alarm.evaluation;

import java.util.List;
import java.util.function.Function;
import org.openamr.server.alarm.RuleKind;
import org.openamr.server.alarm.rule.ClockDriftRule;
import org.openamr.server.alarm.rule.HeatRangeRule;
import org.openamr.server.alarm.rule.ImbalanceRule;
import org.openamr.server.alarm.rule.ImplausibleJumpRule;
import org.openamr.server.alarm.rule.LeakRule;
import org.openamr.server.alarm.rule.NoConsumptionRule;
import org.openamr.server.alarm.rule.NoReadingsRule;
import org.openamr.server.alarm.rule.RegisterDecreaseRule;
import org.openamr.server.alarm.rule.VerificationDueRule;
import org.openamr.server.point.MeteringPoint.Resource;

/**
 * The rules as their settings name them ({@code alarm_rule_setting.rule}): each with its parameters record, the
 * alarm kinds it raises and its defaults per resource. A null default means the rule is off for that resource until
 * a setting turns it on with parameters: a leak of heat is a heated flat in winter, and a heat meter's range is the
 * meter's own (Gmin, Gmax and ΔTmin of its project), not something a default could know.
 */
public enum RuleSetting {
    METER_CONDITION(NoParameters.class, List.of(RuleKind.METER_ERROR, RuleKind.LOW_BATTERY),
            r -> NoParameters.INSTANCE),
    LEAK(LeakRule.Parameters.class, List.of(RuleKind.LEAK), r -> water(r) ? LeakRule.Parameters.DEFAULT : null),
    NO_CONSUMPTION(NoConsumptionRule.Parameters.class, List.of(RuleKind.NO_CONSUMPTION),
            r -> water(r) ? NoConsumptionRule.Parameters.DEFAULT : null),
    REGISTER_DECREASE(RegisterDecreaseRule.Parameters.class, List.of(RuleKind.REGISTER_DECREASE),
            r -> RegisterDecreaseRule.Parameters.DEFAULT),
    IMPLAUSIBLE_JUMP(ImplausibleJumpRule.Parameters.class, List.of(RuleKind.IMPLAUSIBLE_JUMP),
            r -> water(r) ? ImplausibleJumpRule.Parameters.WATER_DEFAULT : null),
    HEAT_RANGE(HeatRangeRule.Limits.class, List.of(RuleKind.HEAT_FLOW_BELOW_RANGE, RuleKind.HEAT_FLOW_ABOVE_RANGE,
            RuleKind.HEAT_DELTA_T_BELOW_MINIMUM), r -> null),
    IMBALANCE(ImbalanceRule.Parameters.class, List.of(RuleKind.IMBALANCE), r -> ImbalanceRule.Parameters.DEFAULT),
    NO_READINGS(NoReadingsRule.Parameters.class, List.of(RuleKind.NO_READINGS), r -> NoReadingsRule.Parameters.DEFAULT),
    CLOCK_DRIFT(ClockDriftRule.Parameters.class, List.of(RuleKind.CLOCK_DRIFT), r -> ClockDriftRule.Parameters.DEFAULT),
    VERIFICATION_DUE(VerificationDueRule.Parameters.class, List.of(RuleKind.VERIFICATION_DUE),
            r -> VerificationDueRule.Parameters.DEFAULT);

    /** The parameters of a rule that has none: a setting can still turn it off. */
    public record NoParameters() {
        static final NoParameters INSTANCE = new NoParameters();
    }

    private final Class<?> parameters;
    private final List<RuleKind> kinds;
    private final Function<Resource, Object> defaults;

    RuleSetting(Class<?> parameters, List<RuleKind> kinds, Function<Resource, Object> defaults) {
        this.parameters = parameters;
        this.kinds = kinds;
        this.defaults = defaults;
    }

    public Class<?> parametersType() {
        return parameters;
    }

    public List<RuleKind> kinds() {
        return kinds;
    }

    /**
     * @param resource null for objects of no one resource (channels, a building's balance asks per resource)
     * @return the parameters a rule runs with where no setting says otherwise; null: off by default
     */
    public Object defaults(Resource resource) {
        return defaults.apply(resource);
    }

    private static boolean water(Resource r) {
        return r == Resource.COLD_WATER || r == Resource.HOT_WATER;
    }
}
