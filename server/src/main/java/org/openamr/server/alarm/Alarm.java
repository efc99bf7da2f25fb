package org.openamr.server.alarm;

import java.time.Instant;
import java.util.Objects;

/**
 * One occurrence of a rule's condition at an object, from the moment it was first seen to the moment it ended. While
 * it is open there is no second alarm of the same kind for the object ({@link AlarmLifecycle}); after it is cleared
 * the condition's return is a new alarm, so that the journal keeps each occurrence with its own evidence.
 *
 * @param raisedAt        when the evaluation saw the condition (the evidence says which reading showed it)
 * @param acknowledgement null until someone acknowledges it
 * @param clearedAt       null while the condition holds
 * @param clearingEvidence null while the condition holds
 */
public record Alarm(RuleKind rule, AlarmObject object, Severity severity, Instant raisedAt, Evidence raisingEvidence,
                    Acknowledgement acknowledgement, Instant clearedAt, Evidence clearingEvidence) {

    public Alarm {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(raisedAt, "raisedAt");
        Objects.requireNonNull(raisingEvidence, "raisingEvidence");
        if ((clearedAt == null) != (clearingEvidence == null)) {
            throw new IllegalArgumentException("an alarm is cleared with a time and the clearing evidence, or not at all");
        }
        if (clearedAt != null && clearedAt.isBefore(raisedAt)) {
            throw new IllegalArgumentException("alarm cleared at " + clearedAt + ", before it was raised at " + raisedAt);
        }
        if (acknowledgement != null && acknowledgement.at().isBefore(raisedAt)) {
            throw new IllegalArgumentException("alarm acknowledged at " + acknowledgement.at()
                    + ", before it was raised at " + raisedAt);
        }
    }

    /** A new, open alarm. */
    public static Alarm raise(RuleKind rule, AlarmObject object, Severity severity, Instant at, Evidence evidence) {
        return new Alarm(rule, object, severity, at, evidence, null, null, null);
    }

    public AlarmState state() {
        if (clearedAt != null) {
            return AlarmState.CLEARED;
        }
        return acknowledgement == null ? AlarmState.RAISED : AlarmState.ACKNOWLEDGED;
    }

    public boolean open() {
        return clearedAt == null;
    }

    /**
     * The alarm acknowledged. A cleared alarm may still be acknowledged (someone saw it after the condition ended);
     * an acknowledgement is never replaced, so the journal keeps who saw it first.
     *
     * @throws IllegalStateException when it is acknowledged already
     */
    public Alarm acknowledge(Acknowledgement ack) {
        Objects.requireNonNull(ack, "ack");
        if (acknowledgement != null) {
            throw new IllegalStateException("the alarm was acknowledged already at " + acknowledgement.at());
        }
        return new Alarm(rule, object, severity, raisedAt, raisingEvidence, ack, clearedAt, clearingEvidence);
    }

    /**
     * The alarm cleared because its condition ended.
     *
     * @throws IllegalStateException when it is cleared already
     */
    public Alarm clear(Instant at, Evidence evidence) {
        if (clearedAt != null) {
            throw new IllegalStateException("the alarm was cleared already at " + clearedAt);
        }
        return new Alarm(rule, object, severity, raisedAt, raisingEvidence, acknowledgement, at, evidence);
    }
}
