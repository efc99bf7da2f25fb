package org.openamr.collector;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One line per event (a read, a batch delivered, a failure), time-stamped, to standard error or a test's
 * list. No logging framework: the collector runs on a small device and its log goes to journald.
 */
@FunctionalInterface
public interface EventLog {

    void line(String level, String text);

    default void info(String text) {
        line("INFO", text);
    }

    default void warn(String text) {
        line("WARN", text);
    }

    /** Each line to this log and then to the other one (standard error and the status page's ring). */
    default EventLog and(EventLog other) {
        return (level, text) -> {
            line(level, text);
            other.line(level, text);
        };
    }

    static EventLog to(PrintStream out, Clock clock) {
        return (level, text) -> {
            synchronized (out) {
                out.println(Instant.now(clock).truncatedTo(ChronoUnit.MILLIS) + " " + level + " " + text);
                out.flush();
            }
        };
    }

    static EventLog silent() {
        return (level, text) -> { };
    }
}
