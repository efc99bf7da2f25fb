package org.openamr.server.consumption;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.quantity.Unit;
import org.openamr.server.unit.HeatUnit;
import org.openamr.server.point.MeteringPoint.Resource;

/**
 * The unit consumption is given in for each register quantity, the register units the server
 * accepts for it (most preferred first) and their exact conversion.
 *
 * <p>Energy is given in kWh. A meter's kWh register is used when it has one; otherwise its Gcal
 * register, converted exactly (1 Gcal = 4.1868 GJ = 1163 kWh, the international-table calorie used
 * in Russian heat billing); otherwise its kJ register, divided by 3600 — the only conversion that is
 * not exact, so the quotient is rounded half-even to {@value #KJ_EXTRA_DIGITS} more decimals than the
 * difference it converts (a kJ is 0.000278 kWh, so the register's resolution survives). Conversion is
 * applied to each meter's consumption, not to its readings, so it rounds at most once per meter and
 * interval. Volume is given in m³ (ft³ converted exactly: 1 ft = 0.3048 m).
 */
public final class Units {

    static final int KJ_EXTRA_DIGITS = 4;
    /** The gigacalorie in kWh, defined once in {@link HeatUnit}. */
    public static final BigDecimal KWH_PER_GCAL = HeatUnit.KWH_PER_GCAL;
    private static final BigDecimal KJ_PER_KWH = new BigDecimal("3600");
    private static final BigDecimal M3_PER_FT3 = new BigDecimal("0.028316846592");

    private record Family(Unit unit, List<Unit> accepted) {
    }

    private static final Map<Quantity, Family> BY_QUANTITY = Map.of(
            Quantity.ENERGY, new Family(Unit.KWH, List.of(Unit.KWH, Unit.GCAL, Unit.KJ)),
            Quantity.VOLUME, new Family(Unit.M3, List.of(Unit.M3, Unit.CUBIC_FEET)),
            Quantity.MASS, new Family(Unit.T, List.of(Unit.T)),
            Quantity.REACTIVE_ENERGY, new Family(Unit.KVARH, List.of(Unit.KVARH)),
            Quantity.APPARENT_ENERGY, new Family(Unit.KVAH, List.of(Unit.KVAH)),
            Quantity.HCA_UNITS, new Family(Unit.HCA, List.of(Unit.HCA)));

    private Units() {
    }

    /**
     * The register quantity a point of this resource measures unless it says otherwise; the same rule
     * as the database's {@code metering_point_default_quantity}.
     */
    public static Quantity defaultQuantity(Resource resource) {
        return switch (resource) {
            case HEAT, ELECTRICITY -> Quantity.ENERGY;
            default -> Quantity.VOLUME;
        };
    }

    /** The unit consumption of this register quantity is given in. */
    public static Unit unitOf(Quantity quantity) {
        Family f = BY_QUANTITY.get(quantity);
        if (f == null) {
            throw new IllegalArgumentException("quantity " + quantity + " is not a cumulative one");
        }
        return f.unit();
    }

    /** Register units this quantity may be read from, most preferred first. */
    public static List<Unit> accepted(Quantity quantity) {
        Family f = BY_QUANTITY.get(quantity);
        return f == null ? List.of() : f.accepted();
    }

    /** A difference in register unit {@code from} as the quantity's unit; empty for units not accepted. */
    public static Optional<BigDecimal> convert(BigDecimal difference, Unit from, Quantity quantity) {
        if (!accepted(quantity).contains(from)) {
            return Optional.empty();
        }
        return Optional.of(switch (from) {
            case GCAL -> difference.multiply(KWH_PER_GCAL);
            case KJ -> difference.divide(KJ_PER_KWH, Math.max(difference.scale(), 0) + KJ_EXTRA_DIGITS,
                    RoundingMode.HALF_EVEN);
            case CUBIC_FEET -> difference.multiply(M3_PER_FT3);
            default -> difference;
        });
    }

    /** Energy in kWh as Gcal, as Russian heat bills show it; exact (nine decimals), rounded only when shown. */
    public static BigDecimal toGcal(BigDecimal kwh) {
        return HeatUnit.GCAL.fromKwh(kwh);
    }
}
