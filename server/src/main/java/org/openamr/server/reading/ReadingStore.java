package org.openamr.server.reading;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.openamr.acquisition.readout.MeterReadout;
import org.openamr.acquisition.readout.RegisterKey;
import org.openamr.acquisition.readout.RegisterValue;
import org.openamr.server.meter.MeterResolver;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes meter readouts: resolves (or registers) each meter, its registers, the readings and the
 * meter's conditions, in the caller's transaction. A reading already stored — same register, same
 * time — is counted as a duplicate and left as it was: the first delivery wins, and a repeated
 * push or a push overlapping a poll stores each fact once.
 */
@Component
public class ReadingStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final MeterResolver meters;
    private final ConditionRecorder events;
    private final ReadingPartitions partitions;
    private final StoredReadings counted;
    /** Register ids never change once made, so they are cached per (meter, key). */
    private final Map<RegisterRef, Long> registerIds = new ConcurrentHashMap<>();

    public ReadingStore(JdbcClient jdbc, JdbcTemplate template, MeterResolver meters, ConditionRecorder events,
            ReadingPartitions partitions, StoredReadings counted) {
        this.jdbc = jdbc;
        this.template = template;
        this.meters = meters;
        this.events = events;
        this.partitions = partitions;
        this.counted = counted;
    }

    private record RegisterRef(long meterId, RegisterKey key) {
    }

    /**
     * Stores every readout in one transaction (the caller's, or a new one): all of it or nothing.
     * Partitions for new months are made first, in transactions of their own.
     */
    @Transactional
    public StoreResult store(List<MeterReadout> readouts, ReadingSource source, Long channelId) {
        return store(readouts, source, channelId, true);
    }

    /**
     * As {@link #store(List, ReadingSource, Long)}; with {@code conditionsReported} false the readouts'
     * route says nothing about the meters' conditions (a Solvimus push carries no status), so the
     * meters' events are left as they are instead of every active condition being cleared.
     */
    @Transactional
    public StoreResult store(List<MeterReadout> readouts, ReadingSource source, Long channelId,
            boolean conditionsReported) {
        return store(readouts, source, channelId, conditionsReported, Integer.MAX_VALUE);
    }

    /**
     * As {@link #store(List, ReadingSource, Long, boolean)}, registering at most {@code maxNewMeters}.
     *
     * @throws MeterResolver.TooManyNewMeters when the readouts name more meters new to the registry
     */
    @Transactional
    public StoreResult store(List<MeterReadout> readouts, ReadingSource source, Long channelId,
            boolean conditionsReported, int maxNewMeters) {
        List<Instant> times = new ArrayList<>();
        for (MeterReadout r : readouts) {
            r.values().forEach(v -> times.add(v.measuredAt()));
        }
        partitions.ensureFor(times);
        int created = 0;
        int eventsRecorded = 0;
        Set<Long> meterIds = new LinkedHashSet<>();
        int n = times.size();
        long[] registers = new long[n];
        Instant[] at = new Instant[n];
        BigDecimal[] values = new BigDecimal[n];
        int i = 0;
        Map<RegisterRef, Long> batchRegisters = new java.util.HashMap<>();
        List<MeterResolver.Resolved> resolved = readouts.isEmpty() ? List.of()
                : meters.resolveAll(readouts.stream().map(MeterReadout::meter).toList(),
                        readouts.stream().map(MeterReadout::readAt).toList(), channelId, maxNewMeters);
        for (int m = 0; m < readouts.size(); m++) {
            MeterReadout r = readouts.get(m);
            MeterResolver.Resolved meter = resolved.get(m);
            meterIds.add(meter.meterId());
            if (meter.created()) {
                created++;
            }
            RegisterKey lastKey = null;
            long lastId = 0;
            for (RegisterValue v : r.values()) {
                // a readout's values mostly come register by register: look up only when the key changes
                if (!v.key().equals(lastKey)) {
                    lastKey = v.key();
                    lastId = batchRegisters.computeIfAbsent(new RegisterRef(meter.meterId(), v.key()),
                            ref -> registerId(ref.meterId(), ref.key()));
                }
                registers[i] = lastId;
                at[i] = v.measuredAt();
                values[i] = v.value();
                i++;
            }
            if (conditionsReported) {
                eventsRecorded += events.record(meter.meterId(), r.readAt(), r.conditions(), source);
            }
        }
        ReadingCopyWriter.Inserted stored = n == 0 ? new ReadingCopyWriter.Inserted(0, List.of())
                : insert(registers, at, values, source, channelId);
        counted.add(source, stored.inserted());
        return new StoreResult(stored.inserted(), n - stored.inserted() - stored.conflicts().size(), created,
                eventsRecorded, List.copyOf(meterIds), stored.conflicts());
    }

    private ReadingCopyWriter.Inserted insert(long[] registers, Instant[] at, BigDecimal[] values, ReadingSource source, Long channelId) {
        return template.execute((ConnectionCallback<ReadingCopyWriter.Inserted>) c ->
                new ReadingCopyWriter(registers, at, values).insert(c, source, channelId));
    }

    private long registerId(long meterId, RegisterKey key) {
        RegisterRef ref = new RegisterRef(meterId, key);
        Long cached = registerIds.get(ref);
        if (cached != null) {
            return cached;
        }
        jdbc.sql("""
                insert into register (meter_id, quantity, unit, storage, tariff, subunit, function, qualifier, cumulative)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (meter_id, quantity, unit, storage, tariff, subunit, function, qualifier) do nothing""")
                .params(meterId, key.quantity().name(), key.unit().symbol(), key.storage(), key.tariff(),
                        key.subunit(), key.function().name(), key.qualifier(), key.cumulative())
                .update();
        long id = jdbc.sql("""
                select id from register where meter_id = ? and quantity = ? and unit = ? and storage = ?
                  and tariff = ? and subunit = ? and function = ? and qualifier = ?""")
                .params(meterId, key.quantity().name(), key.unit().symbol(), key.storage(), key.tariff(),
                        key.subunit(), key.function().name(), key.qualifier())
                .query(Long.class).single();
        // cached once committed: a rolled-back insert would leave an id that does not exist
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    registerIds.put(ref, id);
                }
            });
        }
        return id;
    }
}
