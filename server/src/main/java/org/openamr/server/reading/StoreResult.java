package org.openamr.server.reading;

import java.util.List;

/**
 * What storing a batch did: readings new to the database, readings it already had (repeated
 * deliveries), meters registered for the first time (unassigned until someone assigns them),
 * and the meters the batch touched.
 */
public record StoreResult(int inserted, int duplicates, int metersCreated, int eventsRecorded, List<Long> meterIds) {

    public StoreResult {
        meterIds = List.copyOf(meterIds);
    }
}
