package org.openamr.modbus.value;

/** A BCD register holds a nibble A–F, which meters use to signal an error rather than a number. */
public final class InvalidBcdException extends RegisterDecodeException {

    public InvalidBcdException(String value, int address, int word) {
        super(value + ": register " + address + " holds " + String.format("0x%04X", word)
                + ", a BCD digit above 9", address);
    }

    @Override
    public String kind() {
        return "bcd";
    }
}
