package org.openamr.collector.delivery;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.openamr.collector.EventLog;
import org.openamr.collector.config.CollectorSettings.OutputSettings;
import org.openamr.collector.store.PendingBatch;
import org.openamr.collector.store.Store;

/**
 * Delivers the store's readouts to every output, one thread per output. Per batch: the primary first;
 * on failure retries with exponential back-off and jitter; after {@code failuresBeforeBackup} failures
 * in a row the same readouts go to the backup (as a batch of the backup's own numbering) and count as
 * delivered once. While failing over, each new batch first probes the primary, so that data go back to
 * it as soon as it answers. A refusal (the destination will not take this batch as it is) is logged with
 * its answer and retried at the longest interval: the readouts stay in the store.
 */
public final class Deliverer {

    /** How long a thread without a schedule waits before looking for new readouts. */
    static final Duration IDLE = Duration.ofSeconds(1);

    private final String collector;
    private final Store store;
    private final Map<String, Output> outputs;
    private final List<OutputSettings> settings;
    private final Clock clock;
    private final ZoneId zone;
    private final Pause pause;
    private final EventLog log;
    private final Random random;
    private final List<Thread> threads = new ArrayList<>();
    private final Map<String, Worker> workers = new java.util.HashMap<>();

    /** @param outputs every configured output by name, backups included */
    public Deliverer(String collector, Store store, List<OutputSettings> settings, Map<String, Output> outputs,
                     Clock clock, ZoneId zone, Pause pause, EventLog log, Random random) {
        this.collector = collector;
        this.store = store;
        this.settings = List.copyOf(settings);
        this.outputs = Map.copyOf(outputs);
        this.clock = clock;
        this.zone = zone;
        this.pause = pause;
        this.log = log;
        this.random = random;
    }

    public void start() {
        for (OutputSettings s : settings) {
            Worker w = worker(s.name());
            Thread t = new Thread(w::run, "openamr-output-" + s.name());
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    /** Stops after the deliveries in flight end; waits for them at most {@code wait}. */
    public void stop(Duration wait) {
        pause.stop();
        long until = System.nanoTime() + wait.toNanos();
        for (Thread t : threads) {
            try {
                t.join(Math.max(1, (until - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The worker of one output (the same one every time), for the threads and for a test to drive step by step. */
    public synchronized Worker worker(String output) {
        return workers.computeIfAbsent(output, name -> {
            OutputSettings s = settings.stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
            return new Worker(s, outputs.get(s.name()), s.backup().map(outputs::get));
        });
    }

    /** Every output's status, in the configuration's order. */
    public List<OutputStatus> status() {
        return settings.stream().map(s -> worker(s.name()).status()).toList();
    }

    /** One output's delivery loop. */
    public final class Worker {
        private final OutputSettings spec;
        private final Output primary;
        private final Optional<Output> backup;
        /** Failures of the primary in a row, across batches: decides when the backup takes over. */
        private volatile int failures;
        private volatile long delivered;
        private volatile long throughBackup;
        private volatile Instant lastSuccess;
        private volatile Instant lastErrorAt;
        private volatile String lastError;

        public OutputStatus status() {
            return new OutputStatus(spec.name(), delivered, throughBackup, failures, Optional.ofNullable(lastSuccess),
                    Optional.ofNullable(lastErrorAt), Optional.ofNullable(lastError));
        }

        Worker(OutputSettings spec, Output primary, Optional<Output> backup) {
            this.spec = spec;
            this.primary = primary;
            this.backup = backup;
        }

        void run() {
            log.info("output " + spec.name() + ": started (" + primary + (spec.schedule().isPresent()
                    ? ", schedule " + spec.schedule().get() : ", as soon as there are readouts") + ")");
            while (!pause.stopped()) {
                try {
                    if (spec.schedule().isPresent()) {
                        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
                        ZonedDateTime next = spec.schedule().get().next(now);
                        if (!pause.sleep(Duration.between(now, next))) {
                            break;
                        }
                        while (!pause.stopped() && deliverNext()) {
                            // drain everything pending at this scheduled time
                        }
                    } else if (!deliverNext()) {
                        pause.sleep(IDLE);
                    }
                } catch (SQLException | RuntimeException e) {
                    log.warn("output " + spec.name() + ": store error, retrying in " + IDLE.toSeconds() + " s: " + e);
                    pause.sleep(IDLE.multipliedBy(5));
                }
            }
            log.info("output " + spec.name() + ": stopped");
        }

        /**
         * Delivers the next batch, retrying until it is confirmed somewhere or the collector stops.
         *
         * @return false when there was nothing to deliver (or the collector stopped)
         */
        public boolean deliverNext() throws SQLException {
            Optional<PendingBatch> next = store.nextBatch(spec.name(), spec.meters(), spec.batchSize());
            if (next.isEmpty()) {
                return false;
            }
            PendingBatch batch = next.get();
            while (!pause.stopped()) {
                DeliveryException failure;
                try {
                    synchronized (primary) { // an output may also be another's backup: one call at a time
                        primary.deliver(batch.batch(collector));
                    }
                    store.delivered(batch, null);
                    if (failures >= spec.failuresBeforeBackup()) {
                        log.info("output " + spec.name() + ": answers again, delivering to it again");
                    }
                    failures = 0;
                    delivered++;
                    lastSuccess = clock.instant();
                    log.info("output " + spec.name() + ": batch " + batch.sequence() + " delivered, "
                            + batch.readouts().size() + " readouts");
                    return true;
                } catch (DeliveryException e) {
                    failure = e;
                    failures++;
                    lastErrorAt = clock.instant();
                    lastError = e.kind() + ": " + e.getMessage();
                    log.warn("output " + spec.name() + ": batch " + batch.sequence() + " failed (" + e.kind()
                            + ", failure " + failures + " in a row): " + e.getMessage());
                }
                if (backup.isPresent() && failures >= spec.failuresBeforeBackup() && viaBackup(batch)) {
                    return true;
                }
                Duration wait = failure.kind() == DeliveryException.Kind.REFUSED ? spec.retryMax() : backoff(failures);
                if (!pause.sleep(wait)) {
                    break;
                }
            }
            return false;
        }

        private boolean viaBackup(PendingBatch batch) throws SQLException {
            Output b = backup.get();
            PendingBatch routed = store.backupBatch(b.name(), batch);
            try {
                synchronized (b) {
                    b.deliver(routed.batch(collector));
                }
            } catch (DeliveryException e) {
                log.warn("output " + spec.name() + ": backup " + b.name() + " failed too with batch " + routed.sequence()
                        + " (" + e.kind() + "): " + e.getMessage());
                return false;
            }
            store.delivered(batch, routed);
            throughBackup++;
            lastSuccess = clock.instant();
            log.info("output " + spec.name() + ": batch " + batch.sequence() + " delivered through backup " + b.name()
                    + " as its batch " + routed.sequence() + ", " + batch.readouts().size() + " readouts");
            return true;
        }

        /** initial × 2^(n−1), at most max, then a random part of up to half of it off, so that collectors do not retry in step. */
        Duration backoff(int n) {
            long initial = spec.retryInitial().toMillis();
            long max = spec.retryMax().toMillis();
            long d = initial;
            for (int i = 1; i < n && d < max; i++) {
                d *= 2;
            }
            d = Math.min(d, max);
            long jitter = d / 2 == 0 ? 0 : (long) (random.nextDouble() * (d / 2));
            return Duration.ofMillis(d - jitter);
        }
    }
}
