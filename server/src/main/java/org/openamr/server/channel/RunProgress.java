package org.openamr.server.channel;

/** How far a run is, for whoever watches it (a job); called on the run's thread. */
public interface RunProgress {

    RunProgress NONE = new RunProgress() {
    };

    /** The run's record exists: its id, so a watcher can show it while it runs. */
    default void started(long runId) {
    }

    /** Meters handled so far of those to handle (a poll). */
    default void meters(int done, int total) {
    }

    /** Share of the address space searched, 0..1, and meters found so far (a search). */
    default void searched(double fraction, int found) {
    }
}
