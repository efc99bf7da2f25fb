package org.openamr.server.reading;

import java.time.Instant;
import java.util.List;
import org.openamr.acquisition.readout.MeterCondition;

/**
 * Where {@link ReadingStore} files the conditions a readout reports (errors, alarms), in the same transaction
 * as its readings. The event feature implements it, so that readings need not know how events are kept.
 */
public interface ConditionRecorder {

    /** @return events written */
    int record(long meterId, Instant at, List<MeterCondition> conditions, ReadingSource source);
}
