package org.openamr.simulator.meter;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openamr.mbus.app.SecondaryAddress;
import org.openamr.mbus.app.StatusByte;
import org.openamr.mbus.record.DataRecord;
import org.openamr.mbus.value.Value;
import org.openamr.simulator.model.DueDate;

/**
 * The truth of one readout: every value the meter sends, exactly as the decoder reports it (same
 * canonical unit and scale: kWh, m³, kW, m³/h, °C, K, seconds), plus the header's status.
 *
 * @param readAt  when the master read the meter
 * @param dataAt  the moment the values belong to: {@code readAt}, or earlier for a meter whose
 *                communication module copies the calculator's data only every few minutes
 * @param values  one value per register the meter sends; a broken sensor's value is
 *                {@link Value.Unavailable}
 */
public record Reading(SecondaryAddress meter, Instant readAt, Instant dataAt, DueDate dueDate, StatusByte status,
                      Set<MeterError> activeErrors, Map<Register, Value> values) {

    public Reading {
        activeErrors = Set.copyOf(activeErrors);
        values = Collections.unmodifiableMap(new EnumMap<>(values));
    }

    public boolean has(Register register) {
        return values.containsKey(register);
    }

    public Value value(Register register) {
        Value v = values.get(register);
        if (v == null) {
            throw new IllegalArgumentException(meter + " sends no " + register);
        }
        return v;
    }

    /** The exact number of a numeric register. */
    public BigDecimal amount(Register register) {
        Value v = value(register);
        if (v instanceof Value.Numeric n) {
            return n.amount();
        }
        throw new IllegalArgumentException(register + " of " + meter + " is not a number now: " + v);
    }

    /** The value a decoded record should carry, if the record is one of this meter's registers. */
    public Optional<Value> expected(DataRecord record) {
        return Register.of(record).map(values::get);
    }
}
