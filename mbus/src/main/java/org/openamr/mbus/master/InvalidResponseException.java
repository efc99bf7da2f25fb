package org.openamr.mbus.master;

/** An answer arrived but is not usable: damaged, of the wrong kind, or from another meter. */
public final class InvalidResponseException extends MasterException {

    public InvalidResponseException(String channel, String slave, String problem, Throwable cause) {
        super(channel, slave, problem, cause);
    }

    public InvalidResponseException(String channel, String slave, String problem) {
        super(channel, slave, problem, null);
    }
}
