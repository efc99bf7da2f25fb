package org.openamr.mbus.link;

import org.openamr.mbus.ChecksumException;
import org.openamr.mbus.DecodeException;
import org.openamr.mbus.FramingException;
import org.openamr.mbus.TruncatedException;

/**
 * Encodes frames to their wire bytes and decodes one complete frame from bytes: start, length,
 * checksum and stop characters are all checked. For frames inside a noisy byte stream use
 * {@link FrameAssembler}.
 */
public final class FrameCodec {

    /** Longest frame on the wire: 68 L L 68, 255 bytes counted by L, CS, 16. */
    public static final int MAX_FRAME_LENGTH = 255 + 6;

    private FrameCodec() {
    }

    public static byte[] encode(Frame frame) {
        // Java 17 has no pattern switch; the interface is sealed, so this chain is exhaustive.
        if (frame instanceof ShortFrame s) {
            return new byte[] {ShortFrame.START, (byte) s.control(), (byte) s.address(),
                    (byte) (s.control() + s.address()), LongFrame.STOP};
        }
        if (frame instanceof ControlFrame c) {
            return longFrame(c.control(), c.address(), c.ci(), new byte[0]);
        }
        if (frame instanceof LongFrame l) {
            return longFrame(l.control(), l.address(), l.ci(), l.data());
        }
        return new byte[] {(byte) AckFrame.CHARACTER};
    }

    private static byte[] longFrame(int control, int address, int ci, byte[] data) {
        int l = data.length + 3;
        byte[] out = new byte[l + 6];
        out[0] = LongFrame.START;
        out[1] = (byte) l;
        out[2] = (byte) l;
        out[3] = LongFrame.START;
        out[4] = (byte) control;
        out[5] = (byte) address;
        out[6] = (byte) ci;
        System.arraycopy(data, 0, out, 7, data.length);
        out[l + 4] = (byte) checksum(out, 4, l);
        out[l + 5] = LongFrame.STOP;
        return out;
    }

    /**
     * Decodes exactly one frame that fills the whole input.
     *
     * @throws TruncatedException when the input ends before the announced frame does
     * @throws FramingException   on bad start, length or stop characters or trailing bytes
     * @throws ChecksumException  when the checksum does not match
     */
    public static Frame decode(byte[] input) throws DecodeException {
        int length = frameLength(input, 0, input.length);
        if (length > input.length) {
            throw new TruncatedException("frame announces " + length + " bytes but the input has only "
                    + input.length, input.length);
        }
        if (length < input.length) {
            throw new FramingException((input.length - length) + " unexpected bytes after the end of the frame",
                    length);
        }
        return decodeComplete(input, 0);
    }

    /**
     * Length in bytes of the frame starting at {@code offset}, known from its first bytes.
     *
     * @throws TruncatedException when too few bytes are available to tell the length
     * @throws FramingException   when the bytes cannot start a frame
     */
    static int frameLength(byte[] b, int offset, int end) throws DecodeException {
        if (offset >= end) {
            throw new TruncatedException("no bytes: expected a frame start (E5, 10 or 68)", offset);
        }
        int start = b[offset] & 0xFF;
        switch (start) {
            case AckFrame.CHARACTER:
                return 1;
            case ShortFrame.START:
                return 5;
            case LongFrame.START:
                if (end - offset < 4) {
                    throw new TruncatedException("long frame header needs 4 bytes (68 L L 68), have "
                            + (end - offset), end);
                }
                int l1 = b[offset + 1] & 0xFF;
                int l2 = b[offset + 2] & 0xFF;
                if (l1 != l2) {
                    throw new FramingException("length bytes differ: %02X and %02X".formatted(l1, l2), offset + 2);
                }
                if ((b[offset + 3] & 0xFF) != LongFrame.START) {
                    throw new FramingException("second start character is %02X, expected 68"
                            .formatted(b[offset + 3] & 0xFF), offset + 3);
                }
                if (l1 < 3) {
                    throw new FramingException("length L=" + l1 + " is below 3 (C, A and CI)", offset + 1);
                }
                return l1 + 6;
            default:
                throw new FramingException("%02X is not a frame start (E5, 10 or 68)".formatted(start), offset);
        }
    }

    /** Decodes a frame whose bytes, as told by {@link #frameLength}, are all present. */
    static Frame decodeComplete(byte[] b, int offset) throws DecodeException {
        int start = b[offset] & 0xFF;
        if (start == AckFrame.CHARACTER) {
            return AckFrame.INSTANCE;
        }
        if (start == ShortFrame.START) {
            checkStop(b, offset + 4);
            checkChecksum(b, offset + 1, 2, offset + 3);
            return new ShortFrame(b[offset + 1] & 0xFF, b[offset + 2] & 0xFF);
        }
        int l = b[offset + 1] & 0xFF;
        checkStop(b, offset + l + 5);
        checkChecksum(b, offset + 4, l, offset + l + 4);
        int control = b[offset + 4] & 0xFF;
        int address = b[offset + 5] & 0xFF;
        int ci = b[offset + 6] & 0xFF;
        if (l == 3) {
            return new ControlFrame(control, address, ci);
        }
        byte[] data = new byte[l - 3];
        System.arraycopy(b, offset + 7, data, 0, data.length);
        return new LongFrame(control, address, ci, data);
    }

    private static void checkStop(byte[] b, int at) throws FramingException {
        if ((b[at] & 0xFF) != LongFrame.STOP) {
            throw new FramingException("stop character is %02X, expected 16".formatted(b[at] & 0xFF), at);
        }
    }

    private static void checkChecksum(byte[] b, int from, int count, int at) throws ChecksumException {
        int expected = checksum(b, from, count);
        int actual = b[at] & 0xFF;
        if (expected != actual) {
            throw new ChecksumException("checksum is %02X but the %d bytes it covers sum to %02X"
                    .formatted(actual, count, expected), at);
        }
    }

    /** Arithmetic sum of the bytes modulo 256, as EN 13757-2 defines the checksum. */
    public static int checksum(byte[] b, int from, int count) {
        int sum = 0;
        for (int i = from; i < from + count; i++) {
            sum += b[i];
        }
        return sum & 0xFF;
    }

    static void checkByte(String what, int value) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException(what + " must be a byte (0..255), got " + value);
        }
    }
}
