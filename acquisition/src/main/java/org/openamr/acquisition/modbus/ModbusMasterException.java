package org.openamr.acquisition.modbus;

/**
 * A Modbus request that gave no usable answer. Every failure is one of the subclasses, each naming
 * the channel and the unit id in its message ("unit 5 on tcp://meter-gw:502: …") and a short
 * {@link #kind()} for machines, so that a technician can tell a silent unit from a noisy line, a
 * slave's refusal from a wrong map, and a missing port from all of them.
 */
public abstract sealed class ModbusMasterException extends Exception
        permits NoAnswerException, CrcErrorException, SlaveRefusedException, UnexpectedAnswerException,
        ChannelFailureException, UndecodableValueException {

    private final String channel;
    private final int unit;

    protected ModbusMasterException(String channel, int unit, String problem, Throwable cause) {
        super("unit " + unit + " on " + channel + ": " + problem, cause);
        this.channel = channel;
        this.unit = unit;
    }

    /** The channel's canonical address ({@link ModbusAddress#toString()}). */
    public String channel() {
        return channel;
    }

    /** The unit id (slave address) the request was for. */
    public int unit() {
        return unit;
    }

    /** {@code timeout}, {@code crc}, {@code exception}, {@code unexpected-answer}, {@code channel} or {@code decode}. */
    public abstract String kind();
}
