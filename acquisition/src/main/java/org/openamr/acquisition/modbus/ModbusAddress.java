package org.openamr.acquisition.modbus;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import org.openamr.serial.LineSettings;

/**
 * Where a Modbus channel is reached, parsed once so that a typo is refused where it is typed rather
 * than at the first poll. {@link #toString()} gives the canonical text, the same for every spelling
 * of one channel (the server stores it as a channel's address):
 *
 * <pre>
 * tcp://host[:port]                          Modbus TCP (MBAP header), port 502 by default
 * rtu+tcp://host:port                        RTU frames (with CRC) through a TCP serial device server
 * rtu:/dev/ttyUSB0?baud=9600&amp;format=8E1      RTU on a serial port (also rtu:COM3); baud 1200–115200,
 *                                            format 8E1 (default), 8O1, 8N2 or 8N1; 9600 baud by default
 * </pre>
 */
public sealed interface ModbusAddress {

    int DEFAULT_TCP_PORT = 502;
    int DEFAULT_BAUD = 9600;
    String DEFAULT_FORMAT = "8E1";
    int MIN_BAUD = 1200;
    int MAX_BAUD = 115200;
    /** The character formats of the Modbus serial line specification (8E1 its default), and 8N1 that many devices use. */
    Set<String> FORMATS = Set.of("8E1", "8O1", "8N2", "8N1");

    /** How frames travel on a TCP connection. */
    enum Framing {
        /** Modbus TCP: an MBAP header with a transaction id, no CRC. */
        MBAP("tcp"),
        /** RTU frames, CRC and all, as a serial device server passes them between TCP and its serial line. */
        RTU("rtu+tcp");

        private final String scheme;

        Framing(String scheme) {
            this.scheme = scheme;
        }

        /** {@code tcp} or {@code rtu+tcp}. */
        public String scheme() {
            return scheme;
        }
    }

    /** A TCP connection to a Modbus TCP device or gateway, or to a serial device server. */
    record Tcp(Framing framing, String host, int port) implements ModbusAddress {
        public Tcp {
            Objects.requireNonNull(framing, "framing");
            Objects.requireNonNull(host, "host");
        }

        @Override
        public String toString() {
            return framing.scheme() + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    /** RTU on a local serial port. */
    record Serial(String port, LineSettings line) implements ModbusAddress {
        public Serial {
            Objects.requireNonNull(port, "port");
            Objects.requireNonNull(line, "line");
        }

        /** {@code 8E1}. */
        public String format() {
            return "" + line.dataBits() + line.parity() + line.stopBits();
        }

        /**
         * The silence that ends a frame and must pass before the next one: 3.5 characters of 11 bits
         * (start, 8 data, parity or a second stop bit, stop), and a fixed 1.75 ms above 19200 baud, as
         * the Modbus serial line specification sets it. An 8N1 character has 10 bits, but the
         * specification counts 11 for every format, which only lengthens the pause.
         */
        public Duration silentInterval() {
            if (line.baud() > 19200) {
                return Duration.ofNanos(1_750_000);
            }
            return Duration.ofNanos(Math.round(3.5 * 11 * 1e9 / line.baud()));
        }

        /** How long {@code bytes} characters of 11 bits take on the line. */
        public Duration wireTime(int bytes) {
            return Duration.ofNanos(Math.round(bytes * 11 * 1e9 / line.baud()));
        }

        @Override
        public String toString() {
            return "rtu:" + port + "?baud=" + line.baud() + "&format=" + format();
        }
    }

    /**
     * @throws IllegalArgumentException saying what is wrong and what was expected
     */
    static ModbusAddress parse(String text) {
        return AddressText.parse(text);
    }
}
