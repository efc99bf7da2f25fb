package org.openamr.gateway.layout;

import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.quantity.Unit;

/**
 * The fixed values of every meter block, in block order: what a heat or water meter sends that a
 * building's control system asks for. Slot {@code k} takes registers {@link Layout#VALUES} + 2k and the
 * next one. A meter that does not send a value leaves its slot at the "no value" code.
 *
 * @param mapName the value's name in the register map
 * @param unit    the one unit the slot is served in, whatever the meter counts in
 */
public enum ValueSlot {
    ENERGY("energy", Quantity.ENERGY, Unit.KWH, 0, 0, 0),
    VOLUME("volume", Quantity.VOLUME, Unit.M3, 0, 0, 0),
    POWER("power", Quantity.POWER, Unit.KW, 0, 0, 0),
    VOLUME_FLOW("volumeFlow", Quantity.VOLUME_FLOW, Unit.M3_PER_H, 0, 0, 0),
    FLOW_TEMPERATURE("flowTemperature", Quantity.FLOW_TEMPERATURE, Unit.CELSIUS, 0, 0, 0),
    RETURN_TEMPERATURE("returnTemperature", Quantity.RETURN_TEMPERATURE, Unit.CELSIUS, 0, 0, 0),
    TEMPERATURE_DIFFERENCE("temperatureDifference", Quantity.TEMPERATURE_DIFFERENCE, Unit.KELVIN, 0, 0, 0),
    ENERGY_DUE_DATE("energyDueDate", Quantity.ENERGY, Unit.KWH, 1, 0, 0),
    VOLUME_DUE_DATE("volumeDueDate", Quantity.VOLUME, Unit.M3, 1, 0, 0),
    TARIFF1_ENERGY("tariff1Energy", Quantity.ENERGY, Unit.KWH, 0, 1, 0),
    TARIFF2_ENERGY("tariff2Energy", Quantity.ENERGY, Unit.KWH, 0, 2, 0),
    PULSE_INPUT1_VOLUME("pulseInput1Volume", Quantity.VOLUME, Unit.M3, 0, 0, 1),
    PULSE_INPUT2_VOLUME("pulseInput2Volume", Quantity.VOLUME, Unit.M3, 0, 0, 2);

    private final String mapName;
    private final Quantity quantity;
    private final Unit unit;
    private final long storage;
    private final int tariff;
    private final int subunit;

    ValueSlot(String mapName, Quantity quantity, Unit unit, long storage, int tariff, int subunit) {
        this.mapName = mapName;
        this.quantity = quantity;
        this.unit = unit;
        this.storage = storage;
        this.tariff = tariff;
        this.subunit = subunit;
    }

    public String mapName() {
        return mapName;
    }

    public Quantity quantity() {
        return quantity;
    }

    public Unit unit() {
        return unit;
    }

    /** 0 = the current value, 1 = the value the meter stored at its last due date. */
    public long storage() {
        return storage;
    }

    public int tariff() {
        return tariff;
    }

    public int subunit() {
        return subunit;
    }

    /** The bit of this slot in a block's value masks. */
    public int bit() {
        return 1 << ordinal();
    }

    /** The register offset of this slot inside a meter block. */
    public int offset() {
        return Layout.VALUES + 2 * ordinal();
    }
}
