package org.openamr.cli.simulate;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import org.openamr.simulator.bus.Faults;
import org.openamr.simulator.bus.IdScheme;
import org.openamr.simulator.bus.VirtualBus;
import org.openamr.simulator.serve.Pacing;

/**
 * What {@code openamr simulate} serves: a demo segment of {@code meters} meters from {@code seed},
 * on a TCP port and/or a pseudo-terminal, paced at {@code baud} or not at all.
 *
 * @param tcp   where to listen, or null for no TCP server (port 0 picks a free one)
 * @param pty   the path masters open, or null for no pseudo-terminal
 * @param clock the meters' clock; a fixed clock makes readings exact and repeatable in tests
 */
public record SimulationSettings(int meters, IdScheme ids, long seed, Faults faults, int baud, boolean paced,
                                 InetSocketAddress tcp, Path pty, Clock clock) {

    public static final int DEFAULT_METERS = 250;

    public SimulationSettings {
        Objects.requireNonNull(ids);
        Objects.requireNonNull(faults);
        Objects.requireNonNull(clock);
        if (tcp == null && pty == null) {
            throw new IllegalArgumentException("nothing to serve on: give a TCP port, a pseudo-terminal or both");
        }
    }

    /** A fresh bus as these settings describe it; the same settings always give the same meters. */
    public VirtualBus newBus() {
        return VirtualBus.builder().seed(seed).clock(clock).baud(baud).faults(faults).demo(meters, ids).build();
    }

    /** Real timing at {@link #baud()}, or replies at once. */
    public Pacing pacing() {
        return paced ? Pacing.atBaud(baud)
                : new Pacing(false, baud, Pacing.DEFAULT_TURNAROUND_EXTRA, Pacing.DEFAULT_IDLE_RESET);
    }
}
