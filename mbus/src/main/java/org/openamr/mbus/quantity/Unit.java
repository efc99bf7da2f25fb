package org.openamr.mbus.quantity;

import java.util.Optional;

/**
 * Units of decoded values. The decoder converts every value to one unit per family (energy in Wh
 * becomes kWh, J becomes kJ, calories Gcal, volume m³, power kW, flow m³/h, durations s …) with exact decimal
 * arithmetic, so that the layers above compare and add values without knowing VIF codes.
 * {@link #symbol()} is the spelling of the JSON contract.
 */
public enum Unit {
    NONE(""),
    KWH("kWh"),
    /** Joule-based energy: kJ keeps every VIF exact and within a factor 1000 of the SI base unit. */
    KJ("kJ"),
    /** Gigacalorie: Russian heat billing unit; meters with the Mcal VIFs report in it. */
    GCAL("Gcal"),
    M3("m3"),
    T("t"),
    KW("kW"),
    KJ_PER_H("kJ/h"),
    M3_PER_H("m3/h"),
    KG_PER_H("kg/h"),
    CELSIUS("°C"),
    FAHRENHEIT("°F"),
    KELVIN("K"),
    BAR("bar"),
    SECOND("s"),
    MINUTE("min"),
    HOUR("h"),
    DAY("d"),
    MONTH("month"),
    YEAR("year"),
    VOLT("V"),
    AMPERE("A"),
    PERCENT("%"),
    PERCENT_RH("%RH"),
    DBM("dBm"),
    HCA("HCA"),
    HERTZ("Hz"),
    KVARH("kVARh"),
    KVAH("kVAh"),
    KVAR("kVAR"),
    KVA("kVA"),
    DEGREE("°"),
    BAUD("Bd"),
    BIT_TIMES("bit times"),
    CUBIC_FEET("ft3");

    private final String symbol;

    Unit(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** The unit with this symbol, e.g. for plain-text VIF units that happen to be standard ones. */
    public static Optional<Unit> bySymbol(String symbol) {
        for (Unit u : values()) {
            if (u != NONE && u.symbol.equals(symbol)) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }
}
