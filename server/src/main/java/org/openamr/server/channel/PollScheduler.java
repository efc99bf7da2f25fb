package org.openamr.server.channel;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs channel schedules. Every tick ({@code openamr.polling.tick}) finds the channels whose cron is
 * due and hands each to a worker, which polls it if it gets the channel's lock. Every instance on a
 * database ticks; the lock lets one of them poll, and the others, finding it taken or — checked
 * again once the lock is held — the slot already run, leave it. Due-ness is judged by the
 * database's clock, so skewed server clocks do not run a slot twice. Off with
 * {@code openamr.polling.enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "openamr.polling.enabled", havingValue = "true", matchIfMissing = true)
public class PollScheduler {

    static final String ACTOR = "poller";
    private static final Logger log = LoggerFactory.getLogger(PollScheduler.class);

    private final ChannelRepository channels;
    private final RunRepository runs;
    private final ChannelLocks locks;
    private final BusWorkers workers;
    private final PollService polls;
    /** Channels queued or running on this instance: a slow channel is not queued again every tick. */
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final Set<Long> warnedInvalid = ConcurrentHashMap.newKeySet();

    public PollScheduler(ChannelRepository channels, RunRepository runs, ChannelLocks locks, BusWorkers workers,
            PollService polls) {
        this.channels = channels;
        this.runs = runs;
        this.locks = locks;
        this.workers = workers;
        this.polls = polls;
    }

    @Scheduled(fixedDelayString = "${openamr.polling.tick:5s}", initialDelayString = "${openamr.polling.tick:5s}")
    public void tick() {
        try {
            Instant now = runs.databaseNow();
            for (ChannelRepository.Scheduled s : channels.scheduled()) {
                if (isDue(s.channel(), s.lastScheduledStart(), now) && inFlight.add(s.channel().id())) {
                    submit(s.channel().id());
                }
            }
        } catch (RuntimeException e) {
            log.warn("schedule tick failed: {}", e.toString());
        }
    }

    private void submit(long channelId) {
        try {
            workers.submit(() -> {
                try {
                    pollIfStillDue(channelId);
                } finally {
                    inFlight.remove(channelId);
                }
            });
        } catch (RejectedExecutionException e) {
            inFlight.remove(channelId);
        }
    }

    /** Under the lock, the slot may have been run meanwhile by another instance: asked again. */
    private void pollIfStillDue(long channelId) {
        try {
            locks.tryRun(channelId, () -> {
                Optional<Channel> c = channels.byId(channelId);
                Instant last = runs.lastScheduledStart(channelId).orElse(null);
                if (c.isPresent() && isDue(c.get(), last, runs.databaseNow())) {
                    // logged by the poll itself (PollEvents), as a read-now is
                    polls.poll(channelId, Trigger.SCHEDULE, ACTOR, RunProgress.NONE);
                }
                return Boolean.TRUE;
            });
        } catch (Exception e) {
            log.error("scheduled poll of channel {} failed", channelId, e);
        }
    }

    /**
     * Whether a scheduled poll of the channel is queued or running on this instance. Tests fire
     * {@link #tick()} themselves and wait on this, instead of sleeping and hoping the timer ran.
     */
    boolean inFlight(long channelId) {
        return inFlight.contains(channelId);
    }

    private boolean isDue(Channel c, Instant lastRun, Instant now) {
        try {
            return Schedules.due(c, lastRun, now);
        } catch (IllegalArgumentException e) {
            if (warnedInvalid.add(c.id())) {
                log.warn("channel {} has an invalid schedule '{}' and is not polled by it: {}", c.publicId(),
                        c.scheduleCron(), e.getMessage());
            }
            return false;
        }
    }
}
