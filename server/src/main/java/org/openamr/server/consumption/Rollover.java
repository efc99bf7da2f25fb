package org.openamr.server.consumption;

import java.math.BigDecimal;

/**
 * When a step down of a cumulative register is the register wrapping past its last digit: the digits are known, the
 * earlier value fits in them, and the increase through the wrap, 10^(digits − scale) − earlier + later, is at most a
 * tenth of the register's range. The one test of it, for consumption (which counts the wrap as consumption) and the
 * alarm rules (which say whether a lower reading is a rollover).
 */
public final class Rollover {

    /** A step down is a rollover when the increase through the wrap is at most 1/this of the register's range. */
    static final int RANGE_DIVISOR = 10;

    private Rollover() {
    }

    /**
     * The register's range, 10^(digits − scale), or null when its digits are not known.
     *
     * @param scale the decimals the register shows
     */
    public static BigDecimal modulus(Integer digits, int scale) {
        return digits == null ? null : BigDecimal.ONE.scaleByPowerOfTen(digits - scale);
    }

    /**
     * Whether a step from {@code from} down to {@code to} is the register wrapping past its last digit.
     *
     * @param modulus the register's range ({@link #modulus}); null: never a rollover
     */
    public static boolean rollsOver(BigDecimal from, BigDecimal to, BigDecimal modulus) {
        if (modulus == null || from.compareTo(modulus) >= 0 || to.signum() < 0) {
            return false;
        }
        BigDecimal increase = modulus.subtract(from).add(to);
        return increase.multiply(BigDecimal.valueOf(RANGE_DIVISOR)).compareTo(modulus) <= 0;
    }
}
