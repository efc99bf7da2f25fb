package org.openamr.gateway.serve;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.openamr.serial.LineSettings;

/**
 * Where the RTU slave answers: {@code rtu:/dev/ttyS0?baud=9600&line=8E1&unit=1}. Defaults: 9600 baud,
 * 8E1 (the line format of the Modbus serial specification), unit id 1.
 */
public record RtuPort(String device, LineSettings line, int unitId) {

    public RtuPort {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(line, "line");
        if (unitId < 1 || unitId > 247) {
            throw new IllegalArgumentException("RTU unit id " + unitId + " is outside 1..247");
        }
    }

    /** @throws IllegalArgumentException naming the part that is wrong */
    public static RtuPort parse(String text) {
        String t = text.trim();
        if (!t.startsWith("rtu:") || t.length() == 4 || t.charAt(4) == '?') {
            throw new IllegalArgumentException("'" + text + "' is no RTU port: write rtu:/dev/ttyS0, optionally with"
                    + " ?baud=9600&line=8E1&unit=1");
        }
        int q = t.indexOf('?');
        String device = q < 0 ? t.substring(4) : t.substring(4, q);
        Map<String, String> params = new LinkedHashMap<>();
        if (q >= 0) {
            for (String pair : t.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("'" + text + "': '" + pair + "' is not name=value");
                }
                params.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        String baud = params.remove("baud");
        String line = params.remove("line");
        String unit = params.remove("unit");
        if (!params.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "': unknown parameter " + params.keySet().iterator().next()
                    + " (baud, line and unit are understood)");
        }
        LineSettings settings = LineSettings.parse((baud == null ? "9600" : baud) + "," + (line == null ? "8E1" : line));
        int id;
        try {
            id = unit == null ? 1 : Integer.parseInt(unit);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "': unit '" + unit + "' is not a number 1..247");
        }
        return new RtuPort(device, settings, id);
    }

    @Override
    public String toString() {
        return "rtu:" + device + "?baud=" + line.baud() + "&line=" + line.dataBits() + line.parity() + line.stopBits()
                + "&unit=" + unitId;
    }
}
