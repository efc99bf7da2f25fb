package org.openamr.simulator.serve;

import java.time.Duration;
import org.openamr.mbus.transport.Transport;
import org.openamr.simulator.bus.Reply;
import org.openamr.simulator.bus.VirtualBus;

/**
 * A master's channel straight into a {@link VirtualBus} in the same process, without sockets or
 * waiting: a request is answered at once, and a request nobody answers reads as silence at once
 * instead of after the response window. For counting what an algorithm sends (a search's
 * transactions), not for timing: use {@link TcpBusServer} or {@link PtyBusServer} for that. Late
 * replies arrive in time here, since there is no clock to be late against.
 */
public final class InProcessTransport implements Transport {

    private final VirtualBus bus;
    private int baud;
    private byte[] pending = new byte[0];
    private long bytesWritten;
    private long bytesRead;

    public InProcessTransport(VirtualBus bus, int baud) {
        this.bus = bus;
        this.baud = baud;
    }

    @Override
    public String name() {
        return "in-process virtual bus";
    }

    @Override
    public void write(byte[] bytes) {
        bytesWritten += bytes.length;
        for (Reply r : bus.receive(bytes)) {
            byte[] b = r.bytes();
            byte[] joined = new byte[pending.length + b.length];
            System.arraycopy(pending, 0, joined, 0, pending.length);
            System.arraycopy(b, 0, joined, pending.length, b.length);
            pending = joined;
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) {
        int n = Math.min(length, pending.length);
        System.arraycopy(pending, 0, buffer, offset, n);
        byte[] rest = new byte[pending.length - n];
        System.arraycopy(pending, n, rest, 0, rest.length);
        pending = rest;
        bytesRead += n;
        return n;
    }

    @Override
    public void discardInput() {
        pending = new byte[0];
    }

    @Override
    public int baudRate() {
        return baud;
    }

    @Override
    public void setBaudRate(int baud) {
        this.baud = baud;
    }

    @Override
    public boolean writeBlocksUntilSent() {
        return true;
    }

    /** Bytes the master sent. */
    public long bytesWritten() {
        return bytesWritten;
    }

    /** Bytes the master received. */
    public long bytesRead() {
        return bytesRead;
    }

    @Override
    public void close() {
        pending = new byte[0];
    }
}
