package org.openamr.server.alarm.rule;

import java.time.Duration;
import org.openamr.server.alarm.Evidence;
import org.openamr.server.alarm.RuleKind;
import org.openamr.server.alarm.Verdict;

/**
 * The meter's clock is off by more than N minutes (default 10) either way from the server's at its newest readout;
 * its due-date values are then stored for the wrong moment. Unknown when the meter does not report its clock;
 * cleared by a readout within the limit.
 */
public record ClockDriftRule(Parameters parameters) implements AlarmRule<MeterClock> {

    /** @param minutes the largest drift, 1 to 1440 */
    public record Parameters(int minutes) {

        public static final Parameters DEFAULT = new Parameters(10);

        public Parameters {
            RuleParameters.between("minutes", minutes, 1, 1440);
        }
    }

    @Override
    public RuleKind kind() {
        return RuleKind.CLOCK_DRIFT;
    }

    @Override
    public Verdict evaluate(MeterClock clock) {
        if (clock.meterTime() == null) {
            return Verdict.unknown(Evidence.none(clock.object() + " does not report its clock"));
        }
        Duration drift = Duration.between(clock.receivedAt(), clock.meterTime());
        Evidence evidence = Evidence.of(clock.receivedAt(), "meter clock " + clock.meterTime() + " at "
                + clock.receivedAt() + ": " + (drift.isNegative() ? "behind" : "ahead") + " by "
                + drift.abs().toSeconds() + " s (limit " + parameters.minutes() + " min)");
        return drift.abs().compareTo(Duration.ofMinutes(parameters.minutes())) > 0 ? Verdict.holds(evidence)
                : Verdict.ended(evidence);
    }
}
