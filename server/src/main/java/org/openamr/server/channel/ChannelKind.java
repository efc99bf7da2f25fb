package org.openamr.server.channel;

/** How a channel reaches its meters. */
public enum ChannelKind {
    /** A level converter on a serial port of the server: polled. */
    SERIAL_PORT,
    /** A transparent serial gateway, {@code tcp://host:port}: polled. */
    TCP_GATEWAY,
    /** A concentrator in the building that reads the meters itself and pushes: never polled. */
    CONCENTRATOR;

    public boolean polled() {
        return this != CONCENTRATOR;
    }
}
