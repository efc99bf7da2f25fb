package org.openamr.simulator.serve;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openamr.simulator.bus.VirtualBus;

/**
 * A virtual bus on a pseudo-terminal, so that a master opens it like a serial port (e.g. with
 * jSerialComm). socat makes two linked pseudo-terminals: the simulator reads and writes one
 * ({@link #busPath()}) with plain file streams, the master opens the other ({@link #masterPath()}).
 * Both are raw and without echo, so bytes pass unchanged. Masters may open and close the master
 * side repeatedly; socat keeps the pair alive.
 */
public final class PtyBusServer implements AutoCloseable {

    private static final long STARTUP_TIMEOUT_SECONDS = 10;
    private static final String READY = "starting data transfer loop";

    private final Path busPath;
    private final Path masterPath;
    private final Process socat;
    private final InputStream in;
    private final OutputStream out;
    private final Thread reader;
    private volatile boolean closed;

    private PtyBusServer(Path busPath, Path masterPath, Process socat, InputStream in, OutputStream out,
            LineSession session) {
        this.busPath = busPath;
        this.masterPath = masterPath;
        this.socat = socat;
        this.in = in;
        this.out = out;
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
        Path socatPath = Socat.require();
        removeStaleLink(busPath);
        removeStaleLink(masterPath);
        Process p = new ProcessBuilder(socatPath.toString(), "-d", "-d",
                "pty,raw,echo=0,link=" + busPath.toAbsolutePath(),
                "pty,raw,echo=0,link=" + masterPath.toAbsolutePath())
                .redirectErrorStream(true).start();
        Deque<String> log = new ArrayDeque<>();
        CountDownLatch ready = new CountDownLatch(1);
        Thread logger = new Thread(() -> drain(p, log, ready), "openamr-sim-socat-log");
        logger.setDaemon(true);
        logger.start();
        try {
            if (!ready.await(STARTUP_TIMEOUT_SECONDS, TimeUnit.SECONDS) || !p.isAlive()) {
                p.destroy();
                throw new IOException("socat did not set up the pseudo-terminals: " + snapshot(log));
            }
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting socat", e);
        }
        InputStream in;
        OutputStream out;
        try {
            in = new FileInputStream(busPath.toFile());
            out = new FileOutputStream(busPath.toFile());
        } catch (IOException e) {
            p.destroy();
            throw e;
        }
        PtyBusServer s = new PtyBusServer(busPath, masterPath, p, in, out, new LineSession(bus, pacing, out));
        s.reader.start();
        return s;
    }

    /** As {@link #start(VirtualBus, Path, Path, Pacing)} with the simulator's end next to it, named {@code <master>.bus}. */
    public static PtyBusServer start(VirtualBus bus, Path masterPath, Pacing pacing) throws IOException {
        return start(bus, masterPath.resolveSibling(masterPath.getFileName() + ".bus"), masterPath, pacing);
    }

    /** The simulator's end of the pair. */
    public Path busPath() {
        return busPath;
    }

    /** The end a master opens as its serial port. */
    public Path masterPath() {
        return masterPath;
    }

    public boolean isAlive() {
        return socat.isAlive() && reader.isAlive();
    }

    private void serve(LineSession session) {
        byte[] buffer = new byte[512];
        try {
            int n;
            while (!closed && (n = in.read(buffer)) >= 0) {
                if (n > 0) {
                    session.received(buffer, n);
                }
            }
        } catch (IOException e) {
            // When socat is gone (stopped with the JVM by Ctrl-C, say) the read fails too: not news.
            if (!closed && socat.isAlive()) {
                System.err.println("openamr simulator: pseudo-terminal failed: " + e.getMessage());
            }
        }
    }

    /** Stops socat (which removes the links), which also ends the blocked read of the serving thread. */
    @Override
    public void close() throws IOException {
        closed = true;
        socat.destroy();
        try {
            if (!socat.waitFor(5, TimeUnit.SECONDS)) {
                socat.destroyForcibly();
            }
            reader.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            in.close();
            out.close();
        }
    }

    private static void drain(Process p, Deque<String> log, CountDownLatch ready) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (log) {
                    log.addLast(line);
                    if (log.size() > 20) {
                        log.removeFirst();
                    }
                }
                if (line.contains(READY)) {
                    ready.countDown();
                }
            }
        } catch (IOException e) {
            // socat ended; its exit shows in isAlive()
        }
    }

    private static String snapshot(Deque<String> log) {
        synchronized (log) {
            return log.isEmpty() ? "(no output)" : String.join(" | ", List.copyOf(log));
        }
    }

    /** socat would fail on an existing link; an old symbolic link from a killed run is removed. */
    private static void removeStaleLink(Path p) throws IOException {
        if (Files.isSymbolicLink(p)) {
            Files.delete(p);
        } else if (Files.exists(p)) {
            throw new IOException(p + " exists and is not a link socat made; choose another path");
        }
    }
}
