package org.openamr.simulator.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.openamr.mbus.link.Frame;
import org.openamr.mbus.link.FrameAssembler;

/**
 * The master's end of a byte stream in tests: writes requests, and reads frames with a timeout
 * from a reader thread (file streams of a pseudo-terminal cannot time out by themselves).
 */
final class MasterLine implements AutoCloseable {

    private final OutputStream out;
    private final InputStream in;
    private final BlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
    private final FrameAssembler assembler = new FrameAssembler();
    private final Thread reader;
    private long lastChunkNanos;
    private volatile boolean closed;

    MasterLine(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
        this.reader = new Thread(this::read, "test-master-reader");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /**
     * Polls {@code available()} instead of blocking in {@code read()}: closing a file stream does
     * not wake a thread blocked reading a terminal, and such a thread would steal the bytes meant
     * for the next opening of the same pseudo-terminal.
     */
    private void read() {
        byte[] buffer = new byte[512];
        try {
            while (!closed) {
                int available = in.available();
                if (available == 0) {
                    Thread.sleep(2);
                    continue;
                }
                int n = in.read(buffer, 0, Math.min(available, buffer.length));
                if (n < 0) {
                    return;
                }
                chunks.add(java.util.Arrays.copyOf(buffer, n));
            }
        } catch (IOException | InterruptedException e) {
            // closed
        }
    }

    void send(byte[] request) throws IOException {
        out.write(request);
        out.flush();
    }

    /** The next frame, or empty when none completes within {@code millis}. */
    Optional<Frame> frame(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (true) {
            Optional<Frame> f = assembler.next();
            if (f.isPresent()) {
                return f;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            byte[] chunk = chunks.poll(left, TimeUnit.NANOSECONDS);
            if (chunk != null) {
                lastChunkNanos = System.nanoTime();
                assembler.feed(chunk);
            }
        }
    }

    /** When the last bytes arrived (System.nanoTime). */
    long lastChunkNanos() {
        return lastChunkNanos;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        try {
            reader.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        in.close();
        out.close();
    }
}
