package org.openamr.mbus.transport;

import java.io.IOException;

/** A channel could not be opened, read or written: names the channel and what happened. */
public class TransportException extends IOException {

    private final String channel;
    private final String problem;

    public TransportException(String channel, String message, Throwable cause) {
        super(channel + ": " + message, cause);
        this.channel = channel;
        this.problem = message;
    }

    public TransportException(String channel, String message) {
        this(channel, message, null);
    }

    public String channel() {
        return channel;
    }

    /** What went wrong, without the channel's name. */
    public String problem() {
        return problem;
    }
}
