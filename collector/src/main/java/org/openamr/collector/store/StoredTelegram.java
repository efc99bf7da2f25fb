package org.openamr.collector.store;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A telegram as received, with what became of it.
 *
 * @param input    the configured input's name
 * @param receiver the receiver or bus it came through
 * @param raw      the bytes as received (a wired read: its frames back to back); empty when the input gives none
 *                 (a damaged line of a text receiver)
 * @param outcome  {@code decoded}, {@code undecoded} (sound but unreadable: no key), {@code failed},
 *                 {@code damaged}, {@code duplicate}, {@code other-mode}, {@code ignored} (a meter not asked for)
 * @param reason   why it was not decoded, for a person; empty when it was
 */
public record StoredTelegram(String input, String receiver, Instant receivedAt, OptionalInt rssiDbm, byte[] raw,
                             String outcome, String reason) {

    public StoredTelegram {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(rssiDbm, "rssiDbm");
        Objects.requireNonNull(outcome, "outcome");
        raw = raw == null ? new byte[0] : raw.clone();
        reason = reason == null ? "" : reason;
    }
}
