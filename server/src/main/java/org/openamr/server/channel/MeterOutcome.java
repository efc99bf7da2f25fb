package org.openamr.server.channel;

import java.time.Instant;

/** What a run did with one registered meter. */
record MeterOutcome(long meterId, boolean ok, String addressedBy, int valuesRead, String error, Instant at) {

    static MeterOutcome read(long meterId, String addressedBy, int values, Instant at) {
        return new MeterOutcome(meterId, true, addressedBy, values, null, at);
    }

    static MeterOutcome failed(long meterId, String addressedBy, String error, Instant at) {
        return new MeterOutcome(meterId, false, addressedBy, 0, error, at);
    }
}
