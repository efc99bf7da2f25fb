package org.openamr.server.alarm.rule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.openamr.server.alarm.Evidence;
import org.openamr.server.alarm.RuleKind;
import org.openamr.server.alarm.Verdict;

/**
 * Verification due: the meter's next verification is within N days (default 30) or past, in the building's calendar;
 * after that date its readings are not accepted for billing. Unknown when the date is not recorded; cleared when a
 * later date is recorded (the meter was verified).
 */
public record VerificationDueRule(Parameters parameters) implements AlarmRule<VerificationDates> {

    /** @param daysAhead how many days before the date it is due, 0 to 366 */
    public record Parameters(int daysAhead) {

        public static final Parameters DEFAULT = new Parameters(30);

        public Parameters {
            RuleParameters.between("daysAhead", daysAhead, 0, 366);
        }
    }

    @Override
    public RuleKind kind() {
        return RuleKind.VERIFICATION_DUE;
    }

    @Override
    public Verdict evaluate(VerificationDates meter) {
        if (meter.nextVerification() == null) {
            return Verdict.unknown(Evidence.none(meter.object() + " has no next verification date"));
        }
        LocalDate today = meter.now().atZone(meter.zone()).toLocalDate();
        long days = ChronoUnit.DAYS.between(today, meter.nextVerification());
        String when = days < 0 ? "overdue by " + -days + " days" : days == 0 ? "due today" : "due in " + days + " days";
        Instant dayStart = today.atStartOfDay(meter.zone()).toInstant();
        Evidence evidence = Evidence.of(dayStart, "next verification on " + meter.nextVerification() + ": " + when);
        return days <= parameters.daysAhead() ? Verdict.holds(evidence) : Verdict.ended(evidence);
    }

    /** Whether the date has passed, for a text or a severity that tells overdue from due. */
    public static boolean overdue(VerificationDates meter) {
        return meter.nextVerification() != null
                && meter.nextVerification().isBefore(meter.now().atZone(meter.zone()).toLocalDate());
    }
}
