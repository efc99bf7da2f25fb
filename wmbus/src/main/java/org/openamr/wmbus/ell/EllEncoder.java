package org.openamr.wmbus.ell;

/**
 * Writes the extended link layer, the inverse of {@link EllCodec} for the form a meter without
 * session encryption sends (layouts in {@link ExtendedLinkLayer}):
 *
 * <pre>8C  CC ACC      (ELL I)</pre>
 */
public final class EllEncoder {

    private EllEncoder() {
    }

    /**
     * @param communicationControl the CC field (bidirectional 0x80, response delay 0x40, synchronised 0x20 …)
     */
    public static byte[] ellI(int communicationControl, int accessNumber) {
        if (communicationControl < 0 || communicationControl > 0xFF) {
            throw new IllegalArgumentException("the CC field is a byte, got " + communicationControl);
        }
        return new byte[] {(byte) ExtendedLinkLayer.ELL_I, (byte) communicationControl, (byte) accessNumber};
    }
}
