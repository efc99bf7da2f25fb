package org.openamr.simulator.serve;

import java.io.IOException;
import java.nio.file.Path;
import org.openamr.simulator.bus.VirtualBus;

/**
 * A virtual bus on a pseudo-terminal ({@link PtyPair}), so that a master opens it like a serial
 * port (e.g. with jSerialComm): the simulator serves {@link #busPath()}, the master opens
 * {@link #masterPath()}. Masters may open and close the master side repeatedly; socat keeps the
 * pair alive.
 */
public final class PtyBusServer implements AutoCloseable {

    private final PtyLineServer server;

    private PtyBusServer(PtyLineServer server) {
        this.server = server;
    }

    /**
     * Starts socat and serves the bus on {@code busPath}; masters open {@code masterPath}.
     *
     * @throws IOException when socat is missing (the message says how to install it) or fails
     */
    public static PtyBusServer start(VirtualBus bus, Path busPath, Path masterPath, Pacing pacing)
            throws IOException {
        return new PtyBusServer(PtyLineServer.start(busPath, masterPath, "openamr-sim-pty",
                out -> new LineSession(bus, pacing, out)));
    }

    /** As {@link #start(VirtualBus, Path, Path, Pacing)} with the simulator's end next to it, named {@code <master>.bus}. */
    public static PtyBusServer start(VirtualBus bus, Path masterPath, Pacing pacing) throws IOException {
        return start(bus, masterPath.resolveSibling(masterPath.getFileName() + ".bus"), masterPath, pacing);
    }

    /** The simulator's end of the pair. */
    public Path busPath() {
        return server.devicePath();
    }

    /** The end a master opens as its serial port. */
    public Path masterPath() {
        return server.masterPath();
    }

    public boolean isAlive() {
        return server.isAlive();
    }

    /** Stops socat (which removes the links), which also ends the blocked read of the serving thread. */
    @Override
    public void close() throws IOException {
        server.close();
    }
}
