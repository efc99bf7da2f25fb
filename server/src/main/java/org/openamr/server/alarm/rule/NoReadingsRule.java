package org.openamr.server.alarm.rule;

import java.time.Duration;
import java.time.Instant;
import org.openamr.server.alarm.Evidence;
import org.openamr.server.alarm.RuleKind;
import org.openamr.server.alarm.Verdict;
import org.openamr.server.channel.SilenceRule;

/**
 * No readings: an object has delivered nothing for more than N periods of its schedule (default 2, so that one missed
 * poll is not an alarm) and never less than a minimum (default 48 h; all an object off schedule gets, as a
 * concentrator pushes when it pleases), counted from its newest reading, or from when readings were first expected
 * if it never delivered one. The defaults are the meters page's {@link SilenceRule}, so that the page's "silent" and
 * the alarm agree. An object not expected to deliver is unknown. Cleared by the next reading.
 */
public record NoReadingsRule(Parameters parameters) implements AlarmRule<Silence> {

    /**
     * @param periods how many schedule periods of silence, 1 to 1000
     * @param minimum the shortest silence that counts, 0 to 366 days
     */
    public record Parameters(int periods, Duration minimum) {

        public static final Parameters DEFAULT = new Parameters(SilenceRule.SLOTS, SilenceRule.MINIMUM);

        public Parameters {
            RuleParameters.between("periods", periods, 1, 1000);
            RuleParameters.between("minimum", minimum, Duration.ZERO, Duration.ofDays(366));
        }
    }

    @Override
    public RuleKind kind() {
        return RuleKind.NO_READINGS;
    }

    @Override
    public Verdict evaluate(Silence s) {
        Instant since = s.lastReadingAt() != null ? s.lastReadingAt() : s.expectedSince();
        if (since == null) {
            return Verdict.unknown(Evidence.none(s.object() + " is not expected to deliver readings"));
        }
        Duration allowed = parameters.minimum();
        Duration periods = s.schedulePeriod() == null ? null : s.schedulePeriod().multipliedBy(parameters.periods());
        if (periods != null && periods.compareTo(allowed) > 0) {
            allowed = periods;
        }
        Duration silent = Duration.between(since, s.now());
        String what = (s.lastReadingAt() != null ? "last reading at " : "no reading since it was expected at ") + since
                + ", " + silent.toMinutes() + " min before " + s.now() + " (allowed " + allowed.toMinutes()
                + " min)";
        if (silent.compareTo(allowed) > 0) {
            return Verdict.holds(Evidence.of(since, what));
        }
        return Verdict.ended(Evidence.of(since, what));
    }
}
