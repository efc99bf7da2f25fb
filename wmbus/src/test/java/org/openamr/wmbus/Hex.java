package org.openamr.wmbus;

import java.util.HexFormat;

/** Hex helpers for tests: spaces allowed, upper or lower case. */
public final class Hex {

    private Hex() {
    }

    public static byte[] bytes(String text) {
        return HexFormat.of().parseHex(text.replaceAll("\\s+", "").toLowerCase());
    }

    public static String text(byte[] bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
