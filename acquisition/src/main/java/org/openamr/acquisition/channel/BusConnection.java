package org.openamr.acquisition.channel;

import java.time.Clock;
import java.time.Duration;
import org.openamr.mbus.master.MBusMaster;
import org.openamr.mbus.master.MasterSettings;
import org.openamr.mbus.transport.TcpTransport;
import org.openamr.mbus.transport.Transport;
import org.openamr.serial.LineSettings;
import org.openamr.serial.SerialTransport;

/**
 * How to talk to one bus: its address, speed, serial character format and persistence. The one
 * place where an address becomes a transport and a master, for the CLI, the collector and the server.
 */
public record BusConnection(ChannelAddress address, int baud, String lineFormat, int attempts, Duration initialLatency) {

    public static final String DEFAULT_LINE_FORMAT = "8E1";

    public BusConnection {
        if (baud < 300 || baud > 38400) {
            throw new IllegalArgumentException("baud rate " + baud + " is outside 300–38400, the M-Bus speeds");
        }
        if (attempts < 1 || attempts > 10) {
            throw new IllegalArgumentException("attempts " + attempts + " is outside 1–10");
        }
        if (initialLatency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
    }

    public static BusConnection of(String address, int baud) {
        return new BusConnection(ChannelAddress.parse(address), baud, DEFAULT_LINE_FORMAT, 3, Duration.ZERO);
    }

    public BusConnection withAttempts(int attempts) {
        return new BusConnection(address, baud, lineFormat, attempts, initialLatency);
    }

    public BusConnection withLineFormat(String lineFormat) {
        return new BusConnection(address, baud, lineFormat, attempts, initialLatency);
    }

    public BusConnection withInitialLatency(Duration latency) {
        return new BusConnection(address, baud, lineFormat, attempts, latency);
    }

    /** A master on this bus; nothing touches the line before its first request. */
    public MBusMaster open(Clock clock) {
        Transport transport = switch (address.kind()) {
            case TCP_GATEWAY -> TcpTransport.parse(address.text(), baud);
            case SERIAL_PORT -> new SerialTransport(address.text(), LineSettings.parse(baud + "," + lineFormat));
        };
        MasterSettings settings = MasterSettings.DEFAULT.withAttempts(attempts).withInitialLatency(initialLatency);
        return new MBusMaster(transport, settings, clock);
    }
}
