package org.openamr.server.consumption;

import java.math.BigDecimal;
import java.time.Instant;
import org.openamr.mbus.quantity.Unit;

/**
 * A stored value a figure was computed from. A reading is identified by (registerId, measuredAt);
 * an installation act's value has no register id.
 */
public record SourceReading(Long registerId, String meterSerial, Instant measuredAt, BigDecimal value, Unit unit,
                            Kind kind) {

    public enum Kind {
        /** storage 0: the register as read */
        CURRENT,
        /** storage 1: the value the meter stored for a due date */
        DUE_DATE,
        /** written in an installation or removal act */
        INSTALLATION_ACT
    }
}
