package org.openamr.server.ingest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.openamr.acquisition.readout.MeterReadout;
import org.openamr.acquisition.readout.RegisterValue;
import org.openamr.server.audit.AuditActor;
import org.openamr.server.meter.MeterResolver;
import org.openamr.server.reading.ReadingPartitions;
import org.openamr.server.reading.ReadingSource;
import org.openamr.server.reading.ReadingStore;
import org.openamr.server.reading.StoreResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a parsed push: its valid readings, the push record and its rejections, all in one
 * transaction, so that a push is either fully recorded or not at all. Readings already stored (a
 * repeated push) are counted as duplicates, so pushing the same document twice stores it once.
 */
@Component
public class IngestService {

    private static final Logger log = LoggerFactory.getLogger(IngestService.class);

    private final PushLog pushes;
    private final CollectorBatches batches;
    private final ReadingStore readings;
    private final ReadingPartitions partitions;
    private final AuditActor audit;
    private final TransactionTemplate transaction;
    private final int maxNewMeters;
    private final PushMetrics metrics;

    /** Everything on the ingest pool ({@link IngestDatabase}), so that busy web pages cannot starve pushes. */
    public IngestService(IngestDatabase db, @Value("${openamr.ingest.max-new-meters:1000}") int maxNewMeters,
            PushMetrics metrics) {
        this.pushes = db.pushLog();
        this.batches = db.batches();
        this.readings = db.readings();
        this.partitions = db.partitions();
        this.audit = db.audit();
        this.transaction = db.transaction();
        this.maxNewMeters = maxNewMeters;
        this.metrics = metrics;
    }

    /**
     * @param batch the collector's numbered batch, or null for a plain push: a batch is stored once per
     *        channel and collector, and sent again it is acknowledged without storing anything
     * @throws IngestException 409 when the batch's number was stored before with another document
     */
    PushReport store(Concentrator concentrator, ParsedPush parsed, byte[] payload, CollectorBatch batch) {
        if (batch == null) {
            return storePush(concentrator, parsed, payload, null);
        }
        PushReport report;
        try {
            report = storePush(concentrator, parsed, payload, batch);
        } catch (IngestException e) {
            if (e.status() == org.springframework.http.HttpStatus.CONFLICT) {
                // the collector called, and its page must show it even though this batch was refused
                batches.contact(concentrator.channelId(), batch, null);
            }
            throw e;
        } catch (AlreadyStored earlier) {
            batches.contact(concentrator.channelId(), batch, batch.sequence());
            log.info("{} from concentrator '{}' (channel {}) was already stored by push {}; nothing stored again",
                    batch.describe(), concentrator.name(), concentrator.publicId(), earlier.stored.push());
            return PushReport.alreadyStored(earlier.stored.push(), earlier.stored.format(),
                    PushReport.Batch.of(batch, true, earlier.stored.push()));
        }
        batches.contact(concentrator.channelId(), batch, batch.sequence());
        return report;
    }

    /** Rolls the batch's transaction back (it wrote nothing but the claim) and carries the earlier push. */
    private static final class AlreadyStored extends RuntimeException {
        final transient CollectorBatches.Stored stored;

        AlreadyStored(CollectorBatches.Stored stored) {
            super(null, null, false, false);
            this.stored = stored;
        }
    }

