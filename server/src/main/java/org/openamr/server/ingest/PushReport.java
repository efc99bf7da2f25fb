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
 */
public record PushReport(UUID push, PushFormat format, int meters, int metersCreated, int readingsNew,
                         int readingsDuplicate, int readingsConflicting, int rejected, List<Item> rejections,
                         boolean rejectionsTruncated, List<ConflictItem> conflicts, boolean conflictsTruncated) {

    static final int LISTED = 1000;

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
