package org.openamr.server.channel;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.springframework.scheduling.support.CronExpression;

/**
 * What a valid cron expression must also be to serve as a channel's schedule: short, no more often than once
 * a {@link #MIN_INTERVAL} (a bus poll takes longer than a second, and a schedule every second would only queue
 * polls), and due at least once within {@link #HORIZON} (February 31st never comes). The API and the
 * acquisition page both ask here, each answering in its own words.
 */
public final class ScheduleLimits {

    public static final int MAX_LENGTH = 200;
    public static final Duration MIN_INTERVAL = Duration.ofMinutes(1);
    public static final Duration HORIZON = Duration.ofDays(5 * 366);
    /** Slots looked at for the shortest interval: enough for every pattern within a day's first runs. */
    private static final int SLOTS = 100;

    public enum Problem { TOO_LONG, TOO_OFTEN, NEVER }

    private ScheduleLimits() {
    }

    /** Null when a schedule passes; {@code cron} must be at most {@link #MAX_LENGTH} before it is parsed. */
    public static Problem tooLong(String cron) {
        return cron.length() > MAX_LENGTH ? Problem.TOO_LONG : null;
    }

    /**
     * Null when a parsed schedule runs at least once within the horizon and never twice within the minimum
     * interval.
     */
    public static Problem check(CronExpression cron, ZonedDateTime from) {
        ZonedDateTime next = cron.next(from);
        if (next == null || next.isAfter(from.plus(HORIZON))) {
            return Problem.NEVER;
        }
        for (int i = 0; i < SLOTS; i++) {
            ZonedDateTime after = cron.next(next);
            if (after == null) {
                return null;
            }
            if (Duration.between(next, after).compareTo(MIN_INTERVAL) < 0) {
                return Problem.TOO_OFTEN;
            }
            next = after;
        }
        return null;
    }

    /** {@link #check} from now, in UTC (the interval between slots does not depend on the zone). */
    public static Problem check(CronExpression cron) {
        return check(cron, ZonedDateTime.now(ZoneOffset.UTC));
    }
}
