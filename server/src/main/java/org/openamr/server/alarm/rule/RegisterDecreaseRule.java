package org.openamr.server.alarm.rule;

import java.math.BigDecimal;
import org.openamr.server.alarm.Label;
import org.openamr.server.alarm.RuleKind;
import org.openamr.server.alarm.Verdict;
import org.openamr.server.consumption.Rollover;

/**
 * A cumulative register read lower than the time before (by more than a tolerance, default 0), with its likely
 * cause: the register rolled over, the meter was replaced without the registry being told, or it runs backwards
 * ({@link Cause}). The input is the meter's newest readings; the condition is about the newest step, so the next
 * reading that does not go down clears it. Fewer than two readings are unknown.
 */
public record RegisterDecreaseRule(Parameters parameters) implements AlarmRule<RegisterReadings> {

    /** What a lower reading most likely means. */
    public enum Cause {
        /** the register wrapped past its last digit (consumption counts it as such) */
        ROLLOVER("the register rolled over", "счётчик перешёл через ноль"),
        /** the value fell to a tenth or less of the one before: a new meter starts near zero */
        REPLACEMENT("the meter was probably replaced", "вероятно, прибор заменён"),
        /** a smaller step down: the meter runs backwards, or is fitted against the flow */
        REVERSE_RUNNING("the meter runs backwards", "обратный ход прибора");

        private final Label label;

        Cause(String labelEn, String labelRu) {
            this.label = new Label(labelEn, labelRu);
        }

        public Label label() {
            return label;
        }
    }

    /** A replacement is likely when the later value is at most 1/this of the earlier one. */
    private static final BigDecimal REPLACEMENT_DIVISOR = BigDecimal.TEN;

    /** @param tolerance a step down no larger than this is not reported (in the register's unit); not negative */
    public record Parameters(BigDecimal tolerance) {

        public static final Parameters DEFAULT = new Parameters(BigDecimal.ZERO);

        public Parameters {
            RuleParameters.notNegative("tolerance", tolerance);
        }
    }

    @Override
    public RuleKind kind() {
        return RuleKind.REGISTER_DECREASE;
    }

    @Override
    public Verdict evaluate(RegisterReadings meter) {
        RegisterReadings.Step step = meter.newestStep();
        if (step == null) {
            return meter.noStep();
        }
        BigDecimal before = step.before().value();
        BigDecimal after = step.after().value();
        String went = "meter " + meter.meterSerial() + " went from " + before.toPlainString() + " at "
                + step.before().at() + " to " + after.toPlainString() + " at " + step.after().at();
        if (before.subtract(after).compareTo(parameters.tolerance()) > 0) {
            Cause cause = cause(before, after, meter.registerDigits());
            return Verdict.holds(meter.evidence(step.after().at(), went + ": " + cause.label().en(), step.before(),
                    step.after()));
        }
        return Verdict.ended(meter.evidence(step.after().at(), went, step.before(), step.after()));
    }

    /** Why a register went down from {@code before} to {@code after}. */
    public static Cause cause(BigDecimal before, BigDecimal after, Integer registerDigits) {
        BigDecimal modulus = Rollover.modulus(registerDigits, Math.max(before.scale(), after.scale()));
        if (Rollover.rollsOver(before, after, modulus)) {
            return Cause.ROLLOVER;
        }
        if (after.multiply(REPLACEMENT_DIVISOR).compareTo(before) <= 0) {
            return Cause.REPLACEMENT;
        }
        return Cause.REVERSE_RUNNING;
    }
}
