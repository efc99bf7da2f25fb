package org.openamr.mbus.quantity;

import java.util.Locale;

/**
 * What a record measures or describes, independent of its coding. Every decoded record carries one,
 * so that no code above the protocol libraries reads a VIF. {@link #jsonName()} is the name used in
 * JSON and profiles, e.g. {@code flowTemperature}.
 */
public enum Quantity {
    // measured values
    ENERGY, VOLUME, MASS, POWER, VOLUME_FLOW, MASS_FLOW,
    FLOW_TEMPERATURE, RETURN_TEMPERATURE, TEMPERATURE_DIFFERENCE, EXTERNAL_TEMPERATURE,
    TEMPERATURE_LIMIT, PRESSURE, HCA_UNITS, VOLTAGE, CURRENT, FREQUENCY, RELATIVE_HUMIDITY,
    REACTIVE_ENERGY, APPARENT_ENERGY, REACTIVE_POWER, APPARENT_POWER, PHASE_ANGLE,
    CUMULATIVE_MAX_POWER_COUNT, CREDIT, DEBIT, RF_LEVEL,
    // times and durations
    ON_TIME, OPERATING_TIME, AVERAGING_DURATION, ACTUALITY_DURATION, DATE, DATE_TIME, TIME_OF_DAY,
    STORAGE_INTERVAL, DURATION_SINCE_LAST_READOUT, TARIFF_START, TARIFF_DURATION, TARIFF_PERIOD,
    TRANSMISSION_PERIOD, DURATION_SINCE_LAST_CUMULATION, BATTERY_OPERATING_TIME, BATTERY_CHANGE_DATE,
    REMAINING_BATTERY_LIFETIME, TIME_POINT_SECOND, DAY_OF_WEEK, WEEK_NUMBER, DAY_CHANGE_TIME,
    DAYLIGHT_SAVING, LISTENING_WINDOW,
    // identification and configuration
    FABRICATION_NUMBER, ENHANCED_IDENTIFICATION, BUS_ADDRESS, ACCESS_NUMBER, MEDIUM, MANUFACTURER,
    PARAMETER_SET_ID, MODEL_VERSION, HARDWARE_VERSION, FIRMWARE_VERSION, SOFTWARE_VERSION,
    CUSTOMER_LOCATION, CUSTOMER, ACCESS_CODE, PASSWORD, SECURITY_KEY, BAUD_RATE, RESPONSE_DELAY, RETRY,
    REMOTE_CONTROL, FIRST_STORAGE_NUMBER, LAST_STORAGE_NUMBER, STORAGE_BLOCK_SIZE, TARIFF_DESCRIPTOR,
    OPERATOR_DATA, DATA_CONTAINER, PARAMETER_ACTIVATION_STATE, SUPPLIER_INFORMATION,
    // state
    ERROR_FLAGS, ERROR_MASK, DIGITAL_OUTPUT, DIGITAL_INPUT, RESET_COUNTER, CUMULATION_COUNTER,
    CONTROL_SIGNAL, METER_STOP_COUNT,
    // no standard meaning
    DIMENSIONLESS, PLAIN_TEXT_UNIT, MANUFACTURER_SPECIFIC, RESERVED;

    private final String jsonName;

    Quantity() {
        String[] parts = name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder sb = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            sb.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        this.jsonName = sb.toString();
    }

    public String jsonName() {
        return jsonName;
    }

    public static Quantity byJsonName(String name) {
        for (Quantity q : values()) {
            if (q.jsonName.equals(name)) {
                return q;
            }
        }
        throw new IllegalArgumentException("unknown quantity '" + name + "'");
    }
}
