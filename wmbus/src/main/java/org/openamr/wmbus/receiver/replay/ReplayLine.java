package org.openamr.wmbus.receiver.replay;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.openamr.wmbus.receiver.LinkMode;
import org.openamr.wmbus.receiver.TelegramHex;

/**
 * One telegram of an OpenAMR replay file ({@link ReplayFormat} has the grammar):
 *
 * <pre>
 * 2026-11-24T10:15:30.125Z T1 -67 2C4465…
 * </pre>
 *
 * @param receivedAt when it was heard (UTC)
 * @param mode       the mode it was heard in, empty when unknown ({@code -})
 * @param rssiDbm    its signal strength in dBm, empty when unknown ({@code -})
 * @param telegram   the frame from the L-field on, with or without its block CRCs
 */
public record ReplayLine(Instant receivedAt, Optional<LinkMode> mode, OptionalInt rssiDbm, byte[] telegram) {

    public ReplayLine {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(rssiDbm, "rssiDbm");
        if (telegram.length == 0) {
            throw new IllegalArgumentException("a replay line needs a telegram");
        }
        telegram = telegram.clone();
    }

    @Override
    public byte[] telegram() {
        return telegram.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReplayLine l && l.receivedAt.equals(receivedAt) && l.mode.equals(mode)
                && l.rssiDbm.equals(rssiDbm) && Arrays.equals(l.telegram, telegram);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(telegram) * 31 + receivedAt.hashCode();
    }

    @Override
    public String toString() {
        return "ReplayLine[" + ReplayFormat.format(this) + "]";
    }

    /** For tests and messages: the telegram as upper-case hex. */
    public String telegramHex() {
        return TelegramHex.upper(telegram);
    }
}
