package org.openamr.simulator.serve;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.openamr.simulator.bus.VirtualBus;

/**
 * A virtual bus behind a transparent serial gateway (an M-Bus level converter with a TCP port, as
 * masters use in buildings): the bytes a client sends go on the bus, the slaves' bytes come back.
 * Like a gateway's serial port, it serves one client at a time; the next connection waits in the
 * backlog until the current one closes.
 */
public final class TcpBusServer implements AutoCloseable {

    private final TcpLineServer server;

    private TcpBusServer(TcpLineServer server) {
        this.server = server;
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
        return new TcpBusServer(TcpLineServer.start(bind, "openamr-sim-tcp",
                out -> new LineSession(bus, pacing, out, clock), TcpLineServer.Clients.ONE_AT_A_TIME));
    }

    public int port() {
        return server.port();
    }

    public InetSocketAddress address() {
        return server.address();
    }

    /** Connections accepted so far. */
    public long clientsServed() {
        return server.clientsServed();
    }

    /** Stops accepting, drops the current client and waits for the serving thread to end. */
    @Override
    public void close() throws IOException {
        server.close();
    }
}
