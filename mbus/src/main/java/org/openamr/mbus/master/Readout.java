package org.openamr.mbus.master;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.openamr.mbus.app.ApplicationMessage.VariableDataResponse;
import org.openamr.mbus.app.LongHeader;
import org.openamr.mbus.record.DataRecord;

/**
 * A meter's complete answer: every telegram of a multi-telegram readout, in order.
 *
 * @param readAt       when the first telegram arrived
 * @param transactions requests sent, retries included
 */
public record Readout(String slave, List<VariableDataResponse> telegrams, Instant readAt, Duration duration,
                      int transactions) {

    public Readout {
        telegrams = List.copyOf(telegrams);
    }

    /** The records of all telegrams, in order. */
    public List<DataRecord> records() {
        return telegrams.stream().flatMap(t -> t.data().records().stream()).toList();
    }

    /** The long header of the first telegram, if it has one. */
    public LongHeader header() {
        return telegrams.get(0).header() instanceof LongHeader h ? h : null;
    }
}
