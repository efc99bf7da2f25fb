package org.openamr.simulator.modbus;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a serial line frames one byte, written as usual: {@code 8E1} is 8 data bits, even parity, 1
 * stop bit, the Modbus RTU default. RTU always sends 8 data bits; the specification asks for 2 stop
 * bits without parity (8N2), but many devices use 8N1, so both are accepted.
 *
 * @param parity {@code N}, {@code E} or {@code O}
 */
public record CharacterFormat(char parity, int stopBits) {

    public static final CharacterFormat MODBUS_DEFAULT = new CharacterFormat('E', 1);
    private static final Pattern TEXT = Pattern.compile("8([NEO])([12])");

    public CharacterFormat {
        if (parity != 'N' && parity != 'E' && parity != 'O') {
            throw new IllegalArgumentException("parity is N, E or O, got '" + parity + "'");
        }
        if (stopBits != 1 && stopBits != 2) {
            throw new IllegalArgumentException("a character has 1 or 2 stop bits, got " + stopBits);
        }
    }

    /** {@code 8E1}, {@code 8N2}, {@code 8O1} …; case does not matter. */
    public static CharacterFormat parse(String text) {
        Matcher m = TEXT.matcher(text.strip().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("a Modbus RTU character format is 8 data bits, parity N, E or O and 1 or"
                    + " 2 stop bits, written like 8E1 or 8N2; got '" + text + "'");
        }
        return new CharacterFormat(m.group(1).charAt(0), Integer.parseInt(m.group(2)));
    }

    /** Bits on the wire a byte: start bit, 8 data bits, parity bit if any, stop bits. */
    public int bitsPerCharacter() {
        return 1 + 8 + (parity == 'N' ? 0 : 1) + stopBits;
    }

    @Override
    public String toString() {
        return "8" + parity + stopBits;
    }
}
