package org.openamr.mbus.master;

/**
 * A transaction on a bus failed. Every failure names the channel and the slave it concerned, so a
 * technician knows where to look; the bus stays usable for the next call.
 */
public abstract class MasterException extends Exception {

    private final String channel;
    private final String slave;

    protected MasterException(String channel, String slave, String problem, Throwable cause) {
        super(channel + ", " + slave + ": " + problem, cause);
        this.channel = channel;
        this.slave = slave;
    }

    public String channel() {
        return channel;
    }

    /** The addressed slave, e.g. "primary address 5" or "secondary address 41494068D3102F04". */
    public String slave() {
        return slave;
    }
}
