package org.openamr.mbus.link;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A long frame carrying application data after the CI field.
 *
 * <pre>68 L L 68 C A CI data… CS 16      L = 3 + data length (4–255 here), CS = sum of C…data mod 256</pre>
 *
 * The data array is copied on the way in and out: a frame is an immutable value.
 */
public record LongFrame(int control, int address, int ci, byte[] data) implements Frame {

    public static final int START = 0x68;
    public static final int STOP = 0x16;
    /** L counts C, A, CI and the data, and is one byte. */
    public static final int MAX_DATA_LENGTH = 255 - 3;

    public LongFrame {
        FrameCodec.checkByte("control", control);
        FrameCodec.checkByte("address", address);
        FrameCodec.checkByte("CI", ci);
        if (data.length == 0 || data.length > MAX_DATA_LENGTH) {
            throw new IllegalArgumentException(
                    "long frame data must be 1.." + MAX_DATA_LENGTH + " bytes, got " + data.length);
        }
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Length of the application data without copying it. */
    public int dataLength() {
        return data.length;
    }

    @Override
    public String kindName() {
        return "long";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LongFrame f && f.control == control && f.address == address && f.ci == ci
                && Arrays.equals(f.data, data);
    }

    @Override
    public int hashCode() {
        return ((control * 31 + address) * 31 + ci) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "LongFrame[control=%02X, address=%d, ci=%02X, data=%s]"
                .formatted(control, address, ci, HexFormat.of().withUpperCase().formatHex(data));
    }
}
