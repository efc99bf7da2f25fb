package org.openamr.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openamr.simulator.meter.VirtualMeter;
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
    private volatile DemoFaults faults;
    /** Meters of the building its faults cut off the bus (registered, never answering), with since when. */
    private volatile Map<VirtualMeter, Instant> silent = Map.of();

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

    /**
     * Puts the building's faults on the bus; once, after the registry is seeded (their moments count from then) and
     * before anything polls or backfills.
     */
    synchronized void apply(DemoFaults faults) {
        if (this.faults != null) {
            throw new IllegalStateException("the demo bus has its faults already");
        }
        silent = Map.of(faults.apply(bus), faults.silentSince());
        this.faults = faults;
    }

    /** The faults on the bus; empty before {@link #apply}. */
    Optional<DemoFaults> faults() {
        return Optional.ofNullable(faults);
    }

    /** Every meter of the building by primary address: those on the bus and those its faults cut off. */
    public List<VirtualMeter> meters() {
        List<VirtualMeter> all = new ArrayList<>(bus.meters());
        all.addAll(silent.keySet());
        all.sort(Comparator.comparingInt(VirtualMeter::primaryAddress));
        return all;
    }

    /** The meters cut off the bus, with when they last answered: what the backfill writes of them ends there. */
    Map<VirtualMeter, Instant> silentSince() {
        return silent;
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
