package org.openamr.wmbus.link;

/**
 * The CRC of EN 13757-4 (also used for the ELL payload CRC and the compact-frame signatures):
 * polynomial x^16 + x^13 + x^12 + x^11 + x^10 + x^8 + x^6 + x^5 + x^2 + 1 (0x3D65), initial value 0,
 * no reflection, result complemented. The check value for the ASCII bytes "123456789" is 0xC2B7.
 */
public final class Crc16 {

    private static final int POLYNOMIAL = 0x3D65;
    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int c = i << 8;
            for (int bit = 0; bit < 8; bit++) {
                c = (c & 0x8000) != 0 ? (c << 1) ^ POLYNOMIAL : c << 1;
            }
            TABLE[i] = c & 0xFFFF;
        }
    }

    private Crc16() {
    }

    public static int compute(byte[] b, int off, int len) {
        int crc = 0;
        for (int i = off; i < off + len; i++) {
            crc = ((crc << 8) ^ TABLE[((crc >> 8) ^ b[i]) & 0xFF]) & 0xFFFF;
        }
        return crc ^ 0xFFFF;
    }

    /** True when the two bytes at {@code crcOffset} (most significant first, as the link layer sends them) match. */
    static boolean matchesBigEndian(byte[] b, int off, int len, int crcOffset) {
        return compute(b, off, len) == (((b[crcOffset] & 0xFF) << 8) | (b[crcOffset + 1] & 0xFF));
    }
}
