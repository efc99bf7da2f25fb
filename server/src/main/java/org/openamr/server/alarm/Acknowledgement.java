package org.openamr.server.alarm;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Someone has seen an alarm and said so.
 *
 * @param by      the user's public id
 * @param comment what they said; empty when nothing
 */
public record Acknowledgement(UUID by, Instant at, String comment) {

    public Acknowledgement {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        comment = comment == null ? "" : comment.strip();
    }
}
