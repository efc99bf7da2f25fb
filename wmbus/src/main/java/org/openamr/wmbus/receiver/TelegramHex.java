package org.openamr.wmbus.receiver;

import java.util.HexFormat;
import java.util.Locale;

/** Telegram hex in the receivers' text formats: pairs of hex digits, either case. */
public final class TelegramHex {

    private static final HexFormat UPPER = HexFormat.of().withUpperCase();

    private TelegramHex() {
    }

    /** @param what names the field in the message, e.g. "the telegram" */
    public static byte[] parse(String text, String what) throws LineFormatException {
        if (text.isEmpty()) {
            throw new LineFormatException(what + " is empty");
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                throw new LineFormatException(what + ": '" + text.charAt(i) + "' at character " + i
                        + " is not a hex digit");
            }
        }
        if (text.length() % 2 != 0) {
            throw new LineFormatException(what + " has an odd number of hex digits (" + text.length() + ")");
        }
        return HexFormat.of().parseHex(text.toLowerCase(Locale.ROOT));
    }

    public static String upper(byte[] bytes) {
        return UPPER.formatHex(bytes);
    }
}
