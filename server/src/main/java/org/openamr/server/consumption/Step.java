package org.openamr.server.consumption;

import java.math.BigDecimal;
import java.time.Instant;

/** Two consecutive register values where the register went down: a rollover or an anomaly. */
public record Step(Instant fromAt, BigDecimal fromValue, Instant toAt, BigDecimal toValue) {
}
