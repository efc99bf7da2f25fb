package org.openamr.server.alarm.journal;

import org.openamr.server.alarm.Alarm;

/** An alarm as the database holds it: its row id with the domain value. */
public record StoredAlarm(long id, Alarm alarm) {
}
