package org.openamr.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import org.openamr.simulator.bus.VirtualBus;
import org.openamr.simulator.serve.Pacing;
import org.openamr.simulator.serve.TcpBusServer;

/**
 * The demo building's virtual M-Bus behind a TCP gateway on a free loopback port. Unpaced: a poll
 * of every meter takes seconds, not the minutes a real line at 2400 Bd needs.
 */
public final class DemoBus implements AutoCloseable {

    private final VirtualBus bus;
    private final TcpBusServer server;

    private DemoBus(VirtualBus bus, TcpBusServer server) {
        this.bus = bus;
        this.server = server;
    }

    public static DemoBus start(DemoBuilding building, Clock clock) {
        VirtualBus bus = building.bus(clock);
        Pacing unpaced = new Pacing(false, DemoBuilding.BAUD, Pacing.DEFAULT_TURNAROUND_EXTRA, Pacing.DEFAULT_IDLE_RESET);
        try {
            return new DemoBus(bus, TcpBusServer.start(bus, 0, unpaced));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the demo's virtual M-Bus on a loopback port: " + e.getMessage(), e);
        }
    }

    public VirtualBus bus() {
        return bus;
    }

    /** Where the poller reaches the bus: {@code tcp://127.0.0.1:<port>}; the port changes with every start. */
    public String channelAddress() {
        return "tcp://" + server.address().getAddress().getHostAddress() + ":" + server.port();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the demo's virtual M-Bus: " + e.getMessage(), e);
        }
    }
}
