package org.openamr.mbus.record;

/**
 * Meanings of the combinable (orthogonal) VIFEs of EN 13757-3 that qualify a value without changing
 * its number: direction of accumulation, limits, per-unit forms, and so on. Scaling VIFEs
 * (multiplicative correction) are applied to the value instead and do not appear here.
 */
public enum Modifier {
    PER_SECOND("per second"), PER_MINUTE("per minute"), PER_HOUR("per hour"), PER_DAY("per day"),
    PER_WEEK("per week"), PER_MONTH("per month"), PER_YEAR("per year"),
    PER_MEASUREMENT("per revolution / measurement"),
    INCREMENT_PER_INPUT_PULSE("increment per input pulse"),
    INCREMENT_PER_OUTPUT_PULSE("increment per output pulse"),
    PER_LITRE("per litre"), PER_M3("per m³"), PER_KG("per kg"), PER_KELVIN("per K"), PER_KWH("per kWh"),
    PER_GJ("per GJ"), PER_KW("per kW"), PER_KELVIN_LITRE("per K·l"), PER_VOLT("per V"), PER_AMPERE("per A"),
    TIMES_SECOND("multiplied by s"), TIMES_SECOND_PER_VOLT("multiplied by s/V"),
    TIMES_SECOND_PER_AMPERE("multiplied by s/A"),
    START_DATE_OF("start date/time of"),
    UNCORRECTED("uncorrected unit"),
    /** Energy or volume accumulated only in forward flow: heating energy of a heat/cooling meter. */
    ACCUMULATION_POSITIVE("accumulation of positive contributions only"),
    /** Accumulated only in backward flow: cooling energy, reverse volume. */
    ACCUMULATION_NEGATIVE("accumulation of negative contributions only"),
    NON_METRIC("non-metric unit"),
    AT_BASE_CONDITIONS("value at base conditions"),
    OBIS_DECLARATION("OBIS declaration"),
    LOWER_LIMIT("lower limit value"), UPPER_LIMIT("upper limit value"),
    LOWER_LIMIT_EXCEED_COUNT("number of lower limit exceeds"),
    UPPER_LIMIT_EXCEED_COUNT("number of upper limit exceeds"),
    DATE_OF_LIMIT_EXCEED("date/time of limit exceed"),
    DURATION_OF_LIMIT_EXCEED("duration of limit exceed"),
    DURATION_OF("duration of"),
    VALUE_DURING_LIMIT_EXCEED("value during limit exceed"),
    LEAKAGE_VALUES("leakage values"),
    OVERFLOW_VALUES("overflow values"),
    DATE_OF("date/time of"),
    ADDITIVE_CORRECTION("additive correction constant"),
    FUTURE_VALUE("future value"),
    MANUFACTURER_SPECIFIC("manufacturer-specific extension"),
    EXTENDED("extended combinable VIFE (0xFC table)"),
    RESERVED("reserved VIFE");

    private final String description;

    Modifier(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** True for modifiers that turn the record's value into a point in time. */
    public boolean isDate() {
        return this == START_DATE_OF || this == DATE_OF_LIMIT_EXCEED || this == DATE_OF;
    }

    /** True for modifiers that turn the value into a duration (the VIFE's last two bits give the unit). */
    public boolean isDuration() {
        return this == DURATION_OF_LIMIT_EXCEED || this == DURATION_OF;
    }
}
