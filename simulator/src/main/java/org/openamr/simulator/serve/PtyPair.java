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

/**
 * Two linked pseudo-terminals made by socat, raw and without echo, so that bytes pass unchanged:
 * a simulated device reads and writes {@link #devicePath()} with plain file streams, a program
 * opens {@link #hostPath()} as its serial port (and may open and close it repeatedly). Used by the
 * virtual bus and by the radio dongle emulators.
 */
public final class PtyPair implements AutoCloseable {

    private static final long STARTUP_TIMEOUT_SECONDS = 10;
    private static final String READY = "starting data transfer loop";

    private final Path devicePath;
    private final Path hostPath;
    private final Process socat;
    private final InputStream in;
    private final OutputStream out;

    private PtyPair(Path devicePath, Path hostPath, Process socat, InputStream in, OutputStream out) {
        this.devicePath = devicePath;
        this.hostPath = hostPath;
        this.socat = socat;
        this.in = in;
        this.out = out;
    }

    /**
     * Starts socat.
     *
     * @throws IOException when socat is missing (the message says how to install it) or fails
     */
    public static PtyPair start(Path devicePath, Path hostPath) throws IOException {
        Path socatPath = Socat.require();
        removeStaleLink(devicePath);
        removeStaleLink(hostPath);
        Process p = new ProcessBuilder(socatPath.toString(), "-d", "-d",
                "pty,raw,echo=0,link=" + devicePath.toAbsolutePath(),
                "pty,raw,echo=0,link=" + hostPath.toAbsolutePath())
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
        try {
            return new PtyPair(devicePath, hostPath, p, new FileInputStream(devicePath.toFile()),
                    new FileOutputStream(devicePath.toFile()));
        } catch (IOException e) {
            p.destroy();
            throw e;
        }
    }

    /** The simulated device's end. */
    public Path devicePath() {
        return devicePath;
    }

    /** The end a program opens as its serial port. */
    public Path hostPath() {
        return hostPath;
    }

    /** Reads what the host wrote (blocks; fails once the pair is closed). */
    public InputStream in() {
        return in;
    }

    /** Writes to the host. */
    public OutputStream out() {
        return out;
    }

    public boolean isAlive() {
        return socat.isAlive();
    }

    /** Stops socat (which removes the links and ends blocked reads). */
    @Override
    public void close() throws IOException {
        socat.destroy();
        try {
            if (!socat.waitFor(5, TimeUnit.SECONDS)) {
                socat.destroyForcibly();
            }
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
