package org.openamr.server.channel;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.scheduling.support.CronExpression;

/**
 * When a channel's schedule is due: its first cron slot after the later of its last scheduled run
 * and the moment the schedule was set has come. Slots missed while no server ran are made up by
 * one run, not one per slot. Cron fields are read in the building's time zone, so "0 0 3 * * *"
 * is 03:00 where the meters are.
 */
final class Schedules {

    private Schedules() {
    }

    /**
     * @param since        when the schedule was set (the channel's creation if unknown)
     * @param lastRun      start of the schedule's last run, null if none
     * @throws IllegalArgumentException if {@code cron} is not a cron expression
     */
    static boolean due(String cron, Instant since, Instant lastRun, ZoneId zone, Instant now) {
        Instant basis = lastRun == null || lastRun.isBefore(since) ? since : lastRun;
        ZonedDateTime next = CronExpression.parse(cron).next(basis.atZone(zone));
        return next != null && !next.toInstant().isAfter(now);
    }

    static boolean due(Channel c, Instant lastRun, Instant now) {
        if (!c.enabled() || !c.kind().polled() || c.scheduleCron() == null) {
            return false;
        }
        Instant since = c.scheduleSince() != null ? c.scheduleSince() : c.createdAt();
        return due(c.scheduleCron(), since, lastRun, c.zone(), now);
    }
}
