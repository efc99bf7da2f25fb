package org.openamr.wmbus.receiver.amber;

import java.util.Arrays;
import java.util.OptionalInt;
import org.openamr.wmbus.receiver.Deframer;
import org.openamr.wmbus.receiver.SkipReason;

/**
 * {@link AmberFrame}s out of the bytes an Amber module sends in command mode. Whether a received
 * telegram (CMD_DATA_IND) carries an RSSI byte before its checksum is a setting of the module
 * (RSSI_Enable), not visible in the frame: the receiver reads it and tells the deframer. A frame
 * whose checksum does not match loses its start byte and the scan resumes at the next 0xFF.
 */
public final class AmberDeframer extends Deframer<AmberFrame> {

    private volatile boolean rssiAppended;

    public AmberDeframer(boolean rssiAppended) {
        super(AmberFrame.MAX_LENGTH);
        this.rssiAppended = rssiAppended;
    }

    /** Whether the module appends an RSSI byte to received telegrams, from its RSSI_Enable parameter. */
    public void rssiAppended(boolean appended) {
        rssiAppended = appended;
    }

    @Override
    protected Step<AmberFrame> scan(byte[] p, int length) {
        if ((p[0] & 0xFF) != AmberFrame.START) {
            int start = indexOf(p, 1, length, AmberFrame.START);
            return new Drop<>(start, SkipReason.GARBAGE, start + " byte(s) before a start byte FF");
        }
        if (length < AmberFrame.HEADER) {
            return new NeedMore<>();
        }
        int command = p[1] & 0xFF;
        int payloadLength = p[2] & 0xFF;
        boolean rssi = rssiAppended && AmberMessage.isDataIndication(command);
        int total = AmberFrame.HEADER + payloadLength + (rssi ? 1 : 0) + 1;
        if (length < total) {
            return new NeedMore<>();
        }
        int expected = AmberFrame.checksum(p, total - 1);
        if ((p[total - 1] & 0xFF) != expected) {
            return new Drop<>(1, SkipReason.CHECKSUM, "checksum %02X of a %d-byte frame (command %02X) does not match %02X"
                    .formatted(p[total - 1] & 0xFF, total, command, expected));
        }
        return new Take<>(total, new AmberFrame(command, Arrays.copyOfRange(p, AmberFrame.HEADER,
                AmberFrame.HEADER + payloadLength), rssi ? OptionalInt.of(p[total - 2] & 0xFF) : OptionalInt.empty()));
    }
}
