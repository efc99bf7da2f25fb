package org.openamr.server.channel;

/**
 * Writes a run's progress into its job, at most every {@link #INTERVAL_NANOS} (and always at the
 * end), so that a search of thousands of masks does not cost thousands of updates.
 */
final class JobProgress implements RunProgress {

    static final long INTERVAL_NANOS = 500_000_000L;

    private final JobRepository jobs;
    private final long jobId;
    private long lastWrite = System.nanoTime() - INTERVAL_NANOS;

    JobProgress(JobRepository jobs, long jobId) {
        this.jobs = jobs;
        this.jobId = jobId;
    }

    @Override
    public void started(long runId) {
        jobs.run(jobId, runId);
    }

    @Override
    public void meters(int done, int total) {
        if (due(done == total)) {
            jobs.progress(jobId, done, total, total == 0 ? 1.0 : done / (double) total, null);
        }
    }

    @Override
    public void searched(double fraction, int found) {
        if (due(fraction >= 1.0)) {
            jobs.progress(jobId, null, null, fraction, found);
        }
    }

    private boolean due(boolean last) {
        long now = System.nanoTime();
        if (last || now - lastWrite >= INTERVAL_NANOS) {
            lastWrite = now;
            return true;
        }
        return false;
    }
}
