package org.openamr.server.reading;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@code openamr_readings_stored_total{source}}: readings new to the database, counted once their transaction has
 * committed — a poll or a push rolled back stored nothing, and counts nothing. Its rate is the readings stored per
 * second.
 */
@Component
public class StoredReadings {

    static final String COUNTER = "openamr.readings.stored";

    private final Map<ReadingSource, Counter> bySource = new EnumMap<>(ReadingSource.class);

    public StoredReadings(MeterRegistry registry) {
        for (ReadingSource source : ReadingSource.values()) {
            bySource.put(source, Counter.builder(COUNTER).tag("source", source.name())
                    .description("Readings new to the database, by how they came").register(registry));
        }
    }

    /** Counts {@code inserted} readings of {@code source} when the caller's transaction commits, or now without one. */
    void add(ReadingSource source, int inserted) {
        if (inserted == 0) {
            return;
        }
        Counter counter = bySource.get(source);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counter.increment(inserted);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment(inserted);
            }
        });
    }
}
