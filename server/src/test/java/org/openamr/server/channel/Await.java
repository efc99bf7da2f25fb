package org.openamr.server.channel;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition instead of sleeping a fixed time: returns as soon as it holds, and fails
 * only when it has not held for a long time — so a loaded machine makes a test slower, never red.
 */
final class Await {

    /** Long enough that only a condition that never comes fails, on any machine. */
    static final Duration GENEROUS = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 50;

    private Await() {
    }

    static void until(String what, BooleanSupplier condition) throws InterruptedException {
        until(GENEROUS, what, condition);
    }

    static void until(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("still not " + what + " after " + timeout);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
