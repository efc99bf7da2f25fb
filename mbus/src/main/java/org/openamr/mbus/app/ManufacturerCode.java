package org.openamr.mbus.app;

/**
 * The manufacturer field: three letters A–Z packed into 15 bits as in EN 62056-21 / FLAG
 * (each letter minus 64 in five bits), sent little-endian. DFS (Danfoss) is 0x10D3.
 */
public final class ManufacturerCode {

    private ManufacturerCode() {
    }

    /**
     * Three characters for the 16-bit field. Values outside A–Z are shown as the characters at the
     * same place of the code (0 is '@'), as other tools show them, so that a damaged or unassigned
     * field is visible rather than hidden.
     */
    public static String decode(int field) {
        char[] c = new char[3];
        for (int i = 0; i < 3; i++) {
            c[i] = (char) ('@' + ((field >> (10 - 5 * i)) & 0x1F));
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
