package org.openamr.server.consumption;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** A register's exact value at a moment, as stored in {@code reading}. */
public record Sample(Instant at, BigDecimal value) {

    public Sample {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(value, "value");
    }
}
