package org.openamr.simulator.serve;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a reply at the speed of a line: each byte is handed over once its stop bit has passed,
 * in slices of about 20 ms, so that a long frame trickles in as on a line and a master's
 * inter-character timeout sees what it would on the wire.
 */
public final class PacedWriter {

    /** Replies are written in slices of about this duration. */
    private static final long SLICE_NANOS = 20_000_000L;

    private PacedWriter() {
    }

    /**
     * Writes {@code bytes} starting on the wire at {@code start} (a {@link LineClock} time), one byte
     * every {@code perByteNanos}; 0 writes them all at {@code start}.
     *
     * @return when the last byte has left the wire
     */
    public static long write(OutputStream out, LineClock clock, byte[] bytes, long start, long perByteNanos)
            throws IOException {
        if (perByteNanos == 0) {
            clock.sleepUntil(start);
            write(out, bytes, 0, bytes.length);
            return start;
        }
        int slice = (int) Math.max(1, SLICE_NANOS / perByteNanos);
        for (int from = 0; from < bytes.length; from += slice) {
            int to = Math.min(bytes.length, from + slice);
            clock.sleepUntil(start + to * perByteNanos);
            write(out, bytes, from, to - from);
        }
        return start + bytes.length * perByteNanos;
    }

    /** Writes at once; replies sent from other threads (late ones) are not interleaved with it. */
    public static void write(OutputStream out, byte[] bytes, int from, int count) throws IOException {
        synchronized (out) {
            out.write(bytes, from, count);
            out.flush();
        }
    }
}
