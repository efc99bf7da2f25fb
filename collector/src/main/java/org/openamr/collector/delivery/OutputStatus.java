package org.openamr.collector.delivery;

import java.time.Instant;
import java.util.Optional;

/**
 * How one output is doing, for the log, a status page or a monitoring endpoint.
 *
 * @param delivered      batches confirmed by the output itself since start
 * @param throughBackup  batches of this output confirmed by its backup since start
 * @param failuresInRow  failed attempts since the last success (at {@code failuresBeforeBackup} the backup takes over)
 * @param lastError      the last failure with the destination's answer
 */
public record OutputStatus(String name, long delivered, long throughBackup, int failuresInRow,
                           Optional<Instant> lastSuccess, Optional<Instant> lastErrorAt, Optional<String> lastError) {
}
