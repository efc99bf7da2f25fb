package org.openamr.mbus.master;

/** The meter answered with an application error (CI 0x70). */
public final class MeterApplicationErrorException extends MasterException {

    public MeterApplicationErrorException(String channel, String slave, String problem, Throwable cause) {
        super(channel, slave, problem, cause);
    }

    public MeterApplicationErrorException(String channel, String slave, String problem) {
        super(channel, slave, problem, null);
    }
}
