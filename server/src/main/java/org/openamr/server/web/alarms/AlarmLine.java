package org.openamr.server.web.alarms;

import java.time.ZoneId;
import org.openamr.server.alarm.journal.AlarmView;

/**
 * An alarm as the pages show it: its words in the reader's language, its times in its building's zone.
 *
 * @param rule     what the rule detects, in the reader's language
 * @param severity the severity in words, in the reader's language
 * @param label    the object as the journal recorded it, with its words in the reader's language
 * @param object   the same without its building's address, for where the address is said beside it or is the page's
 */
public record AlarmLine(AlarmView alarm, ZoneId zone, String rule, String severity, String label, String object) {

    /** Whether someone may still acknowledge it: open, and nobody has yet. */
    public boolean awaitsAcknowledgement() {
        return alarm.clearedAt() == null && alarm.acknowledgedAt() == null;
    }
}
