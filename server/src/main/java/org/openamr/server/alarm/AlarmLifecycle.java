package org.openamr.server.alarm;

import java.time.Instant;
import java.util.Objects;

/**
 * What a rule's verdict does to the alarm of its kind and object: raise one when the condition is first seen, leave
 * an open one as it is while the condition holds (one alarm per condition, not one per reading), clear it when the
 * condition ends, and nothing on missing data. A condition that returns after clearing raises a new alarm.
 */
public final class AlarmLifecycle {

    private AlarmLifecycle() {
    }

    public enum Change { RAISED, CLEARED, UNCHANGED }

    /**
     * @param alarm the raised or cleared alarm; on UNCHANGED the open one, or null when there is none
     */
    public record Transition(Change change, Alarm alarm) {
    }

    /**
     * @param open the open alarm of this kind and object, or null when there is none
     * @param now  when the evaluation runs: the alarm's raising or clearing time
     */
    public static Transition next(RuleKind rule, Severity severity, AlarmObject object, Alarm open, Verdict verdict,
            Instant now) {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(now, "now");
        if (open != null) {
            if (!open.open()) {
                throw new IllegalArgumentException("the alarm passed as open was cleared at " + open.clearedAt());
            }
            if (open.rule() != rule || !open.object().equals(object)) {
                throw new IllegalArgumentException("the open alarm is " + open.rule() + " of " + open.object()
                        + ", not " + rule + " of " + object);
            }
        }
        if (verdict.finding() == Verdict.Finding.HOLDS && open == null) {
            return new Transition(Change.RAISED, Alarm.raise(rule, object, severity, now, verdict.evidence()));
        }
        if (verdict.finding() == Verdict.Finding.ENDED && open != null) {
            return new Transition(Change.CLEARED, open.clear(now, verdict.evidence()));
        }
        return new Transition(Change.UNCHANGED, open);
    }
}
