package org.openamr.simulator.serve;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A line's time that moves only when the session waits: {@link #sleepUntil} jumps to the deadline
 * at once and notes it, so a test reads the exact moments a reply's bytes were let out, computed
 * from the baud rate, whatever else the machine is doing. Late replies are noted and sent at once.
 */
public final class ManualLineClock implements LineClock {

    /** Any origin: the session only ever subtracts. */
    public static final long ORIGIN = 1_000_000_000_000L;

    private final AtomicLong now = new AtomicLong(ORIGIN);
    private final List<Long> sleeps = new CopyOnWriteArrayList<>();
    private final List<Long> lateRuns = new CopyOnWriteArrayList<>();

    @Override
    public long nanoTime() {
        return now.get();
    }

    @Override
    public void sleepUntil(long deadline) {
        sleeps.add(deadline);
        now.accumulateAndGet(deadline, Math::max);
    }

    @Override
    public void runAt(long deadline, Runnable task) {
        lateRuns.add(deadline);
        task.run();
    }

    /** The deadlines the session waited for, in order. */
    public List<Long> sleeps() {
        return List.copyOf(sleeps);
    }

    /** The deadlines of late replies, in order. */
    public List<Long> lateRuns() {
        return List.copyOf(lateRuns);
    }
}
