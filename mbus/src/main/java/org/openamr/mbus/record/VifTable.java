package org.openamr.mbus.record;

import static org.openamr.mbus.quantity.Quantity.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.quantity.Unit;

/**
 * The VIF code tables of EN 13757-3: the primary table, the extension tables behind 0xFB and 0xFD,
 * and the combinable VIFEs. A pure function from the VIB bytes to a {@link VifMeaning}. Values are
 * brought to one unit per family (see {@link Unit}) by an exact multiplier.
 */
public final class VifTable {

    public static final int VIF_EXTENSION_FB = 0x7B;
    public static final int VIF_PLAIN_TEXT = 0x7C;
    public static final int VIF_EXTENSION_FD = 0x7D;
    public static final int VIF_ANY = 0x7E;
    public static final int VIF_MANUFACTURER = 0x7F;

    /** Seconds in the time units coded by nn = 00 s, 01 min, 10 h, 11 d: durations are given in seconds. */
    /** One US liquid gallon in m³, exactly (231 cubic inches). */
    private static final BigDecimal US_GALLON = new BigDecimal("0.003785411784");

    private static final BigDecimal[] SECONDS = {BigDecimal.ONE, BigDecimal.valueOf(60), BigDecimal.valueOf(3600),
            BigDecimal.valueOf(86400)};

    private VifTable() {
    }

    /** A base meaning before combinable VIFEs are applied. */
    private record Base(Quantity quantity, Unit unit, BigDecimal multiplier, BigDecimal offset, ValueKind kind,
                        String description) {
        Base(Quantity quantity, Unit unit, BigDecimal multiplier, ValueKind kind, String description) {
            this(quantity, unit, multiplier, BigDecimal.ZERO, kind, description);
        }

        static Base number(Quantity q, Unit u, int exponent, String description) {
            return new Base(q, u, pow10(exponent), ValueKind.NUMBER, description);
        }

        /** A duration coded with nn = 00 s, 01 min, 10 h, 11 d. */
        static Base duration(Quantity q, int nn, String description) {
            return new Base(q, Unit.SECOND, SECONDS[nn], ValueKind.NUMBER, description);
        }

        /** A duration coded with pp = 00 h, 01 d, 10 months, 11 years; months and years have no fixed length. */
        static Base longDuration(Quantity q, int pp, String description) {
            return pp < 2 ? duration(q, pp + 2, description)
                    : count(q, pp == 2 ? Unit.MONTH : Unit.YEAR, description);
        }

        static Base of(Quantity q, ValueKind kind, String description) {
            return new Base(q, Unit.NONE, BigDecimal.ONE, kind, description);
        }

        static Base count(Quantity q, Unit u, String description) {
            return new Base(q, u, BigDecimal.ONE, ValueKind.NUMBER, description);
        }
    }

    /** Meaning of a VIB; {@code codes} are the VIF and VIFE bytes, {@code plainTextUnit} the text of VIF 0x7C. */
    public static VifMeaning meaning(List<Integer> codes, String plainTextUnit) {
        int vif = codes.get(0) & 0x7F;
        int next = 1;
        Base base;
        if (vif == VIF_EXTENSION_FB || vif == VIF_EXTENSION_FD) {
            int code = codes.size() > 1 ? codes.get(1) & 0x7F : -1;
            next = 2;
            base = code < 0 ? Base.of(RESERVED, ValueKind.RAW, "extension table without entry")
                    : vif == VIF_EXTENSION_FB ? extensionFb(code) : extensionFd(code);
        } else if (vif == VIF_PLAIN_TEXT) {
            Unit unit = plainTextUnit == null ? Unit.NONE : Unit.bySymbol(plainTextUnit).orElse(Unit.NONE);
            base = new Base(PLAIN_TEXT_UNIT, unit, BigDecimal.ONE, ValueKind.NUMBER,
                    "plain-text unit '" + plainTextUnit + "'");
        } else {
            base = primary(vif);
        }
        BigDecimal multiplier = base.multiplier();
        Unit unit = base.unit();
        ValueKind kind = base.kind();
        List<Modifier> modifiers = new ArrayList<>();
        int recordError = -1;
        for (int i = next; i < codes.size(); i++) {
            int c = codes.get(i) & 0x7F;
            if (base.quantity() == MANUFACTURER_SPECIFIC) {
                break; // VIFEs after a manufacturer VIF are the manufacturer's own
            }
            if (c <= 0x1F) {
                recordError = c;
            } else if (c >= 0x70 && c <= 0x77) {
                multiplier = multiplier.multiply(pow10(c - 0x70 - 6));
            } else if (c == 0x7D) {
                multiplier = multiplier.multiply(pow10(3));
            } else if (c == 0x7C) {
                modifiers.add(Modifier.EXTENDED);
                i++; // the next byte is an entry of the extended combinable table
            } else if (c == 0x7F) {
                modifiers.add(Modifier.MANUFACTURER_SPECIFIC);
                break;
            } else {
                Modifier m = combinable(c);
                modifiers.add(m);
                if (m.isDate()) {
                    kind = ValueKind.DATE_TIME;
                    unit = Unit.NONE;
                    multiplier = BigDecimal.ONE;
                } else if (m.isDuration()) {
                    kind = ValueKind.NUMBER;
                    unit = Unit.SECOND;
                    multiplier = SECONDS[c & 0x03];
                } else if (m == Modifier.LOWER_LIMIT_EXCEED_COUNT || m == Modifier.UPPER_LIMIT_EXCEED_COUNT) {
                    unit = Unit.NONE;
                    multiplier = BigDecimal.ONE;
                }
            }
        }
        return new VifMeaning(base.quantity(), unit, multiplier, base.offset(), kind, modifiers, recordError,
                base.description());
    }

