package org.openamr.server.alarm.rule;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.openamr.server.alarm.AlarmObject;

/**
 * When an object — a meter, a bus channel, a concentrator or a collector — last delivered a reading, against its
 * schedule. For a channel or collector the newest reading of any of its meters; one grouped query per batch
 * ({@code max(measured_at)} per register's meter and channel) fills these.
 *
 * @param schedulePeriod the time between two scheduled polls (the channel's cron, as the meters page takes it from
 *                       {@code SilenceRule}); null when the object is not on a schedule
 * @param expectedSince  since when readings are expected (installation, channel creation); null: not expected
 * @param lastReadingAt  the newest reading's time; null: never read
 * @param now            the evaluation's time
 */
public record Silence(AlarmObject object, Duration schedulePeriod, Instant expectedSince, Instant lastReadingAt,
                      Instant now) implements RuleInput {

    public Silence {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(now, "now");
        if (schedulePeriod != null && (schedulePeriod.isNegative() || schedulePeriod.isZero())) {
            throw new IllegalArgumentException("schedulePeriod of " + object + " is not positive: " + schedulePeriod);
        }
    }
}
