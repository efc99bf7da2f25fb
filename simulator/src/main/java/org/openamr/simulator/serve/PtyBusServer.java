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

    private final PtyPair pty;
    private final Thread reader;
    private volatile boolean closed;

    private PtyBusServer(PtyPair pty, LineSession session) {
        this.pty = pty;
        this.reader = new Thread(() -> serve(session), "openamr-sim-pty");
        this.reader.setDaemon(true);
    }

    /**
     * Starts socat and serves the bus on {@code busPath}; masters open {@code masterPath}.
     *
     * @throws IOException when socat is missing (the message says how to install it) or fails
     */
    public static PtyBusServer start(VirtualBus bus, Path busPath, Path masterPath, Pacing pacing)
            throws IOException {
        PtyPair pty = PtyPair.start(busPath, masterPath);
        PtyBusServer s = new PtyBusServer(pty, new LineSession(bus, pacing, pty.out()));
        s.reader.start();
        return s;
    }

    /** As {@link #start(VirtualBus, Path, Path, Pacing)} with the simulator's end next to it, named {@code <master>.bus}. */
    public static PtyBusServer start(VirtualBus bus, Path masterPath, Pacing pacing) throws IOException {
        return start(bus, masterPath.resolveSibling(masterPath.getFileName() + ".bus"), masterPath, pacing);
    }

    /** The simulator's end of the pair. */
    public Path busPath() {
        return pty.devicePath();
    }

    /** The end a master opens as its serial port. */
    public Path masterPath() {
        return pty.hostPath();
    }

    public boolean isAlive() {
        return pty.isAlive() && reader.isAlive();
    }

    private void serve(LineSession session) {
        byte[] buffer = new byte[512];
        try {
            int n;
            while (!closed && (n = pty.in().read(buffer)) >= 0) {
                if (n > 0) {
                    session.received(buffer, n);
                }
            }
        } catch (IOException e) {
            // When socat is gone (stopped with the JVM by Ctrl-C, say) the read fails too: not news.
            if (!closed && pty.isAlive()) {
                System.err.println("openamr simulator: pseudo-terminal failed: " + e.getMessage());
            }
        }
    }

    /** Stops socat (which removes the links), which also ends the blocked read of the serving thread. */
    @Override
    public void close() throws IOException {
        closed = true;
        try {
            pty.close();
        } finally {
            try {
                reader.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
