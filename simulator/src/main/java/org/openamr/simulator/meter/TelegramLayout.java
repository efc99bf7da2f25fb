package org.openamr.simulator.meter;

import static org.openamr.mbus.record.DataField.BCD4;
import static org.openamr.mbus.record.DataField.BCD8;
import static org.openamr.mbus.record.DataField.INT16;
import static org.openamr.mbus.record.DataField.INT32;
import static org.openamr.simulator.meter.Register.*;

import java.util.ArrayList;
import java.util.List;

/**
 * Which records a meter sends, in which order, split into telegrams: data rather than code, one
 * constant per device family. Where the real layout is not public (SonoSafe/SonoSelect 10, Enco
 * Pulse), it follows the records danfoss.md lists for the related SonoMeter 30/40 and the pulse
 * inputs on subunits 1 and 2; the Sonometer 1100 follows the Diehl "version 0x2F" set.
 *
 * @param telegrams record specs per telegram; all but the last end with DIF 1F
 */
public record TelegramLayout(List<List<RecordSpec>> telegrams) {

    private static final int VIF_ENERGY_KWH = 0x06;
    private static final int VIF_VOLUME_L = 0x13;
    private static final int VIF_POWER_W = 0x2B;
    private static final int VIF_FLOW_L_PER_H = 0x3B;
    private static final int VIF_FLOW_TEMP_DECI_C = 0x5A;
    private static final int VIF_RETURN_TEMP_DECI_C = 0x5E;
    private static final int VIF_DELTA_T_DECI_K = 0x62;
    private static final int VIF_OPERATING_HOURS = 0x26;
    private static final int VIF_DATE = 0x6C;
    private static final int VIF_DATE_TIME = 0x6D;
    private static final int VIF_EXTENSION_FD = 0xFD;
    private static final int VIFE_ERROR_FLAGS = 0x17;
    private static final int VIFE_ERROR_HOURS = 0x18;

    public TelegramLayout {
        List<List<RecordSpec>> copy = new ArrayList<>();
        for (List<RecordSpec> t : telegrams) {
            copy.add(List.copyOf(t));
        }
        telegrams = List.copyOf(copy);
    }

    /**
     * SonoSafe 10 / SonoSelect 10 with the M-Bus + 2 pulse inputs module. Two telegrams, so that
     * masters must handle "more records follow": instantaneous values first, then pulse inputs and
     * due-date values.
     */
    public static final TelegramLayout DANFOSS_ULTRASONIC = new TelegramLayout(List.of(
            List.of(RecordSpec.of(ENERGY, INT32, VIF_ENERGY_KWH),
                    RecordSpec.of(VOLUME, INT32, VIF_VOLUME_L),
                    RecordSpec.of(POWER, INT32, VIF_POWER_W),
                    RecordSpec.of(VOLUME_FLOW, INT32, VIF_FLOW_L_PER_H),
                    RecordSpec.of(FLOW_TEMPERATURE, INT16, VIF_FLOW_TEMP_DECI_C),
                    RecordSpec.of(RETURN_TEMPERATURE, INT16, VIF_RETURN_TEMP_DECI_C),
                    RecordSpec.of(TEMPERATURE_DIFFERENCE, INT16, VIF_DELTA_T_DECI_K),
                    RecordSpec.of(ERROR_CODE, INT32, VIF_EXTENSION_FD, VIFE_ERROR_FLAGS),
                    RecordSpec.of(ERROR_SINCE, INT32, VIF_DATE_TIME),
                    RecordSpec.of(OPERATING_TIME, INT32, VIF_OPERATING_HOURS),
                    RecordSpec.of(METER_CLOCK, INT32, VIF_DATE_TIME)),
            List.of(RecordSpec.of(VOLUME_SUBUNIT_1, INT32, VIF_VOLUME_L),
                    RecordSpec.of(VOLUME_SUBUNIT_2, INT32, VIF_VOLUME_L),
                    RecordSpec.of(ENERGY_DUE, INT32, VIF_ENERGY_KWH),
                    RecordSpec.of(VOLUME_DUE, INT32, VIF_VOLUME_L),
                    RecordSpec.of(VOLUME_SUBUNIT_1_DUE, INT32, VIF_VOLUME_L),
                    RecordSpec.of(VOLUME_SUBUNIT_2_DUE, INT32, VIF_VOLUME_L),
                    RecordSpec.of(DUE_DATE, INT16, VIF_DATE))));

    /**
     * Sonometer 1100 (Diehl design), version 0x2F: BCD registers, tariff 1, the instantaneous power, flow and
     * temperatures, operating hours and error hours, which a house heat meter's monthly heat sheet is made from.
     */
    public static final TelegramLayout SONOMETER_1100 = new TelegramLayout(List.of(List.of(
            RecordSpec.of(ENERGY, BCD8, VIF_ENERGY_KWH),
            RecordSpec.of(VOLUME, BCD8, VIF_VOLUME_L),
            RecordSpec.of(TARIFF1_ENERGY, BCD8, VIF_ENERGY_KWH),
            RecordSpec.of(POWER, INT32, VIF_POWER_W),
            RecordSpec.of(VOLUME_FLOW, INT32, VIF_FLOW_L_PER_H),
            RecordSpec.of(FLOW_TEMPERATURE, INT16, VIF_FLOW_TEMP_DECI_C),
            RecordSpec.of(RETURN_TEMPERATURE, INT16, VIF_RETURN_TEMP_DECI_C),
            RecordSpec.of(ERROR_TIME, BCD4, VIF_OPERATING_HOURS | 0x80, VIFE_ERROR_HOURS),
            RecordSpec.of(OPERATING_TIME, INT32, VIF_OPERATING_HOURS),
            RecordSpec.of(METER_CLOCK, INT32, VIF_DATE_TIME),
            RecordSpec.of(ENERGY_DUE, BCD8, VIF_ENERGY_KWH),
            RecordSpec.of(VOLUME_DUE, BCD8, VIF_VOLUME_L),
            RecordSpec.of(DUE_DATE, INT16, VIF_DATE))));

    /** Two-channel pulse adapter (Enco Pulse style): channel A on subunit 0, channel B on subunit 1. */
    public static final TelegramLayout PULSE_ADAPTER = new TelegramLayout(List.of(List.of(
            RecordSpec.of(VOLUME, INT32, VIF_VOLUME_L),
            RecordSpec.of(VOLUME_SUBUNIT_1, INT32, VIF_VOLUME_L),
            RecordSpec.of(METER_CLOCK, INT32, VIF_DATE_TIME),
            RecordSpec.of(VOLUME_DUE, INT32, VIF_VOLUME_L),
            RecordSpec.of(VOLUME_SUBUNIT_1_DUE, INT32, VIF_VOLUME_L),
            RecordSpec.of(DUE_DATE, INT16, VIF_DATE))));

    /** A plain apartment water meter: volume, clock, due-date volume. */
    public static final TelegramLayout WATER_METER = new TelegramLayout(List.of(List.of(
            RecordSpec.of(VOLUME, BCD8, VIF_VOLUME_L),
            RecordSpec.of(METER_CLOCK, INT32, VIF_DATE_TIME),
            RecordSpec.of(VOLUME_DUE, BCD8, VIF_VOLUME_L),
            RecordSpec.of(DUE_DATE, INT16, VIF_DATE))));

    /** Every register of the layout, in telegram order. */
    public List<Register> registers() {
        List<Register> out = new ArrayList<>();
        telegrams.forEach(t -> t.forEach(s -> out.add(s.register())));
        return out;
    }
}
