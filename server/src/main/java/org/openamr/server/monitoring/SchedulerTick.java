package org.openamr.server.monitoring;

import java.time.Duration;
import java.time.Instant;

/**
 * Where one of the server's periodic tasks (the poll schedule, the alarm evaluation, the report schedule…)
 * stands: when it last started, if ever, and how often it should.
 *
 * @param name         the task, e.g. {@code PollScheduler.tick}
 * @param interval     the pause between two runs
 * @param initialDelay the pause before the first run
 * @param lastStart    when its last run started; null before the first
 * @param running      whether that run has not ended yet
 */
record SchedulerTick(String name, Duration interval, Duration initialDelay, Instant lastStart, boolean running) {

    /**
     * How much later than its interval a task may start before it counts as stuck: a run may take a while (an
     * evaluation, a report sent by mail), and the tasks share the scheduler's thread, so one waits for another.
     */
    static final Duration GRACE = Duration.ofMinutes(2);

    /**
     * Whether the task should have started again by {@code now}, given that the scheduler started at
     * {@code schedulerStarted}: its last start (or the scheduler's start and its initial delay) more than an
     * interval and the grace ago. A run that hangs makes it late as well, as the next one never comes.
     */
    boolean late(Instant schedulerStarted, Instant now) {
        Instant from = lastStart != null ? lastStart : schedulerStarted.plus(initialDelay);
        return now.isAfter(from.plus(interval).plus(GRACE));
    }
}
