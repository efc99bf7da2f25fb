package org.openamr.acquisition.readout;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One exact value of one register at one moment. For stored values (storage 1…) the moment is the
 * one the meter stored it for (its due date), not when it was read, so that every later readout of
 * the same stored value is recognised as the same fact.
 */
public record RegisterValue(RegisterKey key, Instant measuredAt, BigDecimal value) {

    public RegisterValue {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(measuredAt, "measuredAt");
        Objects.requireNonNull(value, "value");
    }
}
