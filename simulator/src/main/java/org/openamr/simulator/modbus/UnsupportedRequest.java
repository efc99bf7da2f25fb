package org.openamr.simulator.modbus;

/**
 * A request of a function the virtual slaves do not serve (writes, diagnostics, device
 * identification …): a slave answers it with exception 01, as the specification requires for a
 * function it does not implement. Its data is not kept: nothing in it changes that answer.
 *
 * <pre>
 * byte  0     function code, anything but 01..04
 * bytes 1..   what that function defines
 * </pre>
 */
public record UnsupportedRequest(int functionCode) implements ModbusRequest {

    public UnsupportedRequest {
        if (functionCode < 0 || functionCode > 0xFF) {
            throw new IllegalArgumentException("a function code is one byte, got " + functionCode);
        }
    }
}
