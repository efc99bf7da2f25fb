package org.openamr.simulator.meter;

import java.util.Optional;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.record.DataRecord;
import org.openamr.mbus.record.Function;

/**
 * A value a virtual meter sends, named by where it stands in a telegram: quantity, storage number,
 * tariff and subunit, as the decoder reports them. {@link #of(DataRecord)} finds the register of a
 * decoded record, so a test or a master can compare any record with the truth without knowing VIFs.
 */
public enum Register {
    ENERGY(Quantity.ENERGY, 0, 0, 0),
    /** Tariff register 1 of the Sonometer 1100: here a night tariff, heat used 23:00–07:00. */
    TARIFF1_ENERGY(Quantity.ENERGY, 0, 1, 0),
    /** The meter's own volume: heat carrier, a water meter's volume, or channel A of a pulse adapter. */
    VOLUME(Quantity.VOLUME, 0, 0, 0),
    /** Subunit 1: pulse input 1 of a Danfoss heat meter (cold water), channel B of a pulse adapter. */
    VOLUME_SUBUNIT_1(Quantity.VOLUME, 0, 0, 1),
    /** Subunit 2: pulse input 2 of a Danfoss heat meter (hot water). */
    VOLUME_SUBUNIT_2(Quantity.VOLUME, 0, 0, 2),
    POWER(Quantity.POWER, 0, 0, 0),
    VOLUME_FLOW(Quantity.VOLUME_FLOW, 0, 0, 0),
    FLOW_TEMPERATURE(Quantity.FLOW_TEMPERATURE, 0, 0, 0),
    RETURN_TEMPERATURE(Quantity.RETURN_TEMPERATURE, 0, 0, 0),
    TEMPERATURE_DIFFERENCE(Quantity.TEMPERATURE_DIFFERENCE, 0, 0, 0),
    /** The four-hex-digit error code ({@code FD 17}). */
    ERROR_CODE(Quantity.ERROR_FLAGS, 0, 0, 0),
    /** Hours in error (Diehl style {@code A6 18}), decoded in seconds. Listed before {@link #OPERATING_TIME}. */
    ERROR_TIME(Quantity.OPERATING_TIME, 0, 0, 0),
    /** Hours since installation, decoded in seconds. */
    OPERATING_TIME(Quantity.OPERATING_TIME, 0, 0, 0),
    /** Start of the oldest error in force (date/time record with function "error"); absent without errors. */
    ERROR_SINCE(Quantity.DATE_TIME, 0, 0, 0),
    /** The meter's clock at the moment of reading, minute resolution. */
    METER_CLOCK(Quantity.DATE_TIME, 0, 0, 0),
    ENERGY_DUE(Quantity.ENERGY, 1, 0, 0),
    VOLUME_DUE(Quantity.VOLUME, 1, 0, 0),
    VOLUME_SUBUNIT_1_DUE(Quantity.VOLUME, 1, 0, 1),
    VOLUME_SUBUNIT_2_DUE(Quantity.VOLUME, 1, 0, 2),
    /** The due date the storage-1 values belong to. */
    DUE_DATE(Quantity.DATE, 1, 0, 0);

    /** VIFE 0x18 of the Diehl "error hours" record, reported by the decoder as a record error code. */
    private static final int ERROR_HOURS_VIFE = 0x18;

    private final Quantity quantity;
    private final long storage;
    private final int tariff;
    private final int subunit;

    Register(Quantity quantity, long storage, int tariff, int subunit) {
        this.quantity = quantity;
        this.storage = storage;
        this.tariff = tariff;
        this.subunit = subunit;
    }

    public Quantity quantity() {
        return quantity;
    }

    public long storage() {
        return storage;
    }

    public int tariff() {
        return tariff;
    }

    public int subunit() {
        return subunit;
    }

    /** For a due-date (storage 1) register, the current register it is a copy of; otherwise itself. */
    public Register current() {
        switch (this) {
            case ENERGY_DUE: return ENERGY;
            case VOLUME_DUE: return VOLUME;
            case VOLUME_SUBUNIT_1_DUE: return VOLUME_SUBUNIT_1;
            case VOLUME_SUBUNIT_2_DUE: return VOLUME_SUBUNIT_2;
            default: return this;
        }
    }

    public boolean isDueDateValue() {
        return storage > 0;
    }

    /** The register a decoded record shows, if it is one the simulator sends. */
    public static Optional<Register> of(DataRecord record) {
        boolean duringError = record.function() == Function.ERROR;
        boolean errorHours = record.valueInformation().meaning().recordError() == ERROR_HOURS_VIFE;
        for (Register r : values()) {
            if (r.quantity != record.quantity() || r.storage != record.storageNumber() || r.tariff != record.tariff()
                    || r.subunit != record.subunit()) {
                continue;
            }
            if (r == ERROR_SINCE && !duringError || r == ERROR_TIME && !errorHours) {
                continue;
            }
            return Optional.of(r);
        }
        return Optional.empty();
    }
}
