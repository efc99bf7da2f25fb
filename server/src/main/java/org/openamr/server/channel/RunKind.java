package org.openamr.server.channel;

/** What a run does on a channel. */
public enum RunKind {
    /** Reads every meter registered on the channel. */
    POLL,
    /** Finds the meters on the bus and registers them. */
    SEARCH
}
