package org.openamr.server.alarm.rule;

import java.math.BigDecimal;
import org.openamr.server.alarm.RuleKind;
import org.openamr.server.alarm.Verdict;

/**
 * A leak: the point consumed more than a threshold in every one of the last N hours (default 24 hours, threshold 0:
 * any consumption at all), which a household does not do, since it sleeps. The input is the point's hourly
 * consumption; an hour without a figure leaves the condition unknown unless another hour of the window already
 * rules it out. Cleared by the newest hour at or below the threshold.
 */
public record LeakRule(Parameters parameters) implements AlarmRule<ConsumptionSeries> {

    /**
     * @param hours     how many hours in a row, 1 to 744 (a month)
     * @param threshold the consumption an hour must exceed, in the point's unit (m³ for water, kWh for heat); not
     *                  negative
     */
    public record Parameters(int hours, BigDecimal threshold) {

        public static final Parameters DEFAULT = new Parameters(24, BigDecimal.ZERO);

        public Parameters {
            RuleParameters.between("hours", hours, 1, 744);
            RuleParameters.notNegative("threshold", threshold);
        }
    }

    @Override
    public RuleKind kind() {
        return RuleKind.LEAK;
    }

    @Override
    public Verdict evaluate(ConsumptionSeries hourly) {
        BigDecimal threshold = parameters.threshold();
        return ConsumptionWindow.evaluate(hourly.intervals(), parameters.hours(), v -> v.compareTo(threshold) > 0,
                "above " + threshold.toPlainString(), "hours");
    }
}
