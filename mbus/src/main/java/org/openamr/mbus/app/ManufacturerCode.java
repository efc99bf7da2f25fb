package org.openamr.mbus.app;

/**
 * The manufacturer field: three letters A–Z packed into 15 bits as in EN 62056-21 / FLAG
 * (each letter minus 64 in five bits), sent little-endian. DFS (Danfoss) is 0x10D3.
 */
public final class ManufacturerCode {

    private ManufacturerCode() {
    }

    /** Three letters for the 16-bit field; letters out of A–Z show as '?' rather than failing. */
    public static String decode(int field) {
        char[] c = new char[3];
        for (int i = 0; i < 3; i++) {
            int v = (field >> (10 - 5 * i)) & 0x1F;
            c[i] = v >= 1 && v <= 26 ? (char) ('@' + v) : '?';
        }
        return new String(c);
    }

    /** The 16-bit field for three letters A–Z. */
    public static int encode(String letters) {
        if (letters.length() != 3 || !letters.chars().allMatch(ch -> ch >= 'A' && ch <= 'Z')) {
            throw new IllegalArgumentException("a manufacturer code is three letters A-Z, got '" + letters + "'");
        }
        return (letters.charAt(0) - 64) << 10 | (letters.charAt(1) - 64) << 5 | (letters.charAt(2) - 64);
    }
}