    private static Base primary(int vif) {
        int n3 = vif & 0x07;
        int n2 = vif & 0x03;
        if (vif <= 0x07) {
            return Base.number(ENERGY, Unit.KWH, n3 - 6, "Energy (Wh)");
        } else if (vif <= 0x0F) {
            return Base.number(ENERGY, Unit.KJ, n3 - 3, "Energy (J)");
        } else if (vif <= 0x17) {
            return Base.number(VOLUME, Unit.M3, n3 - 6, "Volume (m³)");
        } else if (vif <= 0x1F) {
            return Base.number(MASS, Unit.T, n3 - 6, "Mass (kg)");
        } else if (vif <= 0x23) {
            return Base.duration(ON_TIME, n2, "On time");
        } else if (vif <= 0x27) {
            return Base.duration(OPERATING_TIME, n2, "Operating time");
        } else if (vif <= 0x2F) {
            return Base.number(POWER, Unit.KW, n3 - 6, "Power (W)");
        } else if (vif <= 0x37) {
            return Base.number(POWER, Unit.KJ_PER_H, n3 - 3, "Power (J/h)");
        } else if (vif <= 0x3F) {
            return Base.number(VOLUME_FLOW, Unit.M3_PER_H, n3 - 6, "Volume flow (m³/h)");
        } else if (vif <= 0x47) {
            return new Base(VOLUME_FLOW, Unit.M3_PER_H, BigDecimal.valueOf(60).scaleByPowerOfTen(n3 - 7),
                    ValueKind.NUMBER, "Volume flow (m³/min)");
        } else if (vif <= 0x4F) {
            return new Base(VOLUME_FLOW, Unit.M3_PER_H, BigDecimal.valueOf(3600).scaleByPowerOfTen(n3 - 9),
                    ValueKind.NUMBER, "Volume flow (m³/s)");
        } else if (vif <= 0x57) {
            return Base.number(MASS_FLOW, Unit.KG_PER_H, n3 - 3, "Mass flow (kg/h)");
        } else if (vif <= 0x5B) {
            return Base.number(FLOW_TEMPERATURE, Unit.CELSIUS, n2 - 3, "Flow temperature (°C)");
        } else if (vif <= 0x5F) {
            return Base.number(RETURN_TEMPERATURE, Unit.CELSIUS, n2 - 3, "Return temperature (°C)");
        } else if (vif <= 0x63) {
            return Base.number(TEMPERATURE_DIFFERENCE, Unit.KELVIN, n2 - 3, "Temperature difference (K)");
        } else if (vif <= 0x67) {
            return Base.number(EXTERNAL_TEMPERATURE, Unit.CELSIUS, n2 - 3, "External temperature (°C)");
        } else if (vif <= 0x6B) {
            return Base.number(PRESSURE, Unit.BAR, n2 - 3, "Pressure (bar)");
        } else if (vif == 0x6C) {
            return Base.of(DATE, ValueKind.DATE_TIME, "Date");
        } else if (vif == 0x6D) {
            return Base.of(DATE_TIME, ValueKind.DATE_TIME, "Date and time");
        } else if (vif == 0x6E) {
            return Base.count(HCA_UNITS, Unit.HCA, "Units for H.C.A.");
        } else if (vif == 0x6F) {
            return Base.of(RESERVED, ValueKind.RAW, "Reserved VIF 0x6F");
        } else if (vif <= 0x73) {
            return Base.duration(AVERAGING_DURATION, n2, "Averaging duration");
        } else if (vif <= 0x77) {
            return Base.duration(ACTUALITY_DURATION, n2, "Actuality duration");
        } else if (vif == 0x78) {
            return Base.of(FABRICATION_NUMBER, ValueKind.IDENTIFIER, "Fabrication number");
        } else if (vif == 0x79) {
            return Base.of(ENHANCED_IDENTIFICATION, ValueKind.IDENTIFIER, "Enhanced identification");
        } else if (vif == 0x7A) {
            return Base.of(BUS_ADDRESS, ValueKind.IDENTIFIER, "Bus address");
        } else if (vif == VIF_ANY) {
            return Base.of(DIMENSIONLESS, ValueKind.NUMBER, "Any VIF");
        } else {
            return Base.of(MANUFACTURER_SPECIFIC, ValueKind.NUMBER, "Manufacturer specific");
        }
    }

