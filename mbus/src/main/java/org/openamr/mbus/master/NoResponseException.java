package org.openamr.mbus.master;

/** No answer arrived within the response window, after every retry. */
public final class NoResponseException extends MasterException {

    public NoResponseException(String channel, String slave, String problem, Throwable cause) {
        super(channel, slave, problem, cause);
    }

    public NoResponseException(String channel, String slave, String problem) {
        super(channel, slave, problem, null);
    }
}
