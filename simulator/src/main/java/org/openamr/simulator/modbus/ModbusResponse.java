package org.openamr.simulator.modbus;

/** A response PDU of a virtual slave, function code first; {@link PduCodec#response} puts it into bytes. */
public sealed interface ModbusResponse permits RegistersResponse, BitsResponse, ExceptionResponse {

    /** The function code byte on the wire (with the high bit set for an exception). */
    int functionCodeByte();
}
