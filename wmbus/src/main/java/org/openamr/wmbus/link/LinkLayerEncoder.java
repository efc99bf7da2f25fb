package org.openamr.wmbus.link;

import java.io.ByteArrayOutputStream;
import org.openamr.mbus.app.SecondaryAddress;
import org.openamr.wmbus.MeterAddress;

/**
 * Writes the data link layer, the inverse of {@link LinkLayerCodec} and {@link DataLinkHeader}:
 * block 1 in front of the upper layers, then the block CRCs of a frame format (layouts in
 * {@link LinkLayerCodec}):
 *
 * <pre>
 * without CRCs:  L C M0 M1 id0 id1 id2 id3 version type  CI …        L = bytes after L
 * format A:      block 1 (10) CRC, then 16 bytes CRC each, the last block shorter; L as without CRCs
 * format B:      bytes 0–125 CRC, the rest CRC (only when there is a rest); L counts the CRCs too
 * </pre>
 */
public final class LinkLayerEncoder {

    /** L is one byte. */
    private static final int MAX_L = 0xFF;

    private LinkLayerEncoder() {
    }

    /** The M and A fields of {@code sender}: {@code M0 M1 id0 id1 id2 id3 version type}, the id in BCD, LSB first. */
    public static byte[] field(MeterAddress sender) {
        byte[] wired = new SecondaryAddress(sender.id(), sender.manufacturer(), sender.version(), sender.deviceType())
                .encode();
        return new byte[] {wired[4], wired[5], wired[0], wired[1], wired[2], wired[3], wired[6], wired[7]};
    }

    /**
     * {@code L C M A} followed by {@code layers} (from the first CI field on), without CRCs.
     *
     * @throws IllegalArgumentException when the frame exceeds the 255 bytes an L-field counts
     */
    public static byte[] frame(int control, MeterAddress sender, byte[]... layers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(control);
        out.writeBytes(field(sender));
        for (byte[] layer : layers) {
            out.writeBytes(layer);
        }
        byte[] f = out.toByteArray();
        if (f.length - 1 > MAX_L) {
            throw new IllegalArgumentException("a wireless telegram has at most " + MAX_L + " bytes after its L-field; "
                    + "this one has " + (f.length - 1));
        }
        f[0] = (byte) (f.length - 1);
        return f;
    }

    /** The frame (without CRCs, as {@link #frame} gives it) as sent in {@code format}. */
    public static byte[] withCrcs(byte[] frame, FrameFormat format) {
        if (frame.length <= LinkFrame.BLOCK1 || (frame[0] & 0xFF) != frame.length - 1) {
            throw new IllegalArgumentException("not a frame without CRCs: L-field " + (frame[0] & 0xFF) + ", "
                    + frame.length + " bytes");
        }
        return switch (format) {
            case NO_CRC -> frame.clone();
            case A -> formatA(frame);
            case B -> formatB(frame);
        };
    }

    private static byte[] formatA(byte[] frame) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        block(out, frame, 0, LinkFrame.BLOCK1);
        for (int p = LinkFrame.BLOCK1; p < frame.length; p += LinkFrame.BLOCK_A) {
            block(out, frame, p, Math.min(LinkFrame.BLOCK_A, frame.length - p));
        }
        return out.toByteArray();
    }

    private static byte[] formatB(byte[] frame) {
        int first = Math.min(frame.length, LinkFrame.FORMAT_B_FIRST_CRC);
        int crcs = frame.length > first ? 2 : 1;
        int l = frame.length - 1 + 2 * crcs;
        if (l > MAX_L) {
            throw new IllegalArgumentException("format B counts its CRCs in the L-field: " + l + " is more than "
                    + MAX_L);
        }
        byte[] data = frame.clone();
        data[0] = (byte) l;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        block(out, data, 0, first);
        if (crcs == 2) {
            block(out, data, first, data.length - first);
        }
        return out.toByteArray();
    }

    /** The block and its CRC, most significant byte first. */
    private static void block(ByteArrayOutputStream out, byte[] b, int off, int len) {
        out.write(b, off, len);
        int crc = Crc16.compute(b, off, len);
        out.write(crc >> 8);
        out.write(crc);
    }
}
