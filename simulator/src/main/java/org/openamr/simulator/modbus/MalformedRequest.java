package org.openamr.simulator.modbus;

/**
 * A read request (function 01..04) whose PDU is not the {@link ReadRequest#LENGTH} bytes its layout
 * has. Over TCP the MBAP length decides where a PDU ends, so a master can send one; a slave
 * answers it with exception 03 (illegal data value). RTU frames of these functions always have
 * the right length, since their length is what ends them.
 *
 * @param length the PDU's length in bytes, function code included
 */
public record MalformedRequest(int functionCode, int length) implements ModbusRequest {
}
