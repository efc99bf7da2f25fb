package org.openamr.collector.store;

import java.util.List;
import org.openamr.acquisition.readout.MeterReadout;
import org.openamr.collector.delivery.Batch;

/**
 * A batch written in the store and not yet confirmed: its destination, number and readouts (with their
 * store ids) are fixed before the first attempt, so that after a crash the same batch goes out again.
 *
 * @param output the output whose sequence {@code sequence} belongs to
 */
public record PendingBatch(String output, long sequence, List<Long> readoutIds, List<MeterReadout> readouts) {

    public PendingBatch {
        readoutIds = List.copyOf(readoutIds);
        readouts = List.copyOf(readouts);
    }

    public Batch batch(String collector) {
        return new Batch(collector, sequence, readouts);
    }
}
