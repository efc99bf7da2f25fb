package org.openamr.modbus.value;

/** A value, or its exponent register, lies outside the registers that were read. */
public final class MissingRegisterException extends RegisterDecodeException {

    public MissingRegisterException(String value, String function, int address) {
        super(value + ": register " + function + " " + address + " was not read", address);
    }

    @Override
    public String kind() {
        return "missing-register";
    }
}
