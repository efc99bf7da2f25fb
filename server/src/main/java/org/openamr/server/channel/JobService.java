package org.openamr.server.channel;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import org.openamr.server.api.ConflictException;
import org.openamr.server.api.NotFoundException;
import org.openamr.server.security.AccessScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Read-now and searches asked for through the API, run as jobs on {@link BusWorkers}. A job
 * waits for its channel when another run (a schedule, a read-now, a search, on any instance) holds
 * it, for up to {@code openamr.polling.busy-wait}, and fails with "channel busy" after that.
 */
@Service
public class JobService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JobService.class);

    private final ChannelRepository channels;
    private final JobRepository jobs;
    private final ChannelLocks locks;
    private final BusWorkers workers;
    private final PollService polls;
    private final SearchService searches;
    private final RunRepository runs;
    private final PollingProperties properties;
    /** Jobs of this instance not finished yet: the ones to end as FAILED if it stops. */
    private final Set<Long> active = ConcurrentHashMap.newKeySet();

    public JobService(ChannelRepository channels, JobRepository jobs, ChannelLocks locks, BusWorkers workers,
            PollService polls, SearchService searches, RunRepository runs, PollingProperties properties) {
        this.channels = channels;
        this.jobs = jobs;
        this.locks = locks;
        this.workers = workers;
        this.polls = polls;
        this.searches = searches;
        this.runs = runs;
        this.properties = properties;
    }

    /** Reads every meter of the channel now. */
    public JobView readNow(UUID channelId, AccessScope scope) {
        Channel c = workable(channelId, scope);
        return submit(c, RunKind.POLL, null, scope,
                progress -> polls.poll(c.id(), Trigger.MANUAL, scope.actor(), progress));
    }

    /** Searches the channel's bus and registers what it finds. */
    public JobView search(UUID channelId, SearchSpec spec, AccessScope scope) {
        Channel c = workable(channelId, scope);
        if (!c.kind().mbus()) {
            // a Modbus unit says nothing about which meter it is, so a scan could not register anything
            throw new ConflictException("channel " + channelId + " is a " + c.kind() + " channel: primary and secondary "
                    + "searches are M-Bus; register its meters with their unit ids (openamr modbus scan lists the "
                    + "units that answer)");
        }
        return submit(c, RunKind.SEARCH, spec, scope,
                progress -> searches.search(c.id(), spec, scope.actor(), progress));
    }

    public JobView job(UUID jobId, AccessScope scope) {
        return jobs.view(jobId, scope).orElseThrow(() -> new NotFoundException("job", jobId));
    }

    private interface Work {
        RunResult run(RunProgress progress) throws Exception;
    }

    private Channel workable(UUID channelId, AccessScope scope) {
        ChannelService.mayOperate(scope);
        Channel c = channels.visible(channelId, scope).orElseThrow(() -> new NotFoundException("channel", channelId));
        if (!c.kind().polled()) {
            throw new ConflictException("channel " + channelId + " is a concentrator: it pushes its readings, and its "
                    + "bus is not reachable from the server");
        }
        if (!c.enabled()) {
            throw new ConflictException("channel " + channelId + " is disabled; enable it to poll or search it");
        }
        return c;
    }

    private JobView submit(Channel c, RunKind kind, SearchSpec spec, AccessScope scope, Work work) {
        JobRepository.Created job = jobs.create(c.id(), kind, spec, scope.actor());
        active.add(job.id());
        try {
            workers.submit(() -> {
                try {
                    run(job.id(), c, work);
                } finally {
                    active.remove(job.id());
                }
            });
        } catch (RejectedExecutionException e) {
            active.remove(job.id());
            jobs.failed(job.id(), Text.of(Text.Kind.JOB_STOPPING));
        }
        return jobs.view(job.publicId(), scope).orElseThrow();
    }

    private void run(long jobId, Channel c, Work work) {
        try {
            Callable<RunResult> task = () -> {
                jobs.running(jobId);
                return work.run(new JobProgress(jobs, jobId));
            };
            Optional<RunResult> result = locks.runWaiting(c.id(), properties.busyWait(), () -> jobs.waiting(jobId,
                    jobs.lockHolder(c.id()).map(h -> Text.of(Text.Kind.JOB_WAITING_CHANNEL_HELD, h))
                            .orElse(Text.of(Text.Kind.JOB_WAITING_CHANNEL))), task);
            if (result.isEmpty()) {
                jobs.failed(jobId, Text.of(Text.Kind.JOB_BUSY, c.publicId(), properties.busyWait().toSeconds()));
            } else if (result.get().status() == RunStatus.FAILED) {
                jobs.failed(jobId, result.get().message());
            } else {
                jobs.done(jobId, result.get().message());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            jobs.failed(jobId, Text.of(Text.Kind.JOB_STOPPED));
        } catch (Exception | Error e) {
            log.error("job {} on channel {} failed", jobId, c.publicId(), e);
            jobs.failed(jobId, Text.of(Text.Kind.JOB_BROKE_OFF, String.valueOf(e.getMessage())));
        }
    }

    @Override
    public void destroy() {
        // A job or run this instance leaves behind would otherwise show RUNNING forever. Only the
        // ones known unfinished touch the database: it may be going down at the same time.
        workers.stop();
        try {
            int j = jobs.failUnfinished(Set.copyOf(active), Text.of(Text.Kind.JOB_STOPPED));
            int r = runs.failUnfinished(Text.of(Text.Kind.RUN_SERVER_STOPPED));
            if (j + r > 0) {
                log.info("marked {} job(s) and {} run(s) of this instance as failed on shutdown", j, r);
            }
        } catch (RuntimeException e) {
            log.warn("could not mark unfinished jobs as failed on shutdown: {}", e.getMessage());
        }
    }
}
