package org.openamr.mbus.transport;

import java.io.IOException;

/** A channel could not be opened, read or written: names the channel and what happened. */
public class TransportException extends IOException {

    private final String channel;

    public TransportException(String channel, String message, Throwable cause) {
        super(channel + ": " + message, cause);
        this.channel = channel;
    }

    public TransportException(String channel, String message) {
        this(channel, message, null);
    }

    public String channel() {
        return channel;
    }
}
