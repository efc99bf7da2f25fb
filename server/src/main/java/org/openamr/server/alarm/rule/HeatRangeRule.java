package org.openamr.server.alarm.rule;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;
import org.openamr.server.alarm.Evidence;
import org.openamr.server.alarm.RuleKind;
import org.openamr.server.alarm.Verdict;
import org.openamr.server.api.BadRequestException;
import org.openamr.server.consumption.Sample;

/**
 * The heat meter's metrological range, НС 1–3 of the heat sheet, from its newest instantaneous values against the
 * limits of the building meter's project (no defaults: they are the meter's own):
 * <ul>
 *   <li>{@link RuleKind#HEAT_FLOW_BELOW_RANGE}: the heat carrier flows, but less than Gmin (no flow at all is НС 7,
 *       which the meter's conditions report);</li>
 *   <li>{@link RuleKind#HEAT_FLOW_ABOVE_RANGE}: the flow is more than Gmax;</li>
 *   <li>{@link RuleKind#HEAT_DELTA_T_BELOW_MINIMUM}: the carrier flows and ΔT is less than ΔTmin (without flow ΔT
 *       measures nothing).</li>
 * </ul>
 * A value the condition needs that was not reported is unknown; the next readout within the range clears it.
 */
public record HeatRangeRule(Limits parameters, RuleKind kind) implements AlarmRule<HeatState> {

    private static final Set<RuleKind> KINDS = Set.of(RuleKind.HEAT_FLOW_BELOW_RANGE, RuleKind.HEAT_FLOW_ABOVE_RANGE,
            RuleKind.HEAT_DELTA_T_BELOW_MINIMUM);

    /**
     * The metrological limits of one building heat meter.
     *
     * @param gmin      the least flow of the measuring range, m³/h; not negative
     * @param gmax      the largest, m³/h; more than {@code gmin}
     * @param deltaTMin the least temperature difference, K; not negative
     */
    public record Limits(BigDecimal gmin, BigDecimal gmax, BigDecimal deltaTMin) {

        public Limits {
            RuleParameters.notNegative("gmin", gmin);
            RuleParameters.positive("gmax", gmax);
            RuleParameters.notNegative("deltaTMin", deltaTMin);
            if (gmin.compareTo(gmax) >= 0) {
                throw new BadRequestException("gmin: must be less than gmax "
                        + gmax.toPlainString() + " (was " + gmin.toPlainString() + ")");
            }
        }
    }

    public HeatRangeRule {
        Objects.requireNonNull(parameters, "parameters");
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException(kind + " is not a range of a heat meter");
        }
    }

    @Override
    public Verdict evaluate(HeatState meter) {
        Sample flow = meter.flow();
        if (flow == null) {
            return Verdict.unknown(Evidence.none(meter.object() + " reported no flow"));
        }
        String g = "flow " + flow.value().toPlainString() + " m3/h at " + flow.at();
        if (kind == RuleKind.HEAT_FLOW_BELOW_RANGE) {
            boolean below = flow.value().signum() > 0 && flow.value().compareTo(parameters.gmin()) < 0;
            return verdict(below, Evidence.of(flow.at(), g + ", Gmin " + parameters.gmin().toPlainString()));
        }
        if (kind == RuleKind.HEAT_FLOW_ABOVE_RANGE) {
            boolean above = flow.value().compareTo(parameters.gmax()) > 0;
            return verdict(above, Evidence.of(flow.at(), g + ", Gmax " + parameters.gmax().toPlainString()));
        }
        if (flow.value().signum() <= 0) {
            return Verdict.ended(Evidence.of(flow.at(), g + ": no flow, so ΔT measures nothing"));
        }
        Sample dt = meter.deltaT();
        if (dt == null) {
            return Verdict.unknown(Evidence.of(flow.at(), g + ", no temperature difference reported"));
        }
        boolean below = dt.value().compareTo(parameters.deltaTMin()) < 0;
        return verdict(below, Evidence.of(dt.at(), g + ", ΔT " + dt.value().toPlainString() + " K at " + dt.at()
                + ", ΔTmin " + parameters.deltaTMin().toPlainString() + " K"));
    }

    private static Verdict verdict(boolean holds, Evidence evidence) {
        return holds ? Verdict.holds(evidence) : Verdict.ended(evidence);
    }
}
