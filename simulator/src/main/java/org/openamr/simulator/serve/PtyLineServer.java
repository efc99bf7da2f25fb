package org.openamr.simulator.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * A simulated device on a pseudo-terminal ({@link PtyPair}), so that a master opens it like a
 * serial port (e.g. with jSerialComm): the simulator serves {@link #devicePath()} through a
 * {@link ByteSession}, the master opens {@link #masterPath()}. Masters may open and close the master
 * side repeatedly; socat keeps the pair alive.
 */
public final class PtyLineServer implements AutoCloseable {

    private final PtyPair pty;
    private final Thread reader;
    private volatile boolean closed;

    private PtyLineServer(PtyPair pty, ByteSession session, String name) {
        this.pty = pty;
        this.reader = new Thread(() -> serve(session), name);
        this.reader.setDaemon(true);
    }

    /**
     * Starts socat and serves {@code devicePath} with the session {@code sessions} makes from its
     * output stream; masters open {@code masterPath}.
     *
     * @param name names the serving thread
     * @throws IOException when socat is missing (the message says how to install it) or fails
     */
    public static PtyLineServer start(Path devicePath, Path masterPath, String name,
            Function<OutputStream, ByteSession> sessions) throws IOException {
        PtyPair pty = PtyPair.start(devicePath, masterPath);
        PtyLineServer s = new PtyLineServer(pty, sessions.apply(pty.out()), name);
        s.reader.start();
        return s;
    }

    /** The simulator's end of the pair. */
    public Path devicePath() {
        return pty.devicePath();
    }

    /** The end a master opens as its serial port. */
    public Path masterPath() {
        return pty.hostPath();
    }

    public boolean isAlive() {
        return pty.isAlive() && reader.isAlive();
    }

    private void serve(ByteSession session) {
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
