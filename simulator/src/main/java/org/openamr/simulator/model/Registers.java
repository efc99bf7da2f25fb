package org.openamr.simulator.model;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * All cumulative registers of one household at one moment, at meter resolution: energies in whole
 * kWh, volumes in m³ with litre resolution (scale 3). What a meter shows before any error of its own.
 */
public record Registers(Instant at, BigDecimal heatEnergyKwh, BigDecimal nightHeatEnergyKwh,
                        BigDecimal heatVolumeM3, BigDecimal coldWaterM3, BigDecimal hotWaterM3) {
}