    private static Base extensionFd(int code) {
        int n2 = code & 0x03;
        switch (code) {
            case 0x08: return Base.of(ACCESS_NUMBER, ValueKind.IDENTIFIER, "Access number");
            case 0x09: return Base.of(MEDIUM, ValueKind.IDENTIFIER, "Medium");
            case 0x0A: return Base.of(MANUFACTURER, ValueKind.IDENTIFIER, "Manufacturer");
            case 0x0B: return Base.of(PARAMETER_SET_ID, ValueKind.IDENTIFIER, "Parameter set identification");
            case 0x0C: return Base.of(MODEL_VERSION, ValueKind.IDENTIFIER, "Model / version");
            case 0x0D: return Base.of(HARDWARE_VERSION, ValueKind.IDENTIFIER, "Hardware version");
            case 0x0E: return Base.of(FIRMWARE_VERSION, ValueKind.IDENTIFIER, "Firmware version");
            case 0x0F: return Base.of(SOFTWARE_VERSION, ValueKind.IDENTIFIER, "Software version");
            case 0x10: return Base.of(CUSTOMER_LOCATION, ValueKind.IDENTIFIER, "Customer location");
            case 0x11: return Base.of(CUSTOMER, ValueKind.IDENTIFIER, "Customer");
            case 0x12: case 0x13: case 0x14: case 0x15:
                return Base.of(ACCESS_CODE, ValueKind.IDENTIFIER, "Access code");
            case 0x16: return Base.of(PASSWORD, ValueKind.IDENTIFIER, "Password");
            case 0x17: return Base.of(ERROR_FLAGS, ValueKind.BITS, "Error flags");
            case 0x18: return Base.of(ERROR_MASK, ValueKind.BITS, "Error mask");
            case 0x19: return Base.of(SECURITY_KEY, ValueKind.RAW, "Security key");
            case 0x1A: return Base.of(DIGITAL_OUTPUT, ValueKind.BITS, "Digital output");
            case 0x1B: return Base.of(DIGITAL_INPUT, ValueKind.BITS, "Digital input");
            case 0x1C: return Base.count(BAUD_RATE, Unit.BAUD, "Baud rate");
            case 0x1D: return Base.count(RESPONSE_DELAY, Unit.BIT_TIMES, "Response delay time");
            case 0x1E: return Base.count(RETRY, Unit.NONE, "Retry");
            case 0x1F: return Base.of(REMOTE_CONTROL, ValueKind.BITS, "Remote control");
            case 0x20: return Base.count(FIRST_STORAGE_NUMBER, Unit.NONE, "First storage number");
            case 0x21: return Base.count(LAST_STORAGE_NUMBER, Unit.NONE, "Last storage number");
            case 0x22: return Base.count(STORAGE_BLOCK_SIZE, Unit.NONE, "Size of storage block");
            case 0x23: return Base.of(TARIFF_DESCRIPTOR, ValueKind.BITS, "Descriptor for tariff and subunit");
            case 0x28: return Base.count(STORAGE_INTERVAL, Unit.MONTH, "Storage interval");
            case 0x29: return Base.count(STORAGE_INTERVAL, Unit.YEAR, "Storage interval");
            case 0x2A: return Base.of(OPERATOR_DATA, ValueKind.RAW, "Operator specific data");
            case 0x2B: return Base.count(TIME_POINT_SECOND, Unit.SECOND, "Time point second");
            case 0x30: return Base.of(TARIFF_START, ValueKind.DATE_TIME, "Start date/time of tariff");
            case 0x38: return Base.count(TARIFF_PERIOD, Unit.MONTH, "Period of tariff");
            case 0x39: return Base.count(TARIFF_PERIOD, Unit.YEAR, "Period of tariff");
            case 0x3A: return Base.count(DIMENSIONLESS, Unit.NONE, "Dimensionless");
            case 0x3B: return Base.of(DATA_CONTAINER, ValueKind.RAW, "Data container for wireless M-Bus");
            case 0x60: return Base.count(RESET_COUNTER, Unit.NONE, "Reset counter");
            case 0x61: return Base.count(CUMULATION_COUNTER, Unit.NONE, "Cumulation counter");
            case 0x62: return Base.of(CONTROL_SIGNAL, ValueKind.BITS, "Control signal");
            case 0x63: return Base.count(DAY_OF_WEEK, Unit.NONE, "Day of week");
            case 0x64: return Base.count(WEEK_NUMBER, Unit.NONE, "Week number");
            case 0x65: return Base.of(DAY_CHANGE_TIME, ValueKind.DATE_TIME, "Time point of day change");
            case 0x66: return Base.of(PARAMETER_ACTIVATION_STATE, ValueKind.BITS, "State of parameter activation");
            case 0x67: return Base.count(SUPPLIER_INFORMATION, Unit.NONE, "Special supplier information");
            case 0x70: return Base.of(BATTERY_CHANGE_DATE, ValueKind.DATE_TIME, "Date and time of battery change");
            // OMS codes the level as (dBm + 130) / 2.
            case 0x71: return new Base(RF_LEVEL, Unit.DBM, BigDecimal.valueOf(2), BigDecimal.valueOf(-130),
                    ValueKind.NUMBER, "RF level");
            case 0x72: return Base.of(DAYLIGHT_SAVING, ValueKind.RAW, "Daylight saving (type K)");
            case 0x73: return Base.of(LISTENING_WINDOW, ValueKind.RAW, "Listening window management (type L)");
            case 0x74: return Base.count(REMAINING_BATTERY_LIFETIME, Unit.DAY, "Remaining battery life time");
            case 0x75: return Base.count(METER_STOP_COUNT, Unit.NONE, "Number of times the meter was stopped");
            case 0x76: return Base.of(DATA_CONTAINER, ValueKind.RAW, "Data container for manufacturer protocol");
            default: break;
        }
        if (code <= 0x03) {
            return Base.number(CREDIT, Unit.NONE, n2 - 3, "Credit (currency units)");
        } else if (code <= 0x07) {
            return Base.number(DEBIT, Unit.NONE, n2 - 3, "Debit (currency units)");
        } else if (code >= 0x24 && code <= 0x27) {
            return Base.duration(STORAGE_INTERVAL, n2, "Storage interval");
        } else if (code >= 0x2C && code <= 0x2F) {
            return Base.duration(DURATION_SINCE_LAST_READOUT, n2, "Duration since last readout");
        } else if (code >= 0x31 && code <= 0x33) {
            return Base.duration(TARIFF_DURATION, n2, "Duration of tariff");
        } else if (code >= 0x34 && code <= 0x37) {
            return Base.duration(TARIFF_PERIOD, n2, "Period of tariff");
        } else if (code >= 0x3C && code <= 0x3F) {
            return Base.duration(TRANSMISSION_PERIOD, n2, "Period of nominal data transmissions");
        } else if (code >= 0x40 && code <= 0x4F) {
            return Base.number(VOLTAGE, Unit.VOLT, (code & 0x0F) - 9, "Voltage (V)");
        } else if (code >= 0x50 && code <= 0x5F) {
            return Base.number(CURRENT, Unit.AMPERE, (code & 0x0F) - 12, "Current (A)");
        } else if (code >= 0x68 && code <= 0x6B) {
            return Base.longDuration(DURATION_SINCE_LAST_CUMULATION, n2, "Duration since last cumulation");
        } else if (code >= 0x6C && code <= 0x6F) {
            return Base.longDuration(BATTERY_OPERATING_TIME, n2, "Operating time battery");
        }
        return Base.of(RESERVED, ValueKind.RAW, "Reserved VIF extension FD %02X".formatted(code));
    }

