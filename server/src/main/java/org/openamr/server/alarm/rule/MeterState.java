package org.openamr.server.alarm.rule;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.openamr.server.alarm.AlarmObject;
import org.openamr.server.consumption.Sample;
import org.openamr.server.event.MeterEvent;

/**
 * What a meter says about itself at its newest readout: the conditions active then (its RAISED events not CLEARED,
 * as {@code meter_event} keeps them), and the two newest readings of its time-in-error register, when it has one.
 * One query per batch each: the active events of the batch's meters, and the newest two time-in-error readings.
 *
 * @param readAt            the newest readout; null: never read
 * @param timeInErrorBefore the time-in-error register's reading before {@code timeInErrorNow}; null when not reported
 */
public record MeterState(AlarmObject object, Instant readAt, List<MeterEvent> active, Sample timeInErrorBefore,
                         Sample timeInErrorNow) implements RuleInput {

    public MeterState {
        Objects.requireNonNull(object, "object");
        active = List.copyOf(active);
    }
}
