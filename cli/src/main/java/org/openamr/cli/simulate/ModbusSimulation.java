package org.openamr.cli.simulate;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openamr.simulator.modbus.ModbusServers;
import org.openamr.simulator.modbus.VirtualModbusBus;
import org.openamr.simulator.serve.PtyLineServer;
import org.openamr.simulator.serve.Socat;
import org.openamr.simulator.serve.TcpLineServer;

/**
 * A running virtual Modbus bus: one bus served on Modbus TCP, RTU over TCP and/or a pseudo-terminal.
 * All of {@code openamr simulate modbus} except printing and waiting, so that tests start and stop it
 * in-process. Either every requested server runs or {@link #start} throws and none does.
 */
final class ModbusSimulation implements Closeable {

    private final ModbusSimulationSettings settings;
    private final VirtualModbusBus bus;
    private final TcpLineServer tcp;
    private final TcpLineServer rtuTcp;
    private final PtyLineServer pty;
    private final long startNanos = System.nanoTime();

    private ModbusSimulation(ModbusSimulationSettings settings, VirtualModbusBus bus, TcpLineServer tcp,
            TcpLineServer rtuTcp, PtyLineServer pty) {
        this.settings = settings;
        this.bus = bus;
        this.tcp = tcp;
        this.rtuTcp = rtuTcp;
        this.pty = pty;
    }

    /**
     * Builds the bus and starts its servers.
     *
     * @throws IOException with a message for a user: a port is taken, socat is missing (with the
     *                     install hint), the pseudo-terminal path cannot be used
     */
    static ModbusSimulation start(ModbusSimulationSettings settings) throws IOException {
        if (settings.pty() != null && Socat.find().isEmpty()) {
            throw new IOException(Socat.INSTALL_HINT); // before anything listens
        }
        VirtualModbusBus bus = settings.newBus();
        List<AutoCloseable> started = new ArrayList<>();
        try {
            TcpLineServer tcp = settings.tcp() == null ? null
                    : ListenAddress.listen(settings.tcp(), "--tcp", at -> ModbusServers.tcp(bus, at));
            started.add(tcp);
            TcpLineServer rtuTcp = settings.rtuTcp() == null ? null : ListenAddress.listen(settings.rtuTcp(),
                    "--rtu-tcp", at -> ModbusServers.rtuOverTcp(bus, at, settings.timing()));
            started.add(rtuTcp);
            PtyLineServer pty = null;
            if (settings.pty() != null) {
                try {
                    pty = ModbusServers.rtuPty(bus, settings.pty(), settings.timing());
                } catch (IOException | RuntimeException e) {
                    throw new IOException("cannot serve the pseudo-terminal " + settings.pty() + ": " + e.getMessage(), e);
                }
            }
            return new ModbusSimulation(settings, bus, tcp, rtuTcp, pty);
        } catch (IOException | RuntimeException e) {
            for (AutoCloseable c : started) {
                Simulation.closeQuietly(c);
            }
            throw e;
        }
    }

    ModbusSimulationSettings settings() {
        return settings;
    }

    /** The bus being served; its {@link VirtualModbusBus#truth()} is what masters must read. */
    VirtualModbusBus bus() {
        return bus;
    }

    Optional<InetSocketAddress> tcpAddress() {
        return tcp == null ? Optional.empty() : Optional.of(tcp.address());
    }

    Optional<InetSocketAddress> rtuTcpAddress() {
        return rtuTcp == null ? Optional.empty() : Optional.of(rtuTcp.address());
    }

    /** The path masters open as a serial port, if a pseudo-terminal is served. */
    Optional<Path> ptyPath() {
        return pty == null ? Optional.empty() : Optional.of(pty.masterPath());
    }

    /** TCP connections accepted so far, on both TCP servers. */
    long tcpClients() {
        return (tcp == null ? 0 : tcp.clientsServed()) + (rtuTcp == null ? 0 : rtuTcp.clientsServed());
    }

    /** Nanoseconds since start. */
    long uptimeNanos() {
        return System.nanoTime() - startNanos;
    }

    /** The addresses a master on this machine uses, as {@code openamr modbus} writes them: TCP first. */
    List<String> localChannels() {
        List<String> out = new ArrayList<>();
        tcpAddress().ifPresent(a -> out.add("tcp://" + localHost(a) + ":" + a.getPort()));
        rtuTcpAddress().ifPresent(a -> out.add("rtu+tcp://" + localHost(a) + ":" + a.getPort()));
        ptyPath().ifPresent(p -> out.add("rtu:" + p + "?baud=" + settings.baud() + "&format=" + settings.format()));
        return out;
    }

    private static String localHost(InetSocketAddress a) {
        return a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : Simulation.hostOf(a);
    }

    /** Stops every server (the pseudo-terminal's links disappear); safe to call twice. */
    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (AutoCloseable c : new AutoCloseable[] {pty, rtuTcp, tcp}) {
            if (c == null) {
                continue;
            }
            try {
                c.close();
            } catch (Exception e) {
                IOException io = e instanceof IOException x ? x : new IOException(e.getMessage(), e);
                if (failure == null) {
                    failure = io;
                } else {
                    failure.addSuppressed(io);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
