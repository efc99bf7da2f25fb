package org.openamr.simulator.modbus;

import java.util.Objects;
import org.openamr.modbus.FunctionCode;

/**
 * A read of coils (01), discrete inputs (02), holding registers (03) or input registers (04): the
 * four requests share one layout.
 *
 * <pre>
 * byte  0     function code 01, 02, 03 or 04
 * bytes 1..2  starting address 0..65535, high byte first
 * bytes 3..4  quantity, high byte first: 1..2000 bits (01, 02), 1..125 registers (03, 04);
 *             any other number is refused by the slave (exception 03), not by this record
 * </pre>
 */
public record ReadRequest(FunctionCode function, int address, int quantity) implements ModbusRequest {

    /** The length of the PDU on the wire. */
    public static final int LENGTH = 5;

    public ReadRequest {
        Objects.requireNonNull(function, "function");
        if (address < 0 || address > 0xFFFF || quantity < 0 || quantity > 0xFFFF) {
            throw new IllegalArgumentException("address and quantity are 16-bit numbers, got " + address + " and "
                    + quantity);
        }
    }

    @Override
    public int functionCode() {
        return function.code();
    }
}
