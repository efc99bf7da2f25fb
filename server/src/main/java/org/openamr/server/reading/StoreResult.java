package org.openamr.server.reading;

import java.math.BigDecimal;
import java.util.List;

/**
 * What storing a batch did: readings new to the database, readings it already had with the same value
 * (repeated deliveries), readings it already had with another value (conflicts: the stored value is
 * kept), meters registered for the first time (unassigned until someone assigns them), and the meters
 * the batch touched.
 */
public record StoreResult(int inserted, int duplicates, int metersCreated, int eventsRecorded, List<Long> meterIds,
                          List<Conflict> conflicts) {

    public StoreResult {
        meterIds = List.copyOf(meterIds);
        conflicts = List.copyOf(conflicts);
    }

    public StoreResult(int inserted, int duplicates, int metersCreated, int eventsRecorded, List<Long> meterIds) {
        this(inserted, duplicates, metersCreated, eventsRecorded, meterIds, List.of());
    }

    /** Valid values that changed nothing: duplicates and conflicts (whose stored value was kept). */
    public int unchanged() {
        return duplicates + conflicts.size();
    }

    /**
     * A value whose register and time were already stored with another value.
     *
     * @param index the value's position in the batch: readouts in order, each readout's values in order
     */
    public record Conflict(int index, BigDecimal stored, BigDecimal given) {
    }
}
