package org.openamr.server.channel;

/** Where a read-now or search job stands; {@code channel_job.status} keeps the name. */
public enum JobStatus {
    /** Waiting for a worker thread or for its channel. */
    QUEUED,
    RUNNING,
    DONE,
    FAILED;

    /** Whether the job will not change any more. */
    public boolean over() {
        return this == DONE || this == FAILED;
    }
}
