package org.openamr.cli.simulate;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;
import org.openamr.simulator.bus.BusStats;
import org.openamr.simulator.bus.VirtualBus;
import org.openamr.simulator.serve.PtyBusServer;
import org.openamr.simulator.serve.Socat;
import org.openamr.simulator.serve.TcpBusServer;

/**
 * A running virtual segment: one bus served on a TCP port and/or a pseudo-terminal. This is all of
 * {@code openamr simulate} except printing and waiting, so that tests start and stop it in-process.
 * Either every requested server runs or {@link #start} throws and none does.
 */
public final class Simulation implements Closeable {

    private final SimulationSettings settings;
    private final VirtualBus bus;
    private final TcpBusServer tcp;
    private final PtyBusServer pty;
    private final long startNanos = System.nanoTime();

    private Simulation(SimulationSettings settings, VirtualBus bus, TcpBusServer tcp, PtyBusServer pty) {
        this.settings = settings;
        this.bus = bus;
        this.tcp = tcp;
        this.pty = pty;
    }

    /**
     * Builds the bus and starts its servers.
     *
     * @throws IOException with a message for a user: the port is taken, socat is missing (with the
     *                     install hint), the pseudo-terminal path cannot be used
     */
    public static Simulation start(SimulationSettings settings) throws IOException {
        if (settings.pty() != null && Socat.find().isEmpty()) {
            throw new IOException(Socat.INSTALL_HINT); // before anything listens
        }
        VirtualBus bus = settings.newBus();
        TcpBusServer tcp = null;
        if (settings.tcp() != null) {
            tcp = startTcp(bus, settings);
        }
        PtyBusServer pty = null;
        if (settings.pty() != null) {
            try {
                pty = PtyBusServer.start(bus, settings.pty(), settings.pacing());
            } catch (IOException | RuntimeException e) {
                closeQuietly(tcp);
                throw new IOException("cannot serve the pseudo-terminal " + settings.pty() + ": " + e.getMessage(), e);
            }
        }
        return new Simulation(settings, bus, tcp, pty);
    }

    private static TcpBusServer startTcp(VirtualBus bus, SimulationSettings settings) throws IOException {
        return ListenAddress.listen(settings.tcp(), "--tcp", at -> TcpBusServer.start(bus, at, settings.pacing()));
    }

    public SimulationSettings settings() {
        return settings;
    }

    /** The bus being served; its {@link VirtualBus#truth()} is what masters must read. */
    public VirtualBus bus() {
        return bus;
    }

    /** Where the TCP server listens, with the real port when 0 was asked for. */
    public Optional<InetSocketAddress> tcpAddress() {
        return tcp == null ? Optional.empty() : Optional.of(tcp.address());
    }

    /** The port the TCP server listens on, or -1 without one. */
    public int tcpPort() {
        return tcp == null ? -1 : tcp.port();
    }

    /** The path masters open as a serial port, if a pseudo-terminal is served. */
    public Optional<Path> ptyPath() {
        return pty == null ? Optional.empty() : Optional.of(pty.masterPath());
    }

    /** TCP connections accepted so far. */
    public long tcpClients() {
        return tcp == null ? 0 : tcp.clientsServed();
    }

    public BusStats stats() {
        return bus.stats();
    }

    /** Nanoseconds since start. */
    public long uptimeNanos() {
        return System.nanoTime() - startNanos;
    }

    /** A URL or path a master on this machine uses to reach the bus: TCP first. */
    public String localChannel() {
        if (tcp != null) {
            InetSocketAddress a = tcp.address();
            String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : hostOf(a);
            return "tcp://" + host + ":" + a.getPort();
        }
        return pty.masterPath().toString();
    }

    static String hostOf(InetSocketAddress a) {
        String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** Stops both servers (the pseudo-terminal's links disappear); safe to call twice. */
    @Override
    public void close() throws IOException {
        IOException failure = null;
        if (pty != null) {
            try {
                pty.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        if (tcp != null) {
            try {
                tcp.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                // already failing for a better reason
            }
        }
    }
}
