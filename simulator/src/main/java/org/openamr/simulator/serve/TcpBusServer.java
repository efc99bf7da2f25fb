package org.openamr.simulator.serve;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicLong;
import org.openamr.simulator.bus.VirtualBus;

/**
 * A virtual bus behind a transparent serial gateway (an M-Bus level converter with a TCP port, as
 * masters use in buildings): the bytes a client sends go on the bus, the slaves' bytes come back.
 * Like a gateway's serial port, it serves one client at a time; the next connection waits in the
 * backlog until the current one closes.
 */
public final class TcpBusServer implements AutoCloseable {

    private final VirtualBus bus;
    private final Pacing pacing;
    private final LineClock clock;
    private final ServerSocket server;
    private final Thread thread;
    private final AtomicLong clients = new AtomicLong();
    private volatile Socket current;
    private volatile boolean closed;

    private TcpBusServer(VirtualBus bus, ServerSocket server, Pacing pacing, LineClock clock) {
        this.bus = bus;
        this.server = server;
        this.pacing = pacing;
        this.clock = clock;
        this.thread = new Thread(this::serve, "openamr-sim-tcp-" + server.getLocalPort());
        this.thread.setDaemon(true);
    }

    /** Serves on {@code port} of the loopback interface; port 0 picks a free one (see {@link #port()}). */
    public static TcpBusServer start(VirtualBus bus, int port, Pacing pacing) throws IOException {
        return start(bus, new InetSocketAddress(InetAddress.getLoopbackAddress(), port), pacing);
    }

    /** Serves on any address, e.g. {@code new InetSocketAddress(10001)} for every interface, like a real gateway. */
    public static TcpBusServer start(VirtualBus bus, InetSocketAddress bind, Pacing pacing) throws IOException {
        return start(bus, bind, pacing, LineClock.REAL);
    }

    /** As {@link #start(VirtualBus, InetSocketAddress, Pacing)}, pacing by {@code clock} (a test's). */
    static TcpBusServer start(VirtualBus bus, InetSocketAddress bind, Pacing pacing, LineClock clock)
            throws IOException {
        TcpBusServer s = new TcpBusServer(bus, ServerSockets.listen(bind), pacing, clock);
        s.thread.start();
        return s;
    }

    public int port() {
        return server.getLocalPort();
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    /** Connections accepted so far. */
    public long clientsServed() {
        return clients.get();
    }

    private void serve() {
        while (!closed) {
            try (Socket client = server.accept()) {
                current = client;
                clients.incrementAndGet();
                client.setTcpNoDelay(true); // an E5 must not wait for Nagle
                LineSession session = new LineSession(bus, pacing, client.getOutputStream(), clock);
                InputStream in = client.getInputStream();
                byte[] buffer = new byte[512];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    session.received(buffer, n);
                }
            } catch (SocketException e) {
                // client gone or server closed: wait for the next client unless closing
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("openamr simulator: TCP client failed: " + e.getMessage());
                }
            } finally {
                current = null;
            }
        }
    }

    /** Stops accepting, drops the current client and waits for the serving thread to end. */
    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        Socket c = current;
        if (c != null) {
            c.close();
        }
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
