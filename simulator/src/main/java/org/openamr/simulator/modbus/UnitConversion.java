package org.openamr.simulator.modbus;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;
import org.openamr.mbus.quantity.Unit;

/**
 * From the unit a virtual meter measures a value in (the M-Bus decoder's canonical unit of its
 * record) to the unit a register map states for it, by an exact factor: kWh to kJ (× 3600), kWh
 * to Gcal (÷ 1163, since 1 Gcal = 4.1868 GJ = 1163 kWh), kW to kJ/h (× 3600), seconds to minutes,
 * hours and days. A quotient that does not terminate keeps 34 significant digits; the map's type
 * and exponent then decide what is served.
 */
record UnitConversion(Unit from, Unit to, BigDecimal multiplier, BigDecimal divisor) {

    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);
    private static final List<UnitConversion> KNOWN = List.of(
            new UnitConversion(Unit.KWH, Unit.KJ, SECONDS_PER_HOUR, BigDecimal.ONE),
            new UnitConversion(Unit.KWH, Unit.GCAL, BigDecimal.ONE, BigDecimal.valueOf(1163)),
            new UnitConversion(Unit.KW, Unit.KJ_PER_H, SECONDS_PER_HOUR, BigDecimal.ONE),
            new UnitConversion(Unit.SECOND, Unit.MINUTE, BigDecimal.ONE, BigDecimal.valueOf(60)),
            new UnitConversion(Unit.SECOND, Unit.HOUR, BigDecimal.ONE, SECONDS_PER_HOUR),
            new UnitConversion(Unit.SECOND, Unit.DAY, BigDecimal.ONE, BigDecimal.valueOf(86_400)));

    /** No conversion. */
    static UnitConversion identity(Unit unit) {
        return new UnitConversion(unit, unit, BigDecimal.ONE, BigDecimal.ONE);
    }

    /** The conversion from {@code from} to {@code to}, if this class knows one. */
    static Optional<UnitConversion> between(Unit from, Unit to) {
        if (from == to) {
            return Optional.of(identity(from));
        }
        return KNOWN.stream().filter(c -> c.from == from && c.to == to).findFirst();
    }

    /** The units a value measured in {@code from} can be served in, for messages. */
    static List<Unit> targets(Unit from) {
        return KNOWN.stream().filter(c -> c.from == from).map(UnitConversion::to).toList();
    }

    BigDecimal apply(BigDecimal value) {
        BigDecimal product = value.multiply(multiplier);
        if (divisor.compareTo(BigDecimal.ONE) == 0) {
            return product;
        }
        try {
            return product.divide(divisor);
        } catch (ArithmeticException e) {
            return product.divide(divisor, MathContext.DECIMAL128);
        }
    }
}
