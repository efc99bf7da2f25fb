package org.openamr.server.alarm;

/** Where an alarm is in its life. */
public enum AlarmState {
    /** raised, nobody has acknowledged it */
    RAISED,
    /** someone has acknowledged it; the condition still holds */
    ACKNOWLEDGED,
    /** the condition has ended (acknowledged or not): history */
    CLEARED
}
