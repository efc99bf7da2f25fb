package org.openamr.modbus.value;

/**
 * Register words that do not give a value. Every failure of {@link RegisterDecoder} is one of the
 * subclasses, each naming its {@link #kind() kind} and the {@link #address() register} where it was
 * found, so that a technician can tell a meter reporting an error (BCD digit A–F, NaN) from a map
 * that asks for registers nobody read.
 */
public abstract sealed class RegisterDecodeException extends Exception
        permits InvalidBcdException, NotANumberException, MissingRegisterException, ExponentOutOfRangeException {

    private final int address;

    protected RegisterDecodeException(String message, int address) {
        super(message);
        this.address = address;
    }

    /** A short machine-readable name of the failure, e.g. {@code bcd} or {@code not-a-number}. */
    public abstract String kind();

    /** The protocol address of the register at fault. */
    public int address() {
        return address;
    }
}
