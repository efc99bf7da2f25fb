package org.openamr.simulator.modbus;

import java.util.Arrays;
import java.util.Objects;
import org.openamr.modbus.FunctionCode;

/**
 * The registers a read of holding (03) or input (04) registers asked for.
 *
 * <pre>
 * byte  0     function code 03 or 04, as in the request
 * byte  1     byte count: 2 × N
 * bytes 2..   N registers from the requested address on, each high byte first
 * </pre>
 *
 * @param words 1..125 register values, each 0..0xFFFF
 */
public record RegistersResponse(FunctionCode function, int[] words) implements ModbusResponse {

    public RegistersResponse {
        Objects.requireNonNull(function, "function");
        if (function.readsBits()) {
            throw new IllegalArgumentException("function " + function.hex() + " reads bits, not registers");
        }
        words = words.clone();
        if (words.length < 1 || words.length > Responder.MAX_REGISTERS) {
            throw new IllegalArgumentException("a response holds 1.." + Responder.MAX_REGISTERS + " registers, got "
                    + words.length);
        }
        for (int w : words) {
            if (w < 0 || w > 0xFFFF) {
                throw new IllegalArgumentException("a register is 0..0xFFFF, got " + w);
            }
        }
    }

    @Override
    public int[] words() {
        return words.clone();
    }

    @Override
    public int functionCodeByte() {
        return function.code();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegistersResponse r && r.function == function && Arrays.equals(r.words, words);
    }

    @Override
    public int hashCode() {
        return Objects.hash(function, Arrays.hashCode(words));
    }

    @Override
    public String toString() {
        return "RegistersResponse[" + function.hex() + " " + Arrays.toString(words) + "]";
    }
}
