package org.openamr.server.alarm.journal;

import java.time.Instant;
import java.util.UUID;
import org.openamr.server.alarm.AlarmObject;
import org.openamr.server.alarm.AlarmState;
import org.openamr.server.alarm.Label;
import org.openamr.server.alarm.RuleKind;
import org.openamr.server.alarm.Severity;
import tools.jackson.databind.JsonNode;

/**
 * An alarm as the journal, the pages and the API show it.
 *
 * @param label           what the rule detects, in both languages
 * @param objectLabel     the object in words, as it was when the alarm was raised
 * @param building        null for a channel of no building
 * @param premise         null for building-level objects
 * @param raisedReadings  the stored values the raising rests on (JSON array, maybe empty)
 * @param clearedReadings the same for the clearing, null while open
 */
public record AlarmView(UUID id, RuleKind rule, Label label, Severity severity, AlarmState state, AlarmObject object,
                        String objectLabel, UUID building, String buildingAddress, UUID premise,
                        String premiseNumber, String channel, Instant raisedAt, Instant raisedEvidenceAt,
                        String raisedDetail, JsonNode raisedReadings, Instant acknowledgedAt,
                        String acknowledgedBy, String acknowledgedComment, Instant clearedAt,
                        Instant clearedEvidenceAt, String clearedDetail, JsonNode clearedReadings) {
}
