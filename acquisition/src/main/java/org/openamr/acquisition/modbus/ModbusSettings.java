package org.openamr.acquisition.modbus;

import java.time.Duration;
import java.util.Objects;

/**
 * How patient a {@link ModbusMaster} is.
 *
 * @param responseTimeout how long a request waits for its complete answer; on a serial line the time
 *                        the request and the answer take on the wire at the line's baud rate is added
 *                        (on TCP it is the whole wait, a gateway's serial line included)
 * @param attempts        how often a request is sent before its failure is reported: a timeout, a CRC
 *                        error or an unexpected answer is tried again; a slave's exception answer and a
 *                        channel failure are not, as a repetition would get the same
 * @param connectTimeout  how long opening a TCP connection may take
 */
public record ModbusSettings(Duration responseTimeout, int attempts, Duration connectTimeout) {

    /** Polling: 1 s for an answer, three tries. */
    public static final ModbusSettings DEFAULT = new ModbusSettings(Duration.ofSeconds(1), 3, Duration.ofSeconds(5));

    /**
     * Scanning: one try of 200 ms per unit id, so that 247 absent ids cost under a minute at 9600
     * baud; a slave that answers a read of one register takes a few milliseconds on the wire plus
     * its own reaction time, which Modbus devices keep well under that.
     */
    public static final ModbusSettings SCAN = new ModbusSettings(Duration.ofMillis(200), 1, Duration.ofSeconds(5));

    public ModbusSettings {
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (responseTimeout.toMillis() < 1 || responseTimeout.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("response timeout " + responseTimeout.toMillis()
                    + " ms is outside 1 ms – 60 s");
        }
        if (attempts < 1 || attempts > 10) {
            throw new IllegalArgumentException("attempts " + attempts + " is outside 1–10");
        }
        if (connectTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("connect timeout must be at least 1 ms");
        }
    }

    public ModbusSettings withResponseTimeout(Duration timeout) {
        return new ModbusSettings(timeout, attempts, connectTimeout);
    }

    public ModbusSettings withAttempts(int n) {
        return new ModbusSettings(responseTimeout, n, connectTimeout);
    }
}
