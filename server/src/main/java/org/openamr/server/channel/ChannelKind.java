package org.openamr.server.channel;

/** How a channel reaches its meters. */
public enum ChannelKind {
    /** A level converter on a serial port of the server: polled. */
    SERIAL_PORT,
    /** A transparent serial gateway, {@code tcp://host:port}: polled. */
    TCP_GATEWAY,
    /** A concentrator in the building that reads the meters itself and pushes: never polled. */
    CONCENTRATOR,
    /**
     * Meters with a Modbus module: Modbus TCP ({@code tcp://host:502}), RTU through a TCP serial server
     * ({@code rtu+tcp://host:port}) or RTU on a serial port of the server ({@code rtu:/dev/ttyUSB0?baud=9600});
     * polled unit by unit, each meter's registers read through its register map.
     */
    MODBUS;

    public boolean polled() {
        return this != CONCENTRATOR;
    }

    /** True for the M-Bus channels the server dials itself, the ones a primary or secondary search runs on. */
    public boolean mbus() {
        return this == SERIAL_PORT || this == TCP_GATEWAY;
    }
}
