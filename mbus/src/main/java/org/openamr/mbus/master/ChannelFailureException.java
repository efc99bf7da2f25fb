package org.openamr.mbus.master;

/** The channel itself failed: port missing, host unreachable, connection dropped. */
public final class ChannelFailureException extends MasterException {

    public ChannelFailureException(String channel, String slave, String problem, Throwable cause) {
        super(channel, slave, problem, cause);
    }

    public ChannelFailureException(String channel, String slave, String problem) {
        super(channel, slave, problem, null);
    }
}
