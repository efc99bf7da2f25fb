package org.openamr.server.event;

/** What happened to a meter's condition; {@code meter_event.kind} keeps the name. */
public enum EventKind {
    /** The condition appeared in a readout while it was not active. */
    RAISED,
    /** An active condition was no longer reported. */
    CLEARED
}
