package org.openamr.gateway.reading;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import org.openamr.acquisition.schedule.Cron;

/** When the gateway reads its meters: every so often, or at the moments of a cron expression. */
public sealed interface Schedule {

    /** The start of the next read-out after one that started at {@code lastStart}, or now if that is already past. */
    Instant next(Instant lastStart, Instant now, ZoneId zone);

    /** Read-outs {@code interval} apart, start to start; one that ran longer is followed at once. */
    record Every(Duration interval) implements Schedule {
        public Every {
            Objects.requireNonNull(interval, "interval");
            if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("the read-out interval must be at least 1 s, got " + interval);
            }
        }

        @Override
        public Instant next(Instant lastStart, Instant now, ZoneId zone) {
            Instant due = lastStart.plus(interval);
            return due.isBefore(now) ? now : due;
        }

        @Override
        public String toString() {
            return "every " + interval.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Read-outs at the moments of a five-field cron expression, in the gateway's zone. */
    record OnCron(Cron cron) implements Schedule {
        public OnCron {
            Objects.requireNonNull(cron, "cron");
        }

        @Override
        public Instant next(Instant lastStart, Instant now, ZoneId zone) {
            return cron.next(now.atZone(zone)).toInstant();
        }

        @Override
        public String toString() {
            return "cron " + cron;
        }
    }
}
