package org.openamr.gateway.image;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;
import org.openamr.mbus.quantity.Unit;

/**
 * Brings a value into a slot's unit with exact decimal arithmetic. The decoder already gives one unit per
 * family (Wh and MWh arrive as kWh, litres as m³); what is left are the other energy families:
 * 1 Gcal = 1163 kWh exactly (the international table calorie, 4.1868 J), 1 kWh = 3600 kJ, whose
 * quotient rarely ends, so it is marked inexact rather than passed off as exact.
 */
final class SlotUnits {

    /** Gigacalories to kilowatt-hours: 4.1868 × 10^9 J / 3.6 × 10^6 J. */
    private static final BigDecimal KWH_PER_GCAL = BigDecimal.valueOf(1163);
    private static final BigDecimal KJ_PER_KWH = BigDecimal.valueOf(3600);

    private SlotUnits() {
    }

    /** The value in {@code target}, or empty when no conversion leads there. */
    static Optional<SlotReading.Converted> convert(BigDecimal value, Unit from, Unit target) {
        if (from == target) {
            return Optional.of(new SlotReading.Converted(value, true));
        }
        if (target == Unit.KWH && from == Unit.GCAL) {
            return Optional.of(new SlotReading.Converted(value.multiply(KWH_PER_GCAL), true));
        }
        if ((target == Unit.KWH && from == Unit.KJ) || (target == Unit.KW && from == Unit.KJ_PER_H)) {
            return Optional.of(divide(value, KJ_PER_KWH));
        }
        return Optional.empty();
    }

    private static SlotReading.Converted divide(BigDecimal value, BigDecimal divisor) {
        try {
            return new SlotReading.Converted(value.divide(divisor), true);
        } catch (ArithmeticException endless) {
            return new SlotReading.Converted(value.divide(divisor, MathContext.DECIMAL128), false);
        }
    }
}
