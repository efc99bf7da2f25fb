package org.openamr.acquisition.modbus;

import org.openamr.modbus.value.RegisterDecodeException;

/**
 * The registers arrived but a value of the map cannot be made of them (a BCD digit above 9, a
 * float32 NaN, an exponent out of range): the meter flags an error, or the map does not fit it.
 * {@link #reason()} has the register and the kind of failure.
 */
public final class UndecodableValueException extends ModbusMasterException {

    private final RegisterDecodeException reason;

    public UndecodableValueException(String channel, int unit, RegisterDecodeException reason) {
        super(channel, unit, reason.getMessage(), reason);
        this.reason = reason;
    }

    public RegisterDecodeException reason() {
        return reason;
    }

    @Override
    public String kind() {
        return "decode";
    }
}
