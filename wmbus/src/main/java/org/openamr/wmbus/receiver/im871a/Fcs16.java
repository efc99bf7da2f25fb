package org.openamr.wmbus.receiver.im871a;

/**
 * The 16-bit frame check sequence of the iM871A's HCI frames: the CRC-CCITT as RFC 1662 (PPP)
 * specifies it — reflected polynomial 0x8408, start value 0xFFFF, the complement sent least
 * significant byte first — computed from the control field to the last byte before it. A frame is
 * intact when the same CRC over its bytes and the FCS gives the constant 0xF0B8 (which drivers of
 * the iM871A check, some in its complemented form 0x0F47).
 */
public final class Fcs16 {

    static final int GOOD = 0xF0B8;
    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int c = i;
            for (int bit = 0; bit < 8; bit++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ 0x8408 : c >>> 1;
            }
            TABLE[i] = c;
        }
    }

    private Fcs16() {
    }

    /** The running CRC over the bytes (start 0xFFFF), not complemented. */
    static int crc(byte[] b, int off, int len) {
        int crc = 0xFFFF;
        for (int i = off; i < off + len; i++) {
            crc = (crc >>> 8) ^ TABLE[(crc ^ b[i]) & 0xFF];
        }
        return crc;
    }

    /** The FCS to send after these bytes. */
    public static int of(byte[] b, int off, int len) {
        return crc(b, off, len) ^ 0xFFFF;
    }

    /** True when {@code len} bytes followed by their two FCS bytes are intact. */
    static boolean intact(byte[] b, int off, int len) {
        return crc(b, off, len + 2) == GOOD;
    }
}