    private PushReport storePush(Concentrator concentrator, ParsedPush parsed, byte[] payload, CollectorBatch batch) {
        PushAssembly.Assembled push = PushAssembly.assemble(parsed);
        // Months are prepared before the push's transaction opens: making a partition needs a
        // connection and a lock of its own, which a transaction holding rows must not wait for.
        List<Instant> times = new ArrayList<>(push.values());
        for (List<MeterReadout> list : List.of(push.withConditions(), push.withoutConditions())) {
            for (MeterReadout r : list) {
                for (RegisterValue v : r.values()) {
                    times.add(v.measuredAt());
                }
            }
        }
        partitions.ensureFor(times);
        PushReport report;
        try {
            report = transaction.execute(status -> {
                audit.set(concentrator.auditActor());
                long batchId = 0;
                if (batch != null) {
                    // first, before any reading: a concurrent delivery of the same batch waits here
                    CollectorBatches.Claim claim = batches.claim(concentrator.channelId(), batch,
                            PushLog.sha256(payload));
                    if (claim.earlier() != null) {
                        throw new AlreadyStored(claim.earlier());
                    }
                    batchId = claim.id();
                }
                StoreResult reported = readings.store(push.withConditions(), ReadingSource.PUSH,
                        concentrator.channelId(), true, maxNewMeters);
                StoreResult silent = readings.store(push.withoutConditions(), ReadingSource.PUSH,
                        concentrator.channelId(), false, maxNewMeters - reported.metersCreated());
                Set<Long> meters = new HashSet<>(reported.meterIds());
                meters.addAll(silent.meterIds());
                int created = reported.metersCreated() + silent.metersCreated();
                int inserted = reported.inserted() + silent.inserted();
                int duplicates = reported.duplicates() + silent.duplicates();
                List<Conflict> conflicts = new ArrayList<>();
                reported.conflicts().forEach(c -> conflicts.add(Conflict.of(push.keptWithConditions().get(c.index()), c)));
                silent.conflicts().forEach(c -> conflicts.add(Conflict.of(push.keptWithoutConditions().get(c.index()), c)));
                List<Rejection> rejections = push.rejections();
                PushLog.Logged logged = pushes.insert(new PushLog.Entry(concentrator.channelId(), parsed.format(),
                        parsed.sender(), payload, meters.size(), created, inserted, duplicates, rejections.size(),
                        conflicts.size()));
                if (batch != null) {
                    batches.stored(batchId, logged.id());
                }
                pushes.insertRejections(logged.id(), rejections);
                pushes.insertConflicts(logged.id(), conflicts.stream().map(Conflict::logged).toList());
                List<PushReport.Item> listed = rejections.stream().limit(PushReport.LISTED).map(PushReport.Item::of)
                        .toList();
                List<PushReport.ConflictItem> conflicting = conflicts.stream().limit(PushReport.LISTED)
                        .map(Conflict::item).toList();
                return new PushReport(logged.publicId(), parsed.format(), meters.size(), created, inserted, duplicates,
                        conflicts.size(), rejections.size(), listed, rejections.size() > listed.size(), conflicting,
                        conflicts.size() > conflicting.size(),
                        batch == null ? null : PushReport.Batch.of(batch, false, logged.publicId()));
            });
        } catch (MeterResolver.TooManyNewMeters e) {
            throw IngestException.tooLarge("the push names more than " + maxNewMeters
                    + " meters this server does not know yet (openamr.ingest.max-new-meters); nothing was stored"
                    + " — register the meters first or push them in smaller parts");
        }
        metrics.partsRejected(concentrator, report);
        try (MDC.MDCCloseable logged = MDC.putCloseable("push", report.push().toString())) {
            log.info("push {} ({}) from concentrator '{}' (channel {}, sender {}{}): {} meters ({} new), {} readings new, "
                            + "{} duplicate, {} conflicting, {} parts rejected", report.push(), parsed.format(),
                    concentrator.name(), concentrator.publicId(), parsed.sender(),
                    batch == null ? "" : ", " + batch.describe(), report.meters(), report.metersCreated(),
                    report.readingsNew(), report.readingsDuplicate(), report.readingsConflicting(), report.rejected());
        }
        return report;
    }

    /** A pushed value whose register and time the server already had with another value. */
    private record Conflict(PushAssembly.Kept kept, BigDecimal stored, BigDecimal pushed) {

        static Conflict of(PushAssembly.Kept kept, StoreResult.Conflict c) {
            return new Conflict(kept, c.stored(), c.given());
        }

        String register() {
            return PushAssembly.describe(kept.candidate().key());
        }

        String reason() {
            return "the server already has " + stored.toPlainString() + " for " + register() + " at "
                    + kept.candidate().at() + "; the pushed " + pushed.toPlainString()
                    + " differs and is not stored (the stored value is kept)";
        }

        PushLog.Conflict logged() {
            Candidate c = kept.candidate();
            return new PushLog.Conflict(kept.meter(), c.origin().location(), reason(), c.origin().fragment(), stored,
                    pushed);
        }

        PushReport.ConflictItem item() {
            Candidate c = kept.candidate();
            String location = c.origin().location();
            return new PushReport.ConflictItem(kept.meter(), location, register(), c.at(), stored, pushed,
                    new Rejection(kept.meter(), location, reason(), "", 1).message());
        }
    }
}
