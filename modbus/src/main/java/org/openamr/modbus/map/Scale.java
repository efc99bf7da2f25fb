package org.openamr.modbus.map;

/**
 * The power of ten a raw register number is multiplied by. Only powers of ten, so that scaling
 * stays exact ({@link java.math.BigDecimal#scaleByPowerOfTen}).
 */
public sealed interface Scale {

    /**
     * Largest exponent magnitude a map or an exponent register may give. Meters use a few decades at
     * most; the bound stops a garbage exponent register (0x7FFF) from building enormous numbers.
     */
    int MAX_EXPONENT = 20;

    /** A fixed exponent from the map: value × 10^exponent. */
    record Fixed(int exponent) implements Scale {
    }

    /**
     * The exponent is read from a signed 16-bit register of the same function code, plus an offset
     * from the map (meters that code "10^(x − 3)" have offset −3): value × 10^(register + offset).
     */
    record FromRegister(int address, int offset) implements Scale {
    }
}
