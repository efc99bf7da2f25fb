package org.openamr.serial;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.openamr.mbus.transport.Transport;
import org.openamr.mbus.transport.TransportException;

/**
 * A serial port (an M-Bus level converter on RS-232/RS-485/USB, or a pseudo-terminal) through
 * jSerialComm. The port opens on first use and is reopened after an error.
 */
public final class SerialTransport implements Transport {

    /** Resolution of read timeouts: a character at 38400 baud takes 0.29 ms, at 9600 baud 1.1 ms. */
    private static final long POLL_NANOS = 500_000L;

    private final String path;
    private LineSettings line;
    private SerialPort port;

    public SerialTransport(String path, LineSettings line) {
        this.path = path;
        this.line = line;
    }

    @Override
    public String name() {
        return path;
    }

    private SerialPort open() throws TransportException {
        if (port != null && port.isOpen()) {
            return port;
        }
        if (!Files.exists(Path.of(path))) {
            throw new TransportException(path, "no such serial port" + available());
        }
        SerialPort p;
        try {
            p = SerialPort.getCommPort(path);
        } catch (SerialPortInvalidPortException e) {
            throw new TransportException(path, "not a serial port (" + e.getMessage() + ")", e);
        }
        p.setComPortParameters(line.baud(), line.dataBits(), line.serialPortStopBits(), line.serialPortParity());
        p.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        p.setComPortTimeouts(SerialPort.TIMEOUT_NONBLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, 0, 1000);
        if (!p.openPort()) {
            throw new TransportException(path, "cannot open the port (in use, or no permission: error "
                    + p.getLastErrorCode() + ")");
        }
        port = p;
        return p;
    }

    @Override
    public void write(byte[] bytes) throws TransportException {
        SerialPort p = open();
        int n = p.writeBytes(bytes, bytes.length);
        if (n != bytes.length) {
            reopenLater();
            throw new TransportException(path, "write failed after " + Math.max(n, 0) + " of " + bytes.length
                    + " bytes (error " + p.getLastErrorCode() + ")");
        }
    }

    /**
     * Waits for bytes by polling the driver's input count every {@link #POLL_NANOS}. jSerialComm's
     * own read timeouts use the terminal's VTIME, which counts in tenths of a second: a 34 ms
     * character gap would become 100 ms and an M-Bus response window at 9600 baud twice as long.
     */
    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) throws TransportException {
        SerialPort p = open();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            int available = p.bytesAvailable();
            if (available < 0) {
                throw unplugged(p);
            }
            if (available > 0) {
                int n = p.readBytes(buffer, Math.min(available, length), offset);
                if (n < 0) {
                    throw unplugged(p);
                }
                return n;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return 0;
            }
            LockSupport.parkNanos(Math.min(left, POLL_NANOS));
        }
    }

    @Override
    public void discardInput() throws TransportException {
        SerialPort p = open();
        int available = p.bytesAvailable();
        if (available > 0) {
            p.readBytes(new byte[available], available);
        }
    }

    @Override
    public int baudRate() {
        return line.baud();
    }

    @Override
    public void setBaudRate(int baud) throws TransportException {
        line = new LineSettings(baud, line.dataBits(), line.parity(), line.stopBits());
        if (port != null && port.isOpen() && !port.setBaudRate(baud)) {
            throw new TransportException(path, "cannot switch to " + baud + " baud");
        }
    }

    @Override
    public boolean writeBlocksUntilSent() {
        return false; // the OS buffers the frame: its transmission time still lies ahead
    }

    @Override
    public void close() {
        reopenLater();
    }

    private void reopenLater() {
        if (port != null) {
            port.closePort();
            port = null;
        }
    }

    /** The port vanished under a read: closed for reopening, and named for the user. */
    private TransportException unplugged(SerialPort p) {
        int error = p.getLastErrorCode();
        reopenLater();
        return new TransportException(path, "read failed (error " + error + "): the port was closed or unplugged");
    }

    private static String available() {
        String names = Arrays.stream(SerialPort.getCommPorts()).map(SerialPort::getSystemPortPath)
                .collect(Collectors.joining(", "));
        return names.isEmpty() ? " (this machine lists no serial ports)" : " (ports here: " + names + ")";
    }
}
