package org.openamr.acquisition.modbus;

/**
 * The channel itself failed: the serial port is missing or cannot be opened, the TCP connection is
 * refused or lost, a write failed. Not tried again within the request; the next request opens the
 * channel anew.
 */
public final class ChannelFailureException extends ModbusMasterException {

    public ChannelFailureException(String channel, int unit, String what, Throwable cause) {
        super(channel, unit, what, cause);
    }

    @Override
    public String kind() {
        return "channel";
    }
}