    private static Base extensionFb(int code) {
        int n1 = code & 0x01;
        int n2 = code & 0x03;
        if (code <= 0x01) {
            return Base.number(ENERGY, Unit.KWH, n1 + 2, "Energy (MWh)");
        } else if (code <= 0x03) {
            return Base.number(REACTIVE_ENERGY, Unit.KVARH, n1, "Reactive energy (kVARh)");
        } else if (code <= 0x07) {
            return Base.number(APPARENT_ENERGY, Unit.KVAH, n2, "Apparent energy (kVAh)");
        } else if (code <= 0x09) {
            return Base.number(ENERGY, Unit.KJ, n1 + 5, "Energy (GJ)");
        } else if (code >= 0x0C && code <= 0x0F) {
            return Base.number(ENERGY, Unit.GCAL, n2 - 4, "Energy (Mcal)");
        } else if (code == 0x10 || code == 0x11) {
            return Base.number(VOLUME, Unit.M3, n1 + 2, "Volume (m³)");
        } else if (code >= 0x14 && code <= 0x17) {
            return Base.number(REACTIVE_POWER, Unit.KVAR, n2 - 3, "Reactive power (kVAR)");
        } else if (code == 0x18 || code == 0x19) {
            return Base.number(MASS, Unit.T, n1 + 2, "Mass (t)");
        } else if (code == 0x1A || code == 0x1B) {
            return Base.number(RELATIVE_HUMIDITY, Unit.PERCENT_RH, n1 - 1, "Relative humidity (%)");
        } else if (code == 0x20) {
            return Base.number(VOLUME, Unit.CUBIC_FEET, 0, "Volume (ft³)");
        } else if (code == 0x21) {
            return Base.number(VOLUME, Unit.CUBIC_FEET, -1, "Volume (0.1 ft³)");
        } else if (code == 0x22 || code == 0x23) {
            return new Base(VOLUME, Unit.M3, US_GALLON.scaleByPowerOfTen(n1 - 1), ValueKind.NUMBER,
                    "Volume (US gallons)");
        } else if (code == 0x24 || code == 0x25) {
            return new Base(VOLUME_FLOW, Unit.M3_PER_H, US_GALLON.multiply(BigDecimal.valueOf(60))
                    .scaleByPowerOfTen(code == 0x24 ? -3 : 0), ValueKind.NUMBER, "Volume flow (US gallons/min)");
        } else if (code == 0x26) {
            return new Base(VOLUME_FLOW, Unit.M3_PER_H, US_GALLON, ValueKind.NUMBER, "Volume flow (US gallons/h)");
        } else if (code == 0x28 || code == 0x29) {
            return Base.number(POWER, Unit.KW, n1 + 2, "Power (MW)");
        } else if (code == 0x2A || code == 0x2B) {
            return Base.number(PHASE_ANGLE, Unit.DEGREE, n1 - 1, "Phase U-U (volt. to volt.)");
        } else if (code >= 0x2C && code <= 0x2F) {
            return Base.number(PHASE_ANGLE, Unit.DEGREE, n2 - 1, "Phase U-I (volt. to current)");
        } else if (code >= 0x30 && code <= 0x33) {
            return Base.number(FREQUENCY, Unit.HERTZ, n2 - 3, "Frequency (Hz)");
        } else if (code >= 0x34 && code <= 0x37) {
            return Base.number(APPARENT_POWER, Unit.KVA, n2 - 3, "Apparent power (kVA)");
        } else if (code == 0x38 || code == 0x39) {
            return Base.number(POWER, Unit.KJ_PER_H, n1 + 5, "Power (GJ/h)");
        } else if (code >= 0x58 && code <= 0x5B) {
            return Base.number(FLOW_TEMPERATURE, Unit.FAHRENHEIT, n2 - 3, "Flow temperature (°F)");
        } else if (code >= 0x5C && code <= 0x5F) {
            return Base.number(RETURN_TEMPERATURE, Unit.FAHRENHEIT, n2 - 3, "Return temperature (°F)");
        } else if (code >= 0x60 && code <= 0x63) {
            return Base.number(TEMPERATURE_DIFFERENCE, Unit.FAHRENHEIT, n2 - 3, "Temperature difference (°F)");
        } else if (code >= 0x64 && code <= 0x67) {
            return Base.number(EXTERNAL_TEMPERATURE, Unit.FAHRENHEIT, n2 - 3, "External temperature (°F)");
        } else if (code >= 0x70 && code <= 0x73) {
            return Base.number(TEMPERATURE_LIMIT, Unit.FAHRENHEIT, n2 - 3, "Cold/warm temperature limit (°F)");
        } else if (code >= 0x74 && code <= 0x77) {
            return Base.number(TEMPERATURE_LIMIT, Unit.CELSIUS, n2 - 3, "Cold/warm temperature limit (°C)");
        } else if (code >= 0x78) {
            return Base.number(CUMULATIVE_MAX_POWER_COUNT, Unit.KW, (code & 0x07) - 6, "Cumulative count max power (W)");
        }
        return Base.of(RESERVED, ValueKind.RAW, "Reserved VIF extension FB %02X".formatted(code));
    }

