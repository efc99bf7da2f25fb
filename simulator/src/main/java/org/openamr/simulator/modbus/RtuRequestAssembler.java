package org.openamr.simulator.modbus;

import java.util.Optional;

/**
 * Cuts what a master sends on a serial line into RTU request frames, as a slave's receiver does. A
 * frame ends when it has the length its function code gives ({@link #requestLength}), or, for a
 * function whose length the slaves do not know, when the line falls silent for 3.5 characters
 * ({@link #silence()}, called by whoever keeps the time). A frame whose CRC is wrong is dropped with
 * everything after it until the next silence, since the receiver no longer knows where frames
 * start; so is a run of bytes longer than any frame. Not thread-safe.
 */
final class RtuRequestAssembler {

    /** What became of one frame's bytes. */
    sealed interface Outcome {

        /** A frame with a right CRC. */
        record Received(RtuFrame frame) implements Outcome {
        }

        /** Bytes thrown away: a wrong CRC, a fragment ended by silence, or an overrun. */
        record Dropped(int bytes) implements Outcome {
        }
    }

    private final byte[] buffer = new byte[RtuFrame.MAX_LENGTH];
    private int count;
    /** After a bad frame: everything until the next silence is dropped. */
    private boolean discarding;

    void feed(byte[] bytes, int offset, int length) {
        if (discarding) {
            return;
        }
        int room = buffer.length - count;
        System.arraycopy(bytes, offset, buffer, count, Math.min(room, length));
        count += Math.min(room, length);
        if (length > room) {
            discarding = true; // longer than any frame: an overrun, resolved by the next silence
        }
    }

    /** The next frame its length completes, if any. */
    Optional<Outcome> next() {
        if (discarding || count < 2) {
            return Optional.empty();
        }
        int length = requestLength(buffer, count);
        if (length <= 0 || count < length) {
            return Optional.empty();
        }
        Optional<RtuFrame> frame = RtuFrame.decode(buffer, length);
        if (frame.isEmpty()) {
            int dropped = count;
            count = 0;
            discarding = true;
            return Optional.of(new Outcome.Dropped(dropped));
        }
        System.arraycopy(buffer, length, buffer, 0, count - length);
        count -= length;
        return Optional.of(new Outcome.Received(frame.get()));
    }

    /** The line has been silent 3.5 characters: what is pending is a frame, or is dropped. */
    Optional<Outcome> silence() {
        if (discarding) {
            discarding = false;
            int dropped = count;
            count = 0;
            return dropped == 0 ? Optional.empty() : Optional.of(new Outcome.Dropped(dropped));
        }
        if (count == 0) {
            return Optional.empty();
        }
        Optional<RtuFrame> frame = RtuFrame.decode(buffer, count);
        int taken = count;
        count = 0;
        return Optional.of(frame.<Outcome>map(Outcome.Received::new).orElse(new Outcome.Dropped(taken)));
    }

    /** Bytes received that are not yet a frame (or are being dropped). */
    int pendingBytes() {
        return count;
    }

    boolean discarding() {
        return discarding;
    }

    /**
     * The length of the request frame that starts {@code frame[0..count)}, unit id and CRC included:
     * positive when known, 0 when more bytes are needed to know it (a byte count comes later), -1 for a
     * function whose length only silence tells (the slaves answer those with exception 01 anyway).
     * Lengths are those of the request layouts of the Modbus application protocol.
     */
    static int requestLength(byte[] frame, int count) {
        int function = frame[1] & 0xFF;
        switch (function) {
            case 0x01: case 0x02: case 0x03: case 0x04: case 0x05: case 0x06: case 0x08:
                return 8; // unit, function, two 16-bit fields, CRC
            case 0x07: case 0x0B: case 0x0C: case 0x11:
                return 4; // unit, function, CRC
            case 0x18:
                return 6; // FIFO pointer address
            case 0x16:
                return 10; // mask write: address, AND mask, OR mask
            case 0x0F: case 0x10:
                return count > 6 ? 9 + (frame[6] & 0xFF) : 0; // address, quantity, byte count, data
            case 0x14: case 0x15:
                return count > 2 ? 5 + (frame[2] & 0xFF) : 0; // byte count, sub-requests
            case 0x17:
                return count > 10 ? 13 + (frame[10] & 0xFF) : 0; // read and write ranges, byte count, data
            default:
                return -1;
        }
    }
}
