package org.openamr.server.channel;

import java.util.Set;
import org.openamr.acquisition.channel.ChannelAddress;
import org.openamr.acquisition.modbus.ModbusAddress;
import org.openamr.mbus.transport.TcpTransport;
import org.openamr.modbus.map.RegisterMap;
import org.openamr.modbus.map.RegisterMaps;
import org.openamr.server.api.BadRequestException;
import org.springframework.scheduling.support.CronExpression;

/** What a channel's fields may hold; every refusal says which field, what was given and why. */
final class ChannelFieldRules {

    /** The speeds M-Bus meters talk (EN 13757-2); anything else no meter would understand. */
    static final Set<Integer> BAUDS = Set.of(300, 600, 1200, 2400, 4800, 9600, 19200, 38400);
    static final int DEFAULT_BAUD = 2400;
    static final int MAX_NAME = 200;

    private ChannelFieldRules() {
    }

    static String name(String name) {
        if (name == null || name.isBlank()) {
            throw new BadRequestException("name is required and must not be blank");
        }
        String n = name.trim();
        if (n.length() > MAX_NAME) {
            throw new BadRequestException("name is " + n.length() + " characters long; at most " + MAX_NAME);
        }
        return n;
    }

    /** The address in the form it is stored, or null for a concentrator. */
    static String address(ChannelKind kind, String address) {
        if (!kind.polled()) {
            if (address != null) {
                throw new BadRequestException("address must be empty for a CONCENTRATOR channel: a concentrator "
                        + "pushes its readings and is never dialled");
            }
            return null;
        }
        if (kind == ChannelKind.MODBUS) {
            return modbusAddress(address).toString();
        }
        ChannelAddress parsed;
        try {
            parsed = ChannelAddress.parse(address);
            if (parsed.kind() == ChannelAddress.Kind.TCP_GATEWAY) {
                TcpTransport.parse(parsed.text(), DEFAULT_BAUD); // a host name a URI cannot hold
            }
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        ChannelKind addressKind = parsed.kind() == ChannelAddress.Kind.TCP_GATEWAY
                ? ChannelKind.TCP_GATEWAY : ChannelKind.SERIAL_PORT;
        if (addressKind != kind) {
            throw new BadRequestException("address '" + parsed.text() + "' is a " + addressKind + " address but the "
                    + "channel is a " + kind + (kind == ChannelKind.TCP_GATEWAY ? ": expected tcp://host:port"
                    : ": expected a serial port such as /dev/ttyUSB0 or COM3"));
        }
        return parsed.text();
    }

    /** A MODBUS channel's address; its speed and character format, for RTU, are part of it. */
    static ModbusAddress modbusAddress(String address) {
        try {
            return ModbusAddress.parse(address);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    /**
     * The speed as stored: an M-Bus speed given or the default, or for a MODBUS channel the speed its
     * address names (one place to say it, so that two cannot disagree).
     */
    static int baud(ChannelKind kind, Integer baud, String storedAddress) {
        if (kind != ChannelKind.MODBUS) {
            return baud(baud);
        }
        if (baud != null) {
            throw new BadRequestException("baud is not set on a MODBUS channel: its speed is part of the address, "
                    + "e.g. rtu:/dev/ttyUSB0?baud=9600&format=8E1");
        }
        // a TCP channel has no line speed of its own; the column holds the usual RTU default
        return modbusAddress(storedAddress) instanceof ModbusAddress.Serial serial ? serial.line().baud()
                : ModbusAddress.DEFAULT_BAUD;
    }

    /** A MODBUS channel's register map for meters whose model names none: a map in force, or null. */
    static String modbusMap(ChannelKind kind, String map, RegisterMaps maps) {
        if (map == null || map.isBlank()) {
            return null;
        }
        if (kind != ChannelKind.MODBUS) {
            throw new BadRequestException("modbusMap is only set on MODBUS channels; this one is " + kind);
        }
        // stored by the name in its map line: a user's map of that name replaces the built-in one
        return maps.named(map).map(RegisterMap::name).orElseThrow(() -> new BadRequestException("modbusMap '"
                + map.trim() + "' is not a register map in force; known: " + maps.describe()));
    }

    static int baud(Integer baud) {
        if (baud == null) {
            return DEFAULT_BAUD;
        }
        if (!BAUDS.contains(baud)) {
            throw new BadRequestException("baud " + baud + " is not an M-Bus speed: 300, 600, 1200, 2400, 4800, "
                    + "9600, 19200 or 38400");
        }
        return baud;
    }

    /** The schedule as stored: null for none (polled on demand only). */
    static String schedule(ChannelKind kind, String cron) {
        if (cron == null || cron.isBlank()) {
            return null;
        }
        String c = cron.trim();
        if (!kind.polled()) {
            throw new BadRequestException("schedule '" + c + "' cannot be set on a CONCENTRATOR channel: "
                    + "a concentrator reads its meters on its own schedule and pushes");
        }
        if (ScheduleLimits.tooLong(c) != null) {
            throw new BadRequestException("schedule: " + c.length() + " characters is too long for a cron expression"
                    + " (at most " + ScheduleLimits.MAX_LENGTH + ")");
        }
        CronExpression parsed;
        try {
            parsed = CronExpression.parse(c);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("schedule '" + c + "' is not a valid cron expression: " + e.getMessage()
                    + " (six fields, seconds first, e.g. '0 0 3 * * *' for 03:00 every day)");
        }
        ScheduleLimits.Problem problem = ScheduleLimits.check(parsed);
        if (problem == ScheduleLimits.Problem.TOO_OFTEN) {
            throw new BadRequestException("schedule '" + c + "' runs more often than once a minute; a poll may start"
                    + " at most every minute (e.g. '0 */15 * * * *' for every 15 minutes)");
        }
        if (problem == ScheduleLimits.Problem.NEVER) {
            throw new BadRequestException("schedule '" + c + "' never runs within the next five years (a date that"
                    + " does not exist, such as 31 February?)");
        }
        return c;
    }
}
