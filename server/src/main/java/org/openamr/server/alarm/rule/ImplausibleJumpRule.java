package org.openamr.server.alarm.rule;

import java.math.BigDecimal;
import java.time.Duration;
import org.openamr.server.alarm.RuleKind;
import org.openamr.server.alarm.Verdict;

/**
 * A jump: the register rose between its two newest readings faster than the meter can count, i.e. more than its
 * maximum flow per hour times the hours between them; a misread value or a wrong register, not consumption. Default
 * 3.125 m³/h, the overload flow Q4 of an apartment water meter (DN15, Q3 = 2.5 m³/h); heat points want their own in
 * kWh per hour. The next reading that rises plausibly (or does not rise) clears it; fewer than two readings are
 * unknown.
 */
public record ImplausibleJumpRule(Parameters parameters) implements AlarmRule<RegisterReadings> {

    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    /** @param maxPerHour the most the register can rise in an hour, in its unit; more than 0 */
    public record Parameters(BigDecimal maxPerHour) {

        public static final Parameters WATER_DEFAULT = new Parameters(new BigDecimal("3.125"));

        public Parameters {
            RuleParameters.positive("maxPerHour", maxPerHour);
        }
    }

    @Override
    public RuleKind kind() {
        return RuleKind.IMPLAUSIBLE_JUMP;
    }

    @Override
    public Verdict evaluate(RegisterReadings meter) {
        RegisterReadings.Step step = meter.newestStep();
        if (step == null) {
            return meter.noStep();
        }
        BigDecimal rise = step.after().value().subtract(step.before().value());
        long seconds = Duration.between(step.before().at(), step.after().at()).toSeconds();
        String went = "meter " + meter.meterSerial() + " rose by " + rise.toPlainString() + " in " + seconds
                + " s, from " + step.before().at() + " to " + step.after().at();
        // compared as rise × 3600 > max × seconds, so that no rate is divided out and rounded
        if (rise.multiply(SECONDS_PER_HOUR).compareTo(parameters.maxPerHour().multiply(BigDecimal.valueOf(seconds)))
                > 0) {
            return Verdict.holds(meter.evidence(step.after().at(), went + ", more than "
                    + parameters.maxPerHour().toPlainString() + " per hour allows", step.before(), step.after()));
        }
        return Verdict.ended(meter.evidence(step.after().at(), went, step.before(), step.after()));
    }
}
