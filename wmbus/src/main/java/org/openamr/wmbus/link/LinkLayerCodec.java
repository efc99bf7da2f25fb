package org.openamr.wmbus.link;

import java.util.Arrays;
import org.openamr.mbus.TruncatedException;
import org.openamr.wmbus.CrcException;

/**
 * Finds the frame in the input and removes its block CRCs. The input starts at the L-field; it may
 * still carry its CRCs in format A or B, or a receiver may have removed them. The layouts, with L
 * the value of the first byte:
 *
 * <pre>
 * format A:  [L C M M A A A A A A] CRC  [16 bytes] CRC  [16 bytes] CRC … [rest] CRC     L counts data bytes only
 * format B:  [L C M M A A A A A A CI … up to byte 125] CRC  [bytes 128 … L-2] CRC         L counts the CRCs too
 * no CRC:    [L C M M A A A A A A CI …]  (L+1 bytes)
 * </pre>
 *
 * Every CRC is {@link Crc16} over its block, most significant byte first (format B's first CRC
 * covers blocks 1 and 2 together). The layouts are tried in that order: format A when the input
 * has at least its length and the first block's CRC matches (a later bad CRC then means damage),
 * format B when its CRCs match, otherwise no CRCs. Bytes after the frame are kept as its trailer.
 */
public final class LinkLayerCodec {

    /** L, C, M, A and at least the CI field. */
    private static final int MIN_FRAME = LinkFrame.BLOCK1 + 1;

    private LinkLayerCodec() {
    }

    public static LinkFrame decode(byte[] in) throws TruncatedException, CrcException {
        if (in.length < MIN_FRAME) {
            throw new TruncatedException("a wireless telegram has at least 11 bytes (L, C, M, A, CI); got "
                    + in.length, in.length);
        }
        int l = in[0] & 0xFF;
        if (l < MIN_FRAME - 1) {
            throw new TruncatedException("L-field " + l + " leaves no room for C, M, A and CI (at least 10)", 0);
        }
        LinkFrame a = formatA(in, l);
        if (a != null) {
            return a;
        }
        LinkFrame b = formatB(in, l);
        if (b != null) {
            return b;
        }
        if (in.length < l + 1) {
            throw new TruncatedException("L-field announces " + (l + 1) + " bytes, the input has " + in.length,
                    in.length);
        }
        return new LinkFrame(FrameFormat.NO_CRC, Arrays.copyOf(in, l + 1), Arrays.copyOfRange(in, l + 1, in.length));
    }

    /** Length of a format-A frame with CRCs for this L-field. */
    static int formatALength(int l) {
        int rest = l + 1 - LinkFrame.BLOCK1;
        int blocks = 1 + (rest + LinkFrame.BLOCK_A - 1) / LinkFrame.BLOCK_A;
        return l + 1 + 2 * blocks;
    }

    private static LinkFrame formatA(byte[] in, int l) throws CrcException {
        int total = formatALength(l);
        if (in.length < total || !Crc16.matchesBigEndian(in, 0, LinkFrame.BLOCK1, LinkFrame.BLOCK1)) {
            return null;
        }
        byte[] frame = new byte[l + 1];
        System.arraycopy(in, 0, frame, 0, LinkFrame.BLOCK1);
        int src = LinkFrame.BLOCK1 + 2;
        int dst = LinkFrame.BLOCK1;
        while (dst < frame.length) {
            int n = Math.min(LinkFrame.BLOCK_A, frame.length - dst);
            if (!Crc16.matchesBigEndian(in, src, n, src + n)) {
                throw new CrcException("format A: CRC of the block at byte " + src + " (" + n + " bytes) does not match",
                        src + n);
            }
            System.arraycopy(in, src, frame, dst, n);
            src += n + 2;
            dst += n;
        }
        return new LinkFrame(FrameFormat.A, frame, Arrays.copyOfRange(in, total, in.length));
    }

    private static LinkFrame formatB(byte[] in, int l) throws CrcException {
        int total = l + 1;
        if (in.length < total || l < MIN_FRAME + 1) {
            return null;
        }
        int first = Math.min(total - 2, LinkFrame.FORMAT_B_FIRST_CRC);
        if (!Crc16.matchesBigEndian(in, 0, first, first)) {
            return null;
        }
        if (total <= LinkFrame.FORMAT_B_FIRST_CRC + 2) {
            return new LinkFrame(FrameFormat.B, Arrays.copyOf(in, first), Arrays.copyOfRange(in, total, in.length));
        }
        int block3 = LinkFrame.FORMAT_B_FIRST_CRC + 2;
        int n = total - 2 - block3;
        if (n <= 0) {
            return null;
        }
        if (!Crc16.matchesBigEndian(in, block3, n, block3 + n)) {
            throw new CrcException("format B: CRC of block 3 (" + n + " bytes from byte " + block3 + ") does not match",
                    block3 + n);
        }
        byte[] frame = new byte[first + n];
        System.arraycopy(in, 0, frame, 0, first);
        System.arraycopy(in, block3, frame, first, n);
        return new LinkFrame(FrameFormat.B, frame, Arrays.copyOfRange(in, total, in.length));
    }
}
