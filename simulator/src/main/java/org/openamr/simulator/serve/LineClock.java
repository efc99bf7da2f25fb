package org.openamr.simulator.serve;

import java.io.InterruptedIOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The time a line session (M-Bus {@link LineSession}, Modbus RTU) keeps its wire timeline in, and how it waits for that timeline:
 * real time ({@link #REAL}) when serving masters, a clock of their own in tests, which can then
 * check the exact hold-back of every reply instead of measuring it on a busy machine.
 */
public interface LineClock {

    /** Now, in nanoseconds of an arbitrary origin (as {@link System#nanoTime()}). */
    long nanoTime();

    /** Returns once {@link #nanoTime()} has reached {@code deadline}: the next bytes may then go out. */
    void sleepUntil(long deadline) throws InterruptedIOException;

    /**
     * Runs {@code task} once {@link #nanoTime()} has reached {@code deadline}, on another thread, so
     * that the caller goes on serving the line meanwhile (a late reply).
     */
    void runAt(long deadline, Runnable task);

    /** {@link System#nanoTime()}, parking the thread, and one daemon thread for late replies. */
    LineClock REAL = new LineClock() {

        /** Sends late replies, so that a slow slave does not hold up the line's other answers. */
        private static final ScheduledExecutorService LATE = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "openamr-sim-late-replies");
            t.setDaemon(true);
            return t;
        });

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepUntil(long deadline) throws InterruptedIOException {
            long left;
            while ((left = deadline - System.nanoTime()) > 0) {
                LockSupport.parkNanos(left);
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("interrupted while pacing a reply");
                }
            }
        }

        @Override
        public void runAt(long deadline, Runnable task) {
            LATE.schedule(task, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    };
}
