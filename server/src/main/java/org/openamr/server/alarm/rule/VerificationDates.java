package org.openamr.server.alarm.rule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import org.openamr.server.alarm.AlarmObject;

/**
 * A meter's next verification date (межповерочный интервал ends), from {@code meter.next_verification}.
 *
 * @param nextVerification null when not recorded
 * @param zone             the building's time zone, whose calendar the date is in
 */
public record VerificationDates(AlarmObject object, LocalDate nextVerification, Instant now, ZoneId zone)
        implements RuleInput {

    public VerificationDates {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(zone, "zone");
    }
}
