package org.openamr.cli.modbus;

import java.time.Duration;
import org.openamr.acquisition.modbus.ModbusAddress;
import org.openamr.acquisition.modbus.ModbusMaster;
import org.openamr.acquisition.modbus.ModbusSettings;
import org.openamr.simulator.radio.DurationText;

/** What the Modbus commands share: the channel's address, and how patient to be on it. */
final class ChannelOptions {

    static final String ADDRESS_HELP = "tcp://host[:port], rtu+tcp://host:port (serial device server)"
            + " or rtu:PORT?baud=9600&format=8E1 (rtu:/dev/ttyUSB0, rtu:COM3; 8E1, 8O1, 8N2, 8N1; 1200-115200 baud).";

    private ChannelOptions() {
    }

    /** A master on {@code address}; nothing touches the channel before the first request. */
    static ModbusMaster open(String address, ModbusSettings defaults, String timeout, Integer attempts) {
        ModbusSettings settings = defaults;
        if (timeout != null) {
            settings = settings.withResponseTimeout(duration(timeout));
        }
        if (attempts != null) {
            settings = settings.withAttempts(attempts);
        }
        return ModbusMaster.open(ModbusAddress.parse(address), settings);
    }

    private static Duration duration(String text) {
        try {
            return DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--timeout: " + e.getMessage(), e);
        }
    }
}
