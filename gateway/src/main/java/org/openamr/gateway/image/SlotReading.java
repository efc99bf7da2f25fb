package org.openamr.gateway.image;

import java.math.BigDecimal;
import java.util.Objects;
import org.openamr.mbus.quantity.Unit;

/** What a meter's read-out gave for one value slot, in the slot's unit where it can be brought there. */
public sealed interface SlotReading {

    /**
     * @param exact false when the conversion into the slot's unit has no finite decimal (kJ to kWh):
     *              then {@code value} is the quotient to 34 digits and the served value is marked rounded
     */
    record Converted(BigDecimal value, boolean exact) implements SlotReading {
        public Converted {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The meter sent the value in a unit the slot's cannot be had from (°F, ft³, t): served as "no value", marked refused. */
    record Unconvertible(Unit unit) implements SlotReading {
        public Unconvertible {
            Objects.requireNonNull(unit, "unit");
        }
    }
}
