package org.openamr.simulator.radio.dongle;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openamr.simulator.serve.PtyPair;
import org.openamr.wmbus.receiver.Deframed;
import org.openamr.wmbus.receiver.Deframer;

/**
 * A wireless M-Bus USB stick on a pseudo-terminal: the host (a receiver) opens
 * {@link #hostPath()} as a serial port; the emulator answers its requests as the stick does and
 * sends telegrams when told, as if it had heard them on the radio.
 *
 * @param <F> the stick's frame type
 */
public abstract class DongleEmulator<F> implements AutoCloseable {

    private final PtyPair pty;
    private final Deframer<F> deframer;
    private final List<F> requests = new ArrayList<>();
    private final Thread reader;
    private volatile boolean closed;

    protected DongleEmulator(Path hostPath, Deframer<F> deframer, String name) throws IOException {
        this.pty = PtyPair.start(hostPath.resolveSibling(hostPath.getFileName() + ".dongle"), hostPath);
        this.deframer = deframer;
        this.reader = new Thread(this::serve, "openamr-sim-" + name);
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** The end a receiver opens as its serial port. */
    public Path hostPath() {
        return pty.hostPath();
    }

    /** The requests received so far, in order. */
    public synchronized List<F> requests() {
        return List.copyOf(requests);
    }

    /** Waits until {@code count} requests have arrived, at most {@code millis}. */
    public synchronized List<F> awaitRequests(int count, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (requests.size() < count) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                break;
            }
            wait(left);
        }
        return List.copyOf(requests);
    }

    /** The answer to a request, or empty when the stick does not answer it. */
    protected abstract Optional<byte[]> answer(F request);

    /** Writes bytes to the host, as the stick's UART would. */
    protected final void write(byte[] bytes) throws IOException {
        synchronized (pty) {
            pty.out().write(bytes);
            pty.out().flush();
        }
    }

    private void serve() {
        byte[] buffer = new byte[512];
        try {
            int n;
            while (!closed && (n = pty.in().read(buffer)) >= 0) {
                deframer.feed(buffer, 0, n);
                for (Optional<Deframed<F>> d = deframer.next(); d.isPresent(); d = deframer.next()) {
                    if (d.get() instanceof Deframed.Frame<F> f) {
                        synchronized (this) {
                            requests.add(f.frame());
                            notifyAll();
                        }
                        Optional<byte[]> a = answer(f.frame());
                        if (a.isPresent()) {
                            write(a.get());
                        }
                    }
                }
            }
        } catch (IOException e) {
            if (!closed && pty.isAlive()) {
                System.err.println("openamr dongle emulator: pseudo-terminal failed: " + e.getMessage());
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        pty.close();
    }
}
