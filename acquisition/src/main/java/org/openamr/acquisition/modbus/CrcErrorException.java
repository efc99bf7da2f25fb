package org.openamr.acquisition.modbus;

/** An RTU answer whose CRC does not match its bytes, after every attempt: noise, a bad line, two slaves at once. */
public final class CrcErrorException extends ModbusMasterException {

    private final int received;
    private final int computed;

    public CrcErrorException(String channel, int unit, String frameHex, int received, int computed, int attempts) {
        super(channel, unit, String.format("answer %s failed its CRC check (received %04X, computed %04X)%s",
                frameHex, received, computed, attempts > 1 ? " (" + attempts + " attempts)" : ""), null);
        this.received = received;
        this.computed = computed;
    }

    /** The CRC the frame carried, as a 16-bit number (low byte first on the wire). */
    public int received() {
        return received;
    }

    /** The CRC of the frame's bytes. */
    public int computed() {
        return computed;
    }

    @Override
    public String kind() {
        return "crc";
    }
}
