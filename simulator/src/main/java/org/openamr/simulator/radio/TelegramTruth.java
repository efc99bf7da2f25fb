package org.openamr.simulator.radio;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openamr.mbus.record.VifTable;
import org.openamr.simulator.meter.Reading;
import org.openamr.simulator.meter.RecordSpec;

/**
 * What one radio telegram carries, taken from the meter's model rather than from the telegram's
 * bytes: sender, access number, status and every register value with its unit.
 *
 * @param values in the order of the meter's telegram layout
 */
public record TelegramTruth(Instant at, String manufacturer, String id, int accessNumber, int status,
                            List<TruthValue> values) {

    public TelegramTruth {
        values = List.copyOf(values);
    }

    /** The truth of telegram {@code sequence} of {@code meter}, sent at {@code at} with the values of {@code reading}. */
    static TelegramTruth of(RadioMeter meter, Reading reading, long sequence, Instant at) {
        List<TruthValue> values = new ArrayList<>();
        for (List<RecordSpec> telegram : meter.meter().type().layout().telegrams()) {
            for (RecordSpec spec : telegram) {
                if (reading.has(spec.register())) {
                    values.add(new TruthValue(spec.register(), reading.value(spec.register()),
                            VifTable.meaning(spec.vif(), null).unit()));
                }
            }
        }
        return new TelegramTruth(at, meter.manufacturer(), meter.id(), meter.accessNumber(sequence),
                reading.status().value(), values);
    }
}
