package org.openamr.acquisition.modbus;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openamr.serial.LineSettings;

/** Reads the text of a {@link ModbusAddress}; every refusal names the address and what was expected. */
final class AddressText {

    private AddressText() {
    }

    /**
     * @throws IllegalArgumentException saying what is wrong and what was expected
     */
    static ModbusAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Modbus address is empty: expected tcp://host[:port], rtu+tcp://host:port"
                    + " or rtu:PORT?baud=9600&format=8E1");
        }
        String t = text.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.startsWith("tcp://")) {
            HostPort hp = hostPort(t, t.substring("tcp://".length()), true);
            return new ModbusAddress.Tcp(ModbusAddress.Framing.MBAP, hp.host, hp.port);
        }
        if (lower.startsWith("rtu+tcp://")) {
            HostPort hp = hostPort(t, t.substring("rtu+tcp://".length()), false);
            return new ModbusAddress.Tcp(ModbusAddress.Framing.RTU, hp.host, hp.port);
        }
        if (lower.startsWith("rtu:")) {
            return rtu(t, t.substring("rtu:".length()));
        }
        throw new IllegalArgumentException("Modbus address '" + t + "' starts with neither tcp://, rtu+tcp:// nor rtu:"
                + " (a serial port is written rtu:/dev/ttyUSB0?baud=9600 or rtu:COM3)");
    }

    private static ModbusAddress.Serial rtu(String whole, String rest) {
        int q = rest.indexOf('?');
        String port = (q < 0 ? rest : rest.substring(0, q)).strip();
        if (port.isEmpty()) {
            throw new IllegalArgumentException("Modbus address '" + whole + "' names no serial port: expected e.g."
                    + " rtu:/dev/ttyUSB0?baud=9600 or rtu:COM3");
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (q >= 0) {
            for (String pair : rest.substring(q + 1).split("&", -1)) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                if (eq < 0 || !(key.equals("baud") || key.equals("format"))) {
                    throw new IllegalArgumentException("Modbus address '" + whole + "': '" + pair
                            + "' is not baud=N or format=8E1|8O1|8N2|8N1");
                }
                if (params.put(key, pair.substring(eq + 1)) != null) {
                    throw new IllegalArgumentException("Modbus address '" + whole + "' gives " + key + " twice");
                }
            }
        }
        String baudText = params.getOrDefault("baud", Integer.toString(ModbusAddress.DEFAULT_BAUD));
        if (!baudText.matches("\\d{1,7}")) {
            throw new IllegalArgumentException("Modbus address '" + whole + "': baud '" + baudText + "' is not a number");
        }
        int baud = Integer.parseInt(baudText);
        if (baud < ModbusAddress.MIN_BAUD || baud > ModbusAddress.MAX_BAUD) {
            throw new IllegalArgumentException("Modbus address '" + whole + "': baud " + baud + " is outside "
                    + ModbusAddress.MIN_BAUD + "–" + ModbusAddress.MAX_BAUD);
        }
        String format = params.getOrDefault("format", ModbusAddress.DEFAULT_FORMAT).toUpperCase(Locale.ROOT);
        if (!ModbusAddress.FORMATS.contains(format)) {
            throw new IllegalArgumentException("Modbus address '" + whole + "': format '" + params.get("format")
                    + "' is not 8E1, 8O1, 8N2 or 8N1");
        }
        return new ModbusAddress.Serial(port, LineSettings.parse(baud + "," + format));
    }

    private record HostPort(String host, int port) {
    }

    private static HostPort hostPort(String whole, String rest, boolean portOptional) {
        String expected = portOptional ? "tcp://host[:port]" : "rtu+tcp://host:port";
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        String host;
        String port;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("Modbus address '" + whole + "': IPv6 host without its closing ]");
            }
            host = rest.substring(1, close);
            String after = rest.substring(close + 1);
            if (!after.isEmpty() && !after.startsWith(":")) {
                throw new IllegalArgumentException("Modbus address '" + whole + "': expected " + expected);
            }
            port = after.isEmpty() ? null : after.substring(1);
        } else {
            int colon = rest.indexOf(':');
            host = colon < 0 ? rest : rest.substring(0, colon);
            port = colon < 0 ? null : rest.substring(colon + 1);
        }
        if (host.isEmpty() || host.contains("/") || host.contains("?") || host.contains(" ")) {
            throw new IllegalArgumentException("Modbus address '" + whole + "' has no valid host: expected " + expected);
        }
        host = host.toLowerCase(Locale.ROOT);
        if (port == null) {
            if (!portOptional) {
                throw new IllegalArgumentException("Modbus address '" + whole + "' has no port: expected " + expected
                        + " (the device server's TCP port)");
            }
            return new HostPort(host, ModbusAddress.DEFAULT_TCP_PORT);
        }
        if (!port.matches("\\d{1,5}") || Integer.parseInt(port) == 0 || Integer.parseInt(port) > 65535) {
            throw new IllegalArgumentException("Modbus address '" + whole + "': port '" + port + "' is not 1–65535");
        }
        return new HostPort(host, Integer.parseInt(port));
    }

}
