package org.openamr.cli.decode;

import java.util.HexFormat;
import java.util.Locale;

/**
 * One telegram as a user gives it: hex digits (spaces allowed) and optionally a key, as in a line
 * of a batch file: {@code HEX [KEY]}.
 */
record TelegramInput(byte[] bytes, byte[] key) {

    /** Thrown for input that is not hex: names the character position. */
    static final class BadHexException extends Exception {
        private final int position;

        BadHexException(String message, int position) {
            super(message);
            this.position = position;
        }

        int position() {
            return position;
        }
    }

    /** A batch line: telegram hex, then an optional key after whitespace. */
    static TelegramInput parseLine(String line) throws BadHexException {
        String[] parts = line.trim().split("\\s+");
        if (parts.length > 2) {
            throw new BadHexException("expected 'HEX' or 'HEX KEY', found " + parts.length + " words", 0);
        }
        return new TelegramInput(hex(parts[0], "telegram"), parts.length == 2 ? key(parts[1]) : null);
    }

    /** Hex digits with any whitespace between them, and the key given with {@code --key} (or null). */
    static TelegramInput parseHex(String text, String key) throws BadHexException {
        return new TelegramInput(hex(text.replaceAll("\\s+", ""), "telegram"), key == null ? null : key(key));
    }

    private static byte[] key(String text) throws BadHexException {
        byte[] key;
        try {
            key = hex(text, "key");
        } catch (BadHexException e) {
            // The key's own characters stay out of the message: only where it is wrong.
            throw new BadHexException("the key is not 32 hex digits (character " + e.position() + ")", 0);
        }
        if (key.length != 16) {
            throw new BadHexException("a key is 32 hex digits (AES-128), got " + text.length(), 0);
        }
        return key;
    }

    private static byte[] hex(String s, String what) throws BadHexException {
        String t = s.startsWith("0x") || s.startsWith("0X") ? s.substring(2) : s;
        if (t.isEmpty()) {
            throw new BadHexException("no " + what + " given", 0);
        }
        for (int i = 0; i < t.length(); i++) {
            if (Character.digit(t.charAt(i), 16) < 0) {
                throw new BadHexException("'" + t.charAt(i) + "' at character " + i + " of the " + what
                        + " is not a hex digit", i);
            }
        }
        if (t.length() % 2 != 0) {
            throw new BadHexException("the " + what + " has an odd number of hex digits (" + t.length() + ")",
                    t.length());
        }
        return HexFormat.of().parseHex(t.toLowerCase(Locale.ROOT));
    }
}
