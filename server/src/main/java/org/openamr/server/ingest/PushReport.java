package org.openamr.server.ingest;

import java.util.List;
import java.util.UUID;

/**
 * The answer to an accepted push: what was stored, what was already there, and every rejected part
 * (the first {@value #LISTED} in the answer; all of them in {@code ingest_rejection}).
 *
 * @param push the push's id in {@code ingest_push}
 * @param readingsNew readings stored by this push
 * @param readingsDuplicate valid readings the database already had (e.g. the same push sent twice)
 * @param rejected how many parts were rejected
 */
public record PushReport(UUID push, PushFormat format, int meters, int metersCreated, int readingsNew,
                         int readingsDuplicate, int rejected, List<Item> rejections, boolean rejectionsTruncated) {

    static final int LISTED = 1000;

    /** A rejected part: the meter as the document names it, where, why, and all that as one line. */
    public record Item(String meter, String location, String reason, String message) {

        static Item of(Rejection r) {
            return new Item(r.meter(), r.location(), r.reason(), r.message());
        }
    }
}
