package org.openamr.server.alarm.notify;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One message of a subscription by one channel, and its tries.
 *
 * @param attempts tries made so far (a claimed one included)
 * @param error    the last try's problem, null once sent
 * @param tries    the history, oldest first; empty where not read
 */
public record Delivery(long id, UUID publicId, long subscriptionId, Channel channel, Status status, int attempts,
                       Instant nextAttemptAt, int alarmCount, String subject, String body, String error,
                       Instant createdAt, Instant sentAt, List<Try> tries) {

    public enum Channel { EMAIL, WEBHOOK }

    public enum Status { PENDING, SENT, RETRYING, FAILED }

    public Delivery {
        tries = List.copyOf(tries);
    }

    /**
     * One try.
     *
     * @param httpStatus the webhook's answer status; null for e-mail and when no answer came
     * @param answer     the webhook's answer or the failure in words, truncated
     */
    public record Try(int attempt, Instant at, boolean ok, Integer httpStatus, String answer, String instance) {
    }
}
