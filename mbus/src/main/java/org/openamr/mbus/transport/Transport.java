package org.openamr.mbus.transport;

import java.time.Duration;

/**
 * A byte channel to an M-Bus segment: a serial port behind a level converter, or a transparent
 * serial gateway over TCP. Implementations reopen a lost connection on the next call, so that one
 * failure does not make a bus unusable. Not thread-safe: the master serialises its transactions.
 */
public interface Transport extends AutoCloseable {

    /** How the channel is named to users, e.g. {@code tcp://10.0.0.5:10001} or {@code /dev/ttyUSB0}. */
    String name();

    /** Writes all bytes; returns when they are handed to the channel (not necessarily on the wire). */
    void write(byte[] bytes) throws TransportException;

    /**
     * Reads what is available into {@code buffer}, waiting at most {@code timeout} for the first byte.
     *
     * @return the number of bytes read, 0 when none arrived in time
     */
    int read(byte[] buffer, int offset, int length, Duration timeout) throws TransportException;

    /** Drops bytes received so far, e.g. a late answer to an earlier request. */
    void discardInput() throws TransportException;

    /** The line speed in bit/s that timing is computed from. */
    int baudRate();

    /** Changes the line speed (after the slaves were told with a baud-rate switch). */
    void setBaudRate(int baud) throws TransportException;

    /**
     * True when {@link #write} returns only after the bytes left the local UART (a serial port); false
     * when the channel buffers them (TCP), so the frame's transmission time still lies ahead.
     */
    boolean writeBlocksUntilSent();

    /**
     * How long bytes of one frame may be held up by the channel itself, beyond the line's own
     * character gap: zero for a serial port, more for TCP, where a gateway's Nagle algorithm and the
     * peer's delayed acknowledgement alone can hold a frame's tail back by 40 ms.
     */
    default Duration interByteJitter() {
        return Duration.ZERO;
    }

    @Override
    void close();
}
