package org.openamr.modbus;

import java.util.Optional;

/**
 * The Modbus read functions a register map may name. Coils and discrete inputs are single bits,
 * holding and input registers 16-bit words; the two kinds never share an address space, and
 * neither do two functions: address 8 of function 03 and address 8 of function 04 are different
 * data.
 */
public enum FunctionCode {
    READ_COILS(0x01, "coils"),
    READ_DISCRETE_INPUTS(0x02, "discrete inputs"),
    READ_HOLDING_REGISTERS(0x03, "holding registers"),
    READ_INPUT_REGISTERS(0x04, "input registers");

    private final int code;
    private final String table;

    FunctionCode(int code, String table) {
        this.code = code;
        this.table = table;
    }

    /** The function code on the wire. */
    public int code() {
        return code;
    }

    /** What the function reads, for messages: {@code holding registers}. */
    public String table() {
        return table;
    }

    /** True for coils and discrete inputs, whose addresses name bits rather than 16-bit registers. */
    public boolean readsBits() {
        return this == READ_COILS || this == READ_DISCRETE_INPUTS;
    }

    /** Two hex digits as maps and messages write it: {@code 03}. */
    public String hex() {
        return String.format("%02X", code);
    }

    public static Optional<FunctionCode> byCode(int code) {
        for (FunctionCode f : values()) {
            if (f.code == code) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
