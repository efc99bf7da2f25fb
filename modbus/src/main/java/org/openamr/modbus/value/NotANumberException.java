package org.openamr.modbus.value;

/** A float32 value is NaN or infinite: the meter has no number to give. */
public final class NotANumberException extends RegisterDecodeException {

    public NotANumberException(String value, int address, float f) {
        super(value + ": float32 at register " + address + " is " + f, address);
    }

    @Override
    public String kind() {
        return "not-a-number";
    }
}
