package org.openamr.modbus.value;

import org.openamr.modbus.map.Scale;

/**
 * A decimal-exponent register gives a power of ten beyond {@link Scale#MAX_EXPONENT}: no meter
 * means that, so the register is unset or the map names the wrong one.
 */
public final class ExponentOutOfRangeException extends RegisterDecodeException {

    public ExponentOutOfRangeException(String value, int address, int exponent) {
        super(value + ": exponent register " + address + " gives 10^" + exponent + ", outside -"
                + Scale.MAX_EXPONENT + "..+" + Scale.MAX_EXPONENT, address);
    }

    @Override
    public String kind() {
        return "exponent";
    }
}
