package org.openamr.serial;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serial line settings in the usual short form {@code 2400,8E1}: baud rate, data bits, parity
 * (N, E, O), stop bits. M-Bus uses 8E1.
 */
public record LineSettings(int baud, int dataBits, char parity, int stopBits) {

    private static final Pattern FORM = Pattern.compile("(\\d+)(?:,([5-8])([NEO])([12]))?");

    public LineSettings {
        if (baud < 50 || baud > 921600) {
            throw new IllegalArgumentException("baud rate " + baud + " is out of range");
        }
    }

    public static LineSettings mbus(int baud) {
        return new LineSettings(baud, 8, 'E', 1);
    }

    /** Parses {@code 2400} (8E1 implied) or {@code 9600,8N1}. */
    public static LineSettings parse(String text) {
        Matcher m = FORM.matcher(text.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("line settings are written like 2400 or 2400,8E1; got '" + text + "'");
        }
        int baud = Integer.parseInt(m.group(1));
        if (m.group(2) == null) {
            return mbus(baud);
        }
        return new LineSettings(baud, Integer.parseInt(m.group(2)), m.group(3).charAt(0), Integer.parseInt(m.group(4)));
    }

    /** The parity as jSerialComm's {@code SerialPort} constants name it, for whoever opens a port with these settings. */
    public int serialPortParity() {
        return switch (parity) {
            case 'E' -> com.fazecast.jSerialComm.SerialPort.EVEN_PARITY;
            case 'O' -> com.fazecast.jSerialComm.SerialPort.ODD_PARITY;
            default -> com.fazecast.jSerialComm.SerialPort.NO_PARITY;
        };
    }

    /** The stop bits as jSerialComm's {@code SerialPort} constants name them. */
    public int serialPortStopBits() {
        return stopBits == 2 ? com.fazecast.jSerialComm.SerialPort.TWO_STOP_BITS
                : com.fazecast.jSerialComm.SerialPort.ONE_STOP_BIT;
    }

    @Override
    public String toString() {
        return baud + "," + dataBits + parity + stopBits;
    }
}
