package org.openamr.server.unit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The unit heat is reported in. Consumption is computed in kWh; Russian heat billing uses the gigacalorie (1 Gcal =
 * 1163 kWh exactly, {@link #KWH_PER_GCAL}), other readers kWh or GJ (1 kWh = 0.0036 GJ exactly). Each has the
 * decimals a printed report shows, about a kWh's resolution.
 */
// in a package of its own, below consumption, reports and organisations, so that an organisation's choice of unit
// can be this type without a package cycle
public enum HeatUnit {
    GCAL("Gcal", 4),
    KWH("kWh", 1),
    GJ("GJ", 3);

    /** The one definition of the gigacalorie in kWh, for consumption, pages and reports alike. */
    public static final BigDecimal KWH_PER_GCAL = new BigDecimal("1163");
    /** Decimals of a kWh figure in Gcal: 1163 = 1.163 × 10³, so a quotient never needs infinitely many. */
    private static final int GCAL_SCALE = 9;
    private static final BigDecimal GJ_PER_KWH = new BigDecimal("0.0036");

    private final String symbol;
    private final int decimals;

    HeatUnit(String symbol, int decimals) {
        this.symbol = symbol;
        this.decimals = decimals;
    }

    /** An energy in kWh in this unit: exact for kWh and GJ, nine decimals for Gcal. */
    public BigDecimal fromKwh(BigDecimal kwh) {
        if (kwh == null) {
            return null;
        }
        return switch (this) {
            case GCAL -> kwh.divide(KWH_PER_GCAL, GCAL_SCALE, RoundingMode.HALF_EVEN);
            case KWH -> kwh;
            case GJ -> kwh.multiply(GJ_PER_KWH);
        };
    }

    /** The symbol as the JSON contract spells units; {@code unit.<symbol>} in the messages says it in a language. */
    public String symbol() {
        return symbol;
    }

    public int decimals() {
        return decimals;
    }

    /** The API's spelling, in any letter case: gcal, kwh, gj. */
    public static Optional<HeatUnit> named(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (HeatUnit u : values()) {
            if (u.name().equalsIgnoreCase(text.trim())) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }
}
