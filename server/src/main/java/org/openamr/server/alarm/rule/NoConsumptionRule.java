package org.openamr.server.alarm.rule;

import org.openamr.server.alarm.Evidence;
import org.openamr.server.alarm.RuleKind;
import org.openamr.server.alarm.Verdict;

/**
 * No consumption: a point of a premise marked occupied consumed nothing in each of the last N days (default 30): a
 * stuck meter, a bypass, or a resident who has moved out. The input is the point's daily consumption; a day without
 * a figure leaves the condition unknown unless a day of the window already shows consumption. Cleared by the newest
 * day with consumption, or when the premise is no longer marked occupied.
 */
public record NoConsumptionRule(Parameters parameters) implements AlarmRule<ConsumptionSeries> {

    /** @param days how many days in a row, 1 to 366 */
    public record Parameters(int days) {

        public static final Parameters DEFAULT = new Parameters(30);

        public Parameters {
            RuleParameters.between("days", days, 1, 366);
        }
    }

    @Override
    public RuleKind kind() {
        return RuleKind.NO_CONSUMPTION;
    }

    @Override
    public Verdict evaluate(ConsumptionSeries daily) {
        if (!daily.occupied() && !daily.intervals().isEmpty()) {
            return Verdict.ended(Evidence.of(daily.intervals().get(daily.intervals().size() - 1).interval().end(),
                    "the premise is not marked occupied"));
        }
        return ConsumptionWindow.evaluate(daily.intervals(), parameters.days(), v -> v.signum() == 0, "zero", "days");
    }
}
