package org.openamr.bench.bus;

import java.time.Duration;
import org.openamr.mbus.transport.Transport;
import org.openamr.mbus.transport.TransportException;

/** Counts the bytes that pass a transport both ways: what the bus carried, for its lower time limit. */
final class CountingTransport implements Transport {

    private final Transport inner;
    private long written;
    private long read;

    CountingTransport(Transport inner) {
        this.inner = inner;
    }

    long bytes() {
        return written + read;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public void write(byte[] bytes) throws TransportException {
        inner.write(bytes);
        written += bytes.length;
    }

    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) throws TransportException {
        int n = inner.read(buffer, offset, length, timeout);
        read += n;
        return n;
    }

    @Override
    public void discardInput() throws TransportException {
        inner.discardInput();
    }

    @Override
    public int baudRate() {
        return inner.baudRate();
    }

    @Override
    public void setBaudRate(int baud) throws TransportException {
        inner.setBaudRate(baud);
    }

    @Override
    public boolean writeBlocksUntilSent() {
        return inner.writeBlocksUntilSent();
    }

    @Override
    public void close() {
        inner.close();
    }
}
