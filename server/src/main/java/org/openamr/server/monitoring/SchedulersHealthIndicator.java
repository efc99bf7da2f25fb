package org.openamr.server.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.scheduling.config.IntervalTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.scheduling.config.Task;
import org.springframework.scheduling.config.TaskExecutionOutcome;

/**
 * {@code schedulers}: whether every periodic task of this instance still runs — the poll schedule and the alarm
 * evaluation where they are enabled, the report schedule, the table-size refresh. Read from Spring's own record of
 * each task's last run, so a task needs nothing to be watched; a task that stopped (its thread stuck in a run) is
 * DOWN once it is more than {@link SchedulerTick#GRACE} behind its interval.
 */
final class SchedulersHealthIndicator implements HealthIndicator {

    private final ObjectProvider<ScheduledTaskHolder> holders;
    private final Clock clock;
    private final Instant started;

    SchedulersHealthIndicator(ObjectProvider<ScheduledTaskHolder> holders, Clock clock) {
        this.holders = holders;
        this.clock = clock;
        this.started = clock.instant();
    }

    @Override
    public Health health() {
        Instant now = clock.instant();
        List<SchedulerTick> ticks = ticks();
        boolean late = false;
        Map<String, Object> details = new LinkedHashMap<>();
        for (SchedulerTick t : ticks) {
            boolean behind = t.late(started, now);
            late |= behind;
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("every", t.interval().toString());
            d.put("lastStart", t.lastStart() == null ? "not yet" : t.lastStart().toString());
            d.put("running", t.running());
            d.put("late", behind);
            details.put(t.name(), d);
        }
        return (late ? Health.down() : Health.up()).withDetails(details).build();
    }

    private List<SchedulerTick> ticks() {
        return holders.orderedStream().flatMap(h -> h.getScheduledTasks().stream())
                .map(s -> s.getTask())
                .filter(t -> t instanceof IntervalTask)
                .map(t -> tick((IntervalTask) t))
                .toList();
    }

    private static SchedulerTick tick(IntervalTask task) {
        TaskExecutionOutcome last = task.getLastExecutionOutcome();
        return new SchedulerTick(name(task), task.getIntervalDuration(), task.getInitialDelayDuration(),
                last.executionTime(), last.status() == TaskExecutionOutcome.Status.STARTED);
    }

    /** {@code org.openamr.server.channel.PollScheduler.tick} → {@code PollScheduler.tick}. */
    private static String name(Task task) {
        String full = task.getRunnable().toString();
        int method = full.lastIndexOf('.');
        int type = method <= 0 ? -1 : full.lastIndexOf('.', method - 1);
        return type < 0 ? full : full.substring(type + 1);
    }
}
