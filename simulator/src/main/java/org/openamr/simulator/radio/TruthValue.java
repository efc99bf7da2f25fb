package org.openamr.simulator.radio;

import org.openamr.mbus.quantity.Unit;
import org.openamr.mbus.value.Value;
import org.openamr.simulator.meter.Register;

/**
 * One value a telegram carries, as the decoder must report it: the register (quantity, storage,
 * tariff, subunit), the exact value, and the unit of the record's VIF in the decoder's canonical
 * units (kWh, m3, kW, m3/h, °C, K, s; none for dates).
 */
public record TruthValue(Register register, Value value, Unit unit) {

    /** The value as the decoder's JSON prints it: an exact decimal, or an ISO date or date-time. */
    public String text() {
        return value.text();
    }
}
