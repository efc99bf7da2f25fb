package org.openamr.simulator.bus;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * What the slaves put on the bus after one master frame.
 *
 * @param bytes the bytes the master receives
 * @param kind  how they came about; a serving layer only needs {@link Kind#LATE} (to delay them)
 * @param baud  the rate the slave sends at (a slave answers a baud switch still at the old rate)
 */
public record Reply(byte[] bytes, Kind kind, int baud) {

    public enum Kind {
        /** The answer as the slave meant it. */
        NORMAL,
        /** Two or more slaves answered at once; the bytes are garbage that never forms a valid frame. */
        COLLISION,
        /** One bit of one byte flipped on the way. */
        CORRUPTED,
        /** A correct answer that starts after the response window. */
        LATE
    }

    public Reply {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    public boolean late() {
        return kind == Kind.LATE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Reply r && Arrays.equals(r.bytes, bytes) && r.kind == kind && r.baud == baud;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes) * 31 + kind.hashCode();
    }

    @Override
    public String toString() {
        return "Reply[" + kind + ", " + baud + " Bd, " + HexFormat.of().withUpperCase().formatHex(bytes) + "]";
    }
}
