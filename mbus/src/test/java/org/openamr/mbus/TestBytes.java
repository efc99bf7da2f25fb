package org.openamr.mbus;

import java.util.HexFormat;

/** Hex helpers for tests: spaces allowed, upper or lower case. */
public final class TestBytes {

    private TestBytes() {
    }

    public static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replaceAll("\\s+", "").toLowerCase());
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    /** A long frame around C, A, CI and data given as hex, with correct L, checksum and stop. */
    public static byte[] longFrame(int c, int a, int ci, String data) {
        byte[] d = hex(data);
        byte[] out = new byte[d.length + 9];
        int l = d.length + 3;
        out[0] = 0x68;
        out[1] = (byte) l;
        out[2] = (byte) l;
        out[3] = 0x68;
        out[4] = (byte) c;
        out[5] = (byte) a;
        out[6] = (byte) ci;
        System.arraycopy(d, 0, out, 7, d.length);
        int sum = 0;
        for (int i = 4; i < 4 + l; i++) {
            sum += out[i];
        }
        out[4 + l] = (byte) sum;
        out[5 + l] = 0x16;
        return out;
    }
}
