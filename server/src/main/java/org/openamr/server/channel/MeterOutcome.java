package org.openamr.server.channel;

import java.time.Instant;

/**
 * What a run did with one registered meter.
 *
 * @param silent the meter did not answer at all (no reply after every retry), as opposed to a failure
 *               of another kind: a wrong answer, no address to reach it by, a broken channel
 */
record MeterOutcome(long meterId, boolean ok, boolean silent, String addressedBy, int valuesRead, Text error,
                    Instant at) {

    static MeterOutcome read(long meterId, String addressedBy, int values, Instant at) {
        return new MeterOutcome(meterId, true, false, addressedBy, values, null, at);
    }

    static MeterOutcome failed(long meterId, String addressedBy, Text error, Instant at) {
        return new MeterOutcome(meterId, false, false, addressedBy, 0, error, at);
    }

    static MeterOutcome silent(long meterId, String addressedBy, Text error, Instant at) {
        return new MeterOutcome(meterId, false, true, addressedBy, 0, error, at);
    }
}
