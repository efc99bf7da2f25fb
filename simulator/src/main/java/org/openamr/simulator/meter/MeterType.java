package org.openamr.simulator.meter;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.openamr.mbus.app.ManufacturerCode;
import org.openamr.mbus.app.Medium;
import org.openamr.simulator.model.Channel;

/**
 * The kinds of virtual meter: identity bytes of the header, the telegram layout, which consumption
 * channel each register counts, which errors the device can show, and how fresh its data is.
 * Version bytes of SonoSafe/SonoSelect 10, the pulse adapter and the water meters are not public;
 * the values here are placeholders that only need to be stable.
 */
public enum MeterType {
    SONOSAFE_10("Danfoss SonoSafe 10", "DFS", 0x30, Medium.HEAT, TelegramLayout.DANFOSS_ULTRASONIC,
            Duration.ofMinutes(10), EnumSet.allOf(MeterError.class), true),
    SONOSELECT_10("Danfoss SonoSelect 10", "DFS", 0x31, Medium.HEAT, TelegramLayout.DANFOSS_ULTRASONIC,
            Duration.ofMinutes(10), EnumSet.allOf(MeterError.class), true),
    SONOMETER_1100("Danfoss Sonometer 1100", "DFS", 0x2F, Medium.HEAT, TelegramLayout.SONOMETER_1100,
            Duration.ZERO, EnumSet.allOf(MeterError.class), false),
    ENCO_PULSE("Danfoss Enco Pulse adapter", "DFS", 0x01, Medium.WATER, TelegramLayout.PULSE_ADAPTER,
            Duration.ZERO, EnumSet.of(MeterError.LOW_BATTERY), false),
    COLD_WATER("Zenner cold water meter", "ZRI", 0x01, Medium.COLD_WATER, TelegramLayout.WATER_METER,
            Duration.ZERO, EnumSet.of(MeterError.LOW_BATTERY, MeterError.REVERSE_FLOW), false),
    HOT_WATER("Zenner hot water meter", "ZRI", 0x01, Medium.WARM_WATER, TelegramLayout.WATER_METER,
            Duration.ZERO, EnumSet.of(MeterError.LOW_BATTERY, MeterError.REVERSE_FLOW), false);

    private final String displayName;
    private final String manufacturer;
    private final int version;
    private final Medium medium;
    private final TelegramLayout layout;
    private final Duration dataRefresh;
    private final Set<MeterError> errors;
    private final boolean errorCodeRecord;

    MeterType(String displayName, String manufacturer, int version, Medium medium, TelegramLayout layout,
            Duration dataRefresh, Set<MeterError> errors, boolean errorCodeRecord) {
        this.displayName = displayName;
        this.manufacturer = manufacturer;
        this.version = version;
        this.medium = medium;
        this.layout = layout;
        this.dataRefresh = dataRefresh;
        this.errors = errors;
        this.errorCodeRecord = errorCodeRecord;
    }

    public String displayName() {
        return displayName;
    }

    /** Three letters, e.g. DFS. */
    public String manufacturer() {
        return manufacturer;
    }

    public int manufacturerField() {
        return ManufacturerCode.encode(manufacturer);
    }

    public int version() {
        return version;
    }

    public Medium medium() {
        return medium;
    }

    public TelegramLayout layout() {
        return layout;
    }

    /**
     * How often the M-Bus side copies the calculator's values. The SonoSafe/SonoSelect 10 modules
     * have their own controller and copy the meter data every 10 minutes (data sheet), so a
     * readout shows values up to 10 minutes old. Zero: always current.
     */
    public Duration dataRefresh() {
        return dataRefresh;
    }

    /** The errors this device can detect and show. */
    public Set<MeterError> errors() {
        return EnumSet.copyOf(errors);
    }

    /** True when the device sends the error-code record ({@code FD 17}) with the profile's digits. */
    public boolean sendsErrorCode() {
        return errorCodeRecord;
    }

    /** The consumption channel behind a cumulative register of this type, if it is one. */
    public Optional<Channel> channel(Register register) {
        Register r = register.current();
        boolean heat = medium == Medium.HEAT;
        switch (r) {
            case ENERGY: return heat ? Optional.of(Channel.HEAT_ENERGY) : Optional.empty();
            case TARIFF1_ENERGY: return heat ? Optional.of(Channel.HEAT_ENERGY_NIGHT) : Optional.empty();
            case VOLUME:
                if (heat) {
                    return Optional.of(Channel.HEAT_VOLUME);
                }
                return Optional.of(this == HOT_WATER ? Channel.HOT_WATER : Channel.COLD_WATER);
            case VOLUME_SUBUNIT_1: return Optional.of(heat ? Channel.COLD_WATER : Channel.HOT_WATER);
            case VOLUME_SUBUNIT_2: return Optional.of(Channel.HOT_WATER);
            default: return Optional.empty();
        }
    }

    /**
     * True when the register counts pulses of a separate water meter: such registers start at the
     * water meter's reading when the input was set up, and the device's own errors do not touch them.
     */
    public boolean isPulseInput(Register register) {
        Register r = register.current();
        return r == Register.VOLUME_SUBUNIT_1 || r == Register.VOLUME_SUBUNIT_2
                || this == ENCO_PULSE && r == Register.VOLUME;
    }
}
