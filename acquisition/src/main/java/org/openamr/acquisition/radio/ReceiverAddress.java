package org.openamr.acquisition.radio;

import java.util.Objects;

/**
 * Where wireless telegrams come from, as typed on the command line:
 *
 * <pre>
 * rtl-wmbus:stdin            rtl_wmbus's output piped in:  rtl_sdr … | rtl_wmbus | openamr listen rtl-wmbus:stdin
 * rtl-wmbus:tcp:HOST:PORT    rtl_wmbus's output served on a TCP port (e.g. through nc -l)
 * im871a:DEVICE              an IMST iM871A USB stick, e.g. im871a:/dev/ttyUSB0
 * amb8465:DEVICE             an Amber/Würth AMB8465 USB stick, e.g. amb8465:/dev/ttyUSB0
 * replay:FILE                an OpenAMR replay file
 * </pre>
 *
 * Parsed once, so that a typo is refused where it is typed.
 *
 * @param target the device path, file, or host (with {@link #port()}); empty for stdin
 */
public record ReceiverAddress(Kind kind, String target, int port) {

    public enum Kind { RTL_WMBUS_STDIN, RTL_WMBUS_TCP, IM871A, AMB8465, REPLAY }

    private static final String FORMS = "rtl-wmbus:stdin, rtl-wmbus:tcp:host:port, im871a:/dev/ttyUSB0, "
            + "amb8465:/dev/ttyUSB0 or replay:file.txt";

    public ReceiverAddress {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
    }

    /**
     * @throws IllegalArgumentException naming what is wrong, e.g. a missing port
     */
    public static ReceiverAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("receiver address is empty: expected " + FORMS);
        }
        String t = text.trim();
        int colon = t.indexOf(':');
        String scheme = colon < 0 ? t : t.substring(0, colon);
        String rest = colon < 0 ? "" : t.substring(colon + 1);
        return switch (scheme) {
            case "rtl-wmbus" -> rtlWmbus(t, rest);
            case "im871a" -> device(Kind.IM871A, t, rest);
            case "amb8465" -> device(Kind.AMB8465, t, rest);
            case "replay" -> {
                if (rest.isEmpty()) {
                    throw new IllegalArgumentException("receiver address '" + t + "' has no file: expected replay:file.txt");
                }
                yield new ReceiverAddress(Kind.REPLAY, rest, 0);
            }
            default -> throw new IllegalArgumentException("receiver address '" + t + "': unknown receiver '" + scheme
                    + "'; expected " + FORMS);
        };
    }

    private static ReceiverAddress rtlWmbus(String t, String rest) {
        if (rest.equals("stdin")) {
            return new ReceiverAddress(Kind.RTL_WMBUS_STDIN, "", 0);
        }
        if (!rest.startsWith("tcp:")) {
            throw new IllegalArgumentException("receiver address '" + t + "': expected rtl-wmbus:stdin or "
                    + "rtl-wmbus:tcp:host:port");
        }
        String hostPort = rest.substring("tcp:".length());
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new IllegalArgumentException("receiver address '" + t + "' has no port: expected rtl-wmbus:tcp:host:port");
        }
        String port = hostPort.substring(colon + 1);
        if (!port.chars().allMatch(Character::isDigit) || port.length() > 5 || Integer.parseInt(port) > 65535
                || Integer.parseInt(port) == 0) {
            throw new IllegalArgumentException("receiver address '" + t + "': port '" + port + "' is not 1–65535");
        }
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new ReceiverAddress(Kind.RTL_WMBUS_TCP, host, Integer.parseInt(port));
    }

    private static ReceiverAddress device(Kind kind, String t, String rest) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("receiver address '" + t + "' has no serial port: expected e.g. "
                    + t.replace(":", "") + ":/dev/ttyUSB0");
        }
        return new ReceiverAddress(kind, rest, 0);
    }

    /** Whether the receiver is a dongle whose mode {@code --mode} sets (rather than filters). */
    public boolean setsMode() {
        return kind == Kind.IM871A || kind == Kind.AMB8465;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case RTL_WMBUS_STDIN -> "rtl-wmbus:stdin";
            case RTL_WMBUS_TCP -> "rtl-wmbus:tcp:" + (target.contains(":") ? "[" + target + "]" : target) + ":" + port;
            case IM871A -> "im871a:" + target;
            case AMB8465 -> "amb8465:" + target;
            case REPLAY -> "replay:" + target;
        };
    }
}
