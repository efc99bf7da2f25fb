package org.openamr.simulator.modbus;

/**
 * A request PDU as the virtual slaves read it: the part of a Modbus frame after the unit id (RTU:
 * before the CRC; TCP: after the MBAP header), function code first.
 */
public sealed interface ModbusRequest permits ReadRequest, UnsupportedRequest, MalformedRequest {

    /** The function code byte of the request, as an exception reply repeats it. */
    int functionCode();
}
