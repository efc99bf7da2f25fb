package org.openamr.simulator.modbus;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import org.openamr.modbus.map.ValueDefinition;
import org.openamr.modbus.value.ModbusValue;
import org.openamr.simulator.meter.Register;

/**
 * One value of a register map as a virtual unit serves it: the exact decimal a reader decodes from
 * its registers ({@link org.openamr.modbus.value.RegisterEncoder#served}), computed from the
 * meter's model and not from the words on the wire.
 *
 * @param value  empty when a reader cannot decode it: the meter cannot measure the value now (a
 *               broken sensor) and its type has a "no value" coding (NaN for float32, the invalid
 *               BCD digits 0xF for bcd16/bcd32); integer types carry their marker number instead
 *               (the type's minimum when signed, its maximum when unsigned), which is then the value
 * @param source the meter's register behind it; empty for a value the meter does not measure, which reads 0
 */
public record ServedValue(ValueDefinition definition, Optional<BigDecimal> value, Optional<Register> source) {

    public ServedValue {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
    }

    public String name() {
        return definition.name();
    }

    /** The value as {@link org.openamr.modbus.value.RegisterDecoder#decode} gives it, if a reader can decode it. */
    public Optional<ModbusValue> decoded() {
        ValueDefinition d = definition;
        return value.map(v -> new ModbusValue(d.name(), d.quantity(), d.unit(), d.storage(), d.tariff(), d.subunit(), v));
    }
}
