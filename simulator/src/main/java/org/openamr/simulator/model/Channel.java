package org.openamr.simulator.model;

import java.math.BigDecimal;

/**
 * A cumulative quantity of one household. The model counts in fine units (Wh, ml) so that every
 * day total and every part of a day is an exact integer; {@link #register} cuts a count to the
 * resolution a real meter shows, always downwards, so registers never run ahead of consumption.
 */
public enum Channel {
    /** Heat energy delivered to the apartment's radiators; counted in Wh, shown in whole kWh. */
    HEAT_ENERGY(1000, 0),
    /** The part of {@link #HEAT_ENERGY} used 23:00–07:00 local: a time-of-use tariff register. */
    HEAT_ENERGY_NIGHT(1000, 0),
    /** Volume of heat carrier through the heat meter; counted in ml, shown in litres as m³ (0.001). */
    HEAT_VOLUME(1000, 3),
    /** Cold water; counted in ml, shown in litres as m³. */
    COLD_WATER(1000, 3),
    /** Hot (domestic) water; counted in ml, shown in litres as m³. */
    HOT_WATER(1000, 3);

    private final long fineUnitsPerStep;
    private final int scale;

    Channel(long fineUnitsPerStep, int scale) {
        this.fineUnitsPerStep = fineUnitsPerStep;
        this.scale = scale;
    }

    /** The register value for a count in fine units: kWh (scale 0) or m³ (scale 3, i.e. litres). */
    public BigDecimal register(long fineUnits) {
        return BigDecimal.valueOf(Math.floorDiv(fineUnits, fineUnitsPerStep), scale);
    }

    /** The register's integer steps (whole kWh or litres) for a count in fine units. */
    public long steps(long fineUnits) {
        return Math.floorDiv(fineUnits, fineUnitsPerStep);
    }

    public boolean isHeat() {
        return this == HEAT_ENERGY || this == HEAT_ENERGY_NIGHT || this == HEAT_VOLUME;
    }
}
