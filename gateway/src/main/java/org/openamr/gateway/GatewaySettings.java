package org.openamr.gateway;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.openamr.acquisition.channel.BusConnection;
import org.openamr.gateway.layout.ValueFormat;
import org.openamr.gateway.reading.Schedule;
import org.openamr.gateway.serve.RtuPort;
import org.openamr.modbus.map.WordOrder;

/**
 * A checked gateway configuration.
 *
 * @param metersFile the meter file: which meter has which slot; written back when slots are assigned
 * @param search     a secondary search of the bus at the first read-out, appending the meters not listed
 * @param listen     the Modbus TCP server's address (port 0: a free one)
 * @param rtu        the RTU slave's serial port, if one is served
 * @param serial     the gateway serial number its block shows (uint32)
 * @param version    the software version its block shows, e.g. {@code 0.1.0}
 * @param zone       the zone the meters' clocks run in (due dates) and cron schedules are read in
 */
public record GatewaySettings(BusConnection bus, Path metersFile, boolean search, Schedule schedule,
                              InetSocketAddress listen, Optional<RtuPort> rtu, ValueFormat format, WordOrder order,
                              long serial, String version, ZoneId zone) {

    public GatewaySettings {
        Objects.requireNonNull(bus, "bus");
        Objects.requireNonNull(metersFile, "metersFile");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(rtu, "rtu");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(zone, "zone");
        if (serial < 0 || serial > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("the gateway serial must be 0..4294967295, got " + serial);
        }
    }
}
