package org.openamr.collector.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Waits without waiting: records each pause and moves a fake clock on by it. */
final class FakePause implements Pause {

    final List<Duration> sleeps = new ArrayList<>();
    final MutableClock clock;
    private boolean stopped;

    FakePause(MutableClock clock) {
        this.clock = clock;
    }

    /** Stops itself after this many pauses: lets a test run a worker's loop to an end. */
    int stopAfter = Integer.MAX_VALUE;

    @Override
    public boolean sleep(Duration d) {
        if (sleeps.size() >= stopAfter) {
            stopped = true;
        }
        sleeps.add(d);
        clock.now = clock.now.plus(d);
        return !stopped;
    }

    @Override
    public boolean stopped() {
        return stopped;
    }

    @Override
    public void stop() {
        stopped = true;
    }

    static final class MutableClock extends java.time.Clock {
        Instant now = Instant.parse("2026-03-01T12:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
