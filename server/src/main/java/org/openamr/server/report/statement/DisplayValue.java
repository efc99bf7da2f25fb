package org.openamr.server.report.statement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.quantity.Unit;
import org.openamr.server.consumption.Units;
import org.openamr.server.unit.HeatUnit;
import org.openamr.server.report.ReportTexts;

/**
 * A reading or consumption as statements show it: heat in the chosen unit, volume in m³ (both converted exactly,
 * {@link Units}), anything else as the meter counts it; with the unit's symbol in the reader's language and the
 * decimals a printed copy shows.
 *
 * @param value null when there is no figure
 */
record DisplayValue(BigDecimal value, String unit, int decimals) {

    static final int WATER_DECIMALS = 3;

    static DisplayValue of(BigDecimal value, Unit unit, HeatUnit heat, Locale l, ReportTexts texts) {
        if (unit == null) {
            return new DisplayValue(null, "", WATER_DECIMALS);
        }
        if (Units.accepted(Quantity.ENERGY).contains(unit)) {
            BigDecimal kwh = value == null ? null : Units.convert(value, unit, Quantity.ENERGY).orElseThrow();
            return new DisplayValue(heat.fromKwh(kwh), texts.unit(l, heat.symbol()), heat.decimals());
        }
        if (Units.accepted(Quantity.VOLUME).contains(unit)) {
            BigDecimal m3 = value == null ? null : Units.convert(value, unit, Quantity.VOLUME).orElseThrow();
            return new DisplayValue(m3, texts.unit(l, Unit.M3.symbol()), WATER_DECIMALS);
        }
        return new DisplayValue(value, texts.unit(l, unit.symbol()), WATER_DECIMALS);
    }

    /** As a sentence writes it: «0,4299 Гкал», or the words for no data. */
    String text(Locale l, ReportTexts texts) {
        if (value == null) {
            return texts.say(l, "noData");
        }
        String v = value.setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        return ("ru".equals(l.getLanguage()) ? v.replace('.', ',') : v) + " " + unit;
    }
}
