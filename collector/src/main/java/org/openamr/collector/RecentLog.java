package org.openamr.collector;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The last lines of the event log, for the status page: a bounded ring, so that a collector running
 * for months keeps a few tens of kilobytes, not its whole log (journald keeps that).
 */
public final class RecentLog implements EventLog {

    /** A refusal may quote a long answer from the destination: a line in the ring is cut there. */
    static final int MAX_LINE = 1000;

    private final int capacity;
    private final Clock clock;
    private final ArrayDeque<String> lines;

    public RecentLog(int capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.clock = clock;
        this.lines = new ArrayDeque<>(capacity);
    }

    @Override
    public void line(String level, String text) {
        String line = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS) + " " + level + " " + text;
        if (line.length() > MAX_LINE) {
            line = line.substring(0, MAX_LINE - 1) + "…";
        }
        synchronized (lines) {
            if (lines.size() == capacity) {
                lines.removeFirst();
            }
            lines.addLast(line);
        }
    }

    /** Oldest first. */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }
}
