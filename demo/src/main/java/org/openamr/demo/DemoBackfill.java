package org.openamr.demo;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.openamr.acquisition.readout.MeterIdentity;
import org.openamr.acquisition.readout.MeterReadout;
import org.openamr.acquisition.readout.TelegramReadouts;
import org.openamr.server.audit.AuditActor;
import org.openamr.server.reading.ReadingSource;
import org.openamr.server.reading.ReadingStore;
import org.openamr.server.reading.StoreResult;
import org.openamr.simulator.meter.VirtualMeter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the demo building's history from its virtual meters through {@link ReadingStore}, a few
 * meters per transaction. The house heat meter goes last: its newest backfilled reading marks how
 * far a previous run got, so a restart only fills the gap since then (and a run cut short by Ctrl-C
 * is redone; storing is idempotent).
 */
final class DemoBackfill {

    /** Values per transaction: large enough for few round trips, small enough to keep memory flat. */
    private static final int VALUES_PER_BATCH = 20_000;

    private final ReadingStore store;
    private final TransactionTemplate transactions;
    private final AuditActor audit;
    private final JdbcClient jdbc;

    DemoBackfill(ReadingStore store, TransactionTemplate transactions, AuditActor audit, JdbcClient jdbc) {
        this.store = store;
        this.transactions = transactions;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /**
     * What a run wrote: readings new to the database, ones it already had, and the moments each
     * meter was read at, {@code from}–{@code to} (null when there was nothing to fill).
     */
    record Result(int inserted, int duplicates, int moments, Instant from, Instant to, int meters, Duration took) {
    }

    /**
     * @param meters      every meter of the building; the house heat meter must be among them
     * @param silentSince meters that stopped answering, with when: their history ends before
     * @param progress    told the number of meters done after each batch
     * @param cancelled   asked before each batch: true stops the run (the next one redoes what is missing)
     */
    Result run(List<VirtualMeter> meters, Map<VirtualMeter, Instant> silentSince, VirtualMeter houseHeat,
            long channelId, Instant now, DemoProperties settings, IntConsumer progress, BooleanSupplier cancelled) {
        long started = System.nanoTime();
        BackfillPlan plan = BackfillPlan.of(now, DemoBuilding.ZONE, settings.historyMonths(), settings.hourlyDays(),
                lastBackfilled(houseHeat).orElse(null));
        // Ascending primary addresses, as a poll goes, so that a poll storing at the same time locks the
        // meter rows in the same order; the house heat meter alone at the end (the completion mark).
        List<VirtualMeter> others = meters.stream().filter(m -> m != houseHeat)
                .sorted(Comparator.comparingInt(VirtualMeter::primaryAddress)).toList();
        ModelReadouts model = new ModelReadouts(TelegramReadouts.builtIn(), DemoBuilding.ZONE);
        Totals totals = new Totals();
        List<MeterReadout> batch = new ArrayList<>();
        int batchValues = 0;
        int batchMeters = 0;
        for (VirtualMeter m : plan.isEmpty() ? List.<VirtualMeter>of() : others) {
            if (cancelled.getAsBoolean()) {
                return totals.result(plan, meters.size(), started);
            }
            Instant silent = silentSince.get(m);
            List<Instant> times = silent == null ? plan.times()
                    : plan.times().stream().filter(t -> t.isBefore(silent)).toList();
            for (MeterReadout r : times.isEmpty() ? List.<MeterReadout>of() : model.readouts(m, times)) {
                batch.add(r);
                batchValues += r.values().size();
            }
            batchMeters++;
            if (batchValues >= VALUES_PER_BATCH) {
                totals.add(store(batch, channelId), batchMeters, progress);
                batch = new ArrayList<>();
                batchValues = 0;
                batchMeters = 0;
            }
        }
        if (batchMeters > 0) {
            totals.add(store(batch, channelId), batchMeters, progress);
        }
        if (!plan.isEmpty() && !cancelled.getAsBoolean()) {
            totals.add(store(model.readouts(houseHeat, plan.times()), channelId), 1, progress);
        }
        return totals.result(plan, meters.size(), started);
    }

    private static final class Totals {
        int inserted;
        int duplicates;
        int meters;

        void add(StoreResult s, int metersStored, IntConsumer progress) {
            inserted += s.inserted();
            duplicates += s.unchanged();
            meters += metersStored;
            progress.accept(meters);
        }

        Result result(BackfillPlan plan, int meterCount, long started) {
            List<Instant> t = plan.times();
            return new Result(inserted, duplicates, t.size(), t.isEmpty() ? null : t.get(0),
                    t.isEmpty() ? null : t.get(t.size() - 1), meterCount, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private StoreResult store(List<MeterReadout> batch, long channelId) {
        return transactions.execute(status -> {
            audit.set(DemoRegistry.ACTOR);
            return store.store(batch, ReadingSource.DEMO, channelId);
        });
    }

    /** The newest backfilled moment of the meter's energy register, if a run got that far. */
    private Optional<Instant> lastBackfilled(VirtualMeter meter) {
        MeterIdentity id = ModelReadouts.identity(meter);
        return jdbc.sql("""
                select r.measured_at from reading r
                join register g on g.id = r.register_id
                join meter m on m.id = g.meter_id
                where m.manufacturer = ? and m.serial = ? and g.quantity = 'ENERGY' and g.storage = 0
                  and g.tariff = 0 and g.subunit = 0 and r.source = 'DEMO'
                order by r.measured_at desc limit 1""")
                .params(id.manufacturer().orElseThrow(), id.serial())
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }
}
