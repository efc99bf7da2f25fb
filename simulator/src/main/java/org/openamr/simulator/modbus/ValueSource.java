package org.openamr.simulator.modbus;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openamr.mbus.quantity.Unit;
import org.openamr.mbus.record.VifTable;
import org.openamr.mbus.value.Value;
import org.openamr.modbus.map.RegisterMap;
import org.openamr.modbus.map.ValueDefinition;
import org.openamr.simulator.meter.MeterType;
import org.openamr.simulator.meter.Reading;
import org.openamr.simulator.meter.RecordSpec;
import org.openamr.simulator.meter.Register;

/**
 * Where one value of a register map comes from in a virtual meter's readings: the register of the
 * same quantity, storage, tariff and subunit that the meter's M-Bus side sends, converted into the
 * map's unit. A value the meter has no register for (a tariff register of a meter without tariffs,
 * a quantity it does not measure) reads 0, as an unused register of a real module does.
 *
 * @param register   empty for a value without a source
 * @param conversion from the register's unit to the map's
 */
record ValueSource(ValueDefinition definition, Optional<Register> register, UnitConversion conversion) {

    /** Registers a map cannot name apart from others of their quantity, or that are not numbers. */
    private static final Set<Register> NOT_SERVED = EnumSet.of(Register.ERROR_TIME, Register.ERROR_SINCE,
            Register.METER_CLOCK, Register.DUE_DATE);

    /**
     * The source of {@code def} in meters of {@code type}.
     *
     * @throws IllegalArgumentException when the meter measures the value in a unit that does not
     *                                  convert to the map's, naming the map, its line and both units
     */
    static ValueSource of(RegisterMap map, ValueDefinition def, MeterType type) {
        for (List<RecordSpec> telegram : type.layout().telegrams()) {
            for (RecordSpec spec : telegram) {
                Register r = spec.register();
                if (NOT_SERVED.contains(r) || r.quantity() != def.quantity() || r.storage() != def.storage()
                        || r.tariff() != def.tariff() || r.subunit() != def.subunit()) {
                    continue;
                }
                Unit measured = VifTable.meaning(spec.vif(), null).unit();
                UnitConversion conversion = UnitConversion.between(measured, def.unit()).orElseThrow(() ->
                        new IllegalArgumentException("register map '" + map.name() + "' (" + map.source() + " line "
                                + def.line() + "): value '" + def.name() + "' is in " + symbol(def.unit()) + ", but a "
                                + type.displayName() + " measures " + def.quantity().jsonName() + " in "
                                + symbol(measured) + ", which the simulator serves only in " + servable(measured)));
                return new ValueSource(def, Optional.of(r), conversion);
            }
        }
        return new ValueSource(def, Optional.empty(), UnitConversion.identity(def.unit()));
    }

    /**
     * The value in the map's unit at the moment of {@code reading}; empty while the meter cannot
     * measure it (a broken temperature sensor).
     */
    Optional<BigDecimal> amount(Reading reading) {
        if (register.isEmpty()) {
            return Optional.of(BigDecimal.ZERO);
        }
        Value v = reading.value(register.get());
        if (v instanceof Value.Numeric n) {
            return Optional.of(conversion.apply(n.amount()));
        }
        return Optional.empty();
    }

    private static String servable(Unit measured) {
        List<Unit> targets = UnitConversion.targets(measured);
        return targets.isEmpty() ? symbol(measured) : symbol(measured) + " or " + targets.stream()
                .map(ValueSource::symbol).collect(Collectors.joining(", "));
    }

    private static String symbol(Unit unit) {
        return unit == Unit.NONE ? "no unit" : unit.symbol();
    }
}
