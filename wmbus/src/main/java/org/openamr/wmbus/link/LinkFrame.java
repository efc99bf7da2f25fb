package org.openamr.wmbus.link;

import java.util.Arrays;

/**
 * A wireless telegram after the link layer: its bytes from the L-field on without block CRCs, how
 * the CRCs were carried, and any bytes the input had after the frame (receivers append RSSI or
 * status bytes).
 *
 * @param frame   L C M M A A A A A A CI … without CRCs; {@code frame.length} data bytes count, the
 *                L-field keeps the value that was received
 * @param trailer input bytes after the frame's end, not part of the telegram
 */
public record LinkFrame(FrameFormat format, byte[] frame, byte[] trailer) {

    /** Bytes of block 1 (L, C, M, A): the part before the CI field. */
    public static final int BLOCK1 = 10;
    /** Data bytes of block 1 and block 2 of format B, before its first CRC. */
    static final int FORMAT_B_FIRST_CRC = 126;
    static final int BLOCK_A = 16;

    public LinkFrame {
        frame = frame.clone();
        trailer = trailer.clone();
    }

    @Override
    public byte[] frame() {
        return frame.clone();
    }

    @Override
    public byte[] trailer() {
        return trailer.clone();
    }

    /** The frame bytes without copying, for the decoder in this module's packages; never modified. */
    public byte[] bytesUnsafe() {
        return frame;
    }

    /** Where byte {@code offset} of {@link #frame()} stood in the input, which had the CRCs in it. */
    public int inputOffset(int offset) {
        return switch (format) {
            case NO_CRC -> offset;
            case A -> offset < BLOCK1 ? offset
                    : BLOCK1 + 2 + (offset - BLOCK1) / BLOCK_A * (BLOCK_A + 2) + (offset - BLOCK1) % BLOCK_A;
            case B -> offset < FORMAT_B_FIRST_CRC ? offset : offset + 2;
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinkFrame l && l.format == format && Arrays.equals(l.frame, frame)
                && Arrays.equals(l.trailer, trailer);
    }

    @Override
    public int hashCode() {
        return format.hashCode() * 31 + Arrays.hashCode(frame);
    }

    @Override
    public String toString() {
        return "LinkFrame[" + format + ", " + frame.length + " bytes, trailer " + trailer.length + " bytes]";
    }
}
