package org.openamr.server.alarm.notify;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.openamr.server.alarm.RuleKind;
import org.openamr.server.alarm.Severity;

/**
 * A user's wish to hear of alarms: which (the owner's rights, optionally one building, a minimum severity, some
 * kinds or all, clearing too or not), how (e-mail recipients and/or a signed webhook), when (quiet hours, a digest
 * interval) and in which language. The webhook's secret is not here: only the sender opens it.
 *
 * @param building     the building filter's public id, null for every building the owner sees
 * @param buildingId   its row id, null likewise
 * @param kinds        empty for every kind
 * @param webhookUrl   null without a webhook
 * @param quietHours   null for none
 * @param digestMinutes 0 for a message as soon as changes are seen
 */
public record AlarmSubscription(long id, UUID publicId, long ownerId, String ownerName, String name, UUID building,
                                Long buildingId, Severity minSeverity, Set<RuleKind> kinds, boolean notifyCleared,
                                List<String> recipients, String webhookUrl, QuietHours quietHours, ZoneId zone,
                                int digestMinutes, Locale locale, boolean enabled, Instant createdAt) {

    public AlarmSubscription {
        kinds = Set.copyOf(kinds);
        recipients = List.copyOf(recipients);
    }
}
