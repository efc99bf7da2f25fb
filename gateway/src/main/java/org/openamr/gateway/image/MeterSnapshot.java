package org.openamr.gateway.image;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.openamr.gateway.layout.MeterStatus;
import org.openamr.mbus.app.SecondaryAddress;

/**
 * Everything one meter block shows, at one moment.
 *
 * @param primary     the primary address the meter is read at, empty when it is read by its secondary address
 * @param identity    the secondary address its last answer carried (empty before the first one)
 * @param meterFlags  the {@code Layout.FLAG_*} bits of its last good answer
 * @param lastReadout when its last good answer came, empty before the first
 * @param lastAttempt when it was last asked
 * @param failures    failed attempts since the last good answer
 * @param values      of the last good answer
 * @param errorCode   its error code register in the last good answer, if it sent one
 */
public record MeterSnapshot(int slot, MeterStatus status, OptionalInt primary, Optional<SecondaryAddress> identity,
                            int meterFlags, Optional<Instant> lastReadout, Optional<Instant> lastAttempt, int failures,
                            MeterValues values, OptionalLong errorCode) {

    public MeterSnapshot {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(values, "values");
    }

    /** A slot no meter is listed for. */
    public static MeterSnapshot empty(int slot) {
        return new MeterSnapshot(slot, MeterStatus.EMPTY, OptionalInt.empty(), Optional.empty(), 0, Optional.empty(),
                Optional.empty(), 0, MeterValues.NONE, OptionalLong.empty());
    }
}
