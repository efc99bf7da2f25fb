package org.openamr.collector.delivery;

import java.util.List;
import java.util.Objects;
import org.openamr.acquisition.readout.MeterReadout;

/**
 * What one delivery to one destination carries: the next readouts of the collector's store that the
 * destination has not confirmed, oldest first.
 *
 * @param collector the collector's id from its configuration, e.g. {@code lenina-12}
 * @param sequence  the batch's number for this destination, rising by one per batch and never reused: a
 *                  batch delivered again after a crash or a lost answer carries the same number and the
 *                  same readouts, so that the receiver can acknowledge it without storing it twice
 * @param readouts  at least one
 */
public record Batch(String collector, long sequence, List<MeterReadout> readouts) {

    public Batch {
        Objects.requireNonNull(collector, "collector");
        readouts = List.copyOf(readouts);
        if (sequence < 1) {
            throw new IllegalArgumentException("batch sequence " + sequence + " is not positive");
        }
        if (readouts.isEmpty()) {
            throw new IllegalArgumentException("batch " + sequence + " has no readouts");
        }
    }
}
