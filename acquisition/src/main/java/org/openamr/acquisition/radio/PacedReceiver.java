package org.openamr.acquisition.radio;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;

/**
 * Replays telegrams at the pace they were heard: before each one it waits as long as lay between
 * its time stamp and the previous one's (never for a time stamp that goes back).
 */
final class PacedReceiver implements RadioReceiver {

    /** Waits; a test counts instead. */
    @FunctionalInterface
    interface Sleeper {
        Sleeper REAL = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);

        void sleep(Duration d) throws InterruptedException;
    }

    private final RadioReceiver source;
    private final Sleeper sleeper;
    private Instant previous;

    PacedReceiver(RadioReceiver source, Sleeper sleeper) {
        this.source = source;
        this.sleeper = sleeper;
    }

    @Override
    public String name() {
        return source.name();
    }

    @Override
    public Reception next() throws IOException {
        Reception r = source.next();
        if (r instanceof HeardTelegram h) {
            if (previous != null && h.receivedAt().isAfter(previous)) {
                try {
                    sleeper.sleep(Duration.between(previous, h.receivedAt()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while pacing the replay");
                }
            }
            previous = h.receivedAt();
        }
        return r;
    }

    @Override
    public void close() {
        source.close();
    }
}
