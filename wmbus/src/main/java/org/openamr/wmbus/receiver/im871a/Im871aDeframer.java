package org.openamr.wmbus.receiver.im871a;

import java.util.Arrays;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.openamr.wmbus.receiver.Deframer;
import org.openamr.wmbus.receiver.SkipReason;

/**
 * {@link HciFrame}s out of the bytes an iM871A sends. A frame must start with 0xA5, have the
 * reserved control bit clear and an endpoint 1–4; a frame that carries an FCS must match it.
 * Otherwise its start byte is dropped and the scan resumes at the next 0xA5.
 */
public final class Im871aDeframer extends Deframer<HciFrame> {

    public Im871aDeframer() {
        super(HciFrame.MAX_LENGTH);
    }

    @Override
    protected Step<HciFrame> scan(byte[] p, int length) {
        if ((p[0] & 0xFF) != HciFrame.START) {
            int start = indexOf(p, 1, length, HciFrame.START);
            return new Drop<>(start, SkipReason.GARBAGE, start + " byte(s) before a start byte A5");
        }
        if (length < 2) {
            return new NeedMore<>();
        }
        int cf = p[1] & 0xF0;
        int endpoint = p[1] & 0x0F;
        if ((cf & HciFrame.CF_RESERVED) != 0) {
            return new Drop<>(1, SkipReason.MALFORMED, "control field %X has its reserved bit set".formatted(cf >> 4));
        }
        if (endpoint < HciFrame.DEVICE_MANAGEMENT || endpoint > HciFrame.HARDWARE_TEST) {
            return new Drop<>(1, SkipReason.MALFORMED, "endpoint " + endpoint + " is not 1-4");
        }
        if (length < HciFrame.HEADER) {
            return new NeedMore<>();
        }
        boolean ts = (cf & HciFrame.CF_TIMESTAMP) != 0;
        boolean rssi = (cf & HciFrame.CF_RSSI) != 0;
        boolean fcs = (cf & HciFrame.CF_FCS) != 0;
        int payloadLength = p[3] & 0xFF;
        int total = HciFrame.HEADER + payloadLength + (ts ? 4 : 0) + (rssi ? 1 : 0) + (fcs ? 2 : 0);
        if (length < total) {
            return new NeedMore<>();
        }
        if (fcs && !Fcs16.intact(p, 1, total - 3)) {
            int got = (p[total - 2] & 0xFF) | (p[total - 1] & 0xFF) << 8;
            return new Drop<>(1, SkipReason.CHECKSUM, "FCS %04X of a %d-byte frame does not match %04X".formatted(got,
                    total, Fcs16.of(p, 1, total - 3)));
        }
        int pos = HciFrame.HEADER + payloadLength;
        OptionalLong timestamp = OptionalLong.empty();
        if (ts) {
            long t = 0;
            for (int i = 0; i < 4; i++) {
                t |= (long) (p[pos + i] & 0xFF) << (8 * i);
            }
            timestamp = OptionalLong.of(t);
            pos += 4;
        }
        OptionalInt r = rssi ? OptionalInt.of(p[pos] & 0xFF) : OptionalInt.empty();
        return new Take<>(total, new HciFrame(endpoint, p[2] & 0xFF, Arrays.copyOfRange(p, HciFrame.HEADER,
                HciFrame.HEADER + payloadLength), timestamp, r, fcs));
    }
}
