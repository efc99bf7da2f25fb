package org.openamr.server.channel;

/** Why a run happened. */
public enum Trigger {
    /** The channel's cron schedule. */
    SCHEDULE,
    /** Someone asked through the API: read now, or a search. */
    MANUAL
}
