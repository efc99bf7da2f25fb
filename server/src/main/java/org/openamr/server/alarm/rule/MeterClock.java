package org.openamr.server.alarm.rule;

import java.time.Instant;
import java.util.Objects;
import org.openamr.server.alarm.AlarmObject;

/**
 * A meter's clock against the server's at its newest readout: the time the meter said it was (its date-time record,
 * read in the building's time zone, since M-Bus times carry none) and when the readout arrived.
 *
 * @param meterTime null when the meter does not report its clock
 */
public record MeterClock(AlarmObject object, Instant meterTime, Instant receivedAt) implements RuleInput {

    public MeterClock {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
