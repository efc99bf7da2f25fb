package org.openamr.server.ingest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The answer to an accepted push: what was stored, what was already there, every rejected part and
 * every conflict (the first {@value #LISTED} of each in the answer; all of them in
 * {@code ingest_rejection}).
 *
 * @param push the push's id in {@code ingest_push}
 * @param readingsNew readings stored by this push
 * @param readingsDuplicate valid readings the database already had with the same value (e.g. the same push sent twice)
 * @param readingsConflicting valid readings whose register and time the database already had with another
 *        value: the stored value is kept, both are listed in {@code conflicts}
 * @param rejected how many parts were rejected
 * @param batch the collector's numbered batch this push carried, absent for a plain push
 */
public record PushReport(UUID push, PushFormat format, int meters, int metersCreated, int readingsNew,
                         int readingsDuplicate, int readingsConflicting, int rejected, List<Item> rejections,
                         boolean rejectionsTruncated, List<ConflictItem> conflicts, boolean conflictsTruncated,
                         Batch batch) {

    static final int LISTED = 1000;

    /** The answer to a batch stored before: its earlier push, nothing stored now. */
    static PushReport alreadyStored(UUID push, PushFormat format, Batch batch) {
        return new PushReport(push, format, 0, 0, 0, 0, 0, 0, List.of(), false, List.of(), false, batch);
    }

    /**
     * The batch a collector delivered, named in the answer: the collector counts a delivery as confirmed
     * only when the answer names its batch.
     *
     * @param alreadyStored true when an earlier delivery stored it ({@code push} is that delivery's)
     */
    public record Batch(String collector, long sequence, boolean alreadyStored, String message) {

        static Batch of(CollectorBatch b, boolean alreadyStored, UUID push) {
            return new Batch(b.collector(), b.sequence(), alreadyStored, alreadyStored
                    ? b.describe() + " was already stored (push " + push + "); nothing was stored again"
                    : b.describe() + " stored (push " + push + ")");
        }
    }

    /** A rejected part: the meter as the document names it, where, why, and all that as one line. */
    public record Item(String meter, String location, String reason, String message) {

        static Item of(Rejection r) {
            return new Item(r.meter(), r.location(), r.reason(), r.message());
        }
    }

    /**
     * A value for a register and time the server already had with another value.
     *
     * @param register e.g. {@code ENERGY kWh storage 0}
     * @param stored the value the server keeps
     * @param pushed the value this push sent, not stored
     */
    public record ConflictItem(String meter, String location, String register, Instant at, BigDecimal stored,
                               BigDecimal pushed, String message) {
    }
}
