package org.openamr.simulator.model;

import java.math.BigDecimal;

/**
 * What a heat meter measures at one moment. Flow and the temperature difference are chosen first
 * and power is computed from them (power = flow × ΔT × c, c = 1.163 Wh/(l·K)) and cut to whole
 * watts, so the three values a meter shows agree the way a real calculator's do.
 *
 * @param powerWatts         thermal power, W
 * @param flowLitresPerHour  heat carrier flow, l/h
 * @param supplyDeciCelsius  flow (supply) temperature, 0.1 °C
 * @param returnDeciCelsius  return temperature, 0.1 °C
 * @param deltaDeciKelvin    supply minus return, 0.1 K
 */
public record HeatState(long powerWatts, long flowLitresPerHour, int supplyDeciCelsius, int returnDeciCelsius,
                        int deltaDeciKelvin) {

    /** Specific heat of the carrier in Wh/(l·K), scaled by 1000: 1.163. */
    public static final long WATER_HEAT_CAPACITY_MILLI = 1163;

    public HeatState {
        if (supplyDeciCelsius - returnDeciCelsius != deltaDeciKelvin) {
            throw new IllegalArgumentException("ΔT must be supply minus return");
        }
    }

    /** The power a calculator computes from flow and ΔT, cut to whole watts. */
    public static long power(long flowLitresPerHour, int deltaDeciKelvin) {
        return Math.floorDiv(flowLitresPerHour * deltaDeciKelvin * WATER_HEAT_CAPACITY_MILLI, 10_000);
    }

    /** Power in kW with W resolution, as the decoder gives it. */
    public BigDecimal powerKw() {
        return BigDecimal.valueOf(powerWatts, 3);
    }

    /** Flow in m³/h with l/h resolution. */
    public BigDecimal flowM3PerHour() {
        return BigDecimal.valueOf(flowLitresPerHour, 3);
    }

    public BigDecimal flowTemperature() {
        return BigDecimal.valueOf(supplyDeciCelsius, 1);
    }

    public BigDecimal returnTemperature() {
        return BigDecimal.valueOf(returnDeciCelsius, 1);
    }

    public BigDecimal temperatureDifference() {
        return BigDecimal.valueOf(deltaDeciKelvin, 1);
    }
}
