package org.openamr.cli.output;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.openamr.modbus.map.RegisterMap;
import org.openamr.modbus.value.ModbusValue;

/**
 * What {@code openamr modbus read} got, for its table and JSON forms.
 *
 * @param channel  the channel's canonical address
 * @param requests requests sent, attempts included
 */
public record ModbusRead(String channel, int unit, RegisterMap map, Instant readAt, Duration duration, long requests,
                         List<ModbusValue> values) {

    public ModbusRead {
        values = List.copyOf(values);
    }
}