    private static Modifier combinable(int c) {
        if (c >= 0x20 && c <= 0x27) {
            return Modifier.values()[Modifier.PER_SECOND.ordinal() + (c - 0x20)];
        }
        switch (c) {
            case 0x28: case 0x29: return Modifier.INCREMENT_PER_INPUT_PULSE;
            case 0x2A: case 0x2B: return Modifier.INCREMENT_PER_OUTPUT_PULSE;
            case 0x2C: return Modifier.PER_LITRE;
            case 0x2D: return Modifier.PER_M3;
            case 0x2E: return Modifier.PER_KG;
            case 0x2F: return Modifier.PER_KELVIN;
            case 0x30: return Modifier.PER_KWH;
            case 0x31: return Modifier.PER_GJ;
            case 0x32: return Modifier.PER_KW;
            case 0x33: return Modifier.PER_KELVIN_LITRE;
            case 0x34: return Modifier.PER_VOLT;
            case 0x35: return Modifier.PER_AMPERE;
            case 0x36: return Modifier.TIMES_SECOND;
            case 0x37: return Modifier.TIMES_SECOND_PER_VOLT;
            case 0x38: return Modifier.TIMES_SECOND_PER_AMPERE;
            case 0x39: return Modifier.START_DATE_OF;
            case 0x3A: return Modifier.UNCORRECTED;
            case 0x3B: return Modifier.ACCUMULATION_POSITIVE;
            case 0x3C: return Modifier.ACCUMULATION_NEGATIVE;
            case 0x3D: return Modifier.NON_METRIC;
            case 0x3E: return Modifier.AT_BASE_CONDITIONS;
            case 0x3F: return Modifier.OBIS_DECLARATION;
            case 0x40: return Modifier.LOWER_LIMIT;
            case 0x48: return Modifier.UPPER_LIMIT;
            case 0x41: return Modifier.LOWER_LIMIT_EXCEED_COUNT;
            case 0x49: return Modifier.UPPER_LIMIT_EXCEED_COUNT;
            case 0x42: case 0x43: case 0x46: case 0x47: case 0x4A: case 0x4B: case 0x4E: case 0x4F:
                return Modifier.DATE_OF_LIMIT_EXCEED;
            case 0x68: case 0x6C: return Modifier.VALUE_DURING_LIMIT_EXCEED;
            case 0x69: return Modifier.LEAKAGE_VALUES;
            case 0x6D: return Modifier.OVERFLOW_VALUES;
            case 0x6A: case 0x6B: case 0x6E: case 0x6F: return Modifier.DATE_OF;
            case 0x78: case 0x79: case 0x7A: case 0x7B: return Modifier.ADDITIVE_CORRECTION;
            case 0x7E: return Modifier.FUTURE_VALUE;
            default: break;
        }
        if (c >= 0x50 && c <= 0x5F) {
            return Modifier.DURATION_OF_LIMIT_EXCEED;
        }
        if (c >= 0x60 && c <= 0x67) {
            return Modifier.DURATION_OF;
        }
        return Modifier.RESERVED;
    }

    static BigDecimal pow10(int exponent) {
        return BigDecimal.ONE.scaleByPowerOfTen(exponent);
    }
}
