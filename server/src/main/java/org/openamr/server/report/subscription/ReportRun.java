package org.openamr.server.report.subscription;

import java.time.Instant;
import java.util.UUID;

/**
 * One sending of a subscription's report, as its history shows it.
 *
 * @param error     the SMTP server's answer or the report's refusal, for FAILED and RETRYING runs
 * @param delivered what was sent (files and sizes, or a download link's expiry)
 */
public record ReportRun(long id, UUID publicId, long subscriptionId, Instant slotAt, String trigger,
                        String requestedBy, Status status, int attempts, Instant nextAttemptAt, Instant startedAt,
                        Instant finishedAt, String instance, String error, String delivered) {

    public enum Status { PENDING, SENDING, SENT, RETRYING, FAILED }
}
