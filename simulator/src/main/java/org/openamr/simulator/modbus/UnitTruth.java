package org.openamr.simulator.modbus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openamr.modbus.value.ModbusValue;
import org.openamr.simulator.meter.MeterType;

/**
 * What a correct master reads from one unit at one moment.
 *
 * @param meterId the 8-digit identification number of the meter behind the module (its M-Bus id)
 * @param readAt  the moment of reading
 * @param dataAt  the moment the values belong to (see {@link ModuleSnapshot#dataAt()})
 * @param values  every value of the map, in map order
 */
public record UnitTruth(int unit, String meterId, MeterType type, Instant readAt, Instant dataAt,
                        List<ServedValue> values) {

    public UnitTruth {
        values = List.copyOf(values);
    }

    /**
     * The values a reader decodes, exactly as {@link org.openamr.modbus.value.RegisterDecoder#decodeAll}
     * gives them for registers covering the whole map; values it cannot decode (no value now) are left out.
     */
    public List<ModbusValue> decodable() {
        return values.stream().flatMap(v -> v.decoded().stream()).toList();
    }

    /** The value named {@code name} in the map, if the unit serves a decodable one. */
    public Optional<BigDecimal> value(String name) {
        return served(name).value();
    }

    public ServedValue served(String name) {
        return values.stream().filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the map has no value '" + name + "'"));
    }
}
