package org.openamr.server.channel;

import java.time.Instant;

/** What a run did with one registered meter. */
record MeterOutcome(long meterId, OutcomeResult result, String addressedBy, int valuesRead, Text error, Instant at) {

    static MeterOutcome read(long meterId, String addressedBy, int values, Instant at) {
        return new MeterOutcome(meterId, OutcomeResult.READ, addressedBy, values, null, at);
    }

    static MeterOutcome failed(long meterId, String addressedBy, Text error, Instant at) {
        return new MeterOutcome(meterId, OutcomeResult.ERROR, addressedBy, 0, error, at);
    }

    static MeterOutcome silent(long meterId, String addressedBy, Text error, Instant at) {
        return new MeterOutcome(meterId, OutcomeResult.SILENT, addressedBy, 0, error, at);
    }
}
