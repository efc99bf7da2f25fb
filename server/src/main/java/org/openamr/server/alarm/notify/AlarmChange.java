package org.openamr.server.alarm.notify;

import java.time.Instant;
import java.util.UUID;
import org.openamr.server.alarm.AlarmObject;
import org.openamr.server.alarm.RuleKind;
import org.openamr.server.alarm.Severity;

/**
 * One change of the outbox a subscription is told of, with what a message says about its alarm.
 *
 * @param building      null for an alarm of no building (a channel of none)
 * @param channelId     the acquisition channel the object is read through, null when none: changes of one rule and
 *                      channel are one line of a message
 * @param clearedAt     null while the alarm is open
 */
public record AlarmChange(long changeId, Change change, Instant at, UUID alarm, RuleKind rule, Severity severity,
                          AlarmObject.Kind objectKind, UUID objectId, String objectLabel, UUID building,
                          String buildingAddress, Long channelId, UUID channel, String channelName, Instant raisedAt,
                          String raisedDetail, Instant clearedAt, String clearedDetail) {

    /** The changes that are notified; acknowledgements are someone's answer, not news. */
    public enum Change { RAISED, CLEARED }

    /** What the change says: the raising evidence, or the clearing one. */
    public String detail() {
        return change == Change.CLEARED && clearedDetail != null ? clearedDetail : raisedDetail;
    }

    /** When it happened to the alarm. */
    public Instant happenedAt() {
        return change == Change.CLEARED && clearedAt != null ? clearedAt : raisedAt;
    }
}
