package org.openamr.server.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor.TaskResult;
import org.springframework.stereotype.Component;

/**
 * Runs work on a channel under the channel's cluster-wide lock. Scheduled polls try once and leave
 * the slot to whoever holds the lock; read-now and searches wait for the channel, as a person
 * asking for a reading expects it to happen after the run in progress rather than be refused.
 */
@Component
public class ChannelLocks {

    /** How often a waiting request tries the lock again. */
    static final Duration RETRY = Duration.ofMillis(250);

    private final LockingTaskExecutor executor;
    private final PollingProperties properties;

    public ChannelLocks(LockingTaskExecutor executor, PollingProperties properties) {
        this.executor = executor;
        this.properties = properties;
    }

    public static String lockName(long channelId) {
        return "channel-" + channelId;
    }

    /** Runs {@code task} if the channel is free now; empty if another run holds it. */
    public <T> Optional<T> tryRun(long channelId, Callable<T> task) throws Exception {
        LockConfiguration config = new LockConfiguration(Instant.now(), lockName(channelId),
                properties.lockAtMostFor(), properties.lockAtLeastFor());
        TaskResult<T> result;
        try {
            result = executor.executeWithLock(task::call, config);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        return result.wasExecuted() ? Optional.ofNullable(result.getResult()) : Optional.empty();
    }

    /**
     * Runs {@code task} as soon as the channel is free, waiting at most {@code maxWait};
     * {@code whileBusy} is told once that the channel is busy. Empty if it never became free.
     */
    public <T> Optional<T> runWaiting(long channelId, Duration maxWait, Runnable whileBusy, Callable<T> task)
            throws Exception {
        long deadline = System.nanoTime() + maxWait.toNanos();
        boolean told = false;
        while (true) {
            boolean[] ran = {false};
            Optional<T> result = tryRun(channelId, () -> {
                ran[0] = true;
                return task.call();
            });
            if (ran[0]) {
                return result;
            }
            if (System.nanoTime() - deadline >= 0) {
                return Optional.empty();
            }
            if (!told) {
                whileBusy.run();
                told = true;
            }
            Thread.sleep(RETRY.toMillis());
        }
    }
}
