package org.openamr.acquisition.channel;

import java.util.Objects;

/**
 * Where a bus is reached: a TCP gateway ({@code tcp://host:port}) or a serial port (a device path
 * such as {@code /dev/ttyUSB0}, or {@code COM3}). Parsed once, so that a typo is refused where it is
 * typed rather than when the first poll runs.
 */
public record ChannelAddress(Kind kind, String text) {

    public enum Kind { TCP_GATEWAY, SERIAL_PORT }

    public ChannelAddress {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    /**
     * @throws IllegalArgumentException naming what is wrong, e.g. a missing port
     */
    public static ChannelAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("channel address is empty: expected tcp://host:port or a serial port such as /dev/ttyUSB0");
        }
        String trimmed = text.trim();
        if (trimmed.startsWith("tcp://")) {
            String rest = trimmed.substring("tcp://".length());
            int colon = rest.lastIndexOf(':');
            if (colon <= 0 || colon == rest.length() - 1) {
                throw new IllegalArgumentException("channel address '" + trimmed + "' has no port: expected tcp://host:port");
            }
            String port = rest.substring(colon + 1);
            if (!port.chars().allMatch(Character::isDigit) || port.length() > 5 || Integer.parseInt(port) > 65535
                    || Integer.parseInt(port) == 0) {
                throw new IllegalArgumentException("channel address '" + trimmed + "': port '" + port + "' is not 1–65535");
            }
            return new ChannelAddress(Kind.TCP_GATEWAY, trimmed);
        }
        if (trimmed.contains("://")) {
            throw new IllegalArgumentException("channel address '" + trimmed + "': only tcp:// gateways and serial ports are supported");
        }
        return new ChannelAddress(Kind.SERIAL_PORT, trimmed);
    }

    @Override
    public String toString() {
        return text;
    }
}
