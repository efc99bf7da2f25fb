package org.openamr.simulator.modbus;

import java.util.Arrays;
import java.util.Objects;
import org.openamr.modbus.FunctionCode;

/**
 * The bits a read of coils (01) or discrete inputs (02) asked for.
 *
 * <pre>
 * byte  0     function code 01 or 02, as in the request
 * byte  1     byte count: N / 8 rounded up
 * bytes 2..   the bits, eight a byte: the first requested bit in the least significant bit of the
 *             first byte; unused high bits of the last byte are 0
 * </pre>
 *
 * @param bits 1..2000 bits, the first one at the requested address
 */
public record BitsResponse(FunctionCode function, boolean[] bits) implements ModbusResponse {

    public BitsResponse {
        Objects.requireNonNull(function, "function");
        if (!function.readsBits()) {
            throw new IllegalArgumentException("function " + function.hex() + " reads registers, not bits");
        }
        bits = bits.clone();
        if (bits.length < 1 || bits.length > Responder.MAX_BITS) {
            throw new IllegalArgumentException("a response holds 1.." + Responder.MAX_BITS + " bits, got " + bits.length);
        }
    }

    @Override
    public boolean[] bits() {
        return bits.clone();
    }

    @Override
    public int functionCodeByte() {
        return function.code();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BitsResponse r && r.function == function && Arrays.equals(r.bits, bits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(function, Arrays.hashCode(bits));
    }

    @Override
    public String toString() {
        return "BitsResponse[" + function.hex() + " " + Arrays.toString(bits) + "]";
    }
}
