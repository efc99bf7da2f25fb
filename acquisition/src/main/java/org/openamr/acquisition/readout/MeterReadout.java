package org.openamr.acquisition.readout;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything one readout of one meter gave: who, when, every numeric register value and the
 * conditions the meter reported. Values that are not numbers (dates, texts) are not registers; the
 * due dates among them are already folded into the stored values' times.
 */
public record MeterReadout(MeterIdentity meter, Instant readAt, List<RegisterValue> values,
                           List<MeterCondition> conditions) {

    public MeterReadout {
        Objects.requireNonNull(meter, "meter");
        Objects.requireNonNull(readAt, "readAt");
        values = List.copyOf(values);
        conditions = List.copyOf(conditions);
    }
}
