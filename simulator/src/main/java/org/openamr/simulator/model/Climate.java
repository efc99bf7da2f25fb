package org.openamr.simulator.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Monthly figures of a Moscow apartment building, read at the 15th of each month and interpolated
 * linearly in between, so that the seasons change smoothly from day to day. Integers throughout.
 */
final class Climate {

    /** Heat per day of a reference apartment (~55 m²), Wh: heating season October–April, summer near zero. */
    static final int[] HEAT_WH_PER_DAY = {55_000, 50_000, 40_000, 24_000, 6_000, 400, 200, 300, 4_000, 22_000,
        38_000, 50_000};
    /** Supply minus return temperature, 0.1 K: large in winter, small when the heating idles. */
    static final int[] DELTA_T_DECI_K = {200, 195, 180, 150, 90, 40, 30, 35, 80, 150, 180, 195};
    /** Supply temperature of the building's heating curve, 0.1 °C; summer: pipes at room temperature. */
    static final int[] SUPPLY_DECI_C = {780, 760, 700, 600, 480, 300, 290, 300, 450, 580, 680, 750};
    /** Water use per month, per mille: summer holidays empty the apartments. */
    static final int[] WATER_SEASON_PER_MILLE = {1000, 1000, 1000, 1000, 980, 920, 820, 830, 980, 1000, 1000,
        1010};

    private Climate() {
    }

    /** The table value for {@code day}, interpolated between the 15ths of the months around it. */
    static long at(int[] table, LocalDate day) {
        LocalDate a = day.getDayOfMonth() >= 15 ? day.withDayOfMonth(15) : day.minusMonths(1).withDayOfMonth(15);
        LocalDate b = a.plusMonths(1);
        long span = ChronoUnit.DAYS.between(a, b);
        long k = ChronoUnit.DAYS.between(a, day);
        long va = table[a.getMonthValue() - 1];
        long vb = table[b.getMonthValue() - 1];
        return (va * (span - k) + vb * k) / span;
    }
}
