package org.openamr.mbus.master;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a channel adds to every answer, measured: the smallest delay beyond the bus's own minimum
 * among recent answers. A slave's turnaround varies, the channel's part is in every one of them, so
 * the minimum is the channel's part.
 */
final class LatencyEstimator {

    private static final int WINDOW = 32;
    private final Deque<Long> recentNanos = new ArrayDeque<>();
    private final Duration initial;

    LatencyEstimator(Duration initial) {
        this.initial = initial;
    }

    void observe(Duration excess) {
        if (recentNanos.size() == WINDOW) {
            recentNanos.removeFirst();
        }
        recentNanos.addLast(Math.max(0, excess.toNanos()));
    }

    Duration latency() {
        if (recentNanos.isEmpty()) {
            return initial;
        }
        long min = Long.MAX_VALUE;
        for (long n : recentNanos) {
            min = Math.min(min, n);
        }
        // A quarter on top absorbs the channel's jitter.
        return Duration.ofNanos(min + min / 4);
    }
}
