package org.openamr.server.channel;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A read-now or search job as the API shows it.
 *
 * @param status   QUEUED (waiting for a worker or for the channel), RUNNING, DONE or FAILED
 * @param result   the run the job started, with its counts so far; null before it started
 * @param message  what the job is doing or waiting for
 * @param error    why it failed, when FAILED
 * @param messageText {@code message} as a text the pages say in their language (likewise {@code errorText});
 *                    null for jobs stored before
 */
public record JobView(UUID id, UUID channelId, RunKind kind, SearchSpec.Mode mode, String parameters, JobStatus status,
                      String requestedBy, String instance, Instant createdAt, Instant startedAt, Instant finishedAt,
                      Progress progress, RunView result, String message, String error,
                      @JsonIgnore Text messageText, @JsonIgnore Text errorText) {

    /**
     * @param done     meters handled so far (poll)
     * @param total    meters to handle (poll)
     * @param fraction share done, 0..1
     * @param found    meters found so far (search)
     */
    public record Progress(Integer done, Integer total, BigDecimal fraction, Integer found) {
    }
}
