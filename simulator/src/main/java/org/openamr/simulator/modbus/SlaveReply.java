package org.openamr.simulator.modbus;

import java.time.Duration;
import java.util.Objects;

/**
 * What a unit puts on the wire for a request, before framing: the unit id it answers with, the
 * response PDU, and what its fault does to them.
 *
 * @param unit     the unit id of the reply: the addressed one, or another for {@link UnitFault.OtherUnit}
 * @param corrupt  damage the framed reply ({@link UnitFault.CorruptReply} says how, per framing)
 * @param delay    how much later than normal the reply comes; zero for a normal reply
 */
public record SlaveReply(int unit, ModbusResponse response, boolean corrupt, Duration delay) {

    public SlaveReply {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(delay, "delay");
    }

    public boolean slow() {
        return !delay.isZero();
    }
}
